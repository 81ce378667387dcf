"""Admin glue: the « Livrets et bilans » menu and its URLs.

Not « Rapports »: that is the French label of Wagtail's own Reports menu, already in the sidebar.
"""

from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.menu import PermissionMenuItem
from reports import views


@hooks.register("register_admin_urls")
def register_reports_urls() -> list[URLPattern]:
    return [
        path("livrets-bilans/", views.report_index, name="reports_index"),
        path("livrets-bilans/nouveau/", views.report_create, name="reports_create"),
        path("livrets-bilans/<id:request_id>/", views.report_detail, name="reports_detail"),
        path("livrets-bilans/<id:request_id>/etat/", views.report_status, name="reports_status"),
        path("livrets-bilans/<id:request_id>/fichier/", views.report_download, name="reports_download"),
    ]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item() -> MenuItem:
    return PermissionMenuItem(
        _("Livrets et bilans"),
        reverse("reports_index"),
        permission=views.PRODUCE_PERMISSION,
        icon_name="doc-full",
        order=230,
    )
