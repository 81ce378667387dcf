"""Providers' tracking webhooks (through django-anymail): hard bounces and complaints suppress the address."""

import logging
from typing import Any

from anymail.signals import AnymailTrackingEvent, EventType, RejectReason

from subscribers.models import Source, SuppressionReason
from subscribers.services import suppress

logger = logging.getLogger(__name__)

# Events anymail reports as "bounced" although the provider says the failure is temporary.
_SOFT_BOUNCES = {
    ("Brevo", "event", "soft_bounce"),
    ("SendinBlue", "event", "soft_bounce"),
    ("Postmark", "Type", "SoftBounce"),
}


def _is_soft_bounce(esp_name: str, esp_event: Any) -> bool:
    if not isinstance(esp_event, dict):
        return False
    return any(esp_event.get(field) == value for name, field, value in _SOFT_BOUNCES if name == esp_name)


def suppression_reason(event: AnymailTrackingEvent, esp_name: str) -> SuppressionReason | None:
    """What a tracking event means for the address: a permanent failure, a complaint, or nothing."""
    if event.event_type == EventType.COMPLAINED:
        return SuppressionReason.COMPLAINT
    if event.event_type == EventType.BOUNCED and not _is_soft_bounce(esp_name, event.esp_event):
        return SuppressionReason.BOUNCE
    if event.event_type == EventType.REJECTED and event.reject_reason == RejectReason.BOUNCED:
        return SuppressionReason.BOUNCE
    if event.event_type == EventType.REJECTED and event.reject_reason == RejectReason.SPAM:
        return SuppressionReason.COMPLAINT
    return None


def tracking_received(sender: Any, event: AnymailTrackingEvent, esp_name: str, **kwargs: Any) -> None:
    """Receiver of anymail's `tracking` signal, sent only for calls `subscribers.webhook_views` authenticated."""
    if event.recipient is not None and not isinstance(event.recipient, str):
        # A wrong type in the provider's payload: the view answers 400 and nothing is kept.
        raise TypeError(f"{esp_name} event recipient is not an address")
    reason = suppression_reason(event, esp_name)
    if reason is None or not event.recipient:
        return
    known = suppress(event.recipient, reason, source=Source.PROVIDER)
    logger.info("%s %s event for a %s address", esp_name, event.event_type, "known" if known else "unknown")
