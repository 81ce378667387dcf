"""Who a send reaches: the list's recipients, less those an earlier, cancelled send of the issue reached.

One rule for the send's start (which records the deliveries), the « Maintenant » confirmation and the
expected audience of a send not started yet, so the number shown is the number that will be sent.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from sending.models import Delivery, DeliveryStatus
from subscribers.models import Subscriber
from subscribers.selectors import recipients_for


def already_reached_q(issue_id: int | OuterRef, list_id: int | OuterRef) -> Q:
    """Subscribers an earlier, cancelled send of the issue reached (or may have): not sent to again."""
    reached = Delivery.objects.filter(
        send__issue_id=issue_id,
        send__newsletter_list_id=list_id,
        status__in=[DeliveryStatus.SENT, DeliveryStatus.SENDING],
        subscriber__isnull=False,
    ).values("subscriber_id")
    return Q(pk__in=reached)


def send_audience(*, issue_id: int | OuterRef, list_id: int | OuterRef) -> QuerySet[Subscriber]:
    """The subscribers a send of ``issue_id`` to ``list_id`` starting now would record, by primary key."""
    return recipients_for(list_id).exclude(already_reached_q(issue_id, list_id))


def subquery_count(queryset: QuerySet) -> Coalesce:
    """``COUNT(*)`` of a (correlated) queryset as an expression, 0 when it has no row."""
    counted = queryset.order_by().annotate(group=Value(1)).values("group").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


def expected_audience() -> Coalesce:
    """Annotation of a Send queryset: how many recipients the send would record if it started now."""
    # Outer references of the audience's inner subquery point two levels up, to the send.
    return subquery_count(
        recipients_for(OuterRef("newsletter_list_id")).exclude(
            already_reached_q(OuterRef(OuterRef("issue_id")), OuterRef(OuterRef("newsletter_list_id")))
        )
    )
