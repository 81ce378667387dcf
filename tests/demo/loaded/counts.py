"""What the demo counts: a second load, or a load on another day, must leave every count as it was."""

from django.db import models
from wagtail.models import Page, Site

from assets.models import CustomDocument, CustomImage, CustomMedia
from centres.models import Centre
from newsletters.models import NewsletterIssuePage, NewsletterList
from publications.models import (
    ActionFormat,
    ActionPage,
    ActionProgressNote,
    ActionSession,
    ExperiencePage,
    Organisation,
    Person,
    PodcastEpisodePage,
    PublicationPage,
    SiteIdentity,
    Territory,
    Theme,
)

COUNTED: list[type[models.Model]] = [
    Page,
    Site,
    Centre,
    SiteIdentity,
    ActionPage,
    ActionSession,
    ActionProgressNote,
    PublicationPage,
    PodcastEpisodePage,
    ExperiencePage,
    NewsletterIssuePage,
    NewsletterList,
    Theme,
    ActionFormat,
    Territory,
    Organisation,
    Person,
    CustomDocument,
    CustomImage,
    CustomMedia,
]


def demo_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}
