"""Hostile input on the public pages: each gets a clear French answer and changes nothing it should not."""

import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing

from subscribers import links, tokens
from subscribers.models import ConsentRecord, Subscriber, Subscription, SubscriptionStatus
from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory
from tests.html import page_source

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/abonnement/"


def _post(client, capture, data, ip="203.0.113.7"):
    with capture(execute=True):
        return client.post(SUBSCRIBE, data, REMOTE_ADDR=ip)


def _nothing_stored() -> bool:
    return not Subscriber.objects.exists() and not ConsentRecord.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "email",
    [
        "pas-une-adresse",
        "ines@",
        "@example.org",
        "ines benali@example.org",
        "ines@example.org\r\nBcc: victime@example.org",
        "ines@example.org\nX-Injected: oui",
        "a" * 250 + "@example.org",
        "ines@" + "b" * 300 + ".org",
        "<script>alert(1)</script>@example.org",
        "'; DROP TABLE subscribers_subscriber; --@example.org",
    ],
)
def test_subscribe__malformed_or_long_address__french_error_nothing_stored(
    client, django_capture_on_commit_callbacks, form_data, email
):
    response = _post(client, django_capture_on_commit_callbacks, form_data(email=email))
    assert response.status_code == 200
    text = page_source(response)
    assert "Saisissez une adresse électronique valide" in text or "au plus 254 caractères" in text
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert _nothing_stored()


@pytest.mark.parametrize("field", ["name", "organisation"])
@pytest.mark.parametrize(
    "value", ["Inès\r\nBcc: victime@example.org", "Inès\nSubject: gagné", "Inès\rX: y", "Inès\x00", "Inès\u2028Bcc: x"]
)
def test_subscribe__header_injection_in_names__refused(
    client, django_capture_on_commit_callbacks, form_data, field, value
):
    response = _post(client, django_capture_on_commit_callbacks, form_data(**{field: value}))
    assert "Ce champ doit tenir sur une seule ligne." in page_source(response)
    assert _nothing_stored()


def test_subscribe__very_long_name__refused(client, django_capture_on_commit_callbacks, form_data):
    response = _post(client, django_capture_on_commit_callbacks, form_data(name="É" * 10_000))
    assert "au plus 150 caractères" in page_source(response)
    assert _nothing_stored()


def test_subscribe__inclusive_writing_survives(client, django_capture_on_commit_callbacks, form_data):
    _post(
        client, django_capture_on_commit_callbacks, form_data(name="Élu·e de Saint-Denis", organisation="Conseil·ère·s")
    )
    subscriber = Subscriber.objects.get()
    assert (subscriber.name, subscriber.organisation) == ("Élu·e de Saint-Denis", "Conseil·ère·s")


def test_subscribe__missing_consent_or_list__french_errors(client, django_capture_on_commit_callbacks, form_data):
    data = form_data()
    del data["consent"]
    data["lists"] = []
    text = page_source(_post(client, django_capture_on_commit_callbacks, data))
    assert "Votre accord est nécessaire pour vous abonner." in text
    assert "Choisissez au moins une lettre." in text
    assert _nothing_stored()


def test_subscribe__list_outside_the_form__refused(client, django_capture_on_commit_callbacks, form_data, la_lettre):
    response = client.post("/abonnement/resonances/", form_data(lists=[str(la_lettre.pk)]))
    assert "Sélectionnez un choix valide" in page_source(response)
    assert _nothing_stored()


def test_subscribe__forged_territory_and_role__refused(client, django_capture_on_commit_callbacks, form_data):
    text = page_source(_post(client, django_capture_on_commit_callbacks, form_data(territory="999999", role="admin")))
    assert text.count("Sélectionnez un choix valide") == 2
    assert _nothing_stored()


