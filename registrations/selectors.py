"""Reads of registrations: what a target is, its seats, and what the public may know of it.

What leaves this module for the public (pages, agenda, APIs) is aggregates only: seats left, a
state, and the participant counts from attendance; never who registered.
"""

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from publications.models import ActionPage, ActionSession
from registrations.models import (
    SEATED_STATUSES,
    Attendance,
    Registration,
    RegistrationScope,
    RegistrationSettings,
    RegistrationStatus,
    SessionCapacity,
)
from subscribers.models import SubscriberRole

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


def settings_of(action: ActionPage) -> RegistrationSettings | None:
    """The action's settings through its relation: no query when the listing prefetched it."""
    try:
        return action.registration_settings
    except RegistrationSettings.DoesNotExist:
        return None


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


def seated_registrations(target: Target) -> QuerySet[Registration]:
    """The registrations holding one of the target's seats (confirmed, and then ticked at the door)."""
    return active_registrations(target).filter(status__in=SEATED_STATUSES)


def seated_count(target: Target) -> int:
    return seated_registrations(target).count()


def target_cancelled(target: Target) -> bool:
    """Whether nothing of the target will take place: its session, or every session of its cycle, cancelled."""
    sessions = [target.session] if target.session else list(target.settings.action.sessions.all())
    return not sessions or all(session.cancelled for session in sessions)


def refusal_reason(target: Target, *, now: datetime.datetime) -> str | None:
    """Why the target takes no registration at ``now`` (French), or None when it does."""
    settings = target.settings
    if (settings.scope == RegistrationScope.PER_SESSION) != (target.session is not None):
        return _("Cette inscription n'est pas proposée pour cette action.")
    if settings.opens_at and now < settings.opens_at:
        return _("Les inscriptions ne sont pas encore ouvertes.")
    if settings.closes_at and now >= settings.closes_at:
        return _("Les inscriptions sont closes.")
    if target_cancelled(target):
        return _("Cette séance est annulée.")
    sessions = [target.session] if target.session else list(settings.action.sessions.all())
    if all(session.starts_at <= now for session in sessions if not session.cancelled):
        return _("Cette séance a déjà eu lieu : les inscriptions sont closes.")
    return None


def availability(target: Target, *, now: datetime.datetime) -> Availability:
    """Seats left and the public state at ``now``."""
    refusal = refusal_reason(target, now=now)
    seats = target_seats(target)
    confirmed = seated_count(target)
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
            confirmed=Count("pk", filter=Q(status__in=SEATED_STATUSES)),
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


def session_registrations(session: ActionSession) -> QuerySet[Registration]:
    """Who may be ticked at a session: the seated registrations for it, or for its whole action (a cycle)."""
    return Registration.objects.filter(action_id=session.page_id, status__in=SEATED_STATUSES).filter(
        Q(session=session) | Q(session__isnull=True)
    )


def attendance_sheet(session: ActionSession, *, search: str = "") -> list[tuple[Registration, bool | None]]:
    """The people of a session's attendance, by name, each with their tick (None: not ticked yet)."""
    registrations = session_registrations(session).select_related("territory").order_by("name", "pk")
    if search:
        registrations = registrations.filter(Q(name__icontains=search) | Q(organisation__icontains=search))
    ticks = dict(
        Attendance.objects.filter(session=session, registration__in=registrations).values_list(
            "registration_id", "attended"
        )
    )
    return [(registration, ticks.get(registration.pk)) for registration in registrations]


def session_availability(session: ActionSession, *, now: datetime.datetime | None = None) -> Availability | None:
    """Seats left and state of the target a session belongs to (the cycle's, for a whole-action
    registration); None when its action takes no registration here."""
    settings = settings_of(session.page)
    if settings is None:
        return None
    target = Target(settings=settings, session=None if settings.scope == RegistrationScope.WHOLE_ACTION else session)
    return availability(target, now=now or timezone.now())


NOT_GIVEN = "Non renseigné"


@dataclass(frozen=True)
class Figures:
    """People registered (every registration not cancelled, the waiting list included), confirmed
    (holding a seat, ticked or not) and present (ticked present at the door)."""

    registered: int = 0
    confirmed: int = 0
    present: int = 0


@dataclass(frozen=True)
class GroupFigures:
    """The figures of one group: a stable code (a role's value, a territory's code; "" when not
    given) and its label."""

    code: str
    label: str
    figures: Figures


@dataclass(frozen=True)
class Participation:
    figures: Figures
    by_role: list[GroupFigures]
    by_territory: list[GroupFigures]


@dataclass(frozen=True)
class SessionParticipation:
    session: ActionSession
    participation: Participation


@dataclass(frozen=True)
class ActionParticipation:
    """An action's participation: over the action (each person once, by address) and per session
    (every session of the action, by date; a cycle's registrations count at each of its sessions)."""

    participation: Participation
    sessions: list[SessionParticipation]


@dataclass(frozen=True)
class _Person:
    role: str
    territory: tuple[str, str]
    confirmed: bool
    present: bool


