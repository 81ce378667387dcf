"""The worker's side of a send: claim a batch of rows, then hand each message to the email backend.

A row is claimed (``SELECT ... FOR UPDATE SKIP LOCKED`` then ``claimed``, with a lease) so that no
other worker takes it; it is marked ``sending`` in a committed statement just before its SMTP
transaction, and ``sent`` with the message id after. Both go in one statement: the one that marks a
row ``sending`` also records the previous row ``sent`` (``_advance``), one write per message. A
worker killed at any point therefore leaves at most its one current row ``sending`` (accepted by
the server or not): recovery resends it flagged uncertain, and releases the rest of its batch
(``claimed``, never attempted) to be sent normally. Every write is conditional on the row still
being this worker's, so a row recovered from a late worker is never written twice.

One task keeps one SMTP connection open across its batches; parallel connections are parallel tasks
(SENDING_PARALLEL_BATCHES), each in its own worker process, so the one-row bound holds per process.
Outages do not end the task: while the SMTP server is unreachable it claims nothing and tries again
every SENDING_RECONNECT_SECONDS; a lost database connection is reopened and the statement retried
(each is idempotent on the row's state), so the send goes on within seconds of either coming back.
"""

import contextlib
import datetime
import functools
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import InterfaceError, OperationalError, connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletters.rendering import RenderedIssue
from sending.models import Delivery, DeliveryStatus, Send, SendStatus
from sending.outcomes import ERROR_MAX_LENGTH, failure_outcome
from sending.services import claimable, deliveries_recover_expired, deliveries_release
from sending.transmission import Transmitter
from subscribers.links import recipient_links
from subscribers.models import SuppressionReason
from subscribers.selectors import recipient_ids_among
from subscribers.services import suppress

logger = logging.getLogger(__name__)

DELIVERY_HEADER = "X-Delivery-Id"
RETRY_MAX_DELAY = datetime.timedelta(hours=6)
# What a dropped or refused database connection raises (Django wraps the driver's errors).
DATABASE_ERRORS = (OperationalError, InterfaceError)

T = TypeVar("T")


