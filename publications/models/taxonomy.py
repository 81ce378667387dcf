"""Managed lists the content is classified by: themes, formats, audiences, territories, collections."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NamedSnippet(index.Indexed, models.Model):
    """A name, a unique slug derived from it, and a description."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=150, unique=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:150]


class Theme(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")


class Audience(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = _("public cible")
        verbose_name_plural = _("publics cibles")


# Pages point here: django-stubs cannot build a reverse manager from an untyped Page.
class PublicationCollection(NamedSnippet):  # type: ignore[django-manager-missing]
    class Meta(NamedSnippet.Meta):
        verbose_name = _("collection")
        verbose_name_plural = _("collections")


# Pages point here: django-stubs cannot build a reverse manager from an untyped Page.
class ActionFormat(NamedSnippet):  # type: ignore[django-manager-missing]
    """A format of action (« groupe de travail », « 5 à 7 »…) with the centre's own definition."""

    description = models.TextField(
        _("définition"), blank=True, help_text=_("Ce que ce format propose, tel que le centre le définit.")
    )
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [*NamedSnippet.panels, FieldPanel("sort_order")]

    class Meta(NamedSnippet.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("format d'action")
        verbose_name_plural = _("formats d'action")


class TerritoryKind(models.TextChoices):
    REGION = "region", _("Région")
    DEPARTEMENT = "departement", _("Département")
    EPCI = "epci", _("EPCI / EPT")
    COMMUNE = "commune", _("Commune")
    QUARTIER = "quartier", _("Quartier prioritaire")


# A territory's parent must be of a strictly larger kind.
TERRITORY_LEVELS = {kind: level for level, kind in enumerate(TerritoryKind.values)}


class Territory(index.Indexed, models.Model):
    """A place of the hierarchy région > département > EPCI/EPT > commune > quartier."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    kind = models.CharField(_("niveau"), max_length=16, choices=TerritoryKind.choices)
    code = models.CharField(
        _("code"), max_length=16, blank=True, help_text=_("Code INSEE, numéro de département ou code QPV.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("territoire parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("code"), FieldPanel("parent")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name

    def clean(self) -> None:
        # An invalid kind is already reported on its own field.
        if self.parent is None or self.kind not in TERRITORY_LEVELS:
            return
        if TERRITORY_LEVELS[self.parent.kind] >= TERRITORY_LEVELS[self.kind]:
            raise ValidationError(
                {
                    "parent": _(
                        "Le territoire parent doit être d'un niveau plus large "
                        "(par exemple une commune dans un département)."
                    )
                }
            )
        ancestor: Territory | None = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Un territoire ne peut pas être son propre ancêtre.")})
            ancestor = ancestor.parent
