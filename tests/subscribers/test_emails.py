"""The public form's emails go wherever a visitor asks: they carry no text that visitor typed."""

import pytest
from django.core import mail

from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

PHISHING = "Votre compte est bloqué : appelez le 01 23 45 67 89"
ORGANISATION = "Service client https://pirate.example"


def _bodies(message) -> list[str]:
    return [message.subject, message.body, *(content for content, _type in message.alternatives)]


def test_confirmation_email__greets_no_one_by_the_name_typed(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnement/", form_data(name=PHISHING, organisation=ORGANISATION), REMOTE_ADDR="203.0.113.7")
    [message] = mail.outbox
    assert message.to == ["ines.benali@example.org"]
    for text in _bodies(message):
        assert "appelez" not in text
        assert "pirate.example" not in text
    assert message.body.startswith("Bonjour,\n")
    assert "/abonnement/confirmer/" in message.body


def test_already_subscribed_email__greets_no_one_by_the_stored_name(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    subscriber = SubscriberFactory(email="deja@example.org", name=PHISHING, organisation=ORGANISATION)
    SubscriptionFactory(subscriber=subscriber, newsletter_list=resonances)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/abonnement/", form_data(email="deja@example.org"), REMOTE_ADDR="203.0.113.7")
    [message] = mail.outbox
    assert "/abonnement/preferences/" in message.body
    for text in _bodies(message):
        assert "appelez" not in text
        assert "pirate.example" not in text
