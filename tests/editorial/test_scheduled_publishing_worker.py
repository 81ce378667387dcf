"""A real Celery worker, with beat embedded, publishes a page when its go-live time comes.

Only meaningful on PostgreSQL and Redis, as in production: the worker is another process and must
see the test database (committed rows: a transactional test) and the broker. Beat reads its
schedule from the database (django-celery-beat); the test adds a one-second entry routed to a queue
of its own, so that no other worker on the same Redis takes the task and the project's one-minute
entry does not come due during the test.
"""

import datetime
import time

import pytest
from django.db import connection
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from wagtail.models import Page

from tests import factories
from tests.editorial.helpers import submit, workflow_action
from tests.workers import database_url, queue_name, skip_reason, worker_start, worker_stop

WAIT_SECONDS = 90
SKIP_REASON = skip_reason()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")]


@pytest.fixture
def queue(transactional_db) -> str:
    """A queue of this run's own, and a beat entry sending editorial.publish_scheduled to it every second."""
    name = queue_name("crpv-test")
    every_second, _ = IntervalSchedule.objects.get_or_create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(name=name, task="editorial.publish_scheduled", interval=every_second, queue=name)
    return name


@pytest.fixture
def worker(queue, tmp_path):
    """`celery -A config worker -B` on the test database, stopped (warm shutdown, then killed) afterwards."""
    process = worker_start(
        db_url=database_url(connection.settings_dict),
        queue=queue,
        log_path=tmp_path / "worker.log",
        schedule_path=tmp_path / "beat-schedule",
    )
    yield process
    worker_stop(process)


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
