"""The public form on the action page and the registration page, through HTTP, with hostile input."""

import datetime
import html
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from config.response_cache import CACHE_HEADER
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from subscribers.models import ConsentRecord, Subscription, SubscriptionStatus
from tests.factories.newsletters import NewsletterListFactory
from tests.public_cache import shared_form_posted
from tests.registrations.conftest import form_data

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.9"


def post(client, capture, action, data):
    with capture(execute=True):
        return client.post(f"/inscriptions/action/{action.pk}/", data, REMOTE_ADDR=CLIENT)


def text(response) -> str:
    return html.unescape(response.content.decode())


def registration_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/inscriptions/[^\s/]+/)", message.body).group(1)


def test_action_page_shows_availability_and_the_form(client, action, per_session, sessions):
    page = text(client.get(action.url))
    assert "Inscription" in page
    assert "2 places restantes" in page
    assert f'action="/inscriptions/action/{action.pk}/"' in page
    assert "J'accepte que" in page
    # Registrations are taken here: the online session's connection link is not public any more.
    assert "visio.example.org" not in page


def test_registering_confirms_by_email_and_the_page_says_the_same_for_everyone(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    first = post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    again = post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0], name="Autre"))

    assert first.status_code == again.status_code == 200
    assert text(first) == text(again)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.consent_text.startswith("J'accepte que")
    assert [message.to for message in mail.outbox] == [["nadia.benali@example.org"]] * 2


def test_the_registration_page_changes_answers_and_cancels_by_post_only(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    path = registration_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "Confirmée" in text(page)
    changed = client.post(
        path, {"name": "Nadia Benali-Durand", "organisation": "", "role": "", "accessibility_needs": "LSF"}
    )
    assert changed.status_code == 302
    registration = Registration.objects.get()
    assert (registration.name, registration.accessibility_needs) == ("Nadia Benali-Durand", "LSF")

    assert client.get(f"{path}annuler/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(f"{path}annuler/")
    assert "Votre inscription" in text(cancelled)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert "était déjà annulée" in text(client.post(f"{path}annuler/"))


@pytest.mark.parametrize("key", ["forged", "x" * 500, "%00", "../../admin"])
def test_forged_registration_links_are_not_found(client, key):
    assert client.get(f"/inscriptions/{key}/").status_code == 404
    assert client.post(f"/inscriptions/{key}/annuler/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse électronique valide"),
        ({"name": "Nadia\r\nBcc: victime@example.org"}, "Ce champ doit tenir sur une seule ligne."),
        ({"name": "N" * 5000}, "au plus 150 caractères"),
        ({"consent": ""}, "Votre accord est nécessaire"),
        ({"session": "999999999999999999999"}, "Cette séance n'est pas proposée."),
        ({"session": "abc"}, "Cette séance n'est pas proposée."),
        ({"role": "admin"}, "Sélectionnez un choix valide"),
    ],
)
def test_hostile_input_gets_a_french_error_and_registers_nobody(
    client, action, per_session, sessions, overrides, message, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, action, {**form_data(sessions[0]), **overrides})
    assert response.status_code == 400
    assert message in text(response)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_answers_like_success_and_registers_nobody(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0], website="http://spam"))
    assert response.status_code == 200
    assert "Demande d'inscription enregistrée" in text(response)
    assert not Registration.objects.exists()


def test_too_many_registrations_from_one_client_are_throttled(
    client, settings, action, per_session, sessions, django_capture_on_commit_callbacks
):
    settings.REGISTRATIONS_RATE_LIMIT_PER_IP = 2
    for number in range(2):
        data = form_data(sessions[1], email=f"personne{number}@example.org")
        assert post(client, django_capture_on_commit_callbacks, action, data).status_code == 200
    refused = post(
        client, django_capture_on_commit_callbacks, action, form_data(sessions[1], email="trois@example.org")
    )
    assert refused.status_code == 429
    assert "Trop d'inscriptions" in text(refused)
    assert Registration.objects.count() == 2


def test_an_action_without_registrations_here_has_no_form(client, action, sessions):
    assert client.get(f"/inscriptions/action/{action.pk}/").status_code == 404
    assert "registration-form" not in text(client.get(action.url))


def test_a_draft_action_takes_no_registration(client, action, per_session, sessions):
    action.unpublish()
    assert client.get(f"/inscriptions/action/{action.pk}/").status_code == 404


def test_the_api_hides_the_connection_link_once_registrations_are_taken_here(client, action, sessions):
    online_session = sessions[1]
    detail = client.get(f"/api/v2/pages/{action.pk}/?fields=sessions").json()
    assert detail["sessions"][1]["online_url"] == online_session.online_url
    RegistrationSettings.objects.create(action=action)
    detail = client.get(f"/api/v2/pages/{action.pk}/?fields=sessions").json()
    assert detail["sessions"][1]["online_url"] == ""


