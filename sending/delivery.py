"""The worker's side of a send: claim a batch of rows, then hand each message to the email backend.

A row is claimed (``SELECT ... FOR UPDATE SKIP LOCKED`` then ``claimed``, with a lease) so that no
other worker takes it; it is marked ``sending`` in its own committed statement just before its SMTP
transaction, and ``sent`` with the message id just after. A worker killed at any point therefore
leaves at most its one current row ``sending``: recovery resends it flagged uncertain, and releases
the rest of its batch (``claimed``, never attempted) to be sent normally. Every write is conditional
on the row still being this worker's, so a row recovered from a late worker is never written twice.
"""

import datetime
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletters.messages import build_message
from newsletters.rendering import RenderedIssue
from sending.models import Delivery, DeliveryStatus, Send, SendStatus
from sending.outcomes import ERROR_MAX_LENGTH, failure_outcome
from sending.services import claimable, deliveries_recover_expired, deliveries_release
from subscribers.links import recipient_links
from subscribers.models import SuppressionReason
from subscribers.selectors import recipient_ids_among
from subscribers.services import suppress

logger = logging.getLogger(__name__)

DELIVERY_HEADER = "X-Delivery-Id"
RETRY_MAX_DELAY = datetime.timedelta(hours=6)


def worker_token() -> str:
    """Unique to one task execution: a row claimed by it is written by it alone."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"[:100]


@dataclass(frozen=True)
class Batch:
    send: Send
    delivery_ids: list[int]
    starts_at: datetime.datetime
    worker: str


def _lease(until: datetime.datetime) -> datetime.datetime:
    return until + datetime.timedelta(seconds=settings.SENDING_LEASE_SECONDS)


def batch_claim(*, send_id: int, worker: str) -> Batch | None:
    """Claim the next batch of due rows of a running send and reserve its slot in the send's pace.

    The send's row is locked while claiming, so the slots of concurrent workers never overlap and
    the send's rate holds whatever the number of workers.
    """
    with transaction.atomic():
        send = Send.objects.select_for_update().select_related("newsletter_list").filter(pk=send_id).first()
        if send is None or send.status != SendStatus.RUNNING:
            return None
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(claimable(send_id))
            .order_by("pk")
            .values_list("pk", flat=True)[: send.batch_size]
        )
        if not ids:
            return None
        now = timezone.now()
        starts_at = max(now, send.next_slot_at or now)
        ends_at = starts_at + datetime.timedelta(seconds=len(ids) / send.rate_per_second)
        send.next_slot_at = ends_at
        send.heartbeat_at = now
        send.save(update_fields=["next_slot_at", "heartbeat_at"])
        Delivery.objects.filter(pk__in=ids).update(
            status=DeliveryStatus.CLAIMED, claimed_by=worker, lease_expires_at=_lease(ends_at)
        )
    return Batch(send=send, delivery_ids=ids, starts_at=starts_at, worker=worker)


def _rendered(send: Send) -> RenderedIssue:
    return RenderedIssue(
        subject=send.subject,
        preheader=send.preheader,
        html=send.html,
        text=send.text,
        web_url=send.web_url,
        marker=send.marker,
    )


def _mine(batch: Batch, delivery_id: int, status: str) -> QuerySet[Delivery]:
    return Delivery.objects.filter(pk=delivery_id, status=status, claimed_by=batch.worker)


def _claimed(batch: Batch) -> QuerySet[Delivery]:
    """The rows of the batch this worker still holds and has not attempted."""
    return Delivery.objects.filter(pk__in=batch.delivery_ids, status=DeliveryStatus.CLAIMED, claimed_by=batch.worker)


def _release_rest(batch: Batch) -> int:
    """Give back the rows of the batch this worker has not attempted (paused send, lost claim)."""
    return deliveries_release(rows=_claimed(batch), status=DeliveryStatus.PENDING)


def _retry_delay(attempts: int) -> datetime.timedelta:
    delay = datetime.timedelta(seconds=settings.SENDING_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    return min(delay, RETRY_MAX_DELAY)


def _record_failure(batch: Batch, delivery: Delivery, exc: BaseException, attempts: int) -> None:
    outcome = failure_outcome(exc)
    row = _mine(batch, delivery.pk, DeliveryStatus.SENDING)
    now = timezone.now()
    if outcome.permanent or attempts >= settings.SENDING_MAX_ATTEMPTS:
        failed: dict[str, Any] = {"error": outcome.error}
        if outcome.uncertain:
            failed["uncertain"] = True
        deliveries_release(rows=row, status=DeliveryStatus.FAILED, **failed)
        logger.warning("Delivery %s failed for good: %s", delivery.pk, outcome.error)
        if outcome.suppress:
            suppress(delivery.email, SuppressionReason.BOUNCE)
        return
    updates: dict[str, Any] = {"error": outcome.error, "next_attempt_at": now + _retry_delay(attempts)}
    if outcome.uncertain:
        updates["uncertain"] = True
    deliveries_release(rows=row, status=DeliveryStatus.PENDING, **updates)
    logger.info("Delivery %s will be retried (attempt %d): %s", delivery.pk, attempts, outcome.error)


def _wait_until(moment: datetime.datetime) -> None:
    delay = (moment - timezone.now()).total_seconds()
    if delay > 0:
        time.sleep(delay)


def _open(batch: Batch, connection: BaseEmailBackend) -> bool:
    """Open the connection; if the server cannot be reached, the batch's rows wait a retry delay."""
    try:
        connection.open()
    except Exception as exc:
        logger.warning("Cannot open the email connection for send %s: %s", batch.send.pk, exc)
        deliveries_release(
            rows=_claimed(batch),
            status=DeliveryStatus.PENDING,
            next_attempt_at=timezone.now() + _retry_delay(1),
            error=f"{type(exc).__name__}: {exc}"[:ERROR_MAX_LENGTH],
        )
        return False
    return True


