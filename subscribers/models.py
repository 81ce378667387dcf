"""Subscribers, their subscription to each list, and the record of every consent they gave or withdrew."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from newsletters.models import NewsletterList


class SubscriberRole(models.TextChoices):
    ELECTED = "elected", _("Élu·e")
    STATE_AGENT = "state_agent", _("Agent de l'État")
    PROFESSIONAL = "professional", _("Professionnel·le")
    CITIZEN_COUNCILLOR = "citizen_councillor", _("Conseiller·e citoyen·ne")
    OTHER = "other", _("Autre")


class SuppressionReason(models.TextChoices):
    BOUNCE = "bounce", _("Adresse en échec définitif")
    COMPLAINT = "complaint", _("Signalement comme indésirable")
    MANUAL = "manual", _("Retrait manuel")


class Source(models.TextChoices):
    FORM = "form", _("Formulaire public")
    IMPORT = "import", _("Import CSV")
    ADMIN = "admin", _("Administration")
    EMAIL = "email", _("Lien d'un courriel")
    PROVIDER = "provider", _("Prestataire d'envoi")


class Subscriber(models.Model):
    """One person, by address. Suppressed addresses are never sent to until they confirm again."""

    email = models.EmailField(_("adresse électronique"), max_length=254)
    name = models.CharField(_("nom"), max_length=150, blank=True)
    organisation = models.CharField(_("organisme"), max_length=200, blank=True)
    role = models.CharField(_("fonction"), max_length=30, choices=SubscriberRole.choices, blank=True)
    territory = models.ForeignKey(
        "publications.Territory",
        verbose_name=_("territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suppressed_at = models.DateTimeField(_("exclu le"), null=True, blank=True)
    suppression_reason = models.CharField(
        _("motif d'exclusion"), max_length=20, choices=SuppressionReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("abonné·e")
        verbose_name_plural = _("abonné·es")
        constraints = [models.UniqueConstraint(Lower("email"), name="unique_subscriber_email_ci")]

    def __str__(self) -> str:
        return self.email

    @property
    def is_suppressed(self) -> bool:
        return self.suppressed_at is not None


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    CONFIRMED = "confirmed", _("Confirmé")
    UNSUBSCRIBED = "unsubscribed", _("Désabonné")


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("abonné·e"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("liste"), on_delete=models.CASCADE, related_name="subscriptions"
    )
    status = models.CharField(
        _("état"), max_length=20, choices=SubscriptionStatus.choices, default=SubscriptionStatus.PENDING
    )
    source = models.CharField(_("origine"), max_length=20, choices=Source.choices)
    requested_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désabonné le"), null=True, blank=True)
    unsubscribe_reason = models.TextField(_("motif du désabonnement"), blank=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter_list"], name="unique_subscription_per_list")
        ]
        indexes = [models.Index(fields=["newsletter_list", "status"], name="subscription_list_status")]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter_list}"


class ConsentAction(models.TextChoices):
    REQUESTED = "requested", _("Demande d'abonnement")
    CONFIRMED = "confirmed", _("Confirmation (double opt-in)")
    IMPORTED = "imported", _("Import avec base légale")
    ADDED_BY_ADMIN = "added_by_admin", _("Ajout par l'administration")
    WITHDRAWN = "withdrawn", _("Désabonnement")
    SUPPRESSED = "suppressed", _("Exclusion (échec ou signalement)")


class ConsentRecord(models.Model):
    """Append-only proof of consent: what was shown, when, from where, and by which channel."""

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("abonné·e"), on_delete=models.CASCADE, related_name="consents"
    )
    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("liste"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=ConsentAction.choices)
    source = models.CharField(_("origine"), max_length=20, choices=Source.choices)
    consent_text = models.TextField(_("texte du consentement affiché"), blank=True)
    legal_basis = models.CharField(_("base légale"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preuve de consentement")
        verbose_name_plural = _("preuves de consentement")

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.subscriber}"


class ErasedAddress(models.Model):
    """What is kept of an erased person: a keyed hash of the address, so that an import cannot add it back.

    Only a new double opt-in (the person's own act) subscribes the address again, and removes this row.
    """

    email_hash = models.CharField(_("empreinte de l'adresse"), max_length=64, unique=True)
    erased_at = models.DateTimeField(_("effacé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("adresse effacée")
        verbose_name_plural = _("adresses effacées")

    def __str__(self) -> str:
        return self.email_hash[:12]