def test_the_public_calendar_hides_the_connection_link_once_registrations_are_taken_here(client, action, sessions):
    assert "visio.example.org" in client.get(f"/flux/actions/{action.pk}.ics").content.decode()
    RegistrationSettings.objects.create(action=action)
    assert "visio.example.org" not in client.get(f"/flux/actions/{action.pk}.ics").content.decode()


# Newsletter opt-in, and more hostile input


def test_newsletter_box__starts_the_newsletter_double_opt_in_and_subscribes_nobody_yet(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    resonances = NewsletterListFactory(name="Résonances")
    page = text(client.get(action.url))
    assert "Recevoir aussi nos lettres d'information (facultatif)" in page
    assert "la ou les lettres cochées parmi « Résonances »" in page

    data = form_data(sessions[0], newsletters=str(resonances.pk))
    assert post(client, django_capture_on_commit_callbacks, action, data).status_code == 200

    subscription = Subscription.objects.get()
    assert subscription.status == SubscriptionStatus.PENDING
    assert subscription.subscriber.email == "nadia.benali@example.org"
    assert ConsentRecord.objects.get().consent_text.startswith("J'accepte de recevoir par courriel")
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 2
    assert "Inscription confirmée : Atelier des conseils citoyens" in subjects


def test_newsletter_box__left_empty_subscribes_nothing(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    NewsletterListFactory(name="Résonances")
    assert post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0])).status_code == 200
    assert not Subscription.objects.exists()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"newsletters": "999999"}, "Sélectionnez un choix valide"),
        ({"organisation": "O" * 5000}, "au plus 200 caractères"),
        ({"accessibility_needs": "A" * 5000}, "au plus 1000 caractères"),
        ({"email": "a" * 250 + "@example.org"}, "au plus 254 caractères"),
        ({"email": "nadia@example.org\r\nBcc: victime@example.org"}, "Saisissez une adresse électronique valide"),
        ({"organisation": "Ville\nBcc: victime@example.org"}, "Ce champ doit tenir sur une seule ligne."),
    ],
)
def test_hostile_input_of_the_newsletter_box_and_long_fields_registers_nobody(
    client, action, per_session, sessions, overrides, message, django_capture_on_commit_callbacks
):
    NewsletterListFactory(name="Résonances")
    response = post(client, django_capture_on_commit_callbacks, action, {**form_data(sessions[0]), **overrides})
    assert response.status_code == 400
    assert message in text(response)
    assert not Registration.objects.exists()
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_a_title_with_line_breaks_never_reaches_a_header(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    action.title = "Atelier\r\nBcc: victime@example.org"
    action.save_revision().publish()
    assert post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0])).status_code == 200
    [message] = mail.outbox
    assert message.subject == "Inscription confirmée : Atelier Bcc: victime@example.org"
    assert message.to == ["nadia.benali@example.org"]
    assert message.bcc == []
    assert "victime" not in str(message.message()["To"])


def test_registering_twice_in_another_case_gives_one_registration_and_the_same_page(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    first = post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    again = post(
        client, django_capture_on_commit_callbacks, action, form_data(sessions[0], email="NADIA.Benali@example.org")
    )
    assert text(first) == text(again)
    assert Registration.objects.count() == 1
    # The second email goes to the address that registered, never to the one typed the second time.
    assert [message.to for message in mail.outbox] == [["nadia.benali@example.org"]] * 2


def test_a_replayed_cancellation_link_changes_nothing(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    path = registration_path(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"{path}annuler/")
        replayed = client.post(f"{path}annuler/")
    assert first.status_code == replayed.status_code == 200
    assert "déjà annulée" in text(replayed)
    assert len(mail.outbox) == 2, "one cancellation email"
    assert client.get(f"{path}annuler/").status_code == 405


def test_past_and_closed_sessions_take_no_registration(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    per_session.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    per_session.save()
    closed = post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    assert closed.status_code == 409
    assert "Les inscriptions à cette action ne sont pas ouvertes." in text(closed)

    per_session.closes_at = None
    per_session.save()
    for session in sessions:
        session.starts_at = timezone.now() - datetime.timedelta(days=2)
        session.ends_at = session.starts_at + datetime.timedelta(hours=2)
        session.save()
    past = post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    assert past.status_code == 409
    assert "Les inscriptions à cette action ne sont pas ouvertes." in text(past)
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_shared_form_registers_with_the_visitors_own_token(
    action, per_session, sessions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = shared_form_posted(f"/inscriptions/action/{action.pk}/", data=form_data(sessions[0]))
    assert response.status_code == 200
    assert Registration.objects.get().email == "nadia.benali@example.org"
    # The registration purged the stored form: the next visitor sees one seat left.
    assert "1 place restante" in text(Client().get(f"/inscriptions/action/{action.pk}/"))


def test_a_persons_registration_page_is_never_shared(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, action, form_data(sessions[0]))
    path = registration_path(mail.outbox[0])
    client.get(path)
    response = Client().get(path)
    assert CACHE_HEADER not in response
    assert "public" not in response["Cache-Control"]
