"""iCalendar (RFC 5545) documents of action sessions: one action, the agenda, filtered subscriptions."""

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vUri

from config.time_zone import PARIS, PARIS_TIME_ZONE_NAME
from feeds.links import calendar_uid_domain, page_absolute_url
from publications.models import ActionSession, ActionStatus, AttendanceMode

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendars should fetch the feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
TENTATIVE_STATUSES = {ActionStatus.ENVISAGED, ActionStatus.IN_PREPARATION, ActionStatus.POSTPONED}


def session_uid(session: ActionSession) -> str:
    """Globally unique and permanent: the session's stored UUID, never a database id or a URL."""
    return f"{session.uid}@{calendar_uid_domain()}"


def session_status(session: ActionSession) -> str:
    if session.cancelled or session.page.status == ActionStatus.CANCELLED:
        return "CANCELLED"
    if session.page.status in TENTATIVE_STATUSES:
        return "TENTATIVE"
    return "CONFIRMED"


def session_location(session: ActionSession, *, for_attendee: bool = False) -> str:
    parts = [session.venue, session.address]
    if session.town and session.town.name not in session.address:
        parts.append(session.town.name)
    place = ", ".join(part for part in parts if part)
    if session.attendance_mode == AttendanceMode.ONLINE:
        return session.online_url if session.online_url_shown(for_attendee=for_attendee) else "En visioconférence"
    if session.attendance_mode == AttendanceMode.MIXED:
        return f"{place} et en visioconférence" if place else "En visioconférence"
    return place


def _description(session: ActionSession, page_url: str, *, for_attendee: bool) -> str:
    page = session.page
    lines = [page.summary] if page.summary else []
    lines.append(f"{page.format.name} · {session.get_attendance_mode_display()}")
    if session.cancelled or page.status == ActionStatus.CANCELLED:
        lines.append("Séance annulée.")
    if session.online_url_shown(for_attendee=for_attendee):
        lines.append(f"Lien de connexion : {session.online_url}")
    if session.accessibility_notes:
        lines.append(f"Accessibilité : {session.accessibility_notes}")
    lines.append(page_url)
    return "\n".join(lines)


def session_event(
    session: ActionSession, *, request: HttpRequest | None, stamp: datetime.datetime, for_attendee: bool = False
) -> Event:
    """One VEVENT; ``for_attendee`` for the invitation of a registered person (the connection link included)."""
    page = session.page
    page_url = page_absolute_url(page, request)
    event = Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at.astimezone(PARIS))
    event.add("dtend", session.ends_at.astimezone(PARIS))
    event.add("summary", page.title)
    event.add("description", _description(session, page_url, for_attendee=for_attendee))
    event.add("status", session_status(session))
    event.add("url", vUri(page_url))
    location = session_location(session, for_attendee=for_attendee)
    if location:
        event.add("location", location)
    if session.online_url_shown(for_attendee=for_attendee):
        # RFC 7986: the address to join an online session.
        event.add("conference", vUri(session.online_url), parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
    categories = [page.format.name, *(theme.name for theme in page.themes.all())]
    event.add("categories", categories)
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def calendar_build(*, name: str, sessions: Sequence[ActionSession], request: HttpRequest) -> bytes:
    """An iCalendar document with one VEVENT per session and the Europe/Paris VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", PARIS_TIME_ZONE_NAME)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_INTERVAL)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    # Always one VTIMEZONE, so that an empty agenda is still a valid calendar (one component at least).
    today = timezone.localdate()
    first = min([today, *(s.starts_at.date() for s in sessions)]) - datetime.timedelta(days=366)
    last = max([today, *(s.ends_at.date() for s in sessions)]) + datetime.timedelta(days=366)
    paris = Timezone.from_tzid(PARIS_TIME_ZONE_NAME, first_date=first, last_date=last)
    # icalendar writes its own English note of the range the rules cover: say it in French.
    paris.pop("COMMENT", None)
    paris.add("COMMENT", f"Ce fuseau horaire n'est décrit que du {first:%d/%m/%Y} au {last:%d/%m/%Y}.")
    calendar.add_component(paris)
    for session in sessions:
        calendar.add_component(session_event(session, request=request, stamp=stamp))
    return calendar.to_ical()
