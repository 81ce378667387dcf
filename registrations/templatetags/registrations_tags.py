"""Registrations on the public pages: the action page's ``{% registration_panel page %}`` (availability
and the form) and ``{% participant_counts_section page %}`` (attendance, aggregates only), the agenda's
``{% session_registration session as state %}``."""

from typing import Any

from django import template
from django.utils import timezone
from wagtail.models import Site

from publications.models import ActionSession
from registrations import dates
from registrations.consent import consent_text
from registrations.panel import action_registration_panel
from registrations.selectors import Availability, participant_counts, session_availability

register = template.Library()


@register.inclusion_tag("registrations/panel.html", takes_context=True)
def registration_panel(context: dict[str, Any], action: Any) -> dict[str, Any]:
    return {
        "panel": action_registration_panel(action, now=timezone.now()),
        "action": action,
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def registration_consent_text(context: template.Context, action: Any) -> str:
    request = context.get("request")
    return consent_text(action, site=Site.find_for_request(request) if request is not None else None)


@register.filter
def session_when(session: ActionSession) -> str:
    return dates.session_when(session)


@register.inclusion_tag("registrations/participants.html")
def participant_counts_section(action: Any) -> dict[str, Any]:
    return {"participants": participant_counts(action)}


@register.simple_tag
def session_registration(session: Any) -> Availability | None:
    """The state the agenda shows for a session (« complet », « liste d'attente »…), None when not managed here."""
    return session_availability(session)
