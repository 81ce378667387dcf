"""The participation figures reports read (``action_participation``): registered, confirmed and
present, per action and per session, by role and by territory."""

import datetime

import pytest
from django.utils import timezone

from registrations.models import RegistrationScope, RegistrationSettings
from registrations.privacy import registrations_anonymise_expired
from registrations.selectors import Target, action_participation, participant_counts
from registrations.services import attendance_record, registration_cancel
from tests.factories import ActionSessionFactory, TerritoryFactory
from tests.registrations.conftest import add_by_hand as add
from tests.registrations.conftest import in_days

pytestmark = pytest.mark.django_db


def figures(participation) -> tuple[int, int, int]:
    return (participation.figures.registered, participation.figures.confirmed, participation.figures.present)


def groups(lines) -> list[tuple[str, str, tuple[int, int, int]]]:
    return [(line.code, line.label, figures(line)) for line in lines]


@pytest.fixture
def held(action, per_session, sessions, team):
    """Two past sessions ticked, the next one full with its waiting list and a cancellation."""
    saint_denis = TerritoryFactory(name="Saint-Denis", code="93066")
    bondy = TerritoryFactory(name="Bondy", code="93010")
    first = ActionSessionFactory(page=action, starts_at=in_days(-7), ends_at=in_days(-7, hour=12))
    second = ActionSessionFactory(page=action, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))
    ticks = [
        # address, role, territory, {session: present?} (None: registered, not ticked)
        ("a@example.org", "elected", saint_denis, {first: True, second: True}),
        ("b@example.org", "professional", saint_denis, {first: True, second: False}),
        ("c@example.org", "professional", bondy, {first: None}),
    ]
    for email, role, territory, marks in ticks:
        for session, attended in marks.items():
            registration = add(
                Target(settings=per_session, session=session), email, role=role, territory_id=territory.pk
            )
            if attended is not None:
                attendance_record(registration=registration, session=session, attended=attended, by=team.editor)
    upcoming = Target(settings=per_session, session=sessions[0])  # two seats
    add(upcoming, "e@example.org", role="elected")
    add(upcoming, "F@example.org")
    add(upcoming, "g@example.org", role="professional", waiting_if_full=True)
    registration_cancel(registration=add(upcoming, "h@example.org", role="elected", waiting_if_full=True))
    return first, second


def test_per_session_registered_confirmed_present(action, sessions, held):
    first, second = held
    result = action_participation(action)
    assert result is not None
    assert [(line.session, figures(line.participation)) for line in result.sessions] == [
        (first, (3, 3, 2)),
        (second, (2, 2, 1)),
        (sessions[0], (3, 2, 0)),
        (sessions[1], (0, 0, 0)),
    ]
    assert groups(result.sessions[0].participation.by_role) == [
        ("elected", "Élu·e", (1, 1, 1)),
        ("professional", "Professionnel·le", (2, 2, 1)),
    ]
    assert groups(result.sessions[1].participation.by_territory) == [("93066", "Saint-Denis", (2, 2, 1))]


def test_per_action_each_person_counts_once_by_address(action, held):
    result = action_participation(action)
    assert result is not None
    # a and b came to two sessions: one person each; h cancelled: not counted; g only waits.
    assert figures(result.participation) == (6, 5, 2)
    assert groups(result.participation.by_role) == [
        ("elected", "Élu·e", (2, 2, 1)),
        ("professional", "Professionnel·le", (3, 2, 1)),
        ("", "Non renseigné", (1, 1, 0)),
    ]
    assert groups(result.participation.by_territory) == [
        ("93010", "Bondy", (1, 1, 0)),
        ("", "Non renseigné", (3, 2, 0)),
        ("93066", "Saint-Denis", (2, 2, 2)),
    ]


def test_the_public_counts_are_the_present_figures(action, held):
    first, second = held
    counts = participant_counts(action)
    assert counts is not None
    assert counts.participation.figures.present == 2
    assert [(line.session, line.participation.figures.present) for line in counts.sessions] == [(first, 2), (second, 1)]
    # Only the groups where someone came.
    assert groups(counts.participation.by_territory) == [("93066", "Saint-Denis", (2, 2, 2))]


def test_a_cycle_registration_counts_at_each_session(action, sessions, team):
    past = ActionSessionFactory(page=action, starts_at=in_days(-2), ends_at=in_days(-2, hour=12))
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    registration = add(Target(settings=settings), "a@example.org", role="elected")
    attendance_record(registration=registration, session=past, attended=True, by=team.editor)
    result = action_participation(action)
    assert result is not None
    assert [figures(line.participation) for line in result.sessions] == [(1, 1, 1), (1, 1, 0), (1, 1, 0)]
    assert figures(result.participation) == (1, 1, 1)


def test_anonymised_registrations_still_count_per_session(action, held):
    before = action_participation(action)
    assert registrations_anonymise_expired(now=timezone.now() + datetime.timedelta(days=3650)) == 9
    after = action_participation(action)
    assert after is not None
    assert before is not None
    assert [line.participation for line in after.sessions] == [line.participation for line in before.sessions]


def test_an_action_without_registrations_has_no_figures(action, sessions):
    assert action_participation(action) is None
    assert participant_counts(action) is None
