"""Publications of the centre's collections (Actes, Cahiers, Repères pour agir…)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin
from publications.models.base import ClassifiedMixin, IndexPage, SummaryMixin
from publications.serializers import (
    DocumentLinkSerializer,
    LivePagesSerializer,
    NamedSnippetSerializer,
    OrganisationSerializer,
    PersonRoleSerializer,
    TerritorySerializer,
)
from search_text.mixin import SearchTextMixin, french_search_fields


class PublicationIndexPage(IndexPage):
    subpage_types = ["publications.PublicationPage"]
    parent_page_types = ["publications.HomePage"]

    class Meta:
        verbose_name = _("centre de documentation")
        verbose_name_plural = _("centres de documentation")


class AuthorRole(models.TextChoices):
    AUTHOR = "auteur", _("Auteur·rice")
    DIRECTION = "direction", _("Direction de la publication")
    COORDINATION = "coordination", _("Coordination")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class PublicationPage(PageContextMixin, EditorialPageMixin, SearchTextMixin, SummaryMixin, ClassifiedMixin, Page):  # type: ignore[django-manager-missing]
    collection = models.ForeignKey(
        "publications.PublicationCollection",
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="publications",
    )
    number = models.CharField(_("numéro"), max_length=20, blank=True)
    publication_date = models.DateField(_("date de parution"))
    abstract = RichTextField(_("présentation"), blank=True, features=RICH_TEXT_FEATURES)
    cover = models.ForeignKey(
        "assets.CustomImage",
        verbose_name=_("couverture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    co_publishers = ParentalManyToManyField(
        "publications.Organisation", verbose_name=_("coéditeurs"), blank=True, related_name="co_published"
    )
    related_actions = ParentalManyToManyField(
        "publications.ActionPage",
        verbose_name=_("actions capitalisées"),
        blank=True,
        related_name="publications",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("collection"), FieldPanel("number"), FieldPanel("publication_date")]),
        FieldPanel("summary"),
        FieldPanel("abstract"),
        FieldPanel("cover"),
        InlinePanel("authors", heading=_("Auteur·rice·s"), label=_("Auteur·rice")),
        FieldPanel("co_publishers"),
        InlinePanel("documents", heading=_("Fichiers"), label=_("Fichier")),
        MultiFieldPanel(
            [FieldPanel("related_actions"), *ClassifiedMixin.classification_panels], heading=_("Classement")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("abstract"),
        index.FilterField("publication_date"),
        index.FilterField("collection"),
        index.RelatedFields("collection", [index.SearchField("name")]),
        *french_search_fields(),
    ]
    api_fields = [
        APIField("collection", serializer=NamedSnippetSerializer()),
        APIField("number"),
        APIField("publication_date"),
        APIField("summary"),
        APIField("abstract"),
        APIField("cover"),
        APIField("cover_thumbnail", serializer=ImageRenditionField("fill-400x566", source="cover")),
        APIField("authors", serializer=PersonRoleSerializer(many=True)),
        APIField("co_publishers", serializer=OrganisationSerializer(many=True)),
        APIField("documents", serializer=DocumentLinkSerializer(many=True)),
        APIField("related_actions", serializer=LivePagesSerializer()),
        APIField("themes", serializer=NamedSnippetSerializer(many=True)),
        APIField("territories", serializer=TerritorySerializer(many=True)),
    ]
    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self) -> None:
        super().clean()
        if not self.number or not self.collection_id:
            return
        taken = PublicationPage.objects.filter(collection_id=self.collection_id, number=self.number).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError({"number": _("Ce numéro existe déjà dans cette collection.")})


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "publications.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.AUTHOR)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur·rice")


class PublicationDocument(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "assets.CustomDocument", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("intitulé"), max_length=255, blank=True, help_text=_("Par défaut, le titre du document.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("fichier")
