"""Admin glue: the « Envois » menu, its URLs, the « Envoyer » action of an issue, the dashboard panel."""

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem

from editorial.menu import PermissionMenuItem
from newsletters.models import NewsletterIssuePage
from sending import views
from sending.panels import homepage_panels_add
from sending.selectors import issue_shows_sendable
from sending.services import SEND_PERMISSION


@hooks.register("register_admin_urls")
def register_sending_urls() -> list[URLPattern]:
    return [
        path("envois/", views.send_index, name="sending_index"),
        path("envois/nouveau/<id:issue_id>/", views.send_create_view, name="sending_create"),
        path("envois/<id:send_id>/", views.send_detail, name="sending_detail"),
        path("envois/<id:send_id>/progression/", views.send_progress_json, name="sending_progress"),
        path("envois/<id:send_id>/<str:action>/", views.send_action, name="sending_action"),
    ]


@hooks.register("register_admin_menu_item")
def register_sending_menu_item() -> MenuItem:
    return PermissionMenuItem(
        _("Envois"), reverse("sending_index"), permission=SEND_PERMISSION, icon_name="mail", order=225
    )


def _send_action(page: Any, user: Any) -> Iterator[ActionMenuItem]:
    is_issue = isinstance(page.specific_deferred, NewsletterIssuePage)
    if is_issue and issue_shows_sendable(page) and user.has_perm(SEND_PERMISSION):
        yield ActionMenuItem(_("Envoyer"), reverse("sending_create", args=[page.pk]), icon_name="mail", priority=25)


@hooks.register("register_page_header_buttons")
def issue_header_send_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator:
    yield from _send_action(page, user)


@hooks.register("register_page_listing_more_buttons")
def issue_listing_send_button(page: Any, user: Any, next_url: str | None = None) -> Iterator:
    yield from _send_action(page, user)


@hooks.register("construct_homepage_panels")
def add_sends_panel(request: Any, panels: list[Any]) -> None:
    homepage_panels_add(panels, request.user)
