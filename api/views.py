"""Admin view that hands an editor a signed preview link for the external front."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, Revision

from api.preview import preview_revision_ensure, preview_token_create
from config.types import AuthenticatedHttpRequest


def front_preview_configured() -> bool:
    """An external front shows drafts only once its preview address is set (API_PREVIEW_CLIENT_URL)."""
    return bool(settings.API_PREVIEW_CLIENT_URL)


def _redirect_to_front(revision: Revision) -> HttpResponseRedirect:
    base = settings.API_PREVIEW_CLIENT_URL
    separator = "&" if "?" in base else "?"
    return HttpResponseRedirect(f"{base}{separator}{urlencode({'token': preview_token_create(revision=revision)})}")


@require_http_methods(["GET", "POST"])
def front_preview(request: AuthenticatedHttpRequest, page_id: int) -> HttpResponse:
    """GET reads: a link to the page's latest revision, else a form; the form's POST saves a first one.

    Without an external front configured, a page that says so (the button is hidden then).
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    configured = front_preview_configured()
    if configured and request.method == "POST":
        return _redirect_to_front(preview_revision_ensure(page=page, user=request.user))
    if configured and page.latest_revision is not None:
        return _redirect_to_front(page.latest_revision)
    # Without a front the API's JSON is no preview for an editor: the page says so instead.
    return TemplateResponse(
        request,
        "api/admin/front_preview.html",
        {
            "page": page,
            "page_title": _("Aperçu sur le front"),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "configured": configured,
        },
    )
