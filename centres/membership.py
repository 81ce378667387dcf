"""The centre's members (adhérents): collectivités, associations, bailleurs, people in their own name."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from centres.years import year_check


class MemberCategory(models.TextChoices):
    COLLECTIVITE = "collectivite", _("Collectivité territoriale")
    ETAT = "etat", _("Service ou établissement de l'État")
    ASSOCIATION = "association", _("Association")
    BAILLEUR = "bailleur", _("Bailleur social")
    OTHER_ORGANISATION = "autre_structure", _("Autre structure")
    INDIVIDUAL = "individuel", _("Personne à titre individuel")


class Member(Orderable):
    """One member: a structure of the directory, or a name typed in (a person, a structure not listed).

    People who join in their own name are counted on the public pages, never named.
    """

    centre = ParentalKey("centres.Centre", on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "publications.Organisation",
        verbose_name=_("structure de l'annuaire"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(
        _("ou nom"), max_length=255, blank=True, help_text=_("Quand l'adhérent n'est pas dans l'annuaire.")
    )
    category = models.CharField(_("catégorie"), max_length=32, choices=MemberCategory.choices)
    member_since = models.PositiveSmallIntegerField(_("adhérent depuis (année)"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("member_since")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("adhérent")
        verbose_name_plural = _("adhérents")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or (str(self.organisation) if self.organisation_id else "")

    def clean(self) -> None:
        if self.organisation_id and self.name:
            raise ValidationError(
                {"name": _("Choisissez une structure de l'annuaire ou saisissez un nom, pas les deux.")}
            )
        if not self.organisation_id and not self.name:
            raise ValidationError({"name": _("Choisissez une structure de l'annuaire ou saisissez un nom.")})
        year_check(self.member_since, field="member_since")
