"""French headers for Wagtail's sites listing, whose columns take their labels from the field names.

``wagtail.sites.views.IndexView`` builds « Port », « Site name » and « Root page » from the attribute
names, outside any catalogue; the columns are redefined here with French labels, the same fields and sorts.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, StatusFlagColumn, TitleColumn
from wagtail.sites.views import IndexView


def sites_listing_columns_translate() -> None:
    IndexView.columns = [
        TitleColumn("hostname", label=_("Site"), sort_key="hostname", url_name="wagtailsites:edit"),
        Column("port", label=_("Port"), sort_key="port"),
        Column("site_name", label=_("Nom du site")),
        Column("root_page", label=_("Page racine")),
        StatusFlagColumn("is_default_site", label=_("Site par défaut"), true_label=_("Par défaut")),
    ]
