"""People and organisations who speak at, lead, fund or partner the centre's work."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class OrganisationKind(models.TextChoices):
    COLLECTIVITE = "collectivite", _("Collectivité")
    ETAT = "etat", _("État")
    ASSOCIATION = "association", _("Association")
    BAILLEUR = "bailleur", _("Bailleur")
    UNIVERSITE = "universite", _("Université, recherche")
    CABINET = "cabinet", _("Cabinet")
    CENTRE_RESSOURCES = "centre_ressources", _("Centre de ressources")
    AGENCE = "agence", _("Agence")
    AUTRE = "autre", _("Autre")


# Pages point here: django-stubs cannot build a reverse manager from an untyped Page.
class Organisation(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    name = models.CharField(_("nom"), max_length=255, unique=True)
    acronym = models.CharField(_("sigle"), max_length=32, blank=True)
    kind = models.CharField(_("type"), max_length=32, choices=OrganisationKind.choices)
    website = models.URLField(_("site internet"), blank=True)
    territory = models.ForeignKey(
        "publications.Territory",
        verbose_name=_("territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        "assets.CustomImage", verbose_name=_("logo"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("territory"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(index.Indexed, models.Model):
    first_name = models.CharField(_("prénom"), max_length=100)
    last_name = models.CharField(_("nom"), max_length=100)
    position = models.CharField(_("fonction"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    biography = models.TextField(_("biographie"), blank=True)
    photo = models.ForeignKey(
        "assets.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel([FieldPanel("first_name"), FieldPanel("last_name")], heading=_("Identité")),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("biography"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.AutocompleteField("last_name"),
        index.AutocompleteField("first_name"),
        index.SearchField("position"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return str(self)
