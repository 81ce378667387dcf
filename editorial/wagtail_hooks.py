"""Admin glue for the editors: a « Contenus » menu of flat, filterable listings per page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail_modeladmin.options import modeladmin_register

from editorial.listings import LISTINGS
from editorial.operations import PeriodicTaskAdmin


class ContentListings(ViewSetGroup):
    menu_label = _("Contenus")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = LISTINGS


@hooks.register("register_admin_viewset")
def register_content_listings() -> ViewSetGroup:
    return ContentListings()


modeladmin_register(PeriodicTaskAdmin)
