"""Emails after the registration: reminders, a session changed or cancelled by the centre, messages
from the centre, and a seat freed while the broker is down."""

import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from outbox.models import OutboxMessage
from outbox.services import outbox_sweep
from publications.models import ActionStatus
from registrations.emails import KINDS, EmailKind, Method
from registrations.messages import session_message_send
from registrations.models import Registration, RegistrationScope, RegistrationSettings, RegistrationStatus
from registrations.reminders import reminders_queue
from registrations.selectors import Target
from registrations.services import Applicant, registration_cancel, registration_create
from tests.factories.pages import ActionSessionFactory
from tests.outages import broker_down
from tests.registrations.conftest import in_days

pytestmark = pytest.mark.django_db


def register(target, email, capture, **fields):
    with capture(execute=True):
        return registration_create(
            target=target,
            applicant=Applicant(email=email, name=fields.pop("name", "Nadia Benali"), **fields),
            consent_text="J'accepte.",
        ).registration


def invitation(message) -> Calendar:
    [(name, content, mimetype)] = message.attachments
    assert name == "invitation.ics"
    calendar = Calendar.from_ical(content)
    assert mimetype.startswith(f"text/calendar; method={calendar['method']}")
    return calendar


def test_every_email_kind_has_its_subject_and_intro_in_one_table():
    assert set(KINDS) == set(EmailKind.values)
    assert KINDS[EmailKind.CONFIRMED].method == Method.REQUEST
    assert KINDS[EmailKind.SESSION_CANCELLED].method == Method.CANCEL
    assert KINDS[EmailKind.WAITING].method is None


# Reminders


