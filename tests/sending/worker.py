"""The Celery worker of the sending tests and the benchmark: tests/workers.py's, mail over real SMTP."""

import subprocess
from pathlib import Path

from tests import workers


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
