"""Moving between sessions, adding by hand, ticking attendance and the participant counts it makes."""

import pytest
from django.core import mail

from publications.models import ActionSession
from registrations.models import Attendance, Registration, RegistrationScope, RegistrationSettings, RegistrationStatus
from registrations.selectors import Target, availability, participant_counts, session_availability
from registrations.services import (
    RegistrationRefusedError,
    attendance_record,
    capacity_set,
    registration_cancel,
    registration_move,
)
from tests.factories import ActionSessionFactory, TerritoryFactory
from tests.registrations.conftest import add_by_hand, in_days

pytestmark = pytest.mark.django_db


add = add_by_hand


@pytest.fixture
def today(action, per_session):
    """A session that started this morning (ticks open), with two seats."""
    session = ActionSessionFactory(page=action, starts_at=in_days(0, hour=0), ends_at=in_days(0, hour=23))
    capacity_set(target=Target(settings=per_session, session=session), seats=2)
    return Target(settings=per_session, session=session)


def test_by_hand_respects_the_seats_and_waits_only_when_asked(first_target, django_capture_on_commit_callbacks):
    add(first_target, "a@example.org")
    add(first_target, "b@example.org")
    with pytest.raises(RegistrationRefusedError) as refused:
        add(first_target, "c@example.org")
    assert "Plus de place" in refused.value.message
    waiting = add(first_target, "c@example.org", waiting_if_full=True)
    assert waiting.status == RegistrationStatus.WAITING
    assert waiting.added_by_hand == "Inscrit·e par téléphone"


def test_by_hand_goes_past_the_closing_date_but_not_past_the_seats(per_session, first_target):
    per_session.closes_at = in_days(-1)
    per_session.save()
    assert add(first_target, "a@example.org").status == RegistrationStatus.CONFIRMED


def test_move_to_a_free_session_promotes_the_next_waiting_of_the_source(
    first_target, sessions, django_capture_on_commit_callbacks
):
    moving = add(first_target, "a@example.org")
    add(first_target, "b@example.org")
    waiting = add(first_target, "c@example.org", waiting_if_full=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_move(registration=moving, session=sessions[1])

    moving.refresh_from_db()
    waiting.refresh_from_db()
    assert (moving.session, moving.status) == (sessions[1], RegistrationStatus.CONFIRMED)
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "c@example.org"]


def test_move_to_a_full_session_is_refused_unless_waiting_is_asked(per_session, first_target, sessions):
    second = Target(settings=per_session, session=sessions[1])
    capacity_set(target=second, seats=1)
    add(second, "x@example.org")
    moving = add(first_target, "a@example.org")

    with pytest.raises(RegistrationRefusedError) as refused:
        registration_move(registration=moving, session=sessions[1])
    assert "complète" in refused.value.message
    moving.refresh_from_db()
    assert moving.session == sessions[0]

    registration_move(registration=moving, session=sessions[1], waiting_if_full=True)
    moving.refresh_from_db()
    assert (moving.session, moving.status) == (sessions[1], RegistrationStatus.WAITING)
    assert availability(second, now=in_days(0)).seats_left == 0


def test_move_refusals(per_session, first_target, sessions, site_tree):
    moving = add(first_target, "a@example.org")
    other_action_session = ActionSessionFactory(starts_at=in_days(20), ends_at=in_days(20, hour=12))
    cancelled = ActionSessionFactory(
        page=per_session.action, starts_at=in_days(30), ends_at=in_days(30, 12), cancelled=True
    )
    add(Target(settings=per_session, session=sessions[1]), "a@example.org")

    for session, words in [
        (sessions[0], "déjà inscrite à cette séance"),
        (other_action_session, "n'appartient pas"),
        (cancelled, "annulée"),
        (sessions[1], "déjà inscrite à la séance choisie"),
    ]:
        with pytest.raises(RegistrationRefusedError) as refused:
            registration_move(registration=moving, session=session)
        assert words in refused.value.message

    registration_cancel(registration=moving)
    with pytest.raises(RegistrationRefusedError, match="confirmée ou en liste d'attente"):
        registration_move(registration=moving, session=cancelled)


def test_a_cycle_registration_does_not_move(action, sessions):
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    registration = add(Target(settings=settings), "a@example.org")
    with pytest.raises(RegistrationRefusedError, match="cycle"):
        registration_move(registration=registration, session=sessions[1])


