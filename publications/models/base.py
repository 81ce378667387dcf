"""Abstract pieces the page models compose: listing pages, classification, summaries."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class IndexPage(PageContextMixin, EditorialPageMixin, Page):  # type: ignore[django-manager-missing]
    """A page that lists its children: agenda, library, podcasts, archives."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class SummaryMixin(models.Model):
    """A short plain-text summary shown in listings, emails and feeds."""

    summary = models.TextField(
        _("résumé"), blank=True, max_length=600, help_text=_("Deux ou trois phrases, sans mise en forme.")
    )

    class Meta:
        abstract = True


class ClassifiedMixin(models.Model):
    """Themes and territories, the two axes every content type is filtered by."""

    themes = ParentalManyToManyField("publications.Theme", verbose_name=_("thématiques"), blank=True, related_name="+")
    territories = ParentalManyToManyField(
        "publications.Territory", verbose_name=_("territoires"), blank=True, related_name="+"
    )

    classification_panels = [FieldPanel("themes"), FieldPanel("territories")]

    class Meta:
        abstract = True
