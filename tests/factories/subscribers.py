"""Factories of subscribers, their subscriptions and consent records."""

import factory
from django.utils import timezone

from subscribers.models import (
    ConsentAction,
    ConsentRecord,
    Source,
    Subscriber,
    SubscriberRole,
    Subscription,
    SubscriptionStatus,
)
from tests.factories.newsletters import NewsletterListFactory


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lectrice.{n}@example.org")
    name = factory.Sequence(lambda n: f"Claire Dupont-{n}")
    organisation = "Ville de Saint-Denis"
    role = SubscriberRole.PROFESSIONAL


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription by default."""

    class Meta:
        model = Subscription

    subscriber = factory.SubFactory(SubscriberFactory)
    newsletter_list = factory.SubFactory(NewsletterListFactory)
    status = SubscriptionStatus.CONFIRMED
    source = Source.FORM
    confirmed_at = factory.LazyFunction(timezone.now)


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    subscriber = factory.SubFactory(SubscriberFactory)
    newsletter_list = factory.SubFactory(NewsletterListFactory)
    action = ConsentAction.CONFIRMED
    source = Source.FORM
    consent_text = "J'accepte de recevoir par courriel la ou les lettres cochées."
    ip_address = "192.0.2.10"
