"""Flat admin listings of each page type, with the columns and filters editors work by."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.pages import PageListingViewSet

from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, ProgrammePage, PublicationPage


class ProgrammeListing(PageListingViewSet):
    model = ProgrammePage
    icon = "list-ol"
    menu_label = _("Programmes")
    list_display = ["title", "centre", "year", "live"]
    list_filter = ["centre", "year", "live"]


class ActionListing(PageListingViewSet):
    model = ActionPage
    icon = "calendar"
    menu_label = _("Actions")
    list_display = ["title", "format", "status", "registration_open", "latest_revision_created_at", "live"]
    list_filter = ["format", "status", "themes", "registration_open", "live"]


class PublicationListing(PageListingViewSet):
    model = PublicationPage
    icon = "doc-full"
    menu_label = _("Publications")
    list_display = ["title", "collection", "number", "publication_date", "live"]
    list_filter = ["collection", "themes", "live"]


class EpisodeListing(PageListingViewSet):
    model = PodcastEpisodePage
    icon = "media"
    menu_label = _("Épisodes de podcast")
    list_display = ["title", "episode_number", "episode_type", "release_date", "live"]
    list_filter = ["episode_type", "themes", "live"]


class ExperienceListing(PageListingViewSet):
    model = ExperiencePage
    icon = "pick"
    menu_label = _("Fiches d'expérience")
    list_display = ["title", "town", "period", "latest_revision_created_at", "live"]
    list_filter = ["themes", "live"]


class NewsletterIssueListing(PageListingViewSet):
    model = NewsletterIssuePage
    icon = "mail"
    menu_label = _("Numéros de lettre")
    list_display = ["title", "newsletter_list", "number", "issue_date", "live"]
    list_filter = ["newsletter_list", "live"]


LISTINGS = [
    ProgrammeListing("programmes"),
    ActionListing("actions"),
    PublicationListing("publications"),
    EpisodeListing("episodes"),
    ExperienceListing("experiences"),
    NewsletterIssueListing("newsletter_issues"),
]
