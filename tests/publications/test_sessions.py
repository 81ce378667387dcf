"""« Upcoming session »: one rule and its three intended variants, on sessions around now."""

import datetime

import pytest
from django.utils import timezone

from publications.models import ActionPage, ActionSession
from publications.sessions import session_upcoming_q
from tests import factories

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def sessions(now):
    """One session of each kind, by name, each of its own action."""
    shapes = {
        "ended": (now - 3 * HOUR, now - HOUR, False),
        "in_progress": (now - HOUR, now + HOUR, False),
        "to_come": (now + HOUR, now + 3 * HOUR, False),
        "to_come_cancelled": (now + HOUR, now + 3 * HOUR, True),
        "in_progress_cancelled": (now - HOUR, now + HOUR, True),
    }
    return {
        name: factories.ActionSessionFactory(starts_at=starts, ends_at=ends, cancelled=cancelled)
        for name, (starts, ends, cancelled) in shapes.items()
    }


def _upcoming(sessions, condition) -> set[str]:
    found = set(ActionSession.objects.filter(condition).values_list("pk", flat=True))
    return {name for name, session in sessions.items() if session.pk in found}


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        pytest.param({}, {"in_progress", "to_come"}, id="held, until it ends"),
        pytest.param(
            {"cancelled": True},
            {"in_progress", "to_come", "to_come_cancelled", "in_progress_cancelled"},
            id="agenda: cancelled ones too",
        ),
        pytest.param({"started": False}, {"to_come"}, id="proposals: not started yet"),
    ],
)
def test_session_upcoming_q__variants(sessions, now, variant, expected):
    assert _upcoming(sessions, session_upcoming_q(now=now, **variant)) == expected


def test_session_upcoming_q__with_prefix__filters_actions(sessions, now):
    actions = ActionPage.objects.filter(session_upcoming_q(now=now, prefix="sessions__"))

    assert set(actions.values_list("pk", flat=True)) == {
        sessions["in_progress"].page_id,
        sessions["to_come"].page_id,
    }
