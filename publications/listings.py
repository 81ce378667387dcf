"""Flat admin listings of the content page types, with the columns and filters editors work by."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn

from editorial.listings import ContentListingViewSet, page_columns
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, ProgrammePage, PublicationPage


class ProgrammeListing(ContentListingViewSet):
    model = ProgrammePage
    icon = "list-ol"
    menu_label = _("Programmes")
    menu_order = 1
    columns = page_columns(Column("centre", label=_("Centre")), Column("year", label=_("Année"), sort_key="year"))
    list_filter = ["centre", "year", "live"]


class ActionListing(ContentListingViewSet):
    model = ActionPage
    icon = "calendar"
    menu_label = _("Actions")
    menu_order = 2
    columns = page_columns(
        Column("format", label=_("Format"), sort_key="format__name"),
        Column("status", label=_("État"), accessor="get_status_display", sort_key="status"),
        BooleanColumn("registration_open", label=_("Inscriptions")),
    )
    list_filter = ["format", "status", "themes", "territories", "registration_open", "live"]


class PublicationListing(ContentListingViewSet):
    model = PublicationPage
    icon = "doc-full"
    menu_label = _("Publications")
    menu_order = 3
    columns = page_columns(
        Column("collection", label=_("Collection"), sort_key="collection__name"),
        Column("number", label=_("N°")),
        DateColumn("publication_date", label=_("Parution"), sort_key="publication_date"),
    )
    list_filter = ["collection", "themes", "live"]


class EpisodeListing(ContentListingViewSet):
    model = PodcastEpisodePage
    icon = "media"
    menu_label = _("Épisodes de podcast")
    menu_order = 4
    columns = page_columns(
        Column("episode_number", label=_("N°"), sort_key="episode_number"),
        Column("episode_type", label=_("Type"), accessor="get_episode_type_display"),
        DateColumn("release_date", label=_("Diffusion"), sort_key="release_date"),
    )
    list_filter = ["episode_type", "themes", "live"]


class ExperienceListing(ContentListingViewSet):
    model = ExperiencePage
    icon = "pick"
    menu_label = _("Fiches d'expérience")
    menu_order = 5
    columns = page_columns(Column("town", label=_("Territoire")), Column("period", label=_("Période")))
    list_filter = ["themes", "territories", "live"]


def content_listings() -> list[ContentListingViewSet]:
    return [
        ProgrammeListing("programmes"),
        ActionListing("actions"),
        PublicationListing("publications"),
        EpisodeListing("episodes"),
        ExperienceListing("experiences"),
    ]
