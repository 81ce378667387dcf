"""A send of one issue to one list, and one delivery row per recipient.

Delivery states (the README's « Envois » section explains why nothing is lost nor repeated)::

    pending ──claim──► claimed ──just before SMTP──► sending ──accepted──► sent
       ▲                  │                             │  └──permanent (5xx)──► failed
       │                  │ lease expired               │  └──transient, attempts left──► pending (later)
       └──────────────────┘ (never attempted)           │
       ▲                                                │ lease expired: the worker died mid-transaction
       └──────────────── uncertain = True ◄─────────────┘
    pending / claimed ──send cancelled, or recipient erased, unsubscribed or suppressed since──► cancelled
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsletters.models import NewsletterIssuePage, NewsletterList


class SendStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Programmé")
    RUNNING = "running", _("En cours")
    PAUSED = "paused", _("En pause")
    COMPLETED = "completed", _("Terminé")
    CANCELLED = "cancelled", _("Annulé")


class Send(models.Model):
    """An issue sent to a list, now or at a set time, at a set pace."""

    issue = models.ForeignKey(
        NewsletterIssuePage, verbose_name=_("numéro"), on_delete=models.PROTECT, related_name="sends"
    )
    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("liste"), on_delete=models.PROTECT, related_name="sends"
    )
    status = models.CharField(_("état"), max_length=20, choices=SendStatus.choices, default=SendStatus.SCHEDULED)
    scheduled_at = models.DateTimeField(_("envoi prévu le"))
    rate_per_second = models.PositiveIntegerField(
        _("messages par seconde"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    batch_size = models.PositiveIntegerField(
        _("taille des lots"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("programmé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    status_note = models.CharField(_("remarque"), max_length=255, blank=True)
    # Recorded at start: the deliveries' count, and the rendered issue every worker sends from,
    # so that editing or republishing the page during the send changes nothing.
    total = models.PositiveIntegerField(_("destinataires"), default=0)
    revision_id = models.PositiveIntegerField(_("révision envoyée"), null=True, blank=True)
    subject = models.CharField(_("objet"), max_length=255, blank=True)
    preheader = models.CharField(_("texte d'aperçu"), max_length=255, blank=True)
    html = models.TextField(_("HTML"), blank=True)
    text = models.TextField(_("texte"), blank=True)
    web_url = models.URLField(_("version en ligne"), max_length=500, blank=True)
    marker = models.CharField(_("marqueur de personnalisation"), max_length=64, blank=True)
    # Pacing shared by every worker: the next free instant of the send's rate.
    next_slot_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Last claim or dispatch: beat revives a send that shows no activity for a lease.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-scheduled_at", "-pk"]
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "newsletter_list"],
                condition=~models.Q(status="cancelled"),
                name="unique_live_send_per_issue_list",
                violation_error_message=_("Ce numéro est déjà envoyé ou programmé pour cette liste."),
            ),
        ]
        indexes = [models.Index(fields=["status", "scheduled_at"], name="send_status_scheduled")]

    def __str__(self) -> str:
        return f"{self.issue.title} → {self.newsletter_list}"

    @property
    def is_active(self) -> bool:
        return self.status in (SendStatus.SCHEDULED, SendStatus.RUNNING, SendStatus.PAUSED)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    CLAIMED = "claimed", _("Pris en charge")
    SENDING = "sending", _("Transmission en cours")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec")
    CANCELLED = "cancelled", _("Annulé")


# Rows a worker may still send: the send is not finished while any is left.
OPEN_DELIVERY_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.CLAIMED, DeliveryStatus.SENDING)


class Delivery(models.Model):
    """One recipient of a send. The email is copied so that erasing the subscriber keeps the record."""

    send = models.ForeignKey(Send, verbose_name=_("envoi"), on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "subscribers.Subscriber",
        verbose_name=_("abonné·e"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    email = models.EmailField(_("adresse"), max_length=254)
    status = models.CharField(_("état"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    # Set when the row was found "sending" after its worker died: the recipient may get it twice.
    uncertain = models.BooleanField(_("doublon possible"), default=False)
    claimed_by = models.CharField(_("pris par"), max_length=100, blank=True)
    lease_expires_at = models.DateTimeField(_("réservé jusqu'au"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    next_attempt_at = models.DateTimeField(_("prochaine tentative"), null=True, blank=True)
    message_id = models.CharField(_("identifiant du message"), max_length=255, blank=True)
    error = models.TextField(_("erreur"), blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="unique_delivery_per_send_subscriber"),
        ]
        indexes = [
            models.Index(fields=["send", "status", "next_attempt_at"], name="delivery_claimable"),
            models.Index(fields=["status", "lease_expires_at"], name="delivery_lease"),
        ]

    def __str__(self) -> str:
        return self.email
