"""What the centre offers to inform its public, and how much it was used each year (« 124 demandes en 2014 »)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from centres.panels import UniqueRowsInlinePanel
from centres.years import year_check


class InformationServiceKind(models.TextChoices):
    DOCUMENTATION = "documentation", _("Centre de documentation")
    INFORMATION_REQUESTS = "demandes", _("Réponse aux demandes d'information")
    NEWSLETTER = "lettre", _("Lettre d'information")
    WEBSITE = "site", _("Site internet")
    PRESS_REVIEW = "panorama", _("Panorama de presse")
    PUBLICATIONS = "publications", _("Publications")
    OTHER = "autre", _("Autre")


class InformationService(Orderable, ClusterableModel):
    centre = ParentalKey("centres.Centre", on_delete=models.CASCADE, related_name="information_services")
    kind = models.CharField(_("type de service"), max_length=20, choices=InformationServiceKind.choices)
    name = models.CharField(_("nom"), max_length=150, help_text=_("Par exemple « Service Info doc »."))
    description = models.TextField(_("description"), blank=True)
    access_terms = models.CharField(
        _("modalités d'accès"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Sur rendez-vous : 01 34 04 12 12 »."),
    )
    count_unit = models.CharField(
        _("ce que l'on compte"),
        max_length=100,
        blank=True,
        help_text=_(
            "Ce que mesurent les chiffres annuels : « demandes traitées », « visites », « exemplaires par mois »."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("access_terms"), FieldPanel("count_unit")]),
        UniqueRowsInlinePanel("counts", heading=_("Chiffres annuels"), label=_("année")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("service d'information")
        verbose_name_plural = _("services d'information")

    def __str__(self) -> str:
        return self.name


class InformationServiceCount(models.Model):
    service = ParentalKey(InformationService, on_delete=models.CASCADE, related_name="counts")
    year = models.PositiveSmallIntegerField(_("année"))
    count = models.PositiveIntegerField(_("nombre"))

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("count")])]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("chiffre annuel")
        verbose_name_plural = _("chiffres annuels")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "year"],
                name="information_service_one_count_a_year",
                violation_error_message=_("Une seule valeur par année : cette année figure déjà pour ce service."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} : {self.count}"

    def clean(self) -> None:
        year_check(self.year, field="year")
