"""Registrations to actions: how an action takes them, who registered, and who came.

Registration settings are operational, not editorial: opening registrations or changing a capacity
takes effect at once, without a new revision of the action page going through its workflow.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from subscribers.models import SubscriberRole


class RegistrationScope(models.TextChoices):
    PER_SESSION = "per_session", _("Par séance")
    WHOLE_ACTION = "whole_action", _("Pour l'ensemble des séances (un cycle)")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmée")
    WAITING = "waiting", _("Liste d'attente")
    CANCELLED = "cancelled", _("Annulée")
    ATTENDED = "attended", _("Présent·e")
    ABSENT = "absent", _("Absent·e")


# The states that hold a seat: a person ticked at the door (present or not) keeps the seat they had.
SEATED_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED, RegistrationStatus.ABSENT)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Réponse libre")
    CHOICE = "choice", _("Choix dans une liste")


def access_key_new() -> str:
    return secrets.token_urlsafe(24)


class RegistrationSettings(ClusterableModel):
    """How one action takes registrations. No row: the action takes none here (an external link, or none)."""

    action = models.OneToOneField(
        "publications.ActionPage",
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    scope = models.CharField(
        _("inscription"), max_length=20, choices=RegistrationScope.choices, default=RegistrationScope.PER_SESSION
    )
    opens_at = models.DateTimeField(_("ouverture des inscriptions"), null=True, blank=True)
    closes_at = models.DateTimeField(_("clôture des inscriptions"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("places pour le cycle"),
        null=True,
        blank=True,
        help_text=_("Pour une inscription à l'ensemble des séances. Vide : sans limite."),
    )
    waiting_list = models.BooleanField(_("liste d'attente quand c'est complet"), default=True)
    reminder_hours = models.PositiveSmallIntegerField(
        _("rappel (heures avant la séance)"), default=48, help_text=_("0 : pas de rappel.")
    )

    class Meta:
        verbose_name = _("réglages des inscriptions")
        verbose_name_plural = _("réglages des inscriptions")

    def __str__(self) -> str:
        return str(self.action)

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("La clôture doit suivre l'ouverture des inscriptions.")})


class SessionCapacity(models.Model):
    """The seats of one session, when registrations are taken per session. No row: no limit."""

    session = models.OneToOneField(
        "publications.ActionSession", verbose_name=_("séance"), on_delete=models.CASCADE, related_name="capacity"
    )
    seats = models.PositiveIntegerField(_("places"))

    class Meta:
        verbose_name = _("places d'une séance")
        verbose_name_plural = _("places des séances")

    def __str__(self) -> str:
        return f"{self.session} : {self.seats}"


class RegistrationQuestion(Orderable):
    """A question the editor adds to one action's form."""

    settings = ParentalKey(RegistrationSettings, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(
        _("type de réponse"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(_("choix proposés"), blank=True, help_text=_("Un choix par ligne."))
    required = models.BooleanField(_("réponse obligatoire"), default=False)

    panels = [FieldPanel("label"), FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]), FieldPanel("choices")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self) -> None:
        if self.kind == QuestionKind.CHOICE and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Proposez au moins deux choix, un par ligne.")})


class Registration(models.Model):
    """One person registered to one session, or to every session of an action (``session`` empty)."""

    action = models.ForeignKey(
        "publications.ActionPage", verbose_name=_("action"), on_delete=models.CASCADE, related_name="registrations"
    )
    session = models.ForeignKey(
        "publications.ActionSession",
        verbose_name=_("séance"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("état"), max_length=12, choices=RegistrationStatus.choices)
    email = models.EmailField(_("adresse électronique"), max_length=254)
    name = models.CharField(_("nom et prénom"), max_length=150)
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
    accessibility_needs = models.TextField(_("besoins d'accessibilité"), blank=True)
    answers = models.JSONField(_("réponses"), default=dict, blank=True)
    consent_text = models.TextField(_("texte d'information accepté"))
    added_by_hand = models.TextField(_("ajout à la main (motif)"), blank=True)
    access_key = models.CharField(max_length=64, unique=True, default=access_key_new, editable=False)
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    # Set once the retention period is over or the person asked for erasure: only counts remain.
    anonymised_at = models.DateTimeField(_("anonymisée le"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            # One active registration per address and target: a second attempt returns the first.
            models.UniqueConstraint(
                "action",
                "session",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED) & Q(session__isnull=False),
                name="registration_unique_per_session",
            ),
            models.UniqueConstraint(
                "action",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED) & Q(session__isnull=True),
                name="registration_unique_per_action",
            ),
        ]
        indexes = [models.Index(fields=["action", "session", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} — {self.action}"


class ReminderSent(models.Model):
    """The reminder of one session sent to one registration: written with the email's queuing, at most once."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reminders")
    session = models.ForeignKey("publications.ActionSession", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("rappel envoyé")
        verbose_name_plural = _("rappels envoyés")
        constraints = [models.UniqueConstraint("registration", "session", name="reminder_once_per_session")]

    def __str__(self) -> str:
        return f"{self.registration_id} / {self.session_id}"


class SessionNotice(models.Model):
    """What registered people were last told of a session (a digest of its date, place and state).

    A save of the session that changes the digest sends them the iCalendar update; one that does
    not (a new revision of the page, a changed summary) sends nothing.
    """

    session = models.OneToOneField("publications.ActionSession", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("état annoncé d'une séance")
        verbose_name_plural = _("états annoncés des séances")

    def __str__(self) -> str:
        return str(self.session_id)


class SessionMessage(models.Model):
    """A message the centre sent to everyone registered to a session (or to a cycle): the log of it."""

    action = models.ForeignKey(
        "publications.ActionPage", verbose_name=_("action"), on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        "publications.ActionSession",
        verbose_name=_("séance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("objet"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("envoyé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.PositiveIntegerField(_("destinataires"))
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message aux inscrit·e·s")
        verbose_name_plural = _("messages aux inscrit·e·s")

    def __str__(self) -> str:
        return self.subject


@register_setting(icon="lock")
class RegistrationPrivacy(BaseSiteSetting):
    """The centre's rules for the personal data of registrations (one centre per site)."""

    retention_months = models.PositiveSmallIntegerField(
        _("durée de conservation (mois)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Après la dernière séance, les inscriptions sont anonymisées : le nom, l'adresse, l'organisme, "
            "les réponses et les besoins sont effacés ; la fonction, le territoire et l'état restent pour les bilans."
        ),
    )

    class Meta:
        verbose_name = _("données des inscriptions")


class Attendance(models.Model):
    """Whether one registered person came to one session, ticked at the door.

    A row per session, not a field of the registration: a cycle is one registration for several
    sessions, and the person may come to some of them.
    """

    registration = models.ForeignKey(
        Registration, verbose_name=_("inscription"), on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(
        "publications.ActionSession", verbose_name=_("séance"), on_delete=models.CASCADE, related_name="attendances"
    )
    attended = models.BooleanField(_("présent·e"))
    recorded_at = models.DateTimeField(_("émargement le"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("émargement par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("émargement")
        verbose_name_plural = _("émargements")
        constraints = [models.UniqueConstraint("registration", "session", name="attendance_once_per_session")]
        indexes = [models.Index(fields=["session", "attended"])]

    def __str__(self) -> str:
        return f"{self.registration.name} — {self.session}"
