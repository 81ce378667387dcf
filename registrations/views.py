"""Public pages of registrations: the form, the person's registration page, cancelling.

Nothing changes on a GET. The form answers the same whether the address was already registered or
not, and whether it was typed by a person or a bot (honeypot): nobody learns who is registered.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from config.client_address import client_address
from config.ratelimit import form_rate_limited
from publications.visibility import page_is_visible
from registrations import selectors, services
from registrations.consent import consent_text
from registrations.forms import RegistrationDetailsForm
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from registrations.panel import registration_panel
from subscribers.services import Profile, subscription_request

logger = logging.getLogger(__name__)


def _rate_limited(email: str, ip_address: str | None) -> bool:
    return form_rate_limited(
        scope="register",
        email=email,
        ip_address=ip_address,
        per_ip=settings.REGISTRATIONS_RATE_LIMIT_PER_IP,
        per_email=settings.REGISTRATIONS_RATE_LIMIT_PER_EMAIL,
        window=settings.RATE_LIMIT_WINDOW,
    )


def _settings_visible(request: HttpRequest, action_id: int) -> RegistrationSettings:
    reg_settings = selectors.settings_by_action_id(action_id)
    if reg_settings is None or not page_is_visible(reg_settings.action, site=Site.find_for_request(request)):
        raise Http404
    return reg_settings


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, action_id: int) -> HttpResponse:
    reg_settings = _settings_visible(request, action_id)
    panel = registration_panel(reg_settings, now=timezone.now(), data=request.POST or None)
    context = {"action": reg_settings.action, "panel": panel}
    if request.method != "POST":
        return render(request, "registrations/register.html", context)
    form = panel.form
    if form is None:
        return render(request, "registrations/register.html", context, status=409)
    if form.is_bot:
        logger.info("registration form honeypot filled; ignored")
        return render(request, "registrations/register_done.html", context)
    if not form.is_valid():
        return render(request, "registrations/register.html", context, status=400)
    email = form.cleaned_data["email"]
    if _rate_limited(email, client_address(request)):
        form.add_error(
            None,
            _(
                "Trop d'inscriptions ont été envoyées depuis votre connexion ou pour cette adresse. "
                "Réessayez dans une heure ; si le problème persiste, écrivez-nous."
            ),
        )
        return render(request, "registrations/register.html", context, status=429)
    target = panel.target_for(form.cleaned_data.get("session"))
    try:
        services.registration_create(
            target=target,
            applicant=form.applicant(email=email),
            consent_text=consent_text(reg_settings.action, site=Site.find_for_request(request)),
        )
    except services.RegistrationRefusedError as refusal:
        form.add_error(None, refusal.message)
        return render(request, "registrations/register.html", context, status=409)
    if form.cleaned_data.get("newsletters"):
        # The subscription form's own path: a request the person confirms from their mailbox.
        subscription_request(
            email=email,
            profile=Profile(
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
                role=form.cleaned_data["role"],
                territory=form.cleaned_data.get("territory"),
            ),
            lists=list(form.cleaned_data["newsletters"]),
            consent_text=form.newsletter_consent_text,
            ip_address=client_address(request),
        )
    return render(request, "registrations/register_done.html", context)


def _registration_or_404(key: str) -> Registration:
    registration = selectors.registration_by_key(key)
    if registration is None:
        raise Http404
    return registration


@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, key: str) -> HttpResponse:
    registration = _registration_or_404(key)
    questions = list(registration.action.registration_settings.questions.all())
    active = registration.status != RegistrationStatus.CANCELLED
    if request.method == "POST" and active:
        form = RegistrationDetailsForm(request.POST, questions=questions)
        if form.is_valid():
            services.registration_answers_update(
                registration=registration, applicant=form.applicant(email=registration.email)
            )
            return redirect(f"{request.path}?enregistre=1")
        status = 400
    else:
        initial = {
            "name": registration.name,
            "organisation": registration.organisation,
            "role": registration.role,
            "territory": registration.territory_id,
            "accessibility_needs": registration.accessibility_needs,
        }
        by_label = {question.label: question for question in questions}
        for label, answer in registration.answers.items():
            if label in by_label:
                initial[f"question_{by_label[label].pk}"] = answer
        form = RegistrationDetailsForm(initial=initial, questions=questions)
        status = 200
    context = {
        "registration": registration,
        "form": form if active else None,
        "sessions": selectors.registration_sessions(registration),
        "saved": request.GET.get("enregistre") == "1",
    }
    return render(request, "registrations/detail.html", context, status=status)


@require_POST
def cancel(request: HttpRequest, key: str) -> HttpResponse:
    registration = _registration_or_404(key)
    cancelled = services.registration_cancel(registration=registration)
    return render(request, "registrations/cancelled.html", {"registration": registration, "already": not cancelled})
