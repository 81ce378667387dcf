"""The action page's ``{% registration_panel page %}``: availability and the registration form."""

from typing import Any

from django import template
from django.utils import timezone
from wagtail.models import Site

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


@register.simple_tag(takes_context=True)
def registration_consent_text(context: template.Context, action: Any) -> str:
    request = context.get("request")
    return consent_text(action, site=Site.find_for_request(request) if request is not None else None)


@register.filter
def session_when(session: ActionSession) -> str:
    return dates.session_when(session)
