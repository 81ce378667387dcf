"""The resource centres an instance serves: each the owner of one Wagtail site and all it holds.

A page belongs to the centre whose site's root holds it (Wagtail's own tree), so pages carry no
centre field; a newsletter list, a media collection and the roles name their centre. The centre as an
institution (governance, staff, members, funders, mandates elsewhere, information services) is in
inline rows of its own modules; its admin form, in tabs, is ``centres.viewsets``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.search import index

# The institution's rows, each in the module named after what it holds: imported to be registered.
from centres import funding, governance, information, membership, staff  # noqa: F401


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("Association loi 1901")
    GIP = "gip", _("Groupement d'intérêt public (GIP)")
    OTHER = "autre", _("Autre")


class Centre(index.Indexed, ClusterableModel):
    name = models.CharField(_("nom"), max_length=255, unique=True)
    acronym = models.CharField(_("sigle"), max_length=32, blank=True)
    slug = models.SlugField(
        _("identifiant"),
        max_length=60,
        unique=True,
        help_text=_("Court et stable : il nomme les groupes du centre et sa collection de médias."),
    )
    legal_form = models.CharField(
        _("forme juridique"), max_length=20, choices=LegalForm.choices, default=LegalForm.ASSOCIATION
    )
    mission = models.TextField(_("mission"), blank=True)
    territory_served = models.CharField(
        _("territoire d'intervention"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Seine-Saint-Denis » ou « Hauts-de-France »."),
    )
    region = models.ForeignKey(
        "publications.Territory",
        verbose_name=_("région"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "region"},
        help_text=_("La facette « région » du site du réseau."),
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="centre",
        help_text=_("Le site public du centre : ses pages sont celles sous sa page d'accueil."),
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection de médias"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="centre",
        help_text=_("Images, documents et médias du centre : ses rôles n'en voient pas d'autres."),
    )
    organisation = models.OneToOneField(
        "publications.Organisation",
        verbose_name=_("fiche structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="centre",
        help_text=_("La structure de l'annuaire qui le représente comme partenaire ou organisateur."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("centre de ressources")
        verbose_name_plural = _("centres de ressources")

    def __str__(self) -> str:
        return self.acronym or self.name
