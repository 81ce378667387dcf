"""State changes of sends, each taken under a lock of the send's row.

Every transition locks the send (``select_for_update``) and checks its status again once the lock
is held, so that two beat runs, two workers or two administrators can never start, pause or cancel
the same send twice. On SQLite (no row locks) the project opens every transaction with
``BEGIN IMMEDIATE``, which serialises writers and gives the same guarantee.
"""

import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletters.models import NewsletterIssuePage, NewsletterList
from newsletters.rendering import render_issue
from outbox.services import task_enqueue
from sending.audience import send_audience
from sending.models import OPEN_DELIVERY_STATUSES, Delivery, DeliveryStatus, Send, SendStatus
from sending.selectors import issue_is_sendable, issues_sendable

logger = logging.getLogger(__name__)

SEND_PERMISSION = "newsletters.send_newsletter"
# "Now" submitted a little late, or a clock a little behind, is still now.
PAST_TOLERANCE = datetime.timedelta(minutes=5)
FURTHEST_SCHEDULE = datetime.timedelta(days=366)
INSERT_BATCH = 2000


def send_duplicate_exists(*, issue_id: int, list_id: int) -> bool:
    return (
        Send.objects.filter(issue_id=issue_id, newsletter_list_id=list_id).exclude(status=SendStatus.CANCELLED).exists()
    )


def _check_pace(rate_per_second: int, batch_size: int) -> dict[str, str]:
    errors = {}
    if not 1 <= rate_per_second <= settings.SENDING_MAX_RATE:
        errors["rate_per_second"] = _("Le débit doit être compris entre 1 et %(max)d messages par seconde.") % {
            "max": settings.SENDING_MAX_RATE
        }
    if not 1 <= batch_size <= settings.SENDING_MAX_BATCH_SIZE:
        errors["batch_size"] = _("La taille des lots doit être comprise entre 1 et %(max)d.") % {
            "max": settings.SENDING_MAX_BATCH_SIZE
        }
    return errors


def send_errors(
    *,
    issue: NewsletterIssuePage,
    newsletter_list: NewsletterList,
    scheduled_at: datetime.datetime,
    rate_per_second: int,
    batch_size: int,
) -> dict[str, str]:
    """Why such a send may not be scheduled, by field (``__all__``: the issue itself), in French."""
    errors: dict[str, str] = _check_pace(rate_per_second, batch_size)
    now = timezone.now()
    if timezone.is_naive(scheduled_at):
        errors["scheduled_at"] = _("La date d'envoi doit porter un fuseau horaire.")
    elif scheduled_at < now - PAST_TOLERANCE:
        errors["scheduled_at"] = _("La date d'envoi est passée.")
    elif scheduled_at > now + FURTHEST_SCHEDULE:
        errors["scheduled_at"] = _("La date d'envoi est à plus d'un an.")
    if not newsletter_list.is_active:
        errors["newsletter_list"] = _("Cette liste n'est plus active.")
    if not issue_is_sendable(issue):
        errors["__all__"] = _(
            "Ce numéro n'a pas terminé son circuit de validation (il n'est pas publié) : il ne peut pas être envoyé."
        )
    elif send_duplicate_exists(issue_id=issue.pk, list_id=newsletter_list.pk):
        errors["__all__"] = _("Ce numéro est déjà envoyé ou programmé pour cette liste.")
    return errors


def send_create(
    *,
    issue: NewsletterIssuePage,
    newsletter_list: NewsletterList,
    scheduled_at: datetime.datetime,
    rate_per_second: int,
    batch_size: int,
    user: User | AnonymousUser,
) -> Send:
    """Schedule a send (``scheduled_at`` now or later). Raises ValidationError with French messages."""
    if not user.has_perm(SEND_PERMISSION):
        raise PermissionDenied(_("Vous n'avez pas le droit d'envoyer une lettre d'information."))
    errors = send_errors(
        issue=issue,
        newsletter_list=newsletter_list,
        scheduled_at=scheduled_at,
        rate_per_second=rate_per_second,
        batch_size=batch_size,
    )
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            send = Send.objects.create(
                issue=issue,
                newsletter_list=newsletter_list,
                scheduled_at=max(scheduled_at, now),
                rate_per_second=rate_per_second,
                batch_size=batch_size,
                created_by=user if isinstance(user, User) else None,
            )
    except IntegrityError as error:
        # Two submissions at once: the partial unique constraint let only one through.
        raise ValidationError(_("Ce numéro est déjà envoyé ou programmé pour cette liste.")) from error
    logger.info("Send %s scheduled at %s by %s", send.pk, send.scheduled_at.isoformat(), user)
    if send.scheduled_at <= now:
        from sending.tasks import start_send  # the tasks call this module

        task_enqueue(task=start_send, args=[send.pk], options=task_options())
    return send


