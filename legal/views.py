"""The five legal pages of every site's footer, generated from its settings; thin views over the selectors.

Nothing changes on a GET. The contact form answers the same whether a person or a bot (honeypot) wrote.
"""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from config.client_address import client_address
from config.ratelimit import RateLimit, rate_limits_hit
from legal.forms import ContactForm
from legal.selectors import legal_facts_for, site_plan
from legal.services import ContactMessage, contact_message_send

logger = logging.getLogger(__name__)


def _render(request: HttpRequest, template: str, status: int = 200, **context: object) -> HttpResponse:
    facts = legal_facts_for(site=Site.find_for_request(request), request=request)
    return render(request, f"legal/{template}", {"facts": facts, **context}, status=status)


@require_GET
def legal_notice(request: HttpRequest) -> HttpResponse:
    return _render(request, "legal_notice.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return _render(request, "privacy.html")


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return _render(request, "accessibility.html")


@require_GET
def plan(request: HttpRequest) -> HttpResponse:
    return _render(request, "plan.html", plan=site_plan(site=Site.find_for_request(request)))


def _rate_limited(email: str, ip_address: str | None) -> bool:
    limits = [
        RateLimit(scope="contact:ip", value=ip_address or "unknown", limit=settings.CONTACT_RATE_LIMIT_PER_IP),
        RateLimit(scope="contact:email", value=email.lower(), limit=settings.CONTACT_RATE_LIMIT_PER_EMAIL),
    ]
    return not rate_limits_hit(limits=limits, window=settings.RATE_LIMIT_WINDOW)


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    if request.method != "POST":
        sent = request.GET.get("envoye") == "1"
        return _render(request, "contact.html", form=None if sent else ContactForm(), sent=sent)
    form = ContactForm(request.POST)
    if not legal_facts_for(site=site, request=request).contact_recipient or site is None:
        return _render(request, "contact.html", status=409, form=form)
    if form.is_bot:
        logger.info("contact form honeypot filled; ignored")
        return redirect(f"{request.path}?envoye=1")
    if not form.is_valid():
        return _render(request, "contact.html", status=400, form=form)
    data = form.cleaned_data
    if _rate_limited(data["email"], client_address(request)):
        form.add_error(
            None,
            _(
                "Trop de messages ont été envoyés depuis votre connexion ou depuis cette adresse. "
                "Réessayez dans une heure."
            ),
        )
        return _render(request, "contact.html", status=429, form=form)
    contact_message_send(
        site_id=site.pk,
        message=ContactMessage(
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            topic=data["topic"],
            message=data["message"],
        ),
    )
    return redirect(f"{request.path}?envoye=1")
