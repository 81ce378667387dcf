"""Providers' webhooks: a real Brevo tracking payload posted to anymail's URL with basic auth."""

import base64
import json

import pytest

from subscribers.models import ConsentAction, ConsentRecord, Source, Subscriber, SuppressionReason
from subscribers.selectors import recipients_for
from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

URL = "/webhooks/anymail/brevo/tracking/"
SECRET = "brevo-hook:un-secret-assez-long"


@pytest.fixture(autouse=True)
def webhook_secret(settings) -> None:
    settings.ANYMAIL_WEBHOOK_SECRET = [SECRET]


def _payload(event: str, email: str) -> dict:
    # As documented by Brevo for transactional webhooks.
    return {
        "event": event,
        "email": email,
        "id": 1234567,
        "date": "2026-10-09 00:00:00",
        "ts": 1791504000,
        "message-id": "<202610090000.12345@smtp-relay.mailin.fr>",
        "ts_event": 1791504000,
        "subject": "Résonances n° 42",
        "tag": "resonances",
        "sending_ip": "185.41.28.109",
        "ts_epoch": 1791504000123,
        "reason": "550 5.1.1 User unknown",
        "tags": ["resonances"],
    }


def _post(client, payload: dict, secret: str | None = SECRET):
    headers = {}
    if secret is not None:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(secret.encode()).decode()
    return client.post(URL, json.dumps(payload), content_type="application/json", **headers)


@pytest.fixture
def reader(resonances):
    subscription = SubscriptionFactory(
        subscriber=SubscriberFactory(email="Lecteur@Example.org"), newsletter_list=resonances
    )
    return subscription.subscriber


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        ("hard_bounce", SuppressionReason.BOUNCE),
        ("spam", SuppressionReason.COMPLAINT),
        ("complaint", SuppressionReason.COMPLAINT),
    ],
)
def test_webhook__hard_bounce_or_complaint__suppresses(client, reader, resonances, event, reason):
    response = _post(client, _payload(event, "lecteur@example.org"))
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.is_suppressed
    assert reader.suppression_reason == reason
    record = ConsentRecord.objects.get()
    assert (record.action, record.source) == (ConsentAction.SUPPRESSED, Source.PROVIDER)
    assert not recipients_for(resonances.pk).exists()


def test_webhook__repeated_event__one_record(client, reader):
    for _ in range(3):
        _post(client, _payload("hard_bounce", "lecteur@example.org"))
    assert ConsentRecord.objects.count() == 1


@pytest.mark.parametrize("event", ["soft_bounce", "delivered", "opened", "deferred", "click"])
def test_webhook__other_events__change_nothing(client, reader, event):
    assert _post(client, _payload(event, "lecteur@example.org")).status_code == 200
    reader.refresh_from_db()
    assert not reader.is_suppressed


def test_webhook__unknown_address__accepted_nothing_created(client, reader):
    assert _post(client, _payload("hard_bounce", "inconnu@example.org")).status_code == 200
    assert Subscriber.objects.count() == 1
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize("secret", [None, "brevo-hook:mauvais", "x" * 10_000])
def test_webhook__missing_or_wrong_auth__refused(client, reader, secret):
    response = _post(client, _payload("hard_bounce", "lecteur@example.org"), secret=secret)
    assert response.status_code == 401
    reader.refresh_from_db()
    assert not reader.is_suppressed


def test_webhook__no_secret_configured__refused(client, reader, settings):
    settings.ANYMAIL_WEBHOOK_SECRET = []
    response = _post(client, _payload("hard_bounce", "lecteur@example.org"), secret=None)
    assert response.status_code == 403
    reader.refresh_from_db()
    assert not reader.is_suppressed


@pytest.mark.parametrize(
    "body",
    [b"{pas du json", b"null", b"[1, 2]", b'{"event": "hard_bounce", "email": ["lecteur@example.org"]}', b"\xff\xfe"],
)
def test_webhook__malformed_body__400_nothing_changed(client, reader, body):
    headers = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(SECRET.encode()).decode()}
    response = client.post(URL, body, content_type="application/json", **headers)
    assert response.status_code == 400
    reader.refresh_from_db()
    assert not reader.is_suppressed


def test_webhook__huge_body__400(client, reader):
    headers = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(SECRET.encode()).decode()}
    body = json.dumps([_payload("hard_bounce", "lecteur@example.org")] * 5000)
    assert len(body) > 1024 * 1024
    assert client.post(URL, body, content_type="application/json", **headers).status_code == 400
    reader.refresh_from_db()
    assert not reader.is_suppressed
