"""Scheduled publishing: go_live_at and expire_at typed in the admin (Europe/Paris), applied by
the editorial.publish_scheduled task that beat runs every minute (eager here; a real worker in
test_scheduled_publishing_worker.py).
"""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from config.celery import app
from editorial.tasks import publish_scheduled
from tests import factories
from tests.editorial.helpers import admin_datetime, post_edit, workflow_action

UTC = datetime.UTC


@pytest.fixture
def action(db):
    return factories.ActionPageFactory(live=False, title="Séminaire des élu·e·s")


@pytest.fixture
def travel(monkeypatch):
    """Move the clock (django.utils.timezone.now, which Wagtail and the command read) to a given time."""

    def to(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return to


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


@pytest.mark.parametrize(
    ("typed", "utc"),
    [
        ("15/07/2030 10:00", datetime.datetime(2030, 7, 15, 8, 0, tzinfo=UTC)),  # summer time, UTC+2
        ("15/01/2030 10:00", datetime.datetime(2030, 1, 15, 9, 0, tzinfo=UTC)),  # winter time, UTC+1
    ],
    ids=["summer", "winter"],
)
def test_go_live_at__typed_in_the_admin_is_paris_time(team, client_for, action, typed, utc):
    post_edit(client_for(team.reviewer), action, "action-publish", go_live_at=typed, expire_at="")

    action = fresh(action)
    assert action.scheduled_revision.approved_go_live_at == utc
    assert action.go_live_at == utc
    assert not action.live


def test_expire_at__typed_in_the_admin_is_paris_time(team, client_for, action):
    post_edit(client_for(team.reviewer), action, "action-publish", expire_at="31/12/2030 23:30")

    assert fresh(action).expire_at == datetime.datetime(2030, 12, 31, 22, 30, tzinfo=UTC)


def test_approved_page_with_future_go_live__goes_live_when_publish_scheduled_runs_after_it(
    team, client_for, action, travel
):
    go_live = (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    post_edit(client_for(team.editor), action, "action-submit", go_live_at=admin_datetime(go_live))

    workflow_action(client_for(team.reviewer), action, "approve")

    action = fresh(action)
    assert not action.live
    assert action.scheduled_revision is not None
    assert action.scheduled_revision.approved_go_live_at == go_live
    publish_scheduled.delay()
    assert not fresh(action).live

    travel(go_live - datetime.timedelta(minutes=1))
    publish_scheduled.delay()
    assert not fresh(action).live

    travel(go_live + datetime.timedelta(minutes=1))
    publish_scheduled.delay()
    action = fresh(action)
    assert action.live
    assert action.scheduled_revision is None
    assert action.first_published_at is not None
    assert PageLogEntry.objects.filter(page=action, action="wagtail.publish.scheduled").exists()


def test_expire_at__takes_the_page_off_the_site_when_publish_scheduled_runs(team, client_for, action, travel):
    expire = (timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0)
    post_edit(client_for(team.reviewer), action, "action-publish", expire_at=admin_datetime(expire))
    action = fresh(action)
    assert action.live
    assert client_for(team.reviewer).get(action.url).status_code == 200

    travel(expire + datetime.timedelta(minutes=1))
    publish_scheduled.delay()

    action = fresh(action)
    assert not action.live
    assert action.expired
    assert client_for(team.reviewer).get(action.url).status_code == 404


def test_beat__runs_publish_scheduled_every_minute():
    schedule = settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]

    assert schedule == {"task": "editorial.publish_scheduled", "schedule": 60.0}
    assert "editorial.publish_scheduled" in app.tasks
