"""Reads of sends: which issues may be sent, progress figures, and the editorial calendar's entries."""

import datetime
from dataclasses import asdict, dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.calendar import CalendarEntry, EntryKind
from newsletters.models import NewsletterIssuePage
from sending.models import Delivery, DeliveryStatus, Send, SendStatus


def sendable_q() -> Q:
    """An issue may be sent once it has passed its workflow: it is live, and sends its live content.

    The one rule behind the « Envoyer » button (`issue_shows_sendable`, on the loaded page), the
    send form (`issue_is_sendable`) and the start of a send (`issues_sendable`: a send whose issue
    was unpublished since it was scheduled is cancelled).
    """
    return Q(live=True)


def issue_shows_sendable(issue: NewsletterIssuePage) -> bool:
    """The same rule read on a loaded page, for the buttons of the admin's listings (no query per row)."""
    return bool(issue.live)


def issues_sendable() -> QuerySet[NewsletterIssuePage]:
    return NewsletterIssuePage.objects.filter(sendable_q())


def issue_is_sendable(issue: NewsletterIssuePage) -> bool:
    """Read from the database, not from the instance: the issue may have been unpublished since it was loaded."""
    return issues_sendable().filter(pk=issue.pk).exists()


@dataclass(frozen=True)
class SendProgress:
    status: str
    status_label: str
    total: int
    sent: int
    failed: int
    cancelled: int
    uncertain: int
    remaining: int
    percent: float
    estimated_end: datetime.datetime | None

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["estimated_end"] = self.estimated_end.isoformat() if self.estimated_end else None
        return data


def send_progress(send: Send) -> SendProgress:
    """Counts by state in one query, and the end the current pace leads to."""
    counts = Delivery.objects.filter(send_id=send.pk).aggregate(
        sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
        failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
        cancelled=Count("pk", filter=Q(status=DeliveryStatus.CANCELLED)),
        uncertain=Count("pk", filter=Q(uncertain=True)),
        total=Count("pk"),
    )
    total = counts["total"]
    done = counts["sent"] + counts["failed"] + counts["cancelled"]
    remaining = max(total - done, 0)
    estimated_end = None
    if send.status == SendStatus.RUNNING and remaining:
        now = timezone.now()
        rate = float(send.rate_per_second)
        if send.started_at and counts["sent"]:
            elapsed = (now - send.started_at).total_seconds()
            if elapsed > 0:
                rate = min(rate, counts["sent"] / elapsed)
        estimated_end = now + datetime.timedelta(seconds=remaining / rate)
    return SendProgress(
        status=send.status,
        status_label=str(SendStatus(send.status).label),
        total=total,
        sent=counts["sent"],
        failed=counts["failed"],
        cancelled=counts["cancelled"],
        uncertain=counts["uncertain"],
        remaining=remaining,
        percent=round(100.0 * done / total, 1) if total else (100.0 if send.status == SendStatus.COMPLETED else 0.0),
        estimated_end=estimated_end,
    )


def sends_in_range(*, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEntry]:
    """Sends planned (or started) in [start, end) for the editorial calendar, in one query."""
    sends = (
        Send.objects.filter(scheduled_at__gte=start, scheduled_at__lt=end)
        .select_related("issue", "newsletter_list")
        .order_by("scheduled_at", "pk")
    )
    return [
        CalendarEntry(
            kind=EntryKind.NEWSLETTER_SEND,
            starts_at=send.scheduled_at,
            ends_at=send.finished_at,
            title=send.issue.title,
            page=send.issue,
            detail=_("%(list)s — %(status)s")
            % {"list": send.newsletter_list.name, "status": send.get_status_display()},
            cancelled=send.status == SendStatus.CANCELLED,
        )
        for send in sends
    ]