def test_attendance_is_recorded_with_time_and_author_and_the_last_tick_counts(today, team):
    registration = add(today, "a@example.org")
    attendance_record(registration=registration, session=today.session, attended=False, by=team.editor)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ABSENT

    attendance_record(registration=registration, session=today.session, attended=True, by=team.reviewer)
    record = Attendance.objects.get()
    assert (record.attended, record.recorded_by, record.recorded_at is not None) == (True, team.reviewer, True)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED


def test_ticked_people_keep_their_seat(today, team):
    registrations = [add(today, "a@example.org"), add(today, "b@example.org")]
    for registration in registrations:
        attendance_record(registration=registration, session=today.session, attended=True, by=team.editor)
    assert availability(today, now=in_days(0, hour=0)).seats_left == 0
    with pytest.raises(RegistrationRefusedError):
        add(today, "c@example.org")


def test_attendance_refusals(today, first_target, per_session, team):
    waiting_person = add(today, "w@example.org")
    add(today, "b@example.org")
    waiting = add(today, "c@example.org", waiting_if_full=True)
    future = add(first_target, "f@example.org")
    cancelled = add(today, "d@example.org", waiting_if_full=True)
    registration_cancel(registration=cancelled)

    for registration, session, words in [
        (waiting, today.session, "pas de place"),
        (cancelled, today.session, "pas de place"),
        (future, today.session, "pas de place"),
        (future, first_target.session, "pas encore eu lieu"),
    ]:
        with pytest.raises(RegistrationRefusedError) as refused:
            attendance_record(registration=registration, session=session, attended=True, by=team.editor)
        assert words in refused.value.message
    assert not Attendance.objects.exists()
    assert waiting_person.status == RegistrationStatus.CONFIRMED


def test_a_cycle_is_ticked_per_session(action, sessions, team):
    past = ActionSessionFactory(page=action, starts_at=in_days(-3), ends_at=in_days(-3, hour=12))
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    registration = add(Target(settings=settings), "a@example.org")
    attendance_record(registration=registration, session=past, attended=True, by=team.editor)
    assert Attendance.objects.get().session == past
    with pytest.raises(RegistrationRefusedError, match="pas encore eu lieu"):
        attendance_record(registration=registration, session=sessions[0], attended=True, by=team.editor)


def test_counts_by_role_and_territory_per_session_and_per_action(action, per_session, team):
    saint_denis = TerritoryFactory(name="Saint-Denis", code="93066")
    bondy = TerritoryFactory(name="Bondy", code="93010")
    first = ActionSessionFactory(page=action, starts_at=in_days(-7), ends_at=in_days(-7, hour=12))
    second = ActionSessionFactory(page=action, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))
    assert participant_counts(action) is None

    people = [
        ("a@example.org", "elected", saint_denis, [True, True]),
        ("b@example.org", "professional", saint_denis, [True, False]),
        ("c@example.org", "professional", bondy, [False, True]),
        ("d@example.org", "", None, [True, None]),
    ]
    for email, role, territory, ticks in people:
        for session, attended in zip([first, second], ticks, strict=True):
            target = Target(settings=per_session, session=session)
            registration = add(target, email, role=role, territory_id=territory.pk if territory else None)
            if attended is not None:
                attendance_record(registration=registration, session=session, attended=attended, by=team.editor)

    counts = participant_counts(action)
    assert counts is not None
    per_session_totals = [(line.session, line.participation.figures.present) for line in counts.sessions]
    assert per_session_totals == [(first, 3), (second, 2)]
    # Per action: people present at least once, each once (a came to both sessions).
    assert counts.participation.figures.present == 4
    first_counts = counts.sessions[0].participation
    assert [(line.code, line.label, line.figures.present) for line in first_counts.by_role] == [
        ("elected", "Élu·e", 1),
        ("professional", "Professionnel·le", 1),
        ("", "Non renseigné", 1),
    ]
    assert [(line.label, line.figures.present) for line in first_counts.by_territory] == [
        ("Saint-Denis", 2),
        ("Non renseigné", 1),
    ]


def test_session_availability_reads_the_cycle_for_a_whole_action(action, sessions):
    assert session_availability(sessions[0]) is None
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION, capacity=1)
    add(Target(settings=settings), "a@example.org")
    state = session_availability(ActionSession.objects.get(pk=sessions[1].pk))
    assert state is not None
    assert (state.seats, state.seats_left, state.state) == (1, 0, "liste_attente")
    assert Registration.objects.count() == 1