def _close(connection: BaseEmailBackend) -> None:
    try:
        connection.close()
    except Exception:
        logger.warning("Closing the email connection failed", exc_info=True)
        # A broken SMTP session: forget it so that the next open() starts a new one.
        if hasattr(connection, "connection"):
            connection.connection = None


def _message_id(message: object, fallback: str) -> str:
    provider_id = getattr(getattr(message, "anymail_status", None), "message_id", None)
    return str(fallback if provider_id is None else provider_id)[:255]


def batch_deliver(batch: Batch, *, connection: BaseEmailBackend | None = None) -> int:
    """Send the batch at the send's pace; returns how many messages the backend accepted."""
    send = batch.send
    rendered = _rendered(send)
    deliveries = list(_claimed(batch).select_related("subscriber").order_by("pk"))
    # Whoever unsubscribed, was suppressed or erased since the send started is skipped.
    still_recipients = recipient_ids_among(
        send.newsletter_list_id, [d.subscriber_id for d in deliveries if d.subscriber_id]
    )
    send_running = Exists(Send.objects.filter(pk=OuterRef("send_id"), status=SendStatus.RUNNING))
    connection = connection or get_connection()
    sent = 0
    if not _open(batch, connection):
        return 0
    try:
        for index, delivery in enumerate(deliveries):
            if delivery.subscriber is None or delivery.subscriber_id not in still_recipients:
                deliveries_release(
                    rows=_mine(batch, delivery.pk, DeliveryStatus.CLAIMED),
                    status=DeliveryStatus.CANCELLED,
                    error=_("Destinataire désabonné·e, exclu·e ou effacé·e depuis le début de l'envoi."),
                )
                continue
            _wait_until(batch.starts_at + datetime.timedelta(seconds=index / send.rate_per_second))
            try:
                links = recipient_links(delivery.subscriber_id, send.newsletter_list_id)
                message = build_message(
                    rendered,
                    newsletter_list=send.newsletter_list,
                    to_email=delivery.email,
                    to_name=delivery.subscriber.name,
                    preferences_url=links["preferences_url"],
                    unsubscribe_url=links["unsubscribe_url"],
                    headers={DELIVERY_HEADER: str(delivery.pk)},
                )
            except ValueError as exc:
                deliveries_release(
                    rows=_mine(batch, delivery.pk, DeliveryStatus.CLAIMED),
                    status=DeliveryStatus.FAILED,
                    error=str(exc)[:ERROR_MAX_LENGTH],
                )
                continue
            # The one row this worker may leave in doubt if it dies: committed before the transaction.
            in_flight = (
                _mine(batch, delivery.pk, DeliveryStatus.CLAIMED)
                .filter(send_running)
                .update(
                    status=DeliveryStatus.SENDING,
                    attempts=F("attempts") + 1,
                    lease_expires_at=_lease(timezone.now()),
                )
            )
            if not in_flight:
                # Paused, cancelled, or the lease was lost to recovery: stop here.
                break
            attempts = delivery.attempts + 1
            try:
                connection.send_messages([message])
            except Exception as exc:
                _record_failure(batch, delivery, exc, attempts)
                _close(connection)
                if not _open(batch, connection):
                    break
                continue
            done = deliveries_release(
                rows=_mine(batch, delivery.pk, DeliveryStatus.SENDING),
                status=DeliveryStatus.SENT,
                message_id=_message_id(message, message.extra_headers.get("Message-ID", "")),
                sent_at=timezone.now(),
                error="",
            )
            if not done:
                logger.warning("Delivery %s was sent after its lease expired: recorded uncertain", delivery.pk)
            sent += 1
    finally:
        _release_rest(batch)
        _close(connection)
    return sent


def send_work(*, send_id: int, budget_seconds: float) -> bool:
    """Claim and deliver batches of the send for about ``budget_seconds``; True if work is left."""
    worker = worker_token()
    deadline = time.monotonic() + budget_seconds
    deliveries_recover_expired(send_id=send_id)
    while time.monotonic() < deadline:
        batch = batch_claim(send_id=send_id, worker=worker)
        if batch is None:
            return False
        batch_deliver(batch)
    return Delivery.objects.filter(claimable(send_id)).exists()
