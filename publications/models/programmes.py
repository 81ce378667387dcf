"""Programmes of work (« Orientations de travail 2017 ») and their strategic axes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin
from publications.models.base import IndexPage
from publications.serializers import (
    AxisSerializer,
    CycleSerializer,
    OrganisationSerializer,
    ProgressPointSerializer,
)
from search_text.mixin import SearchTextMixin, french_search_fields


class ProgrammeIndexPage(IndexPage):
    subpage_types = ["publications.ProgrammePage"]
    parent_page_types = ["publications.HomePage"]

    class Meta:
        verbose_name = _("liste des programmes")
        verbose_name_plural = _("listes des programmes")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class ProgrammePage(PageContextMixin, EditorialPageMixin, SearchTextMixin, Page):  # type: ignore[django-manager-missing]
    """A year's programme: an introduction, ordered axes, and its actions as child pages."""

    centre = models.ForeignKey(
        "publications.Organisation",
        verbose_name=_("centre de ressources"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        limit_choices_to={"kind": "centre_ressources"},
    )
    year = models.PositiveSmallIntegerField(_("année"))
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("centre"),
        FieldPanel("year"),
        FieldPanel("introduction"),
        InlinePanel("axes", heading=_("Axes stratégiques"), label=_("Axe")),
        InlinePanel("cycles", heading=_("Cycles"), label=_("Cycle")),
        InlinePanel("progress_points", heading=_("Points d'avancement"), label=_("Point d'avancement")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.FilterField("year"),
        *french_search_fields(),
    ]
    api_fields = [
        APIField("centre", serializer=OrganisationSerializer()),
        APIField("year"),
        APIField("introduction"),
        APIField("axes", serializer=AxisSerializer(many=True)),
        APIField("cycles", serializer=CycleSerializer(many=True)),
        APIField("progress_points", serializer=ProgressPointSerializer(many=True)),
    ]
    parent_page_types = ["publications.ProgrammeIndexPage"]
    subpage_types = ["publications.ActionPage"]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def clean(self) -> None:
        super().clean()
        duplicates = ProgrammePage.objects.filter(year=self.year, centre=self.centre).exclude(pk=self.pk)
        if self.year and duplicates.exists():
            raise ValidationError(
                {"year": _("Ce centre a déjà un programme pour l'année %(year)s.") % {"year": self.year}}
            )


class ProgrammeAxis(Orderable):
    """A strategic axis: the question it states and the centre's stance on it; a sub-axis names its axis."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="axes")
    title = models.CharField(_("intitulé"), max_length=255)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("sous-axe de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sub_axes",
        help_text=_("Pour un sous-axe (« Faire société » → « promouvoir le vivre ensemble »)."),
    )
    question = models.TextField(_("problématique"), blank=True)
    stance = models.TextField(_("positionnement du centre"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("parent"), FieldPanel("question"), FieldPanel("stance")]

    class Meta(Orderable.Meta):
        verbose_name = _("axe stratégique")
        verbose_name_plural = _("axes stratégiques")

    def __str__(self) -> str:
        return self.title if self.sort_order is None else f"{self.sort_order + 1}. {self.title}"

    def clean(self) -> None:
        if self.parent is None:
            return
        if self.parent.pk == self.pk or (self.page_id and self.parent.page_id != self.page_id):
            raise ValidationError({"parent": _("Choisissez un axe du même programme.")})
        if self.parent.parent_id is not None:
            raise ValidationError({"parent": _("Un sous-axe ne peut pas avoir lui-même de sous-axe.")})


class ProgrammeCycle(Orderable):
    """Several actions of a programme run as one path (« cycle de qualification », « cycle de visites »)."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="cycles")
    title = models.CharField(_("intitulé"), max_length=255)
    description = models.TextField(_("présentation"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")

    def __str__(self) -> str:
        return self.title


class ProgrammeProgressPoint(Orderable):
    """A dated review of the programme (« Point d'avancement au 24/03/2017 »)."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="progress_points")
    date = models.DateField(_("date"))
    title = models.CharField(_("intitulé"), max_length=255)
    summary = RichTextField(_("synthèse"), blank=True, features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("summary")]

    class Meta(Orderable.Meta):
        verbose_name = _("point d'avancement")
        verbose_name_plural = _("points d'avancement")
