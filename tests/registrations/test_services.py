"""Seats, the waiting list and promotion: what the services decide, and the emails they queue."""

import pytest
from django.core import mail
from icalendar import Calendar

from registrations.models import Registration, RegistrationScope, RegistrationSettings, RegistrationStatus
from registrations.selectors import PublicState, Target, availability
from registrations.services import (
    Applicant,
    CapacityBelowConfirmedError,
    RegistrationRefusedError,
    capacity_set,
    registration_cancel,
    registration_create,
)
from tests.registrations.conftest import in_days

pytestmark = pytest.mark.django_db


def register(target, email, capture, **fields):
    with capture(execute=True):
        return registration_create(
            target=target,
            applicant=Applicant(email=email, name=fields.pop("name", "Nadia Benali"), **fields),
            consent_text="J'accepte.",
        )


def invitation(message) -> Calendar:
    [(name, content, mimetype)] = message.attachments
    assert name == "invitation.ics"
    calendar = Calendar.from_ical(content)
    assert mimetype.startswith(f"text/calendar; method={calendar['method']}")
    return calendar


def statuses(target) -> list[str]:
    registrations = Registration.objects.filter(session=target.session).order_by("created_at", "pk")
    return list(registrations.values_list("status", flat=True))


def test_seats_then_waiting_list_in_order_of_arrival(first_target, django_capture_on_commit_callbacks):
    for email in ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]:
        register(first_target, email, django_capture_on_commit_callbacks)

    assert statuses(first_target) == ["confirmed", "confirmed", "waiting", "waiting"]
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        "Inscription confirmée : Atelier des conseils citoyens",
        "Inscription confirmée : Atelier des conseils citoyens",
        "Liste d'attente : Atelier des conseils citoyens",
        "Liste d'attente : Atelier des conseils citoyens",
    ]
    state = availability(first_target, now=in_days(0))
    assert (state.state, state.seats, state.seats_left) == (PublicState.WAITING_LIST, 2, 0)


def test_confirmation_carries_an_icalendar_request_with_the_site_uid(first_target, django_capture_on_commit_callbacks):
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)

    [message] = mail.outbox
    calendar = invitation(message)
    [event] = calendar.walk("VEVENT")
    assert calendar["method"] == "REQUEST"
    assert str(event["uid"]).startswith(f"{first_target.session.uid}@")
    assert str(event["attendee"]) == "mailto:a@example.org"
    assert str(event["organizer"]).startswith("mailto:")
    assert "/inscriptions/" in message.body


def test_cancelling_frees_the_seat_and_promotes_the_first_waiting(first_target, django_capture_on_commit_callbacks):
    first = register(first_target, "a@example.org", django_capture_on_commit_callbacks).registration
    register(first_target, "b@example.org", django_capture_on_commit_callbacks)
    third = register(first_target, "c@example.org", django_capture_on_commit_callbacks).registration
    register(first_target, "d@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert registration_cancel(registration=first) is True

    third.refresh_from_db()
    assert third.status == RegistrationStatus.CONFIRMED
    assert statuses(first_target) == ["cancelled", "confirmed", "confirmed", "waiting"]
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"a@example.org", "c@example.org"}
    assert invitation(by_recipient["a@example.org"])["method"] == "CANCEL"
    assert by_recipient["c@example.org"].subject.startswith("Une place s'est libérée")
    assert invitation(by_recipient["c@example.org"])["method"] == "REQUEST"


def test_a_replayed_cancellation_changes_nothing(first_target, django_capture_on_commit_callbacks):
    registration = register(first_target, "a@example.org", django_capture_on_commit_callbacks).registration
    with django_capture_on_commit_callbacks(execute=True):
        assert registration_cancel(registration=registration) is True
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert registration_cancel(registration=registration) is False
    assert mail.outbox == []


def test_the_same_address_twice_is_one_registration(first_target, django_capture_on_commit_callbacks):
    first = register(first_target, "Nadia@Example.org", django_capture_on_commit_callbacks)
    again = register(first_target, "nadia@example.org", django_capture_on_commit_callbacks, name="Quelqu'un d'autre")

    assert first.created
    assert not again.created
    assert again.registration.pk == first.registration.pk
    assert Registration.objects.get().name == "Nadia Benali"
    assert mail.outbox[-1].to == ["Nadia@Example.org"]
    assert mail.outbox[-1].subject == "Votre inscription : Atelier des conseils citoyens"


