"""The admin listing of newsletter issues, under « Contenus » after the content types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from editorial.listings import ContentListingViewSet, page_columns
from newsletters.models import NewsletterIssuePage


class NewsletterIssueListing(ContentListingViewSet):
    model = NewsletterIssuePage
    icon = "mail"
    menu_label = _("Numéros de lettre")
    menu_order = 6
    columns = page_columns(
        Column("newsletter_list", label=_("Liste")),
        Column("number", label=_("N°"), sort_key="number"),
        DateColumn("issue_date", label=_("Date"), sort_key="issue_date"),
    )
    list_filter = ["newsletter_list", "live"]
