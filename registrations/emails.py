"""The emails of a registration, each with the link to the person's registration page.

Written from what the centre knows (the action, its sessions) and what the person typed about
themselves, sent only to the address that registered. A confirmed seat carries the iCalendar
invitation (METHOD:REQUEST, the site's own UIDs), a cancellation its METHOD:CANCEL.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from feeds.links import absolute_url
from registrations.calendar import INVITATION_CONTENT_TYPE, invitation_build
from registrations.models import Registration, RegistrationStatus
from registrations.selectors import registration_sessions

logger = logging.getLogger(__name__)

# What each email says first, by kind; the rest (sessions, link) is the same template.
SUBJECTS = {
    "confirmed": "Inscription confirmée : {title}",
    "waiting": "Liste d'attente : {title}",
    "promoted": "Une place s'est libérée : {title}",
    "cancelled": "Inscription annulée : {title}",
    "moved_to_waiting": "Liste d'attente : {title}",
    "reminder_of_state": "Votre inscription : {title}",
}
INTROS = {
    "confirmed": "Votre inscription à « {title} » est confirmée : une place vous est réservée.",
    "waiting": (
        "« {title} » est complet : vous êtes inscrit·e sur la liste d'attente. "
        "Nous vous écrirons dès qu'une place se libère."
    ),
    "promoted": "Une place s'est libérée : votre inscription à « {title} » est confirmée.",
    "cancelled": "Votre inscription à « {title} » est annulée.",
    "moved_to_waiting": (
        "Le nombre de places de « {title} » a été réduit : votre inscription passe en liste d'attente. "
        "Nous vous écrirons dès qu'une place se libère."
    ),
    "reminder_of_state": "Cette adresse est déjà inscrite à « {title} » ({status}).",
}
INVITATION_KINDS = {"confirmed", "promoted"}
CANCEL_KINDS = {"cancelled", "moved_to_waiting"}


def registration_url(registration: Registration) -> str:
    return absolute_url(reverse("registrations:detail", args=[registration.access_key]))


def registration_email_send(*, registration_id: int, kind: str) -> int:
    """Send one email of ``kind`` (a key of SUBJECTS); 0 when the registration is gone."""
    registration = Registration.objects.select_related("action", "session").filter(pk=registration_id).first()
    if registration is None or kind not in SUBJECTS:
        logger.info("registration email %s not sent: registration %s is gone", kind, registration_id)
        return 0
    if kind == "reminder_of_state" and registration.status == RegistrationStatus.CANCELLED:
        return 0
    sessions = registration_sessions(registration)
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    title = registration.action.title
    context = {
        "kind": kind,
        "intro": INTROS[kind].format(title=title, status=registration.get_status_display().lower()),
        "registration": registration,
        "action": registration.action,
        "action_url": absolute_url(registration.action.url or "/"),
        "sessions": sessions,
        # The connection link goes only to people holding a seat.
        "with_online_url": confirmed,
        "registration_url": registration_url(registration),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    # One line whatever the title holds: a line break in a header is an injection.
    subject = " ".join(SUBJECTS[kind].format(title=title).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("registrations/emails/registration.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string("registrations/emails/registration.html", context), "text/html")
    if (kind in INVITATION_KINDS and confirmed) or kind in CANCEL_KINDS:
        cancel = kind in CANCEL_KINDS
        method = "CANCEL" if cancel else "REQUEST"
        invitation = invitation_build(registration=registration, sessions=sessions, cancel=cancel)
        message.attach("invitation.ics", invitation, f"{INVITATION_CONTENT_TYPE}; method={method}; charset=utf-8")
    return message.send()
