"""The home page, root of each centre's site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class HomePage(PageContextMixin, EditorialPageMixin, Page):  # type: ignore[django-manager-missing]
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "publications.ProgrammeIndexPage",
        "publications.PublicationIndexPage",
        "publications.PodcastIndexPage",
        "publications.ExperienceIndexPage",
        "newsletters.NewsletterIndexPage",
        "publications.AgendaPage",
        "publications.PeopleIndexPage",
        "publications.FormatIndexPage",
        "publications.AboutPage",
    ]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")
