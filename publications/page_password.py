"""The password form of password-restricted pages, throttled per client address and page.

Wagtail's own view compares the password on every POST, without limit: a shared page password
could be guessed. Once a client has tried too often on one page, every password is refused
there without being compared (so that the answer says nothing about it) until the window ends.
"""

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction
from wagtail.views import authenticate_with_password

from config.client_address import client_address
from config.ratelimit import rate_limit_hit

THROTTLED = _("Trop de tentatives de mot de passe pour cette page depuis votre connexion. Réessayez plus tard.")


class ThrottledPasswordForm(PasswordViewRestrictionForm):
    """Refuses whatever was typed, without comparing it to the page's password."""

    def clean_password(self) -> str:
        return ""

    def clean(self) -> dict:
        raise forms.ValidationError(THROTTLED)


def page_password_view(request: HttpRequest, page_view_restriction_id: int, page_id: int) -> HttpResponse:
    if request.method != "POST" or rate_limit_hit(
        scope="page-password",
        value=f"{page_id}:{client_address(request) or 'unknown'}",
        limit=settings.PAGE_PASSWORD_RATE_LIMIT,
        window=settings.RATE_LIMIT_WINDOW,
    ):
        return authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = ThrottledPasswordForm(request.POST, instance=restriction)
    form.is_valid()
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response
