"""Reads of subscribers: who may receive a list, who holds an address."""

from django.db.models import QuerySet
from django.db.models.functions import Lower

from newsletters.models import NewsletterList
from subscribers.models import Subscriber, SubscriptionStatus


def recipients_for(list_id: int) -> QuerySet[Subscriber]:
    """Confirmed subscribers of the list whose address is not suppressed."""
    return Subscriber.objects.filter(
        subscriptions__newsletter_list_id=list_id,
        subscriptions__status=SubscriptionStatus.CONFIRMED,
        suppressed_at__isnull=True,
    ).order_by("pk")


def subscribers_by_email(email: str) -> QuerySet[Subscriber]:
    """The subscriber holding this address, whatever its case (at most one: see the model's constraint)."""
    return Subscriber.objects.annotate(email_ci=Lower("email")).filter(email_ci=email.strip().lower())


def public_lists() -> QuerySet[NewsletterList]:
    """The lists offered on the public forms."""
    return NewsletterList.objects.filter(is_active=True).order_by("name")


def confirmed_list_ids(subscriber: Subscriber) -> set[int]:
    return set(
        subscriber.subscriptions.filter(status=SubscriptionStatus.CONFIRMED).values_list(
            "newsletter_list_id", flat=True
        )
    )
