"""End to end in Chromium: subscribe, read the confirmation email, open its link, confirm by the button."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from subscribers.models import ConsentAction, ConsentRecord, Subscription, SubscriptionStatus
from tests.browser.conftest import CHROMIUM, TIMEOUT_MS
from tests.factories import NewsletterListFactory, TerritoryFactory

pytestmark = [
    pytest.mark.slow,
    # Flushing after the test without restoring would drop Wagtail's root page for the next tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def test_subscription__form_email_link_button__confirmed(browser, live_server):
    resonances = NewsletterListFactory(name="Résonances", slug="resonances")
    NewsletterListFactory(name="La Lettre", slug="la-lettre")
    TerritoryFactory(name="Saint-Denis", code="93066")
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()

    page.goto("/abonnement/")
    page.locator("#id_email").fill("samia.elu@example.org")
    page.locator("#id_name").fill("Samia Élu·e")
    page.locator("#id_role").select_option(label="Élu·e")
    page.locator("#id_territory").select_option(label="Saint-Denis (93066) — Commune")
    page.get_by_role("checkbox", name="Résonances", exact=True).check()
    page.locator("#id_consent").check()
    # The honeypot is out of sight for a person.
    assert not page.locator("#id_website").is_visible() or page.locator("#id_website").bounding_box()["x"] < 0
    page.get_by_role("button", name="S'abonner").click()
    page.get_by_role("heading", name="Vérifiez votre messagerie").wait_for()

    [message] = mail.outbox
    assert message.to == ["samia.elu@example.org"]
    link = re.search(r"https?://\S+/abonnement/confirmer/\S+/", message.body).group(0)
    subscription = Subscription.objects.get(newsletter_list=resonances)
    assert subscription.status == SubscriptionStatus.PENDING

    page.goto(urlsplit(link).path)
    page.get_by_role("heading", name="Confirmer votre abonnement").wait_for()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    page.get_by_role("heading", name="Abonnement confirmé").wait_for()

    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert ConsentRecord.objects.filter(action=ConsentAction.CONFIRMED, newsletter_list=resonances).count() == 1
    assert not Subscription.objects.exclude(newsletter_list=resonances).exists()
    context.close()
