"""The admin's « Contenus » menu: flat listings of each page type, which each content app registers.

Editorial owns the group and the columns every listing shares; the apps of the content types,
above editorial, subclass ``ContentListingViewSet`` and register their listing through the
``register_admin_viewset`` hook, so this module never imports them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

# The hook the group's submenu collects its items from.
CONTENT_LISTINGS_MENU_HOOK = "register_content_listings_menu_item"


def page_columns(*columns: Column) -> list[Column]:
    """Wagtail's page columns (title, parent, updated, status) with the type's own after the parent."""
    base = [column for column in IndexView.base_columns if column.name != "type"]
    parent_at = next(i for i, column in enumerate(base) if column.name == "parent") + 1
    return [*base[:parent_at], *columns, *base[parent_at:]]


class ContentListingViewSet(PageListingViewSet):
    """A page type's listing, shown under « Contenus » at its ``menu_order``."""

    menu_hook = CONTENT_LISTINGS_MENU_HOOK


class ContentListings(ViewSetGroup):
    menu_label = _("Contenus")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    submenu_hook = CONTENT_LISTINGS_MENU_HOOK
