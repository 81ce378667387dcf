"""State changes of subscribers, each leaving a consent record."""

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from subscribers.models import ConsentAction, ConsentRecord, Source, Subscriber, SuppressionReason


@transaction.atomic
def suppress(email: str, reason: SuppressionReason, *, source: Source = Source.PROVIDER) -> bool:
    """Never send to this address again until it confirms a subscription anew. False if unknown."""
    subscriber = (
        Subscriber.objects.select_for_update().annotate(email_ci=Lower("email")).filter(email_ci=email.lower()).first()
    )
    if subscriber is None:
        return False
    if subscriber.suppressed_at is None:
        subscriber.suppressed_at = timezone.now()
        subscriber.suppression_reason = reason
        subscriber.save(update_fields=["suppressed_at", "suppression_reason", "updated_at"])
        ConsentRecord.objects.create(subscriber=subscriber, action=ConsentAction.SUPPRESSED, source=source)
    return True
