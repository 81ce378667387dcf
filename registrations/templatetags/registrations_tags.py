"""The action page's ``{% registration_panel page %}``: availability and the registration form."""

from typing import Any

from django import template
from django.utils import timezone

from publications.models import ActionSession
from registrations import dates
from registrations.consent import consent_text
from registrations.panel import action_registration_panel

register = template.Library()


@register.inclusion_tag("registrations/panel.html", takes_context=True)
def registration_panel(context: dict[str, Any], action: Any) -> dict[str, Any]:
    return {
        "panel": action_registration_panel(action, now=timezone.now()),
        "action": action,
        "request": context.get("request"),
    }


@register.simple_tag
def registration_consent_text(action: Any) -> str:
    return consent_text(action)


@register.filter
def session_when(session: ActionSession) -> str:
    return dates.session_when(session)
