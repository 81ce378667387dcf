"""Who funds the centre, year by year (the activity report's « soutenu financièrement par »)."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from centres.years import year_check

# Budgets are voted ahead: a funder may be recorded for next year.
FUNDING_YEARS_AHEAD = 1


class SupportKind(models.TextChoices):
    OPERATING_GRANT = "fonctionnement", _("Subvention de fonctionnement")
    PROJECT_GRANT = "projet", _("Subvention sur projet")
    MULTI_YEAR = "convention", _("Convention pluriannuelle")
    IN_KIND = "nature", _("Aide en nature, mise à disposition")
    SERVICE = "prestation", _("Prestation")


class CentreFunder(Orderable):
    centre = ParentalKey("centres.Centre", on_delete=models.CASCADE, related_name="funders")
    organisation = models.ForeignKey(
        "publications.Organisation", verbose_name=_("financeur"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    kind = models.CharField(
        _("nature du soutien"), max_length=20, choices=SupportKind.choices, default=SupportKind.OPERATING_GRANT
    )
    amount = models.DecimalField(
        _("montant (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=_("Un montant ne peut être négatif."))],
    )

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("amount")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("financeur")
        verbose_name_plural = _("financeurs")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "organisation", "year", "kind"],
                name="centre_funder_once_a_year_per_kind",
                violation_error_message=_("Ce financeur figure déjà pour cette année et cette nature de soutien."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.year})"

    def clean(self) -> None:
        year_check(self.year, field="year", ahead=FUNDING_YEARS_AHEAD)
