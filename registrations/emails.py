"""The emails of a registration, each with the link to the person's registration page.

Written from what the centre knows (the action, its sessions) and what the person typed about
themselves, sent only to the address that registered (never with their name in a header). A
confirmed seat carries the iCalendar invitation (METHOD:REQUEST, the site's own UIDs), a
cancellation its METHOD:CANCEL; the kind of an email decides its subject, intro and method, in
one table.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from feeds.links import absolute_url
from publications.models import ActionSession
from registrations.calendar import INVITATION_CONTENT_TYPE, invitation_build
from registrations.dates import session_when
from registrations.models import SEATED_STATUSES, Registration, RegistrationStatus, SessionMessage
from registrations.selectors import registration_sessions

logger = logging.getLogger(__name__)


class EmailKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmation")
    WAITING = "waiting", _("Liste d'attente")
    PROMOTED = "promoted", _("Place libérée")
    CANCELLED = "cancelled", _("Annulation")
    MOVED_TO_WAITING = "moved_to_waiting", _("Passage en liste d'attente")
    REMINDER_OF_STATE = "reminder_of_state", _("Rappel de l'état")
    REMINDER = "reminder", _("Rappel avant la séance")
    SESSION_CHANGED = "session_changed", _("Séance modifiée")
    SESSION_CANCELLED = "session_cancelled", _("Séance annulée")
    MESSAGE = "message", _("Message du centre")


class Method:
    """The iCalendar method attached: an invitation (to people holding a seat only), or its withdrawal."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True)
class KindSpec:
    subject: str
    intro: str
    method: str | None = None
    # The email concerns one session (``session_id``), not every session the registration holds.
    one_session: bool = False
    # Sent only while the registration is active (a reminder of a cancelled one would mislead).
    active_only: bool = False


KINDS: dict[str, KindSpec] = {
    EmailKind.CONFIRMED: KindSpec(
        "Inscription confirmée : {title}",
        "Votre inscription à « {title} » est confirmée : une place vous est réservée.",
        Method.REQUEST,
    ),
    EmailKind.WAITING: KindSpec(
        "Liste d'attente : {title}",
        "« {title} » est complet : vous êtes inscrit·e sur la liste d'attente. "
        "Nous vous écrirons dès qu'une place se libère.",
    ),
    EmailKind.PROMOTED: KindSpec(
        "Une place s'est libérée : {title}",
        "Une place s'est libérée : votre inscription à « {title} » est confirmée.",
        Method.REQUEST,
    ),
    EmailKind.CANCELLED: KindSpec(
        "Inscription annulée : {title}", "Votre inscription à « {title} » est annulée.", Method.CANCEL
    ),
    EmailKind.MOVED_TO_WAITING: KindSpec(
        "Liste d'attente : {title}",
        "Le nombre de places de « {title} » a été réduit : votre inscription passe en liste d'attente. "
        "Nous vous écrirons dès qu'une place se libère.",
        Method.CANCEL,
    ),
    EmailKind.REMINDER_OF_STATE: KindSpec(
        "Votre inscription : {title}",
        "Cette adresse est déjà inscrite à « {title} » ({status}).",
        active_only=True,
    ),
    EmailKind.REMINDER: KindSpec(
        "Rappel : {title}, {when}",
        "Nous vous attendons à « {title} » : voici la séance à laquelle vous êtes inscrit·e.",
        one_session=True,
        active_only=True,
    ),
    EmailKind.SESSION_CHANGED: KindSpec(
        "Séance modifiée : {title}",
        "La séance de « {title} » à laquelle vous êtes inscrit·e a changé : voici ce qu'il faut savoir. "
        "Votre agenda est mis à jour par l'invitation jointe.",
        Method.REQUEST,
        one_session=True,
        active_only=True,
    ),
    EmailKind.SESSION_CANCELLED: KindSpec(
        "Séance annulée : {title}",
        "La séance de « {title} » à laquelle vous étiez inscrit·e est annulée. Nous vous prions de nous en excuser.",
        Method.CANCEL,
        one_session=True,
        active_only=True,
    ),
    EmailKind.MESSAGE: KindSpec("{subject}", "", active_only=True),
}