def test_after_cancelling_the_address_may_register_again(first_target, django_capture_on_commit_callbacks):
    registration = register(first_target, "a@example.org", django_capture_on_commit_callbacks).registration
    registration_cancel(registration=registration)
    assert register(first_target, "a@example.org", django_capture_on_commit_callbacks).created


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"opens_at": in_days(3)}, "Les inscriptions ne sont pas encore ouvertes."),
        ({"closes_at": in_days(-1)}, "Les inscriptions sont closes."),
    ],
)
def test_outside_the_window_is_refused(per_session, first_target, change, reason, django_capture_on_commit_callbacks):
    for field, value in change.items():
        setattr(per_session, field, value)
    per_session.save()
    with pytest.raises(RegistrationRefusedError) as refused:
        register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    assert refused.value.message == reason
    assert not Registration.objects.exists()


def test_a_past_or_cancelled_session_is_refused(first_target, django_capture_on_commit_callbacks):
    session = first_target.session
    session.cancelled = True
    session.save()
    with pytest.raises(RegistrationRefusedError, match="annulée"):
        register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    session.cancelled = False
    session.starts_at, session.ends_at = in_days(-3), in_days(-3, hour=12)
    session.save()
    with pytest.raises(RegistrationRefusedError, match="déjà eu lieu"):
        register(first_target, "a@example.org", django_capture_on_commit_callbacks)


def test_without_waiting_list_a_full_session_refuses(per_session, first_target, django_capture_on_commit_callbacks):
    per_session.waiting_list = False
    per_session.save()
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    register(first_target, "b@example.org", django_capture_on_commit_callbacks)
    with pytest.raises(RegistrationRefusedError, match="complète"):
        register(first_target, "c@example.org", django_capture_on_commit_callbacks)
    assert availability(first_target, now=in_days(0)).state == PublicState.FULL


def test_capacity_below_the_confirmed_count_is_refused_unless_someone_moves(
    first_target, django_capture_on_commit_callbacks
):
    first = register(first_target, "a@example.org", django_capture_on_commit_callbacks).registration
    register(first_target, "b@example.org", django_capture_on_commit_callbacks)

    with pytest.raises(CapacityBelowConfirmedError) as refused:
        capacity_set(target=first_target, seats=1)
    assert "2 personnes ont déjà une place" in refused.value.message
    assert statuses(first_target) == ["confirmed", "confirmed"]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        capacity_set(target=first_target, seats=1, to_waiting=(first.pk,))
    assert statuses(first_target) == ["waiting", "confirmed"]
    assert mail.outbox[0].to == ["a@example.org"]
    assert invitation(mail.outbox[0])["method"] == "CANCEL"


def test_raising_the_capacity_promotes_the_waiting(first_target, django_capture_on_commit_callbacks):
    for email in ["a@example.org", "b@example.org", "c@example.org"]:
        register(first_target, email, django_capture_on_commit_callbacks)
    promoted = capacity_set(target=first_target, seats=5)
    assert [registration.email for registration in promoted] == ["c@example.org"]
    assert statuses(first_target) == ["confirmed"] * 3


def test_a_cycle_is_one_registration_for_every_session(action, sessions, django_capture_on_commit_callbacks):
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION, capacity=1)
    target = Target(settings=settings)
    register(target, "a@example.org", django_capture_on_commit_callbacks)
    register(target, "b@example.org", django_capture_on_commit_callbacks)

    assert list(Registration.objects.values_list("session", "status")) == [(None, "confirmed"), (None, "waiting")]
    events = invitation(mail.outbox[0]).walk("VEVENT")
    assert len(events) == 2
    # The connection link of the online session goes to the person holding a seat, in the email and the invitation.
    assert "https://visio.example.org/seminaire-des-elus" in mail.outbox[0].body
    assert str(events[1]["conference"]) == "https://visio.example.org/seminaire-des-elus"
    assert "visio.example.org" not in mail.outbox[1].body


def test_a_session_target_of_a_cycle_is_refused(action, sessions, django_capture_on_commit_callbacks):
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    with pytest.raises(RegistrationRefusedError):
        register(Target(settings=settings, session=sessions[0]), "a@example.org", django_capture_on_commit_callbacks)
