"""Who governs the centre and where it sits: its bodies' dated mandates, its mandates in other bodies."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from centres.years import year_check


class GoverningBody(models.TextChoices):
    BUREAU = "bureau", _("Bureau")
    BOARD = "conseil_administration", _("Conseil d'administration")
    GENERAL_ASSEMBLY = "assemblee_generale", _("Assemblée générale")
    ORIENTATION = "conseil_orientation", _("Conseil d'orientation")
    SCIENTIFIC = "conseil_scientifique", _("Conseil scientifique")
    FUNDERS = "comite_financeurs", _("Comité des financeurs")


class Office(models.TextChoices):
    PRESIDENT = "president", _("Président·e")
    CO_PRESIDENT = "copresident", _("Coprésident·e")
    VICE_PRESIDENT = "vice_president", _("Vice-président·e")
    TREASURER = "tresorier", _("Trésorier·e")
    VICE_TREASURER = "vice_tresorier", _("Vice-trésorier·e")
    SECRETARY = "secretaire", _("Secrétaire")
    DEPUTY_SECRETARY = "secretaire_adjoint", _("Secrétaire adjoint·e")
    MEMBER = "membre", _("Membre")


class GovernanceMandate(Orderable):
    """A seat in one of the centre's bodies, dated: « Emmanuel Potier, président » of the bureau « au 01/01/2015 »."""

    centre = ParentalKey("centres.Centre", on_delete=models.CASCADE, related_name="governance_mandates")
    body = models.CharField(_("instance"), max_length=32, choices=GoverningBody.choices, default=GoverningBody.BUREAU)
    office = models.CharField(_("fonction"), max_length=32, choices=Office.choices, default=Office.MEMBER)
    person_name = models.CharField(_("personne"), max_length=150)
    organisation = models.ForeignKey(
        "publications.Organisation",
        verbose_name=_("structure représentée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("début du mandat"), null=True, blank=True)
    end_date = models.DateField(_("fin du mandat"), null=True, blank=True)
    as_of = models.DateField(
        _("situation au"),
        null=True,
        blank=True,
        help_text=_(
            "La date à laquelle la composition est donnée, quand le début n'est pas connu (« au 01/01/2015 »)."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("office")]),
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("organisation")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("as_of")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mandat dans une instance du centre")
        verbose_name_plural = _("mandats dans les instances du centre")

    def __str__(self) -> str:
        return f"{self.person_name}, {self.get_office_display()} ({self.get_body_display()})"

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin du mandat ne peut précéder son début.")})
        if self.as_of and self.start_date and self.as_of < self.start_date:
            raise ValidationError({"as_of": _("La date de situation ne peut précéder le début du mandat.")})
        if self.as_of and self.end_date and self.as_of > self.end_date:
            raise ValidationError({"as_of": _("La date de situation ne peut suivre la fin du mandat.")})


class ExternalMandate(Orderable):
    """Where the centre sits elsewhere: « membre du bureau » of LaFédé, the co-presidency of Question de Ville."""

    centre = ParentalKey("centres.Centre", on_delete=models.CASCADE, related_name="external_mandates")
    body_name = models.CharField(
        _("instance"), max_length=255, help_text=_("Par exemple « Question de Ville » ou « Réseau RECI ».")
    )
    role = models.CharField(_("rôle"), max_length=255, help_text=_("Par exemple « membre du bureau, trésorier »."))
    person_name = models.CharField(
        _("représenté par"), max_length=150, blank=True, help_text=_("Vide quand le centre y siège comme structure.")
    )
    since = models.PositiveSmallIntegerField(_("depuis (année)"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("body_name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("since")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mandat dans une autre instance")
        verbose_name_plural = _("mandats dans d'autres instances")

    def __str__(self) -> str:
        return f"{self.body_name} : {self.role}"

    def clean(self) -> None:
        year_check(self.since, field="since")
