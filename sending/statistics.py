"""What became of each send, and of the lists: the figures of the « Envois » views and the dashboard.

Outcomes come from the deliveries and from what happened to their recipients since the send started:
a bounce or a complaint suppresses the address (at send time or through a provider's webhook), an
unsubscription closes the person's subscription to the list. « Since » means since the send started,
so an address that bounced on a later send counts on every earlier one it received; the figures are
what an editorial team reads, not an attribution model. Every read is one query, annotated.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet
from django.utils import timezone

from newsletters.models import NewsletterList
from sending.audience import expected_audience, subquery_count
from sending.models import Delivery, DeliveryStatus, Send, SendStatus
from subscribers.models import SubscriptionStatus, SuppressionReason

GROWTH_DAYS = 30
DASHBOARD_SENDS = 3


def _deliveries(**lookups: object) -> QuerySet[Delivery]:
    return Delivery.objects.filter(send_id=OuterRef("pk"), **lookups)


def sends_with_statistics(sends: QuerySet[Send]) -> QuerySet[Send]:
    """Annotate ``delivered``, ``failed``, ``bounced``, ``complaints``, ``unsubscribed`` and ``expected``.

    ``expected`` is the audience a send not started yet would have if it started now (a started
    send has its ``total``); the others count its deliveries.
    """
    since = OuterRef("started_at")
    return sends.annotate(
        delivered=subquery_count(_deliveries(status=DeliveryStatus.SENT)),
        failed=subquery_count(_deliveries(status=DeliveryStatus.FAILED)),
        bounced=subquery_count(
            _deliveries(subscriber__suppression_reason=SuppressionReason.BOUNCE, subscriber__suppressed_at__gte=since)
        ),
        complaints=subquery_count(
            _deliveries(
                subscriber__suppression_reason=SuppressionReason.COMPLAINT, subscriber__suppressed_at__gte=since
            )
        ),
        unsubscribed=subquery_count(
            _deliveries(
                status=DeliveryStatus.SENT,
                subscriber__subscriptions__newsletter_list_id=OuterRef("newsletter_list_id"),
                subscriber__subscriptions__status=SubscriptionStatus.UNSUBSCRIBED,
                subscriber__subscriptions__unsubscribed_at__gte=since,
            )
        ),
        expected=expected_audience(),
    )


def send_with_statistics(send_id: int) -> Send | None:
    return sends_with_statistics(Send.objects.filter(pk=send_id)).first()


def sends_listed() -> QuerySet[Send]:
    """The « Envois » listing: latest first, with their figures."""
    sends = Send.objects.select_related("issue", "newsletter_list", "created_by").order_by("-scheduled_at", "-pk")
    return sends_with_statistics(sends)


@dataclass(frozen=True)
class SendsOverview:
    """The dashboard's sends: the next ones planned, the latest started."""

    upcoming: list[Send]
    latest: list[Send]


def sends_overview() -> SendsOverview:
    """Two queries, whatever the number of sends."""
    sends = sends_with_statistics(Send.objects.select_related("issue", "newsletter_list"))
    upcoming = sends.filter(status=SendStatus.SCHEDULED).order_by("scheduled_at", "pk")[:DASHBOARD_SENDS]
    latest = sends.filter(started_at__isnull=False).order_by("-started_at", "-pk")[:DASHBOARD_SENDS]
    return SendsOverview(upcoming=list(upcoming), latest=list(latest))


def lists_with_growth(*, days: int = GROWTH_DAYS) -> QuerySet[NewsletterList]:
    """Active lists with ``recipients`` (confirmed, not suppressed), ``joined`` and ``left`` in the last ``days``."""
    since = timezone.now() - datetime.timedelta(days=days)
    confirmed = Q(subscriptions__status=SubscriptionStatus.CONFIRMED)
    return (
        NewsletterList.objects.filter(is_active=True)
        .annotate(
            recipients=Count(
                "subscriptions", filter=confirmed & Q(subscriptions__subscriber__suppressed_at__isnull=True)
            ),
            joined=Count("subscriptions", filter=confirmed & Q(subscriptions__confirmed_at__gte=since)),
            left=Count(
                "subscriptions",
                filter=Q(
                    subscriptions__status=SubscriptionStatus.UNSUBSCRIBED, subscriptions__unsubscribed_at__gte=since
                ),
            ),
        )
        .order_by("name")
    )
