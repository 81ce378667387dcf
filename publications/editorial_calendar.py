"""The action sessions the editorial calendar shows, registered as its provider by ``PublicationsConfig.ready()``."""

import datetime

from editorial.calendar import CalendarEntry, EntryKind
from publications.models import ActionSession


def action_sessions_in_range(*, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEntry]:
    """Sessions starting in [start, end) of every action, live or draft, cancelled ones marked.

    Sessions are read from the action's saved rows: for a live action, those of its published
    version (a session added in an unpublished draft appears once published).
    """
    sessions = (
        ActionSession.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .select_related("page", "page__content_type", "town")
        .order_by("starts_at", "pk")
    )
    entries = []
    for session in sessions:
        place = ", ".join(part for part in (session.venue, session.town.name if session.town else "") if part)
        detail = " · ".join(part for part in (str(session.get_attendance_mode_display()), place) if part)
        entries.append(
            CalendarEntry(
                kind=EntryKind.ACTION_SESSION,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                title=session.page.draft_title,
                page=session.page,
                detail=detail,
                cancelled=session.cancelled,
            )
        )
    return entries