def task_options() -> dict[str, str]:
    return {"queue": settings.SENDING_QUEUE}


def _locked(send_id: int, statuses: Iterable[str], *, skip_locked: bool = False) -> Send | None:
    return (
        Send.objects.select_for_update(skip_locked=skip_locked, of=("self",))
        .filter(pk=send_id, status__in=list(statuses))
        .first()
    )


def send_start(*, send_id: int) -> bool:
    """Start a due send: snapshot the rendered issue and record one delivery per recipient.

    Returns True if this call started it. A second call (another beat run, a redelivered task) finds
    the row locked or no longer scheduled and does nothing.
    """
    with transaction.atomic():
        send = _locked(send_id, [SendStatus.SCHEDULED], skip_locked=True)
        if send is None or send.scheduled_at > timezone.now():
            return False
        issue = issues_sendable().filter(pk=send.issue_id).select_related("newsletter_list").first()
        now = timezone.now()
        if issue is None:
            send.status = SendStatus.CANCELLED
            send.finished_at = now
            send.status_note = _("Annulé : le numéro n'était plus publié à l'heure de l'envoi.")
            send.save(update_fields=["status", "finished_at", "status_note"])
            logger.warning("Send %s cancelled: issue %s is not live", send.pk, send.issue_id)
            return False
        rendered = render_issue(issue)
        send.revision_id = issue.live_revision_id
        send.subject = rendered.subject[:255]
        send.preheader = rendered.preheader[:255]
        send.html = rendered.html
        send.text = rendered.text
        send.web_url = rendered.web_url[:500]
        send.marker = rendered.marker
        recipients = send_audience(issue_id=send.issue_id, list_id=send.newsletter_list_id).values_list("pk", "email")
        total = 0
        chunk: list[Delivery] = []
        for subscriber_id, email in recipients.iterator(chunk_size=INSERT_BATCH):
            chunk.append(Delivery(send=send, subscriber_id=subscriber_id, email=email))
            if len(chunk) >= INSERT_BATCH:
                Delivery.objects.bulk_create(chunk)
                total += len(chunk)
                chunk = []
        Delivery.objects.bulk_create(chunk)
        total += len(chunk)
        send.total = total
        send.status = SendStatus.RUNNING
        send.started_at = now
        send.next_slot_at = now
        send.heartbeat_at = now
        send.save()
        logger.info("Send %s started: %d deliveries", send.pk, total)
        send_dispatch(send_id=send.pk, count=settings.SENDING_PARALLEL_BATCHES)
    return True


def sends_start_due() -> int:
    """Start every scheduled send whose time has come (beat); returns how many this call started."""
    due = Send.objects.filter(status=SendStatus.SCHEDULED, scheduled_at__lte=timezone.now()).values_list(
        "pk", flat=True
    )
    return sum(send_start(send_id=send_id) for send_id in list(due))


def send_dispatch(*, send_id: int, count: int = 1) -> None:
    """Queue ``count`` delivery tasks for the send (each claims batches until the work runs out).

    Through the outbox, in the caller's transaction: the tasks leave with the state change that
    calls for them, and wait through a broker outage (beat's tick would revive the send anyway).
    """
    from sending.tasks import deliver_batches  # the tasks call this module

    for _n in range(count):
        task_enqueue(task=deliver_batches, args=[send_id], options=task_options())


def send_pause(*, send_id: int, user: AbstractBaseUser | None = None) -> bool:
    """Stop after the messages in flight; claims still held are released by their workers."""
    with transaction.atomic():
        send = _locked(send_id, [SendStatus.RUNNING, SendStatus.SCHEDULED])
        if send is None:
            return False
        send.status = SendStatus.PAUSED
        send.save(update_fields=["status"])
    logger.info("Send %s paused by %s", send_id, user)
    return True


def send_resume(*, send_id: int, user: AbstractBaseUser | None = None) -> bool:
    """A paused send goes on where it stopped (or waits for its time if it had not started)."""
    with transaction.atomic():
        send = _locked(send_id, [SendStatus.PAUSED])
        if send is None:
            return False
        now = timezone.now()
        send.status = SendStatus.RUNNING if send.started_at else SendStatus.SCHEDULED
        send.next_slot_at = now
        send.heartbeat_at = now
        send.save(update_fields=["status", "next_slot_at", "heartbeat_at"])
        if send.status == SendStatus.RUNNING:
            send_dispatch(send_id=send_id, count=settings.SENDING_PARALLEL_BATCHES)
    logger.info("Send %s resumed by %s", send_id, user)
    return True


