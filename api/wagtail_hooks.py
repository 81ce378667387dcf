"""Admin glue: the « Aperçu sur le front » entry of a page's header menu."""

from collections.abc import Iterator
from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from api import views
from api.routers.preview import PREVIEWABLE
from api.views import front_preview_configured


@hooks.register("register_admin_urls")
def register_preview_url() -> list[Any]:
    return [path("apercu-front/<id:page_id>/", views.front_preview, name="api_front_preview")]


@hooks.register("register_page_header_buttons")
def front_preview_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Iterator[Button]:
    if not front_preview_configured():
        return
    if type(page.specific_deferred) in PREVIEWABLE and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Aperçu sur le front"),
            url=reverse("api_front_preview", args=[page.pk]),
            icon_name="view",
            attrs={"target": "_blank", "rel": "noopener"},
            priority=90,
        )
