"""The iCalendar invitation attached to registration emails: the site's own events, with the same UIDs.

A confirmed registration gets METHOD:REQUEST (calendars add or update the event), a cancelled one
METHOD:CANCEL (they remove it). The connection link of an online session is only ever here, in
what registered people receive.
"""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, vCalAddress, vText

from feeds.calendar import session_event
from publications.models import ActionSession
from registrations.models import Registration

INVITATION_CONTENT_TYPE = "text/calendar"


def _organizer() -> vCalAddress:
    organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = vText(settings.WAGTAIL_SITE_NAME)
    return organizer


def invitation_build(*, registration: Registration, sessions: list[ActionSession], cancel: bool) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Inscriptions//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for session in sessions:
        event = session_event(session, request=None, stamp=stamp, for_attendee=True)
        event.add("organizer", _organizer())
        attendee = vCalAddress(f"mailto:{registration.email}")
        attendee.params["cn"] = vText(registration.name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("DECLINED" if cancel else "ACCEPTED")
        event.add("attendee", attendee)
        if cancel:
            event["status"] = "CANCELLED"
        calendar.add_component(event)
    return calendar.to_ical()