_WITHDRAWN_SEAT = {EmailKind.CANCELLED, EmailKind.MOVED_TO_WAITING}


@dataclass(frozen=True)
class PreparedEmail:
    """An email rendered now and sent later: what a task carries when its rows will be gone."""

    to: str
    subject: str
    text: str
    html: str
    invitation: str = ""
    method: str = ""

    def message(self) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[self.to],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(self.html, "text/html")
        if self.invitation:
            content_type = f"{INVITATION_CONTENT_TYPE}; method={self.method}; charset=utf-8"
            message.attach("invitation.ics", self.invitation.encode(), content_type)
        return message


def registration_url(registration: Registration) -> str:
    return absolute_url(reverse("registrations:detail", args=[registration.access_key]))


def one_line(text: str) -> str:
    """One line whatever the text holds: a line break in a header is an injection."""
    return " ".join(text.split())


def email_prepare(
    *,
    registration: Registration,
    kind: str,
    session: ActionSession | None = None,
    message: SessionMessage | None = None,
) -> PreparedEmail:
    """Render one email of ``kind`` for ``registration`` (``session`` for the kinds about one session)."""
    spec = KINDS[kind]
    sessions = [session] if spec.one_session and session is not None else registration_sessions(registration)
    # Ticked at one session of a cycle, a person still holds the seat of the others.
    confirmed = registration.status in SEATED_STATUSES
    title = registration.action.title
    values = {
        "title": title,
        "status": registration.get_status_display().lower(),
        "when": session_when(sessions[0], with_end=False) if sessions else "",
        "subject": message.subject if message else "",
    }
    context: dict[str, Any] = {
        "kind": kind,
        "intro": spec.intro.format(**values),
        "body": message.body if message else "",
        "registration": registration,
        "action": registration.action,
        "action_url": absolute_url(registration.action.url or "/"),
        "sessions": sessions,
        # The connection link goes only to people holding a seat.
        "with_online_url": confirmed,
        "registration_url": registration_url(registration),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    invitation = ""
    method = ""
    # A calendar holds the event only for people who had a seat; the person's own cancellation withdraws it.
    if spec.method is not None and (confirmed or kind in _WITHDRAWN_SEAT):
        method = spec.method
        invitation = invitation_build(
            registration=registration, sessions=sessions, cancel=method == Method.CANCEL
        ).decode()
    return PreparedEmail(
        to=registration.email,
        subject=one_line(spec.subject.format(**values)),
        text=render_to_string("registrations/emails/registration.txt", context),
        html=render_to_string("registrations/emails/registration.html", context),
        invitation=invitation,
        method=method,
    )


def registration_email_send(
    *, registration_id: int, kind: str, session_id: int | None = None, message_id: int | None = None
) -> int:
    """Send one email of ``kind`` (an EmailKind); 0 when the registration is gone or no longer concerned."""
    registration = Registration.objects.select_related("action", "session").filter(pk=registration_id).first()
    if registration is None or kind not in KINDS or registration.anonymised_at is not None:
        logger.info("registration email %s not sent: registration %s is gone", kind, registration_id)
        return 0
    if KINDS[kind].active_only and registration.status == RegistrationStatus.CANCELLED:
        return 0
    session = ActionSession.objects.select_related("page", "town").filter(pk=session_id).first() if session_id else None
    message = SessionMessage.objects.filter(pk=message_id).first() if message_id else None
    if (KINDS[kind].one_session and session is None) or (kind == EmailKind.MESSAGE and message is None):
        return 0
    prepared = email_prepare(registration=registration, kind=kind, session=session, message=message)
    return prepared.message().send()


def prepared_email_send(*, prepared: dict[str, str]) -> int:
    return PreparedEmail(**prepared).message().send()