def _participation(people: Sequence[_Person]) -> Participation:
    def figures(group: Sequence[_Person]) -> Figures:
        return Figures(
            registered=len(group),
            confirmed=sum(person.confirmed for person in group),
            present=sum(person.present for person in group),
        )

    roles = dict(SubscriberRole.choices)
    territories = sorted({person.territory for person in people}, key=lambda territory: territory[1])
    return Participation(
        figures=figures(people),
        # Roles in the list's own order (as on the forms), then those not given.
        by_role=[
            GroupFigures(
                code=role,
                label=str(roles.get(role, NOT_GIVEN)),
                figures=figures([person for person in people if person.role == role]),
            )
            for role in [*roles, *sorted({person.role for person in people} - set(roles))]
            if any(person.role == role for person in people)
        ],
        by_territory=[
            GroupFigures(
                code=code,
                label=label,
                figures=figures([person for person in people if person.territory == (code, label)]),
            )
            for code, label in territories
        ],
    )


def action_participation(action: ActionPage) -> ActionParticipation | None:
    """How many people registered, were confirmed and came, by role and by territory, for the action
    and for each of its sessions; None when it took no registration. Anonymised registrations count.

    The one place these figures are made: the sessions admin, the public counts (people present,
    ``participant_counts``) and the reports read them here.
    """
    registrations = list(
        Registration.objects.filter(action_id=action.pk)
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("created_at", "pk")
        .values("pk", "email", "role", "territory__code", "territory__name", "session_id", "status")
    )
    if not registrations:
        return None
    came: dict[int, set[int]] = {}
    for registration_id, session_id in Attendance.objects.filter(
        registration__action_id=action.pk, attended=True
    ).values_list("registration_id", "session_id"):
        came.setdefault(registration_id, set()).add(session_id)

    def person(rows: Sequence[Mapping[str, Any]], *, at: int | None = None) -> _Person:
        """One person from their registrations (the first gives the role and territory), present at
        session ``at`` (None: at any session)."""
        ticked: set[int] = set().union(*(came.get(row["pk"], set()) for row in rows))
        return _Person(
            role=rows[0]["role"],
            territory=(rows[0]["territory__code"] or "", rows[0]["territory__name"] or NOT_GIVEN),
            confirmed=any(row["status"] in SEATED_STATUSES for row in rows),
            present=bool(ticked if at is None else ticked & {at}),
        )

    # A person is their address: registered to two sessions of an action, they count once for it.
    by_address: dict[str, list[Mapping[str, Any]]] = {}
    for row in registrations:
        by_address.setdefault(row["email"].lower(), []).append(row)
    people = [person(rows) for rows in by_address.values()]
    return ActionParticipation(
        participation=_participation(people),
        sessions=[
            SessionParticipation(
                session=session,
                participation=_participation(
                    [person([row], at=session.pk) for row in registrations if row["session_id"] in (session.pk, None)]
                ),
            )
            for session in ActionSession.objects.filter(page_id=action.pk).order_by("starts_at", "pk")
        ],
    )


def _present_only(participation: Participation) -> Participation:
    """The groups where someone came, the territories with the most present first."""
    return Participation(
        figures=participation.figures,
        by_role=[group for group in participation.by_role if group.figures.present],
        by_territory=sorted(
            (group for group in participation.by_territory if group.figures.present),
            key=lambda group: (-group.figures.present, group.label),
        ),
    )


def participant_counts(action: ActionPage) -> ActionParticipation | None:
    """The participation where people came (``figures.present``): the groups and the sessions with
    someone ticked present; None before anyone is."""
    figures = action_participation(action)
    if figures is None or not figures.participation.figures.present:
        return None
    return ActionParticipation(
        participation=_present_only(figures.participation),
        sessions=[
            SessionParticipation(session=line.session, participation=_present_only(line.participation))
            for line in figures.sessions
            if line.participation.figures.present
        ],
    )


# What the APIs publish, one shape for API v2 and the typed API (whose schemas describe it).


def session_registration_public(session: ActionSession, *, now: datetime.datetime | None = None) -> dict | None:
    """A session's registration state and seats left; None when its action takes none here."""
    state = session_availability(session, now=now)
    if state is None:
        return None
    return {"state": state.state, "label": state.label, "seats": state.seats, "seats_left": state.seats_left}


def _counts_public(participation: Participation) -> dict[str, Any]:
    def lines(groups: list[GroupFigures]) -> list[dict[str, Any]]:
        return [{"code": group.code, "label": group.label, "count": group.figures.present} for group in groups]

    return {
        "total": participation.figures.present,
        "by_role": lines(participation.by_role),
        "by_territory": lines(participation.by_territory),
    }


def participant_counts_public(action: ActionPage) -> dict[str, Any] | None:
    """The people ticked present (aggregates, never names); None before any tick."""
    counts = participant_counts(action) if settings_of(action) is not None else None
    if counts is None:
        return None
    return {
        **_counts_public(counts.participation),
        "sessions": [{"uid": str(line.session.uid), **_counts_public(line.participation)} for line in counts.sessions],
    }
