"""Who may receive a list right now."""

from django.db.models import QuerySet

from subscribers.models import Subscriber, SubscriptionStatus


def recipients_for(list_id: int) -> QuerySet[Subscriber]:
    """Confirmed subscribers of the list whose address is not suppressed."""
    return Subscriber.objects.filter(
        subscriptions__newsletter_list_id=list_id,
        subscriptions__status=SubscriptionStatus.CONFIRMED,
        suppressed_at__isnull=True,
    ).order_by("pk")
