"""What the law asks each centre's site to state, filled in once per Wagtail site by its administrators.

The five legal pages of the footer (``legal/views.py``) are generated from this setting and from the
site's identity (``publications.SiteIdentity``): no page to create, none to forget on a new site. A
blank field falls back to what the identity already says (the site's name, its contact address).
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Compliance(models.TextChoices):
    """The RGAA's three levels, decided by the audited compliance rate (« Déclaration d'accessibilité », §3)."""

    FULL = "totalement", _("totalement conforme")
    PARTIAL = "partiellement", _("partiellement conforme")
    NONE = "non", _("non conforme")


@register_setting(icon="doc-full")
class LegalInformation(BaseSiteSetting):
    # Mentions légales (loi pour la confiance dans l'économie numérique, art. 6 III).
    publisher_name = models.CharField(
        _("éditeur du site"), max_length=200, blank=True, help_text=_("Vide : le nom du site.")
    )
    publisher_status = models.CharField(
        _("forme juridique"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « Association loi 1901 » ou « GIP »."),
    )
    publisher_registration = models.CharField(
        _("immatriculation"), max_length=200, blank=True, help_text=_("SIRET, numéro RNA ou arrêté de création.")
    )
    publication_director = models.CharField(
        _("directeur·rice de la publication"),
        max_length=200,
        blank=True,
        help_text=_("Nom et fonction, par exemple « Jeanne Martin, présidente »."),
    )
    host_name = models.CharField(_("hébergeur"), max_length=200, blank=True)
    host_address = models.CharField(_("adresse de l'hébergeur"), max_length=300, blank=True)
    host_phone = models.CharField(_("téléphone de l'hébergeur"), max_length=30, blank=True)

    # Données personnelles (RGPD, art. 13).
    controller_name = models.CharField(
        _("responsable du traitement"), max_length=200, blank=True, help_text=_("Vide : l'éditeur du site.")
    )
    privacy_email = models.EmailField(
        _("courriel pour exercer vos droits"), blank=True, help_text=_("Vide : le courriel de contact du centre.")
    )
    dpo = models.CharField(_("délégué·e à la protection des données"), max_length=200, blank=True)
    subscription_retention = models.CharField(
        _("conservation des abonnements"),
        max_length=300,
        default="jusqu'au désabonnement, puis trois ans pour la preuve de l'accord donné",
    )
    registration_retention = models.CharField(
        _("conservation des inscriptions"),
        max_length=300,
        default="deux ans après l'action, le temps de ses bilans",
    )
    contact_retention = models.CharField(
        _("conservation des messages"), max_length=300, default="le temps de vous répondre, et au plus un an"
    )

    # Déclaration d'accessibilité (RGAA 4.1, article 47 de la loi du 11 février 2005).
    audit_date = models.DateField(_("date de l'audit"), null=True, blank=True)
    auditor = models.CharField(_("audit réalisé par"), max_length=200, blank=True)
    compliance_rate = models.PositiveSmallIntegerField(
        _("taux de conformité (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Le pourcentage de critères RGAA respectés, selon l'audit ; il décide du niveau affiché."),
    )
    pages_tested = models.TextField(_("pages auditées"), blank=True, help_text=_("Une page par ligne."))
    non_compliances = models.TextField(_("contenus non conformes"), blank=True, help_text=_("Un manquement par ligne."))
    derogations = models.TextField(
        _("dérogations pour charge disproportionnée"), blank=True, help_text=_("Une par ligne.")
    )
    exemptions = models.TextField(_("contenus non soumis à l'obligation"), blank=True, help_text=_("Un par ligne."))
    technologies = models.CharField(_("technologies utilisées"), max_length=300, default="HTML5, CSS, JavaScript")
    test_tools = models.CharField(
        _("outils et environnement de test"),
        max_length=300,
        default="axe-core, Chromium, Firefox et NVDA, Safari et VoiceOver",
    )
    accessibility_contact = models.EmailField(
        _("contact accessibilité"), blank=True, help_text=_("Vide : le courriel de contact du centre.")
    )
    accessibility_plan_url = models.URLField(_("schéma pluriannuel (adresse)"), blank=True)

    # Contact form.
    contact_email = models.EmailField(
        _("destinataire des messages du formulaire de contact"),
        blank=True,
        help_text=_("Vide : le courriel de contact du centre. Sans l'un ni l'autre, le formulaire est fermé."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publisher_name"), FieldPanel("publisher_status")]),
                FieldRowPanel([FieldPanel("publisher_registration"), FieldPanel("publication_director")]),
                FieldPanel("host_name"),
                FieldRowPanel([FieldPanel("host_address"), FieldPanel("host_phone")]),
            ],
            heading=_("Mentions légales"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("controller_name"), FieldPanel("privacy_email")]),
                FieldPanel("dpo"),
                FieldPanel("subscription_retention"),
                FieldPanel("registration_retention"),
                FieldPanel("contact_retention"),
            ],
            heading=_("Données personnelles"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audit_date"), FieldPanel("auditor"), FieldPanel("compliance_rate")]),
                FieldPanel("pages_tested"),
                FieldPanel("non_compliances"),
                FieldPanel("derogations"),
                FieldPanel("exemptions"),
                FieldRowPanel([FieldPanel("technologies"), FieldPanel("test_tools")]),
                FieldRowPanel([FieldPanel("accessibility_contact"), FieldPanel("accessibility_plan_url")]),
            ],
            heading=_("Déclaration d'accessibilité"),
        ),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("informations légales")
        verbose_name_plural = _("informations légales")

    @property
    def compliance(self) -> Compliance:
        """Without an audit a site is « non conforme »; with one, 100 % is full and 50 % or more partial."""
        if self.audit_date is None or self.compliance_rate is None:
            return Compliance.NONE
        if self.compliance_rate >= 100:
            return Compliance.FULL
        return Compliance.PARTIAL if self.compliance_rate >= 50 else Compliance.NONE

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def pages_tested_list(self) -> list[str]:
        return self._lines(self.pages_tested)

    @property
    def non_compliances_list(self) -> list[str]:
        return self._lines(self.non_compliances)

    @property
    def derogations_list(self) -> list[str]:
        return self._lines(self.derogations)

    @property
    def exemptions_list(self) -> list[str]:
        return self._lines(self.exemptions)
