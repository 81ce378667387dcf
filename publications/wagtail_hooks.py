"""Admin glue: the managed lists under two menus, the content listings, the exchange of experience
records; serve only published pages."""

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from config.response_cache import public_cache_allow
from editorial.listings import ContentListingViewSet
from publications.exchange.views import exchange_export_view, exchange_view, importable_parents
from publications.listings import content_listings
from publications.viewsets import ClassificationGroup, PeopleGroup
from publications.visibility import page_is_published, page_is_restricted

register_snippet(ClassificationGroup)
register_snippet(PeopleGroup)


@hooks.register("register_admin_viewset")
def register_content_listings() -> list[ContentListingViewSet]:
    return content_listings()


class ExchangeMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(importable_parents(request.user))


@hooks.register("register_admin_urls")
def register_exchange_urls() -> list[URLPattern]:
    return [
        path("echange-fiches/", exchange_view, name="experiences_exchange"),
        path("echange-fiches/export/<int:site_id>/", exchange_export_view, name="experiences_exchange_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_exchange_menu_item() -> MenuItem:
    return ExchangeMenuItem(_("Échange de fiches"), reverse("experiences_exchange"), icon_name="doc-full", order=260)


@hooks.register("before_serve_page")
def refuse_unpublished(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    """Wagtail's routing checks the page's own ``live`` only: an expired page (before the
    scheduler unpublishes it) or a page under an unpublished section would be served."""
    if not page_is_published(page):
        raise Http404


@hooks.register("before_serve_page")
def share_public_pages(page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any) -> None:
    """A page without a view restriction (its own or an ancestor's) is the same for every anonymous
    visitor: its answer is stored and shared, its forms (registrations) with a CSRF token per visitor."""
    if not page_is_restricted(page):
        public_cache_allow(request, csrf_hole=True)
