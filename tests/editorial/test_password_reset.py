"""The admin's « Mot de passe oublié »: throttled per client and per email, answering the same throughout."""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


@pytest.fixture
def account(django_user_model):
    return django_user_model.objects.create_superuser(
        username="nadia.benali", email="nadia.benali@example.org", password="mot-de-passe"
    )


def _reset(client, email: str, address: str):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_password_reset__one_email_asked_for_again_and_again__mails_stop_at_the_limit(client, account, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL = 3
    answers = [_reset(client, "Nadia.Benali@example.org", f"198.51.100.{number}") for number in range(1, 7)]

    assert {(answer.status_code, answer.url) for answer in answers} == {(302, DONE)}
    assert len(mail.outbox) == 3


def test_password_reset__one_client_spraying_addresses__mails_stop_at_the_limit(client, account, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_IP = 5
    for number in range(5):
        _reset(client, f"inconnu{number}@example.org", "203.0.113.66")

    throttled = _reset(client, "nadia.benali@example.org", "203.0.113.66")
    other_client = _reset(client, "nadia.benali@example.org", "198.51.100.9")

    assert (throttled.status_code, throttled.url) == (302, DONE)
    assert (other_client.status_code, other_client.url) == (302, DONE)
    assert [message.to for message in mail.outbox] == [["nadia.benali@example.org"]]


def test_password_reset__throttled__the_same_answer_for_an_account_and_for_no_account(client, account, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_IP = 1
    _reset(client, "premier@example.org", "203.0.113.66")

    known = _reset(client, "nadia.benali@example.org", "203.0.113.66")
    unknown = _reset(client, "personne@example.org", "203.0.113.66")

    assert (known.status_code, known.url, known.content) == (unknown.status_code, unknown.url, unknown.content)
    assert not mail.outbox
