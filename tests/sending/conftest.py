"""Fixtures of the sending tests: a live issue, confirmed subscribers, a real SMTP server."""

import pytest
from django.contrib.auth.models import Permission

from subscribers.models import Source, Subscriber, Subscription, SubscriptionStatus
from tests import factories
from tests.smtp import SENDING_REFUSALS
from tests.users import centre_member


def subscribers_create(newsletter_list, count: int, *, prefix: str = "lectrice") -> list[Subscriber]:
    """``count`` confirmed subscribers of the list, in bulk."""
    subscribers = Subscriber.objects.bulk_create(
        Subscriber(email=f"{prefix}.{n}@example.org", name=f"Élu·e n° {n}") for n in range(count)
    )
    Subscription.objects.bulk_create(
        Subscription(
            subscriber=subscriber,
            newsletter_list=newsletter_list,
            status=SubscriptionStatus.CONFIRMED,
            source=Source.IMPORT,
        )
        for subscriber in subscribers
    )
    return subscribers


@pytest.fixture
def newsletter_list(db):
    return factories.NewsletterListFactory(name="Résonances", slug="resonances")


@pytest.fixture
def issue(site_tree, newsletter_list):
    return factories.NewsletterIssuePageFactory(
        parent=site_tree.newsletters, newsletter_list=newsletter_list, title="Séminaire des élu·e·s", live=True
    )


@pytest.fixture
def sender(django_user_model):
    """A staff user of the default centre allowed into the admin and to send newsletters (to its lists)."""
    user = django_user_model.objects.create_user(username="envoi", password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="send_newsletter", content_type__app_label="newsletters"),
    )
    centre_member(user)
    return django_user_model.objects.get(pk=user.pk)


@pytest.fixture
def smtp_refusals() -> dict[str, str]:
    """``smtp_server`` refuses ``refuse…`` (550) and ``busy…`` (451) recipients, as a provider would."""
    return SENDING_REFUSALS


@pytest.fixture
def fast_pace(settings):
    settings.SENDING_MAX_RATE = 100_000
    settings.SENDING_RETRY_BASE_SECONDS = 60
