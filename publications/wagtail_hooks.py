"""Admin glue: the managed lists under two menus, the content listings; serve only published pages."""

from typing import Any

from django.http import Http404, HttpRequest
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from editorial.listings import ContentListingViewSet
from publications.listings import content_listings
from publications.viewsets import ClassificationGroup, PeopleGroup
from publications.visibility import page_is_published

register_snippet(ClassificationGroup)
register_snippet(PeopleGroup)


@hooks.register("register_admin_viewset")
def register_content_listings() -> list[ContentListingViewSet]:
    return content_listings()


@hooks.register("before_serve_page")
def refuse_unpublished(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    """Wagtail's routing checks the page's own ``live`` only: an expired page (before the
    scheduler unpublishes it) or a page under an unpublished section would be served."""
    if not page_is_published(page):
        raise Http404
