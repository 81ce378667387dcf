"""The Celery worker of the sending tests and the benchmark: tests/workers.py's, mail over real SMTP."""

import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from django.utils import timezone

from sending.models import Send
from tests import factories, workers
from tests.sending.conftest import subscribers_create

WAIT_SECONDS = 90


def queue_name() -> str:
    return workers.queue_name("crpv-sending")


def worker_start(
    *,
    db_url: str,
    queue: str,
    smtp_port: int,
    log_path: Path,
    schedule_path: Path,
    concurrency: int = 2,
    extra_env: dict[str, str] | None = None,
    queues: dict[str, str] | None = None,
    beat: bool = True,
) -> subprocess.Popen:
    """A worker sending to the SMTP server on ``smtp_port``, with beat's tick and the leases in seconds."""
    return workers.worker_start(
        db_url=db_url,
        queue=queue,
        log_path=log_path,
        schedule_path=schedule_path,
        settings_module="tests.sending.worker_settings",
        concurrency=concurrency,
        queues=queues,
        beat=beat,
        extra_env={
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "SENDING_TICK_SECONDS": "1",
            "SENDING_LEASE_SECONDS": "3",
            "SENDING_MAX_RATE": "100000",
            **(extra_env or {}),
        },
    )


def send_due_now(site_tree, *, recipients: int, rate_per_second: int, batch_size: int = 50) -> Send:
    """A send of a live issue to ``recipients`` confirmed subscribers, due now: beat's tick starts it."""
    newsletter_list = factories.NewsletterListFactory(name="Résonances", slug="resonances")
    issue = factories.NewsletterIssuePageFactory(
        parent=site_tree.newsletters, newsletter_list=newsletter_list, title="Séminaire des élu·e·s", live=True
    )
    subscribers_create(newsletter_list, recipients)
    return Send.objects.create(
        issue=issue,
        newsletter_list=newsletter_list,
        scheduled_at=timezone.now(),
        rate_per_second=rate_per_second,
        batch_size=batch_size,
    )


def wait_for(
    predicate: Callable[[], bool],
    processes: Sequence[subprocess.Popen],
    log_path: Path,
    seconds: float = WAIT_SECONDS,
) -> float:
    """Seconds until ``predicate`` holds; fails with the workers' log if one stops or time runs out."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if predicate():
            return time.monotonic() - started
        for process in processes:
            assert process.poll() is None, f"a worker stopped:\n{log_path.read_text()[-3000:]}"
        time.sleep(0.1)
    pytest.fail(f"timed out after {seconds} s; workers' log:\n{log_path.read_text()[-4000:]}")
