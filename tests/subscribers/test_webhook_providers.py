"""Every provider's tracking endpoint: closed until configured, 401 unsigned or wrongly signed,
400 to garbage, and a correctly signed call that does suppress."""

import base64
import hashlib
import hmac
import importlib.util
import json
import time

import pytest

from subscribers.webhook_views import WEBHOOK_PROVIDERS
from tests.factories.subscribers import SubscriberFactory

pytestmark = pytest.mark.django_db

SECRET = "hook:un-secret-assez-long"
MAILGUN_KEY = "cle-de-signature-mailgun"


BASIC_AUTH_ONLY = {"amazon_ses", "brevo", "mailjet", "postmark", "sparkpost"}


def _public_key(kind: str) -> str:
    """A public key as Postal (RSA) and SendGrid (EC) dashboards show it: base64 DER, no PEM lines."""
    if importlib.util.find_spec("cryptography") is None:
        return "cle-publique"  # never loaded: without cryptography those providers stay closed
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048) if kind == "rsa" else None
    private = private or ec.generate_private_key(ec.SECP256R1())
    pem = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return "".join(pem.decode().splitlines()[1:-1])


SIGNING_KEYS = {
    "MAILERSEND_SIGNING_SECRET": "cle-mailersend",
    "MAILGUN_WEBHOOK_SIGNING_KEY": MAILGUN_KEY,
    "MANDRILL_WEBHOOK_KEY": "cle-mandrill",
    "POSTAL_WEBHOOK_KEY": _public_key("rsa"),
    "RESEND_SIGNING_SECRET": "whsec_" + base64.b64encode(b"cle-resend-de-32-octets-au-moins").decode(),
    "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY": _public_key("ec"),
}
# Providers whose anymail view can run in this installation; the others stay closed (403).
VERIFIABLE = sorted(
    name
    for name, provider in WEBHOOK_PROVIDERS.items()
    if provider.requires is None or importlib.util.find_spec(provider.requires)
)
UNVERIFIABLE = sorted(set(WEBHOOK_PROVIDERS) - set(VERIFIABLE))


@pytest.fixture
def reader():
    return SubscriberFactory(email="lecteur@example.org")


@pytest.fixture
def unconfigured(settings):
    settings.ANYMAIL_WEBHOOK_SECRET = []
    for name in SIGNING_KEYS:
        setattr(settings, f"ANYMAIL_{name}", None)


@pytest.fixture
def configured(settings):
    settings.ANYMAIL_WEBHOOK_SECRET = [SECRET]
    for name, value in SIGNING_KEYS.items():
        setattr(settings, f"ANYMAIL_{name}", value)


def _bounce(email: str = "lecteur@example.org") -> str:
    # Shaped like several providers' bounce events at once; what matters is that it is refused.
    return json.dumps({"event": "hard_bounce", "email": email, "Type": "HardBounce", "Email": email})


def _auth(secret: str = SECRET) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def _url(provider: str) -> str:
    return f"/webhooks/anymail/{provider}/tracking/"


@pytest.mark.parametrize("provider", sorted(WEBHOOK_PROVIDERS))
def test_provider__not_configured__403(client, unconfigured, reader, provider):
    response = client.post(_url(provider), _bounce(), content_type="application/json", **_auth())
    assert response.status_code == 403
    assert "authentification" in response.json()["detail"]
    reader.refresh_from_db()
    assert not reader.is_suppressed


@pytest.mark.parametrize("provider", VERIFIABLE)
def test_provider__unsigned__401(client, configured, reader, provider):
    response = client.post(_url(provider), _bounce(), content_type="application/json")
    assert response.status_code == 401
    reader.refresh_from_db()
    assert not reader.is_suppressed


@pytest.mark.parametrize("provider", VERIFIABLE)
def test_provider__wrongly_signed__401(client, configured, reader, provider):
    headers = {
        **_auth("hook:mauvais"),
        "HTTP_X_MANDRILL_SIGNATURE": "faux",
        "HTTP_X_POSTAL_SIGNATURE": base64.b64encode(b"faux").decode(),
        "HTTP_SIGNATURE": "faux",
        "HTTP_SVIX_ID": "msg_1",
        "HTTP_SVIX_TIMESTAMP": str(int(time.time())),
        "HTTP_SVIX_SIGNATURE": "v1,ZmF1eA==",
        "HTTP_X_TWILIO_EMAIL_EVENT_WEBHOOK_SIGNATURE": base64.b64encode(b"faux").decode(),
        "HTTP_X_TWILIO_EMAIL_EVENT_WEBHOOK_TIMESTAMP": str(int(time.time())),
    }
    response = client.post(_url(provider), _bounce(), content_type="application/json", **headers)
    assert response.status_code == 401
    reader.refresh_from_db()
    assert not reader.is_suppressed


@pytest.mark.skipif(not UNVERIFIABLE, reason="every signature library is installed")
@pytest.mark.parametrize("provider", UNVERIFIABLE or ["-"])
def test_provider__library_missing__403_even_with_its_key(client, configured, reader, provider):
    response = client.post(_url(provider), _bounce(), content_type="application/json", **_auth())
    assert response.status_code == 403
    reader.refresh_from_db()
    assert not reader.is_suppressed


@pytest.mark.parametrize("provider", sorted(BASIC_AUTH_ONLY.intersection(VERIFIABLE)))
@pytest.mark.parametrize("body", [b"{pas du json", b"null", b'"texte"', b"\xff\xfe", b"[" * 100_000])
def test_basic_auth_provider__garbage__4xx_nothing_suppressed(client, configured, reader, provider, body):
    response = client.post(_url(provider), body, content_type="application/json", **_auth())
    assert 400 <= response.status_code < 500
    reader.refresh_from_db()
    assert not reader.is_suppressed


def _mailgun_signed(event: dict) -> str:
    timestamp, token = str(int(time.time())), "jeton-unique-mailgun"
    signature = hmac.new(MAILGUN_KEY.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return json.dumps({"signature": {"timestamp": timestamp, "token": token, "signature": signature}, **event})


def test_mailgun__signed_garbage_event__400_nothing_suppressed(client, configured, reader):
    body = _mailgun_signed({"event-data": "pas un objet"})
    response = client.post(_url("mailgun"), body, content_type="application/json", **_auth())
    assert response.status_code == 400
    reader.refresh_from_db()
    assert not reader.is_suppressed


def test_mailgun__correctly_signed_permanent_failure__suppresses(client, configured, reader):
    event = {
        "event-data": {
            "event": "failed",
            "severity": "permanent",
            "recipient": "lecteur@example.org",
            "timestamp": time.time(),
            "id": "evt-1",
            "reason": "bounce",
            "delivery-status": {"code": 550, "message": "5.1.1 User unknown"},
            "message": {"headers": {"message-id": "abc@example.org"}},
        }
    }
    response = client.post(_url("mailgun"), _mailgun_signed(event), content_type="application/json", **_auth())
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.is_suppressed