def worker_token() -> str:
    """Unique to one task execution: a row claimed by it is written by it alone."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"[:100]


@dataclass(frozen=True)
class Batch:
    send: Send
    delivery_ids: list[int]
    starts_at: datetime.datetime
    worker: str


@dataclass(frozen=True)
class Recipient:
    """What one message needs, read for the whole batch in one query."""

    delivery_id: int
    subscriber_id: int | None
    email: str
    name: str
    attempts: int


@dataclass(frozen=True)
class Accepted:
    """A message the server accepted, whose row is still ``sending`` until the next write."""

    delivery_id: int
    message_id: str


def database_retry(operation: Callable[[], T]) -> T:
    """Run ``operation``; if the database connection is lost, reopen it and run it again.

    For a lease at most: past it, recovery may have taken the rows back, and the error is raised.
    ``operation`` must be safe to run twice (a statement may have committed before its answer was lost).
    """
    deadline = time.monotonic() + settings.SENDING_LEASE_SECONDS
    while True:
        try:
            return operation()
        except DATABASE_ERRORS as exc:
            if connection.in_atomic_block or time.monotonic() >= deadline:
                raise
            logger.warning("Database connection lost (%s): reconnecting", exc)
            with contextlib.suppress(*DATABASE_ERRORS):
                connection.close()
            time.sleep(settings.SENDING_RECONNECT_SECONDS)


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


def _recipients(batch: Batch) -> tuple[list[Recipient], set[int]]:
    """The batch's rows with their subscribers' names, and who of them is still a recipient."""
    rows = [
        Recipient(
            delivery_id=row["pk"],
            subscriber_id=row["subscriber_id"],
            email=row["email"],
            name=row["subscriber__name"] or "",
            attempts=row["attempts"],
        )
        for row in _claimed(batch).order_by("pk").values("pk", "subscriber_id", "email", "attempts", "subscriber__name")
    ]
    # Whoever unsubscribed, was suppressed or erased since the send started is skipped.
    still = recipient_ids_among(batch.send.newsletter_list_id, [r.subscriber_id for r in rows if r.subscriber_id])
    return rows, still


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    assert field.column is not None
    return connection.ops.quote_name(field.column)


@functools.cache
def _advance_sql(vendor: str) -> str:
    """The statement of ``_advance``, written once per database vendor: raw SQL, nothing compiled per message.

    A NULL ``done`` or ``next`` matches no row, so one text serves the three cases.
    """
    table, send_table = (connection.ops.quote_name(model._meta.db_table) for model in (Delivery, Send))
    pk, status, claimed_by, attempts = (_column(Delivery, name) for name in ("id", "status", "claimed_by", "attempts"))
    empty = "''"

    def done_or(name: str, value: str) -> str:
        column = _column(Delivery, name)
        return f"{column} = CASE WHEN {pk} = %(done)s THEN {value} ELSE {column} END"

    send_pk, send_status, send_fk = _column(Send, "id"), _column(Send, "status"), _column(Delivery, "send")
    send_running = (
        f"EXISTS (SELECT 1 FROM {send_table} WHERE {send_table}.{send_pk} = {table}.{send_fk}"  # noqa: S608 (names from the models; values are parameters)
        f" AND {send_table}.{send_status} = %(running)s)"
    )
    return (
        f"UPDATE {table} SET {status} = CASE WHEN {pk} = %(done)s THEN %(sent)s ELSE %(sending)s END, "  # noqa: S608 (names from the models; values are parameters)
        f"{done_or('claimed_by', empty)}, "
        f"{_column(Delivery, 'lease_expires_at')} = CASE WHEN {pk} = %(done)s THEN NULL ELSE %(lease)s END, "
        f"{done_or('message_id', '%(message_id)s')}, {done_or('sent_at', '%(now)s')}, {done_or('error', empty)}, "
        f"{attempts} = CASE WHEN {status} = %(claimed)s THEN {attempts} + 1 ELSE {attempts} END "
        # IN first: the planner reads two rows by primary key, whatever the OR below.
        f"WHERE {pk} IN (%(done)s, %(next)s) AND {claimed_by} = %(worker)s"
        f" AND (({pk} = %(done)s AND {status} = %(sending)s)"
        f" OR ({pk} = %(next)s AND {status} IN (%(claimed)s, %(sending)s) AND {send_running}))"
    )


def _advance(batch: Batch, *, done: Accepted | None, next_id: int | None) -> bool:
    """Record ``done`` sent and mark ``next_id`` sending, in one statement; True if ``next_id`` is ours to send.

    The row to send must still be this worker's and its send running (not paused nor cancelled).
    Run again after a lost answer it changes nothing: ``done`` is no longer sending, and a row this
    worker already marked sending is accepted as is (its token is unique to this task).
    """
    if done is None and next_id is None:
        return False
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    params = {
        "done": done.delivery_id if done is not None else None,
        "next": next_id,
        "message_id": done.message_id if done is not None else "",
        "now": adapt(now),
        "lease": adapt(_lease(now)),
        "worker": batch.worker,
        "sent": DeliveryStatus.SENT.value,
        "sending": DeliveryStatus.SENDING.value,
        "claimed": DeliveryStatus.CLAIMED.value,
        "running": SendStatus.RUNNING.value,
    }
    with connection.cursor() as cursor:
        cursor.execute(_advance_sql(connection.vendor), params)
        written = cursor.rowcount
    expected = (done is not None) + (next_id is not None)
    if written == expected:
        return next_id is not None
    # Rare: paused, cancelled, or a lease lost to recovery; read which row was refused.
    ours = next_id is not None and _mine(batch, next_id, DeliveryStatus.SENDING).exists()
    if done is not None and written - ours < 1:
        logger.warning("Delivery %s was sent after its lease expired: recorded uncertain", done.delivery_id)
    return ours


class _Mark:
    """The ``_advance`` of one message, run when its transmission is about to hand it over."""

    def __init__(self, batch: Batch, *, done: Accepted | None, next_id: int) -> None:
        self.batch, self.done, self.next_id = batch, done, next_id
        self.called = False

    def __call__(self) -> bool:
        self.called = True
        return database_retry(partial(_advance, self.batch, done=self.done, next_id=self.next_id))


def _release_rest(batch: Batch) -> int:
    """Give back the rows of the batch this worker has not attempted (paused send, lost claim, lost server)."""
    return deliveries_release(rows=_claimed(batch), status=DeliveryStatus.PENDING)


def _retry_delay(attempts: int) -> datetime.timedelta:
    delay = datetime.timedelta(seconds=settings.SENDING_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    return min(delay, RETRY_MAX_DELAY)


def _record_failure(batch: Batch, recipient: Recipient, exc: BaseException, attempts: int) -> None:
    outcome = failure_outcome(exc)
    row = _mine(batch, recipient.delivery_id, DeliveryStatus.SENDING)
    now = timezone.now()
    if outcome.permanent or attempts >= settings.SENDING_MAX_ATTEMPTS:
        failed: dict[str, Any] = {"error": outcome.error}
        if outcome.uncertain:
            failed["uncertain"] = True
        deliveries_release(rows=row, status=DeliveryStatus.FAILED, **failed)
        logger.warning("Delivery %s failed for good: %s", recipient.delivery_id, outcome.error)
        if outcome.suppress:
            suppress(recipient.email, SuppressionReason.BOUNCE)
        return
    updates: dict[str, Any] = {"error": outcome.error, "next_attempt_at": now + _retry_delay(attempts)}
    if outcome.uncertain:
        updates["uncertain"] = True
    deliveries_release(rows=row, status=DeliveryStatus.PENDING, **updates)
    logger.info("Delivery %s will be retried (attempt %d): %s", recipient.delivery_id, attempts, outcome.error)


def _wait_until(moment: datetime.datetime) -> None:
    delay = (moment - timezone.now()).total_seconds()
    if delay > 0:
        time.sleep(delay)


def _close(connection: BaseEmailBackend) -> None:
    try:
        connection.close()
    except Exception:
        logger.warning("Closing the email connection failed", exc_info=True)
        # A broken SMTP session: forget it so that the next open() starts a new one.
        if hasattr(connection, "connection"):
            connection.connection = None


def _ready(connection: BaseEmailBackend) -> bool:
    """Open the connection, or check that the one kept from the last batch still answers."""
    session = getattr(connection, "connection", None)
    if session is not None:
        try:
            if session.noop()[0] == 250:
                return True
        except Exception as exc:
            logger.info("The kept email connection no longer answers (%s): reopening", exc)
        _close(connection)
    try:
        connection.open()
    except Exception as exc:
        logger.warning("Cannot open the email connection: %s", exc)
        _close(connection)
        return False
    return True


def _connect(connection: BaseEmailBackend, deadline: float) -> bool:
    """Wait for the email server until ``deadline``, claiming nothing meanwhile; True once connected."""
    while not _ready(connection):
        if time.monotonic() + settings.SENDING_RECONNECT_SECONDS >= deadline:
            return False
        time.sleep(settings.SENDING_RECONNECT_SECONDS)
    return True


def batch_deliver(batch: Batch, *, connection: BaseEmailBackend | None = None) -> int:
    """Send the batch at the send's pace; returns how many messages the backend accepted.

    With ``connection`` (open, kept by the caller across batches) it is left open unless it broke.
    """
    send = batch.send
    recipients, still_recipients = database_retry(lambda: _recipients(batch))
    own_connection = connection is None
    backend = connection or get_connection()
    if own_connection and not _ready(backend):
        database_retry(lambda: _release_rest(batch))
        return 0
    transmitter = Transmitter(backend, _rendered(send), send.newsletter_list)
    sent = 0
    accepted: Accepted | None = None
    try:
        for index, recipient in enumerate(recipients):
            if recipient.subscriber_id is None or recipient.subscriber_id not in still_recipients:
                database_retry(
                    partial(
                        deliveries_release,
                        rows=_mine(batch, recipient.delivery_id, DeliveryStatus.CLAIMED),
                        status=DeliveryStatus.CANCELLED,
                        error=_("Destinataire désabonné·e, exclu·e ou effacé·e depuis le début de l'envoi."),
                    )
                )
                continue
            _wait_until(batch.starts_at + datetime.timedelta(seconds=index / send.rate_per_second))
            try:
                links = recipient_links(recipient.subscriber_id, send.newsletter_list_id)
                prepared = transmitter.prepare(
                    to_email=recipient.email,
                    to_name=recipient.name,
                    preferences_url=links["preferences_url"],
                    unsubscribe_url=links["unsubscribe_url"],
                    headers={DELIVERY_HEADER: str(recipient.delivery_id)},
                )
            except ValueError as exc:
                database_retry(
                    partial(
                        deliveries_release,
                        rows=_mine(batch, recipient.delivery_id, DeliveryStatus.CLAIMED),
                        status=DeliveryStatus.FAILED,
                        error=str(exc)[:ERROR_MAX_LENGTH],
                    )
                )
                continue
            # The one row this worker may leave in doubt if it dies: marked sending, in a committed
            # statement, before the server can have accepted the message (transmit calls ``mark``).
            mark = _Mark(batch, done=accepted, next_id=recipient.delivery_id)
            try:
                message_id = transmitter.transmit(prepared, before_data=mark)
            except DATABASE_ERRORS:
                raise
            except Exception as exc:
                if mark.called:
                    accepted = None
                    database_retry(partial(_record_failure, batch, recipient, exc, recipient.attempts + 1))
                # Otherwise the envelope never left: the row, still claimed, is released with the rest.
                _close(backend)
                if not _ready(backend):
                    # The server is gone: the rest goes back to pending, the caller waits for it.
                    break
                continue
            accepted = None
            if message_id is None:
                # Paused, cancelled, or the lease was lost to recovery: stop here.
                break
            accepted = Accepted(recipient.delivery_id, message_id[:255])
            sent += 1
    finally:
        if accepted is not None:
            database_retry(partial(_advance, batch, done=accepted, next_id=None))
        database_retry(lambda: _release_rest(batch))
        if own_connection:
            _close(backend)
    return sent


def _commit_mode(*, synchronous: bool) -> None:
    """PostgreSQL: whether this session's commits wait for the disk (SENDING_SYNCHRONOUS_COMMIT).

    Session-wide, set again before each batch: a connection reopened after an outage starts with
    the server's default, the safe one.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET synchronous_commit TO {'DEFAULT' if synchronous else 'off'}")


def send_work(*, send_id: int, budget_seconds: float) -> bool:
    """Claim and deliver batches of the send for about ``budget_seconds``; True if work is left.

    One SMTP connection serves every batch. While the server is unreachable nothing is claimed and
    the work is left to this task's successor once the budget is spent.
    """
    worker = worker_token()
    deadline = time.monotonic() + budget_seconds
    database_retry(lambda: deliveries_recover_expired(send_id=send_id))
    backend = get_connection()
    try:
        while time.monotonic() < deadline:
            if not _connect(backend, deadline):
                break
            if not settings.SENDING_SYNCHRONOUS_COMMIT:
                database_retry(lambda: _commit_mode(synchronous=False))
            batch = database_retry(lambda: batch_claim(send_id=send_id, worker=worker))
            if batch is None:
                return False
            batch_deliver(batch, connection=backend)
    finally:
        _close(backend)
        # The worker's next task on this connection commits as the server's default again.
        with contextlib.suppress(*DATABASE_ERRORS):
            _commit_mode(synchronous=True)
    return database_retry(lambda: Delivery.objects.filter(claimable(send_id)).exists())