def send_cancel(*, send_id: int, user: AbstractBaseUser | None = None) -> bool:
    """Nothing more is sent; messages already in flight finish. Not undoable."""
    with transaction.atomic():
        send = _locked(send_id, [SendStatus.SCHEDULED, SendStatus.RUNNING, SendStatus.PAUSED])
        if send is None:
            return False
        now = timezone.now()
        send.status = SendStatus.CANCELLED
        send.finished_at = now
        send.status_note = _("Annulé par %(user)s.") % {"user": user} if user else _("Annulé.")
        send.save(update_fields=["status", "finished_at", "status_note"])
        deliveries_release(
            rows=Delivery.objects.filter(send_id=send_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.CLAIMED]),
            status=DeliveryStatus.CANCELLED,
        )
    logger.info("Send %s cancelled by %s", send_id, user)
    return True


def send_complete_if_done(*, send_id: int) -> bool:
    """Mark a running send completed once no delivery is left to send."""
    with transaction.atomic():
        send = _locked(send_id, [SendStatus.RUNNING])
        if send is None or Delivery.objects.filter(send_id=send_id, status__in=OPEN_DELIVERY_STATUSES).exists():
            return False
        send.status = SendStatus.COMPLETED
        send.finished_at = timezone.now()
        send.save(update_fields=["status", "finished_at"])
    logger.info("Send %s completed", send_id)
    return True


def deliveries_recover_expired(*, send_id: int | None = None) -> tuple[int, int]:
    """Take back rows whose worker let their lease expire (it died, or is hopelessly late).

    A claimed row was never attempted: it goes back to pending as if nothing happened. A row
    marked sending was in an SMTP transaction when its worker stopped answering: whether the
    message left is unknown, so it is resent and flagged uncertain (a possible duplicate).
    Each UPDATE re-checks status and lease under the row's lock: a row its worker finished in
    the meantime is left alone. Returns (released, uncertain).
    """
    expired = Delivery.objects.filter(lease_expires_at__lt=timezone.now())
    if send_id is not None:
        expired = expired.filter(send_id=send_id)
    released = deliveries_release(rows=expired.filter(status=DeliveryStatus.CLAIMED), status=DeliveryStatus.PENDING)
    uncertain = deliveries_release(
        rows=expired.filter(status=DeliveryStatus.SENDING),
        status=DeliveryStatus.PENDING,
        uncertain=True,
        next_attempt_at=None,
        error=_("Le processus d'envoi s'est arrêté pendant la transmission : message renvoyé, doublon possible."),
    )
    if released or uncertain:
        logger.warning("Recovered expired deliveries: %d released, %d uncertain", released, uncertain)
    return released, uncertain


def deliveries_release(*, rows: QuerySet[Delivery], status: str, **fields: Any) -> int:
    """Hand rows back from their worker: `status` (pending again, or final), no claim, no lease.

    Every write that ends a claim goes through here, so that no row keeps a lease it no longer
    needs (recovery would take it back) nor loses it while still in a worker's hands. `rows`
    carries the caller's condition (still this worker's, still claimed…); returns the rows written.
    """
    return rows.update(status=status, claimed_by="", lease_expires_at=None, **fields)


def claimable(send_id: int) -> Q:
    return Q(send_id=send_id, status=DeliveryStatus.PENDING) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    )


def sends_revive_stalled() -> int:
    """Queue a task for running sends with work due and no claim for a lease (their worker died)."""
    stale_before = timezone.now() - datetime.timedelta(seconds=settings.SENDING_LEASE_SECONDS)
    revived = 0
    for send_id in list(Send.objects.filter(status=SendStatus.RUNNING).values_list("pk", flat=True)):
        if send_complete_if_done(send_id=send_id):
            continue
        with transaction.atomic():
            send = _locked(send_id, [SendStatus.RUNNING], skip_locked=True)
            if send is None or (send.heartbeat_at and send.heartbeat_at > stale_before):
                continue
            if not Delivery.objects.filter(claimable(send_id)).exists():
                continue
            send.heartbeat_at = timezone.now()
            send.save(update_fields=["heartbeat_at"])
            send_dispatch(send_id=send_id)
            revived += 1
    if revived:
        logger.warning("Revived %d stalled sends", revived)
    return revived
