"""Preferences from a signed link, and RFC 8058 one-click unsubscribe."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from subscribers import links
from subscribers.models import ConsentAction, ConsentRecord, Source, SubscriptionStatus
from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory
from tests.html import page_source

pytestmark = pytest.mark.django_db


def _path(url: str) -> str:
    return urlsplit(url).path


@pytest.fixture
def subscription(resonances):
    return SubscriptionFactory(subscriber=SubscriberFactory(email="lea@example.org"), newsletter_list=resonances)


def test_one_click__post_without_session_or_csrf_unsubscribes(subscription, resonances):
    url = links.unsubscribe_url(subscription.subscriber_id, resonances.pk)
    assert url.startswith("http")
    client = Client(enforce_csrf_checks=True)
    response = client.post(_path(url), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    record = ConsentRecord.objects.get()
    assert (record.action, record.source) == (ConsentAction.WITHDRAWN, Source.EMAIL)


def test_one_click__replayed__idempotent(subscription, resonances):
    path = _path(links.unsubscribe_url(subscription.subscriber_id, resonances.pk))
    client = Client(enforce_csrf_checks=True)
    for _ in range(3):
        assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert ConsentRecord.objects.filter(action=ConsentAction.WITHDRAWN).count() == 1


def test_unsubscribe__get_shows_a_confirmation_and_changes_nothing(client, subscription, resonances):
    path = _path(links.unsubscribe_url(subscription.subscriber_id, resonances.pk))
    response = client.get(path)
    assert response.status_code == 200
    assert "Me désabonner" in page_source(response)
    assert 'method="post"' in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED


def test_unsubscribe__confirmation_page_post_with_reason(client, subscription, resonances):
    path = _path(links.unsubscribe_url(subscription.subscriber_id, resonances.pk))
    response = client.post(path, {"reason": "Trop de courriels"})
    assert "Désabonnement enregistré" in page_source(response)
    subscription.refresh_from_db()
    assert subscription.unsubscribe_reason == "Trop de courriels"


def test_unsubscribe__overlong_reason__french_error_nothing_changed(client, subscription, resonances):
    path = _path(links.unsubscribe_url(subscription.subscriber_id, resonances.pk))
    response = client.post(path, {"reason": "x" * 5000})
    assert response.status_code == 400
    assert "au plus 1000 caractères" in page_source(response)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED


def test_preferences__change_lists_profile_and_records(client, subscription, resonances, la_lettre, territory):
    path = _path(links.preferences_url(subscription.subscriber_id))
    page = client.get(path)
    assert page.status_code == 200
    assert "lea@example.org" in page_source(page)
    response = client.post(
        path,
        {
            "name": "Léa Moreau",
            "organisation": "Plaine Commune",
            "role": "state_agent",
            "territory": str(territory.pk),
            "lists": [str(la_lettre.pk)],
            "reason": "Je change de poste",
        },
    )
    assert response.status_code == 200
    assert "Vos préférences sont enregistrées." in page_source(response)
    subscriber = subscription.subscriber
    subscriber.refresh_from_db()
    assert (subscriber.name, subscriber.role, subscriber.territory) == ("Léa Moreau", "state_agent", territory)
    statuses = dict(subscriber.subscriptions.values_list("newsletter_list_id", "status"))
    assert statuses == {resonances.pk: SubscriptionStatus.UNSUBSCRIBED, la_lettre.pk: SubscriptionStatus.CONFIRMED}
    actions = set(ConsentRecord.objects.values_list("newsletter_list_id", "action"))
    assert actions == {(resonances.pk, ConsentAction.WITHDRAWN), (la_lettre.pk, ConsentAction.CONFIRMED)}
    assert ConsentRecord.objects.get(action=ConsentAction.WITHDRAWN).consent_text == "Je change de poste"


def test_preferences__unsubscribe_from_all(client, subscription, resonances, la_lettre):
    SubscriptionFactory(subscriber=subscription.subscriber, newsletter_list=la_lettre)
    path = _path(links.preferences_url(subscription.subscriber_id))
    client.post(
        path,
        {"name": "Léa", "role": "other", "lists": [str(resonances.pk)], "unsubscribe_all": "on", "reason": ""},
    )
    assert set(subscription.subscriber.subscriptions.values_list("status", flat=True)) == {
        SubscriptionStatus.UNSUBSCRIBED
    }


def test_preferences__header_injection_in_name__refused_nothing_changed(client, subscription, resonances):
    path = _path(links.preferences_url(subscription.subscriber_id))
    response = client.post(path, {"name": "Léa\r\nBcc: x@example.org", "role": "other", "lists": []})
    assert response.status_code == 400
    assert "Ce champ doit tenir sur une seule ligne." in page_source(response)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert not ConsentRecord.objects.exists()


def test_preferences__post_needs_csrf(subscription):
    path = _path(links.preferences_url(subscription.subscriber_id))
    response = Client(enforce_csrf_checks=True).post(path, {"name": "X", "role": "other", "unsubscribe_all": "on"})
    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
