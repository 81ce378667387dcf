"""The password forms of password-restricted pages and document collections, throttled per client.

Wagtail's own views compare the password on every POST, without limit: a shared password could be
guessed. Once a client has tried too often on one page (or one collection's restriction), every
password is refused there without being compared, so that the answer says nothing about it, until
the window ends. Past the limit the views answer 429 with Wagtail's form and a French error.
"""

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.documents.views.serve import authenticate_with_password as document_authenticate_with_password
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.views import authenticate_with_password as page_authenticate_with_password

from config.client_address import client_address
from config.ratelimit import rate_limit_hit

THROTTLED = _("Trop de tentatives de mot de passe pour ce contenu depuis votre connexion. Réessayez plus tard.")


class ThrottledPasswordForm(PasswordViewRestrictionForm):
    """Refuses whatever was typed, without comparing it to the restriction's password."""

    def clean_password(self) -> str:
        return ""

    def clean(self) -> dict:
        raise forms.ValidationError(THROTTLED)


def _guess_allowed(request: HttpRequest, *, scope: str, target: int) -> bool:
    """A GET only shows the form; each POST is a guess, counted per client address and target."""
    if request.method != "POST":
        return True
    return rate_limit_hit(
        scope=scope,
        value=f"{target}:{client_address(request) or 'unknown'}",
        limit=settings.PAGE_PASSWORD_RATE_LIMIT,
        window=settings.RATE_LIMIT_WINDOW,
    )


def page_password_view(request: HttpRequest, page_view_restriction_id: int, page_id: int) -> HttpResponse:
    if _guess_allowed(request, scope="page-password", target=page_id):
        return page_authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = ThrottledPasswordForm(request.POST, instance=restriction)
    form.is_valid()
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response


def document_password_view(request: HttpRequest, restriction_id: int) -> HttpResponse:
    if _guess_allowed(request, scope="document-password", target=restriction_id):
        return document_authenticate_with_password(request, restriction_id)
    restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
    form = ThrottledPasswordForm(request.POST, instance=restriction)
    form.is_valid()
    template = getattr(settings, "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE", "wagtaildocs/password_required.html")
    action_url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
    return TemplateResponse(request, template, {"form": form, "action_url": action_url}, status=429)
