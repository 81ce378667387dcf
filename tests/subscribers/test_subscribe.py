"""The public subscription form: double opt-in, consent records, and no leak of who is subscribed."""

import re

import pytest
from django.core import mail

from subscribers.models import (
    ConsentAction,
    ConsentRecord,
    Source,
    Subscriber,
    Subscription,
    SubscriptionStatus,
    SuppressionReason,
)
from subscribers.services import suppress
from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory
from tests.html import page_source
from tests.outages import cache_down

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/abonnement/"


def _post(client, capture, data, path=SUBSCRIBE, **extra):
    with capture(execute=True):
        return client.post(path, data, REMOTE_ADDR="203.0.113.7", **extra)


def _confirmation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/abonnement/confirmer/[^\s/]+/)", message.body).group(1)


def test_subscribe__get_shows_lists_and_consentpage_source(client, resonances, la_lettre):
    response = client.get(SUBSCRIBE)
    content = page_source(response)
    assert response.status_code == 200
    assert "Résonances" in content
    assert "La Lettre" in content
    assert "J'accepte de recevoir par courriel" in content
    assert 'name="website"' in content


def test_subscribe__list_form_names_only_that_list(client, resonances, la_lettre):
    response = client.get(f"/abonnement/{resonances.slug}/")
    content = page_source(response)
    assert response.status_code == 200
    assert "« Résonances »" in content
    assert "La Lettre" not in content
    assert resonances.description in content


def test_subscribe__unknown_list_slug__404(client, resonances):
    assert client.get("/abonnement/liste-inconnue/").status_code == 404
    assert client.post("/abonnement/liste-inconnue/", {"email": "a@example.org"}).status_code == 404


def test_subscribe__inactive_list_is_not_offered(client, resonances, la_lettre):
    la_lettre.is_active = False
    la_lettre.save()
    assert client.get(f"/abonnement/{la_lettre.slug}/").status_code == 404
    assert "La Lettre" not in page_source(client.get(SUBSCRIBE))


def test_subscribe__new_address__pending_consent_recorded_and_confirmation_sent(
    client, django_capture_on_commit_callbacks, form_data, resonances, la_lettre, territory
):
    data = form_data(lists=[str(resonances.pk), str(la_lettre.pk)])
    response = _post(client, django_capture_on_commit_callbacks, data)

    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in page_source(response)
    subscriber = Subscriber.objects.get(email="ines.benali@example.org")
    assert (subscriber.name, subscriber.role, subscriber.territory) == ("Inès Benali", "elected", territory)
    assert set(subscriber.subscriptions.values_list("status", flat=True)) == {SubscriptionStatus.PENDING}
    records = ConsentRecord.objects.filter(subscriber=subscriber)
    assert records.count() == 2
    shown = client.get(SUBSCRIBE).context["consent_text"]
    for record in records:
        assert record.action == ConsentAction.REQUESTED
        assert record.source == Source.FORM
        assert record.ip_address == "203.0.113.7"
        assert record.consent_text == shown
    [message] = mail.outbox
    assert message.to == ["ines.benali@example.org"]
    assert message.subject == "Confirmez votre abonnement à nos lettres d'information"
    assert "/abonnement/confirmer/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Confirmer mon abonnement" in html


