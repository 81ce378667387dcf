"""The contact form: an email to the site's recipient through Celery, rate-limited, a honeypot, hostile input."""

import pytest
from django.core import mail

from outbox.models import OutboxMessage
from tests.html import main, main_text, parse, text
from tests.public_cache import shared_form_posted

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.7"


def form_data(**overrides):
    return {
        "name": "Nadia Benali",
        "email": "nadia.benali@example.org",
        "organisation": "Ville de Saint-Denis",
        "topic": "documentation",
        "message": "Bonjour,\nPourriez-vous m'envoyer les actes du séminaire des élu·e·s ?",
        "website": "",
        **overrides,
    }


def post(client, capture, data):
    with capture(execute=True):
        return client.post("/contact/", data, REMOTE_ADDR=CLIENT)


def test_contact__reaches_the_recipient_with_reply_to_the_visitor(
    client, legal, identity, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks, form_data())

    assert response.status_code == 302
    assert response["Location"] == "/contact/?envoye=1"
    assert "votre message est envoyé" in main_text(client.get(response["Location"]))
    (message,) = mail.outbox
    assert message.to == ["equipe@example.org"]
    assert message.reply_to == ["nadia.benali@example.org"]
    assert message.subject.endswith("Message du formulaire de contact : Une demande de documentation")
    assert "séminaire des élu·e·s" in message.body
    assert "Ville de Saint-Denis" in message.body
    # Through the outbox, hence Celery: the message survives a broker outage.
    assert OutboxMessage.objects.get().task_name == "legal.contact_email"


def test_contact__without_own_recipient_goes_to_the_centre_address(
    client, identity, django_capture_on_commit_callbacks
):
    post(client, django_capture_on_commit_callbacks, form_data())

    assert [message.to for message in mail.outbox] == [["accueil@example.org"]]


def test_contact__closed_without_any_address(client, home_page, django_capture_on_commit_callbacks):
    page = main(parse(client.get("/contact/")))
    refused = post(client, django_capture_on_commit_callbacks, form_data())

    assert page.find("form") is None
    assert "pas encore ouvert" in text(page)
    assert refused.status_code == 409
    assert mail.outbox == []


def test_contact__honeypot_answers_as_a_success_and_sends_nothing(client, legal, django_capture_on_commit_callbacks):
    response = post(client, django_capture_on_commit_callbacks, form_data(website="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == "/contact/?envoye=1"
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


def test_contact__throttled_per_client_address(client, legal, settings, django_capture_on_commit_callbacks):
    settings.CONTACT_RATE_LIMIT_PER_IP = 2
    for number in range(2):
        sent = post(client, django_capture_on_commit_callbacks, form_data(email=f"personne{number}@example.org"))
        assert sent.status_code == 302
    refused = post(client, django_capture_on_commit_callbacks, form_data(email="trois@example.org"))

    assert refused.status_code == 429
    assert "Trop de messages" in main_text(refused)
    assert len(mail.outbox) == 2


def test_contact__throttled_per_email_address(client, legal, settings, django_capture_on_commit_callbacks):
    settings.CONTACT_RATE_LIMIT_PER_EMAIL = 1
    post(client, django_capture_on_commit_callbacks, form_data())
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post("/contact/", form_data(email="NADIA.BENALI@example.org"), REMOTE_ADDR="198.51.100.4")

    assert refused.status_code == 429
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"email": "pas-une-adresse"}, "Saisissez une adresse électronique valide"),
        ({"email": "x@example.org\r\nBcc: victim@example.org"}, "Saisissez une adresse électronique valide"),
        ({"name": ""}, "Champ requis"),
        ({"name": "\x00"}, "Le caractère nul n’est pas autorisé"),
        ({"name": "\u200b\u202e\r\n"}, "Indiquez votre nom"),
        ({"topic": "<script>alert(1)</script>"}, "Choisissez l'objet de votre message dans la liste"),
        ({"topic": ""}, "Champ requis"),
        ({"message": "   \t\n  "}, "Champ requis"),
        ({"message": "\u202e\u200b"}, "Écrivez votre message"),
        ({"message": "avant\x00après"}, "Le caractère nul n’est pas autorisé"),
        ({"message": "x" * 5001}, "dépasse 5000 caractères"),
        ({"organisation": "o" * 201}, "Assurez-vous que cette valeur comporte au plus 200 caractères"),
    ],
)
def test_contact__hostile_input_gets_a_french_error_and_sends_nothing(
    client, legal, django_capture_on_commit_callbacks, overrides, error
):
    response = post(client, django_capture_on_commit_callbacks, form_data(**overrides))

    assert response.status_code == 400
    assert error in main_text(response)
    assert mail.outbox == []


def test_contact__markup_and_control_characters_are_kept_harmless(client, legal, django_capture_on_commit_callbacks):
    response = post(
        client,
        django_capture_on_commit_callbacks,
        form_data(name="Nadia\r\nBcc: victim@example.org", message="<b>gras</b>\x07 et\u202e fin"),
    )

    assert response.status_code == 302
    (message,) = mail.outbox
    assert "Nadia Bcc: victim@example.org" in message.body  # one line, in the body only
    assert message.extra_headers == {}
    assert "<b>gras</b> et fin" in message.body  # plain text, the bell and the bidi override dropped


def test_contact__repeated_and_list_values_are_refused_cleanly(client, legal):
    response = client.post("/contact/", {**form_data(), "topic": ["question", "autre"]}, REMOTE_ADDR=CLIENT)

    assert response.status_code in (302, 400)


def test_contact__the_shared_form_posts_with_the_visitors_own_token(legal, identity):
    response = shared_form_posted("/contact/", data=form_data(email="pas-une-adresse"))
    # The form's own refusal (400), not CSRF's (403).
    assert response.status_code == 400
    assert not mail.outbox
