"""Experience records (fiches d'expérience): a local initiative told in the network's shared template."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin
from publications.models.base import ClassifiedMixin, IndexPage, SummaryMixin
from publications.serializers import NamedSnippetSerializer, OrganisationSerializer, TerritorySerializer
from search_text.mixin import SearchTextMixin, french_search_fields


class ExperienceIndexPage(IndexPage):
    subpage_types = ["publications.ExperiencePage"]
    parent_page_types = ["publications.HomePage"]

    class Meta:
        verbose_name = _("liste des fiches d'expérience")
        verbose_name_plural = _("listes des fiches d'expérience")


def _section(label: StrOrPromise) -> RichTextField:
    return RichTextField(label, blank=True, features=RICH_TEXT_FEATURES)


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class ExperiencePage(PageContextMixin, EditorialPageMixin, SearchTextMixin, SummaryMixin, ClassifiedMixin, Page):  # type: ignore[django-manager-missing]
    town = models.ForeignKey(
        "publications.Territory",
        verbose_name=_("commune ou territoire"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period = models.CharField(
        _("période"), max_length=120, help_text=_("Par exemple « depuis 2012 » ou « 2015-2017 ».")
    )
    context = _section(_("contexte"))
    objectives = _section(_("objectifs"))
    actors = _section(_("acteurs"))
    description = _section(_("description de l'action"))
    results = _section(_("résultats"))
    organisations = ParentalManyToManyField(
        "publications.Organisation", verbose_name=_("structures impliquées"), blank=True, related_name="experiences"
    )
    contact_name = models.CharField(_("nom du contact"), max_length=150, blank=True)
    contact_role = models.CharField(_("fonction du contact"), max_length=255, blank=True)
    contact_email = models.EmailField(_("courriel du contact"), blank=True)
    contact_phone = models.CharField(_("téléphone du contact"), max_length=32, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("town"), FieldPanel("period")]),
        FieldPanel("context"),
        FieldPanel("objectives"),
        FieldPanel("actors"),
        FieldPanel("organisations"),
        FieldPanel("description"),
        FieldPanel("results"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(ClassifiedMixin.classification_panels, heading=_("Classement")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("objectives"),
        index.SearchField("description"),
        index.SearchField("results"),
        index.RelatedFields("town", [index.SearchField("name")]),
        *french_search_fields(),
    ]
    api_fields = [
        APIField("summary"),
        APIField("town", serializer=TerritorySerializer()),
        APIField("period"),
        APIField("context"),
        APIField("objectives"),
        APIField("actors"),
        APIField("description"),
        APIField("results"),
        APIField("organisations", serializer=OrganisationSerializer(many=True)),
        APIField("contact_name"),
        APIField("contact_role"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("themes", serializer=NamedSnippetSerializer(many=True)),
        APIField("territories", serializer=TerritorySerializer(many=True)),
    ]
    parent_page_types = ["publications.ExperienceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("fiche d'expérience")
        verbose_name_plural = _("fiches d'expérience")
