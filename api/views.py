"""Admin view that hands an editor a signed preview link for the external front."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail.models import Page

from api.preview import preview_token_create


def front_preview(request: HttpRequest, page_id: int) -> HttpResponseRedirect:
    """Redirect to the front's preview address with a token for the page's latest draft.

    Without API_PREVIEW_CLIENT_URL, to the API's own preview endpoint (the JSON a front reads).
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = preview_token_create(page=page)
    base = settings.API_PREVIEW_CLIENT_URL or reverse("api:preview")
    separator = "&" if "?" in base else "?"
    return HttpResponseRedirect(f"{base}{separator}{urlencode({'token': token})}")
