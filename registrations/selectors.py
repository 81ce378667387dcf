"""Reads of registrations: what a target is, its seats, and what the public may know of it.

What leaves this module for the public (pages, agenda, APIs) is aggregates only: seats left and a
state; never who registered.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from publications.models import ActionPage, ActionSession
from registrations.models import (
    Registration,
    RegistrationScope,
    RegistrationSettings,
    RegistrationStatus,
    SessionCapacity,
)

# What models.access_key_new makes (token_urlsafe); anything else never reaches a query.
ACCESS_KEY = re.compile(r"[A-Za-z0-9_-]{20,64}")


@dataclass(frozen=True)
class Target:
    """What one registration is for: a session, or the whole action when ``session`` is None."""

    settings: RegistrationSettings
    session: ActionSession | None = None

    @classmethod
    def of(cls, registration: Registration) -> "Target":
        settings = RegistrationSettings.objects.select_related("action").get(action_id=registration.action_id)
        return cls(settings=settings, session=registration.session)


class PublicState:
    """The state the agenda and the APIs show, as a stable code and its French label."""

    OPEN = "ouvertes"
    WAITING_LIST = "liste_attente"
    FULL = "complet"
    CLOSED = "closes"
    NOT_YET = "a_venir"

    LABELS = {
        OPEN: "Inscriptions ouvertes",
        WAITING_LIST: "Liste d'attente",
        FULL: "Complet",
        CLOSED: "Inscriptions closes",
        NOT_YET: "Inscriptions bientôt ouvertes",
    }


@dataclass(frozen=True)
class Availability:
    state: str
    seats: int | None
    seats_left: int | None

    @property
    def label(self) -> str:
        return PublicState.LABELS[self.state]


def settings_for(action: ActionPage) -> RegistrationSettings | None:
    return RegistrationSettings.objects.filter(action=action).first()


def target_seats(target: Target) -> int | None:
    if target.session is None:
        return target.settings.capacity
    return SessionCapacity.objects.filter(session=target.session).values_list("seats", flat=True).first()


def active_registrations(target: Target) -> QuerySet[Registration]:
    return Registration.objects.filter(action_id=target.settings.action_id, session=target.session).exclude(
        status=RegistrationStatus.CANCELLED
    )


def confirmed_registrations(target: Target) -> QuerySet[Registration]:
    """The registrations holding one of the target's seats."""
    return active_registrations(target).filter(status=RegistrationStatus.CONFIRMED)


def confirmed_count(target: Target) -> int:
    return confirmed_registrations(target).count()


def refusal_reason(target: Target, *, now: datetime.datetime) -> str | None:
    """Why the target takes no registration at ``now`` (French), or None when it does."""
    settings = target.settings
    if (settings.scope == RegistrationScope.PER_SESSION) != (target.session is not None):
        return _("Cette inscription n'est pas proposée pour cette action.")
    if settings.opens_at and now < settings.opens_at:
        return _("Les inscriptions ne sont pas encore ouvertes.")
    if settings.closes_at and now >= settings.closes_at:
        return _("Les inscriptions sont closes.")
    sessions = [target.session] if target.session else list(settings.action.sessions.all())
    if not sessions or all(session.cancelled for session in sessions):
        return _("Cette séance est annulée.")
    if all(session.starts_at <= now for session in sessions if not session.cancelled):
        return _("Cette séance a déjà eu lieu : les inscriptions sont closes.")
    return None


def availability(target: Target, *, now: datetime.datetime) -> Availability:
    """Seats left and the public state at ``now``."""
    refusal = refusal_reason(target, now=now)
    seats = target_seats(target)
    confirmed = confirmed_count(target)
    left = None if seats is None else max(seats - confirmed, 0)
    settings = target.settings
    if refusal is not None:
        state = PublicState.NOT_YET if settings.opens_at and now < settings.opens_at else PublicState.CLOSED
    elif left == 0:
        state = PublicState.WAITING_LIST if settings.waiting_list else PublicState.FULL
    else:
        state = PublicState.OPEN
    return Availability(state=state, seats=seats, seats_left=left)


def targets_of(settings: RegistrationSettings) -> list[Target]:
    if settings.scope == RegistrationScope.WHOLE_ACTION:
        return [Target(settings=settings)]
    sessions = settings.action.sessions.order_by("starts_at")
    return [Target(settings=settings, session=session) for session in sessions]


def registration_counts(settings: RegistrationSettings) -> dict[int | None, dict[str, int]]:
    """Per session id (None for the whole action): confirmed, waiting and cancelled counts, one query."""
    rows = (
        Registration.objects.filter(action_id=settings.action_id)
        .values("session_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
        )
    )
    return {
        row["session_id"]: {"confirmed": row["confirmed"], "waiting": row["waiting"], "cancelled": row["cancelled"]}
        for row in rows
    }


def registration_by_key(key: str) -> Registration | None:
    """The registration a link's key opens; None for anything that is not one of our keys."""
    if not ACCESS_KEY.fullmatch(key):
        return None
    return Registration.objects.select_related("action", "session", "territory").filter(access_key=key).first()


def registration_sessions(registration: Registration) -> list[ActionSession]:
    """The sessions one registration holds: its session, or every session of its action."""
    if registration.session is not None:
        return [registration.session]
    return list(registration.action.sessions.select_related("page", "town").order_by("starts_at"))


def settings_by_action_id(action_id: int) -> RegistrationSettings | None:
    return RegistrationSettings.objects.select_related("action").filter(action_id=action_id).first()