def test_subscribe__confirmation_link_get_changes_nothing_post_confirms(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    _post(client, django_capture_on_commit_callbacks, form_data())
    path = _confirmation_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "Confirmer mon abonnement" in page_source(page)
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING

    response = client.post(path, REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 200
    assert "Votre abonnement est confirmé" in page_source(response)
    subscription = Subscription.objects.get()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    confirmation = ConsentRecord.objects.get(action=ConsentAction.CONFIRMED)
    assert confirmation.ip_address == "198.51.100.4"
    assert confirmation.source == Source.EMAIL
    assert "J'accepte de recevoir" in confirmation.consent_text

    replay = client.post(path)
    assert replay.status_code == 200
    assert "déjà confirmé" in page_source(replay)
    assert ConsentRecord.objects.filter(action=ConsentAction.CONFIRMED).count() == 1

    # Clicking the link again says so at once, rather than asking to confirm once more.
    clicked_again = client.get(path)
    assert clicked_again.status_code == 200
    assert "Abonnement déjà confirmé" in page_source(clicked_again)
    assert "Confirmer mon abonnement" not in page_source(clicked_again)
    assert ConsentRecord.objects.filter(action=ConsentAction.CONFIRMED).count() == 1


def test_subscribe__the_address_alone_is_required(client, django_capture_on_commit_callbacks, form_data, resonances):
    data = form_data(name="", organisation="", role="", territory="")
    response = _post(client, django_capture_on_commit_callbacks, data)
    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in page_source(response)
    subscription = Subscription.objects.get()
    assert subscription.subscriber.email == "ines.benali@example.org"
    assert (subscription.subscriber.name, subscription.subscriber.role) == ("", "")
    assert len(mail.outbox) == 1


def test_subscribe__single_list_confirmation_comes_from_the_list_sender(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    _post(client, django_capture_on_commit_callbacks, form_data(), path=f"/abonnement/{resonances.slug}/")
    [message] = mail.outbox
    assert message.from_email == f"{resonances.sender_name} <{resonances.sender_email}>"
    assert message.reply_to == [resonances.reply_to]
    assert message.subject == "Confirmez votre abonnement à Résonances"


def test_subscribe__already_subscribed__same_page_and_a_manage_preferences_email(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    new = _post(client, django_capture_on_commit_callbacks, form_data(email="nouvelle@example.org"))
    SubscriptionFactory(subscriber=SubscriberFactory(email="Deja@Example.org"), newsletter_list=resonances)
    mail.outbox.clear()

    existing = _post(client, django_capture_on_commit_callbacks, form_data(email="deja@example.org"))

    assert existing.status_code == new.status_code == 200
    assert existing.content == new.content
    [message] = mail.outbox
    assert message.to == ["Deja@Example.org"]
    assert "déjà" in message.subject
    assert "/abonnement/preferences/" in message.body
    assert "/abonnement/confirmer/" not in message.body
    assert Subscriber.objects.filter(email__iexact="deja@example.org").count() == 1


def test_subscribe__existing_profile_is_not_overwritten_by_the_form(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    SubscriberFactory(email="claire@example.org", name="Claire Martin", organisation="Est Ensemble")
    _post(client, django_capture_on_commit_callbacks, form_data(email="claire@example.org", name="Usurpateur"))
    subscriber = Subscriber.objects.get(email="claire@example.org")
    assert (subscriber.name, subscriber.organisation) == ("Claire Martin", "Est Ensemble")


def test_subscribe__unsubscribed_person_subscribes_again_through_double_opt_in(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    subscription = SubscriptionFactory(
        subscriber=SubscriberFactory(email="revient@example.org"),
        newsletter_list=resonances,
        status=SubscriptionStatus.UNSUBSCRIBED,
    )
    _post(client, django_capture_on_commit_callbacks, form_data(email="revient@example.org"))
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING
    client.post(_confirmation_path(mail.outbox[0]))
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert subscription.unsubscribed_at is None


def test_subscribe__suppressed_address_confirms_anew_and_suppression_is_lifted(
    client, django_capture_on_commit_callbacks, form_data, resonances, la_lettre
):
    subscriber = SubscriberFactory(email="rebond@example.org")
    SubscriptionFactory(subscriber=subscriber, newsletter_list=resonances)
    SubscriptionFactory(subscriber=subscriber, newsletter_list=la_lettre)
    suppress("rebond@example.org", SuppressionReason.BOUNCE)

    response = _post(client, django_capture_on_commit_callbacks, form_data(email="rebond@example.org"))
    assert response.status_code == 200
    [message] = mail.outbox
    assert "/abonnement/confirmer/" in message.body

    client.post(_confirmation_path(message))
    subscriber.refresh_from_db()
    assert not subscriber.is_suppressed
    statuses = dict(subscriber.subscriptions.values_list("newsletter_list_id", "status"))
    # Only what was just confirmed is sent again.
    assert statuses == {resonances.pk: SubscriptionStatus.CONFIRMED, la_lettre.pk: SubscriptionStatus.UNSUBSCRIBED}


def test_subscribe__link_made_before_a_suppression_does_not_lift_it(
    client, django_capture_on_commit_callbacks, form_data, resonances
):
    _post(client, django_capture_on_commit_callbacks, form_data(email="ancien@example.org"))
    suppress("ancien@example.org", SuppressionReason.COMPLAINT)
    client.post(_confirmation_path(mail.outbox[0]))
    assert Subscriber.objects.get(email="ancien@example.org").is_suppressed


def test_subscribe__home_page_short_form_prefills_the_full_form(client, resonances, la_lettre):
    response = client.get(SUBSCRIBE, {"email": "camille@example.org", "liste": [la_lettre.slug]})

    form = response.context["form"]
    assert response.status_code == 200
    assert form.initial == {"email": "camille@example.org", "lists": [la_lettre.pk]}
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"email": "a@example.org\r\nBcc: victime@example.org", "liste": ["resonances"]},
        {"email": "x" * 300 + "@example.org"},
        {"liste": ["inconnue", "<script>", "a" * 500]},
    ],
    ids=["header-injection", "too-long", "unknown-lists"],
)
def test_subscribe__hostile_prefill_is_dropped(client, resonances, query):
    response = client.get(SUBSCRIBE, query)

    form = response.context["form"]
    assert response.status_code == 200
    assert "email" not in form.initial
    assert set(form.initial.get("lists", [])) <= {resonances.pk}
    assert "<script>" not in response.content.decode()


def test_subscribe__cache_down__rate_limits_fail_open(client, django_capture_on_commit_callbacks, form_data, settings):
    """Deliberate: without Redis no counter is kept; the honeypot and the double opt-in still hold."""
    cache_down(settings)

    for _attempt in range(settings.SUBSCRIBERS_RATE_LIMIT_PER_EMAIL + 1):
        response = _post(client, django_capture_on_commit_callbacks, form_data())
        assert response.status_code == 200
        assert "Vérifiez votre messagerie" in page_source(response)