def test_subscribe__honeypot_filled__same_answer_nothing_done(client, django_capture_on_commit_callbacks, form_data):
    real = _post(client, django_capture_on_commit_callbacks, form_data(email="vraie@example.org"))
    Subscriber.objects.all().delete()
    mail.outbox.clear()
    bot = _post(client, django_capture_on_commit_callbacks, form_data(website="http://spam.example"))
    assert bot.status_code == 200
    assert bot.content == real.content
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_subscribe__repeated_submissions_from_one_address__rate_limited(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.SUBSCRIBERS_RATE_LIMIT_PER_IP = 3
    for number in range(3):
        response = _post(client, django_capture_on_commit_callbacks, form_data(email=f"p{number}@example.org"))
        assert response.status_code == 200
    blocked = _post(client, django_capture_on_commit_callbacks, form_data(email="p9@example.org"))
    assert blocked.status_code == 429
    assert "Trop de demandes d'abonnement" in page_source(blocked)
    assert not Subscriber.objects.filter(email="p9@example.org").exists()
    # The form keeps what was typed.
    assert 'value="p9@example.org"' in blocked.content.decode()
    other_ip = _post(client, django_capture_on_commit_callbacks, form_data(email="p10@example.org"), ip="198.51.100.1")
    assert other_ip.status_code == 200


def test_subscribe__repeated_submissions_for_one_email__rate_limited(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.SUBSCRIBERS_RATE_LIMIT_PER_EMAIL = 2
    for number in range(2):
        _post(
            client, django_capture_on_commit_callbacks, form_data(email="Cible@example.org"), ip=f"198.51.100.{number}"
        )
    blocked = _post(client, django_capture_on_commit_callbacks, form_data(email="cible@example.org"), ip="192.0.2.200")
    assert blocked.status_code == 429
    assert len(mail.outbox) == 2


def test_subscribe__get_or_other_methods_change_nothing(client, form_data):
    assert client.get(SUBSCRIBE, form_data()).status_code == 200
    assert client.put(SUBSCRIBE).status_code == 405
    assert not Subscriber.objects.exists()


def test_subscribe__post_without_csrf_token__refused(form_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(SUBSCRIBE, form_data())
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


# --- tokens -----------------------------------------------------------------------------------------


def _pending(resonances):
    return SubscriptionFactory(newsletter_list=resonances, status=SubscriptionStatus.PENDING)


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "x" * 5000,
        "eyJzIjoxLCJsIjpbMV19:1tXyZa:forged-signature",
        "%00%0d%0a",
        "../../etc/passwd",
    ],
)
@pytest.mark.parametrize("route", ["confirmer", "preferences", "desabonnement"])
def test_token__forged__400_french_page_nothing_changed(client, resonances, route, token):
    subscription = _pending(resonances)
    for method in (client.get, client.post):
        response = method(f"/abonnement/{route}/{token}/")
        assert response.status_code in (400, 404)
        if response.status_code == 400:
            assert "Lien invalide ou expiré" in page_source(response)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING
    assert not ConsentRecord.objects.exists()


def test_token__signed_for_another_purpose__refused(client, resonances):
    subscription = _pending(resonances)
    preferences = tokens.preferences_token(subscription.subscriber_id)
    assert client.post(f"/abonnement/confirmer/{preferences}/").status_code == 400
    assert client.post(f"/abonnement/desabonnement/{preferences}/").status_code == 400
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING


def test_token__altered_payload__refused(client, resonances):
    subscription = _pending(resonances)
    other = SubscriberFactory()
    token = tokens.unsubscribe_token(subscription.subscriber_id, resonances.pk)
    _payload, rest = token.split(":", 1)
    forged = signing.b64_encode(f'{{"s":{other.pk},"l":{resonances.pk}}}'.encode()).decode() + ":" + rest
    assert client.post(f"/abonnement/desabonnement/{forged}/").status_code == 400
    assert not ConsentRecord.objects.exists()


def test_token__expired_confirmation__refused(client, resonances, monkeypatch):
    subscription = _pending(resonances)
    token = tokens.confirmation_token(subscription.subscriber_id, [resonances.pk])
    later = time.time() + tokens.CONFIRMATION_MAX_AGE.total_seconds() + timedelta(hours=1).total_seconds()
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post(f"/abonnement/confirmer/{token}/")
    assert response.status_code == 400
    assert "expiré" in page_source(response)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING


def test_token__subscriber_erased__link_refused(client, resonances):
    subscription = _pending(resonances)
    path = urlsplit(links.confirmation_url(subscription.subscriber_id, [resonances.pk])).path
    subscription.subscriber.delete()
    assert client.post(path).status_code == 400
    assert not Subscription.objects.exists()
