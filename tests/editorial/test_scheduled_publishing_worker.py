"""A real Celery worker, with beat embedded, publishes a page when its go-live time comes.

Only meaningful on PostgreSQL and Redis, as in production: the worker is another process and must
see the test database (committed rows: a transactional test) and the broker. Beat reads its
schedule from the database (django-celery-beat); the test adds a one-second entry routed to a queue
of its own, so that no other worker on the same Redis takes the task and the project's one-minute
entry does not come due during the test.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from wagtail.models import Page

from tests import factories
from tests.editorial.helpers import submit, workflow_action

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 90


def _redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


def _skip_reason() -> str | None:
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://", "pgsql://")):
        return "needs DATABASE_URL on PostgreSQL: the worker process must reach the test database"
    if not redis_url:
        return "needs REDIS_URL: the worker takes its tasks from Redis"
    if not _redis_reachable(redis_url):
        return f"Redis at REDIS_URL ({redis_url}) does not answer"
    return None


SKIP_REASON = _skip_reason()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")]


def _test_database_url() -> str:
    """DATABASE_URL of the database this test runs on (the test database, not the configured one)."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


@pytest.fixture
def queue(transactional_db) -> str:
    """A queue of this run's own, and a beat entry sending editorial.publish_scheduled to it every second."""
    name = f"crpv-test-{uuid.uuid4().hex[:12]}"
    every_second, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(name=name, task="editorial.publish_scheduled", interval=every_second, queue=name)
    return name


@pytest.fixture
def worker(queue, tmp_path):
    """`celery -A config worker -B` on the test database, stopped (warm shutdown, then killed) afterwards."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": os.environ["REDIS_URL"],
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "PYTHONUNBUFFERED": "1",
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed arguments)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--beat",
            "--queues",
            queue,
            "--hostname",
            f"{queue}@%h",
            "--pool",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "INFO",
            "--schedule",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    yield process
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    log.close()


# The flush that ends a transactional test would leave later tests without the roles, workflows and
# root page the migrations made: they are restored (and serialized at setup only when the test runs).
@pytest.mark.django_db(transaction=True, serialized_rollback=SKIP_REASON is None)
def test_worker__publishes_an_approved_page_when_its_go_live_time_comes(team, client_for, worker, tmp_path):
    action = factories.ActionPageFactory(live=False, title="Séminaire des élu·e·s")
    action.go_live_at = timezone.now() + datetime.timedelta(seconds=5)
    submit(action, team.editor)

    workflow_action(client_for(team.reviewer), action, "approve", comment="À publier à l'heure dite.")

    action = Page.objects.get(pk=action.pk)
    assert not action.live
    assert action.scheduled_revision is not None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and worker.poll() is None:
        if Page.objects.filter(pk=action.pk, live=True).exists():
            break
        time.sleep(0.5)
    log = (tmp_path / "worker.log").read_text()
    assert worker.poll() is None, f"the worker stopped:\n{log[-3000:]}"
    action = Page.objects.get(pk=action.pk)
    assert action.live, f"not live after {WAIT_SECONDS} s; worker log:\n{log[-3000:]}"
    assert action.last_published_at >= action.go_live_at
    assert "editorial.publish_scheduled" in log
