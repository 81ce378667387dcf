"""Follow-up work of a write survives a broker outage: the transactional outbox.

A write that calls for background work (an email, an index update, a send to start) records an
``OutboxMessage`` in its own transaction through ``task_enqueue``; once committed, the message is
handed to the broker at once. If the broker is unreachable the request still answers normally and
the row waits: beat's ``outbox.sweep`` and every worker as it starts hand it over once the broker is
back. Nothing is lost between the commit and the broker, and no request waits for a broker retry.

Rows are taken under ``SELECT … FOR UPDATE SKIP LOCKED`` and marked sent in the transaction that
holds the lock, so the immediate hand-over and concurrent sweeps never send one row twice. Delivery
is at least once: a process dying after the broker accepted a message and before its commit sends it
again. Every task enqueued here may run twice harmlessly (index updates, ``start_send`` which checks
the send's status, delivery loops which claim their rows, emails whose links stay the same).
"""

import datetime
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from celery import Task
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from config.celery import app
from outbox.models import OutboxMessage

logger = logging.getLogger(__name__)

# What publishing raises while the broker is unreachable (Celery wraps the transport's errors).
BROKER_ERRORS = (OperationalError, OSError)

# Sent messages are kept this long (to answer « was it queued? »), then deleted by the sweep.
SENT_RETENTION = datetime.timedelta(days=7)

SWEEP_BATCH = 100


def task_enqueue(
    *,
    task: Task,
    args: Sequence[Any] = (),
    kwargs: Mapping[str, Any] | None = None,
    options: Mapping[str, Any] | None = None,
) -> OutboxMessage:
    """Queue ``task`` once the current transaction commits, surviving a broker outage.

    ``options`` are apply_async's: ``queue``, ``task_id``, ``eta`` (a datetime).
    """
    stored = dict(options or {})
    if isinstance(stored.get("eta"), datetime.datetime):
        stored["eta"] = stored["eta"].isoformat()
    message = OutboxMessage.objects.create(
        task_name=task.name, args=list(args), kwargs=dict(kwargs or {}), options=stored
    )
    transaction.on_commit(lambda: _message_send(message_id=message.pk))
    return message


def _message_send(*, message_id: int) -> None:
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        # None: a sweep holds it or has sent it already.
        if message is not None:
            _publish(message)


def _publish(message: OutboxMessage) -> bool:
    """Hand one locked message to the broker; on refusal keep it for the sweep. True once accepted."""
    options = dict(message.options)
    if options.get("eta"):
        options["eta"] = datetime.datetime.fromisoformat(options["eta"])
    message.attempts += 1
    try:
        task = app.tasks.get(message.task_name)
        if task is None:
            # Not imported in this process: the worker knows it by name.
            app.send_task(message.task_name, args=message.args, kwargs=message.kwargs, retry=False, **options)
        else:
            # No retry: the sweep is the retry, and the request must not wait for the broker.
            task.apply_async(args=message.args, kwargs=message.kwargs, retry=False, **options)
    except BROKER_ERRORS as error:
        message.last_error = str(error)[:1000]
        message.save(update_fields=["attempts", "last_error"])
        logger.warning("Broker unreachable, %s kept in the outbox: %s", message, error)
        return False
    message.sent_at = timezone.now()
    message.save(update_fields=["attempts", "sent_at"])
    return True


def outbox_sweep() -> int:
    """Hand every waiting message to the broker, oldest first; stop at the first refusal.

    Returns how many were handed over. Run by beat and by each worker as it starts.
    """
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                OutboxMessage.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True)
                .order_by("created_at", "pk")[:SWEEP_BATCH]
            )
            for message in batch:
                if not _publish(message):
                    # The broker is down again: the next sweep goes on.
                    return sent
                sent += 1
        if len(batch) < SWEEP_BATCH:
            break
    OutboxMessage.objects.filter(sent_at__lt=timezone.now() - SENT_RETENTION).delete()
    if sent:
        logger.info("Outbox: %d waiting messages handed to the broker", sent)
    return sent