def test_reminder__once_per_person_and_session_at_the_action_delay(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    seated = register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    register(first_target, "b@example.org", django_capture_on_commit_callbacks)
    waiting = register(first_target, "c@example.org", django_capture_on_commit_callbacks)
    assert waiting.status == RegistrationStatus.WAITING
    mail.outbox.clear()
    per_session.reminder_hours = 48
    per_session.save()
    starts = sessions[0].starts_at

    with django_capture_on_commit_callbacks(execute=True):
        too_early = reminders_queue(now=starts - datetime.timedelta(hours=49))
    assert too_early == 0
    with django_capture_on_commit_callbacks(execute=True):
        due = reminders_queue(now=starts - datetime.timedelta(hours=47))
        again = reminders_queue(now=starts - datetime.timedelta(hours=46))

    assert (due, again) == (2, 0)
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    assert mail.outbox[0].subject.startswith("Rappel : Atelier des conseils citoyens, ")
    assert seated.reminders.count() == 1


def test_reminder__an_online_session_carries_the_connection_link(
    action, per_session, sessions, django_capture_on_commit_callbacks
):
    online = Target(settings=per_session, session=sessions[1])
    register(online, "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_queue(now=sessions[1].starts_at - datetime.timedelta(hours=1))
    [message] = mail.outbox
    assert "Lien de connexion : https://visio.example.org/seminaire-des-elus" in message.body


def test_reminder__a_cycle_reminds_each_session_in_turn_and_none_when_set_to_zero(
    action, sessions, django_capture_on_commit_callbacks
):
    cycle = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION, reminder_hours=24)
    register(Target(settings=cycle), "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_queue(now=sessions[0].starts_at - datetime.timedelta(hours=2)) == 1
        assert reminders_queue(now=sessions[1].starts_at - datetime.timedelta(hours=2)) == 1
    assert len(mail.outbox) == 2
    cycle.reminder_hours = 0
    cycle.save()
    Registration.objects.get().reminders.all().delete()
    assert reminders_queue(now=sessions[1].starts_at - datetime.timedelta(hours=2)) == 0


# A session changed or removed by the centre


def test_session_moved__confirmed_and_waiting_people_get_the_update_with_the_same_uid_and_a_raised_sequence(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    for email in ["a@example.org", "b@example.org", "c@example.org"]:
        register(first_target, email, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    session = sessions[0]
    before = session.sequence

    with django_capture_on_commit_callbacks(execute=True):
        session.starts_at = in_days(11)
        session.ends_at = in_days(11, hour=12)
        session.save()

    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org", "c@example.org"]
    seated = [message for message in mail.outbox if message.attachments]
    assert len(seated) == 2, "the waiting person is told, without an invitation"
    assert all(message.subject == "Séance modifiée : Atelier des conseils citoyens" for message in mail.outbox)
    calendar = invitation(seated[0])
    [event] = calendar.walk("VEVENT")
    assert calendar["method"] == "REQUEST"
    assert str(event["uid"]).startswith(str(session.uid))
    assert int(event["sequence"]) == before + 1


def test_session_saved_unchanged_or_retitled__nobody_is_written_to(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sessions[0].save()
        sessions[0].accessibility_notes = "Rampe d'accès"
        sessions[0].save()
    assert mail.outbox == []


def test_session_cancelled__people_get_the_icalendar_cancel(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sessions[0].cancelled = True
        sessions[0].save()
    [message] = mail.outbox
    assert message.subject == "Séance annulée : Atelier des conseils citoyens"
    assert invitation(message)["method"] == "CANCEL"


def test_action_cancelled__its_sessions_saved_on_publish_tell_people(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        action.status = ActionStatus.CANCELLED
        action.save_revision().publish()
    assert [message.subject for message in mail.outbox] == ["Séance annulée : Atelier des conseils citoyens"]


def test_session_removed__the_cancellation_is_rendered_before_the_rows_go(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    uid = str(sessions[0].uid)
    with django_capture_on_commit_callbacks(execute=True):
        sessions[0].delete()
    assert not Registration.objects.exists()
    [message] = mail.outbox
    [event] = invitation(message).walk("VEVENT")
    assert str(event["uid"]).startswith(uid)
    assert "/inscriptions/" in message.body


def test_a_new_session_of_a_cycle_tells_nobody_until_it_changes(action, sessions, django_capture_on_commit_callbacks):
    cycle = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    register(Target(settings=cycle), "a@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        added = ActionSessionFactory(page=action, starts_at=in_days(30), ends_at=in_days(30, hour=12))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        added.venue = "Salle des fêtes"
        added.save()
    assert [message.to for message in mail.outbox] == [["a@example.org"]]


# Messages from the centre


def test_message__each_registered_person_gets_it_with_their_own_link(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    for email in ["a@example.org", "b@example.org", "c@example.org"]:
        register(first_target, email, django_capture_on_commit_callbacks)
    registration_cancel(registration=Registration.objects.get(email="c@example.org"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = session_message_send(
            target=first_target, subject="Salle\r\nBcc: x@example.org", body="Rendez-vous salle 2.", sent_by=None
        )
    assert sent.recipients == 2
    assert sent.subject == "Salle Bcc: x@example.org"
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    links = {message.body.split("/inscriptions/")[1].split("/")[0] for message in mail.outbox}
    assert len(links) == 2
    assert all("Rendez-vous salle 2." in message.body for message in mail.outbox)
    assert all(message.bcc == [] and "\n" not in message.subject for message in mail.outbox)


# A seat freed while the broker is down


def test_broker_down_when_a_seat_frees__the_promotion_goes_out_once_it_is_back(
    first_target, django_capture_on_commit_callbacks
):
    seated = register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    register(first_target, "b@example.org", django_capture_on_commit_callbacks)
    register(first_target, "c@example.org", django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with broker_down(), django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=seated)

    assert Registration.objects.get(email="c@example.org").status == RegistrationStatus.CONFIRMED
    assert mail.outbox == []
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2
    outbox_sweep()
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "Inscription annulée : Atelier des conseils citoyens",
        "Une place s'est libérée : Atelier des conseils citoyens",
    ]
