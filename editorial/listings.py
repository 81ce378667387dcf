"""Flat admin listings of each page type, with the columns and filters editors work by."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, ProgrammePage, PublicationPage


def page_columns(*columns: Column) -> list[Column]:
    """Wagtail's page columns (title, parent, updated, status) with the type's own after the parent."""
    base = [column for column in IndexView.base_columns if column.name != "type"]
    parent_at = next(i for i, column in enumerate(base) if column.name == "parent") + 1
    return [*base[:parent_at], *columns, *base[parent_at:]]


class ProgrammeListing(PageListingViewSet):
    model = ProgrammePage
    icon = "list-ol"
    menu_label = _("Programmes")
    columns = page_columns(Column("centre", label=_("Centre")), Column("year", label=_("Année"), sort_key="year"))
    list_filter = ["centre", "year", "live"]


class ActionListing(PageListingViewSet):
    model = ActionPage
    icon = "calendar"
    menu_label = _("Actions")
    columns = page_columns(
        Column("format", label=_("Format"), sort_key="format__name"),
        Column("status", label=_("État"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("registration_open", label=_("Inscriptions")),
    )
    list_filter = ["format", "status", "themes", "territories", "registration_open", "live"]


class PublicationListing(PageListingViewSet):
    model = PublicationPage
    icon = "doc-full"
    menu_label = _("Publications")
    columns = page_columns(
        Column("collection", label=_("Collection"), sort_key="collection__name"),
        Column("number", label=_("N°")),
        DateColumn("publication_date", label=_("Parution"), sort_key="publication_date"),
    )
    list_filter = ["collection", "themes", "live"]


class EpisodeListing(PageListingViewSet):
    model = PodcastEpisodePage
    icon = "media"
    menu_label = _("Épisodes de podcast")
    columns = page_columns(
        Column("episode_number", label=_("N°"), sort_key="episode_number"),
        Column("episode_type", label=_("Type"), accessor="get_episode_type_display"),
        DateColumn("release_date", label=_("Diffusion"), sort_key="release_date"),
    )
    list_filter = ["episode_type", "themes", "live"]


class ExperienceListing(PageListingViewSet):
    model = ExperiencePage
    icon = "pick"
    menu_label = _("Fiches d'expérience")
    columns = page_columns(Column("town", label=_("Territoire")), Column("period", label=_("Période")))
    list_filter = ["themes", "territories", "live"]


class NewsletterIssueListing(PageListingViewSet):
    model = NewsletterIssuePage
    icon = "mail"
    menu_label = _("Numéros de lettre")
    columns = page_columns(
        Column("newsletter_list", label=_("Liste")),
        Column("number", label=_("N°"), sort_key="number"),
        DateColumn("issue_date", label=_("Date"), sort_key="issue_date"),
    )
    list_filter = ["newsletter_list", "live"]


LISTINGS = [
    ProgrammeListing("programmes"),
    ActionListing("actions"),
    PublicationListing("publications"),
    EpisodeListing("episodes"),
    ExperienceListing("experiences"),
    NewsletterIssueListing("newsletter_issues"),
]
