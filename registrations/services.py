"""Writes of registrations: register, cancel, promote from the waiting list, change a capacity.

No overbooking, ever: every write that can change who holds a seat first locks the row that stands
for the seats (the session for a per-session registration, the action's settings for a cycle), then
counts and writes in the same transaction. Two hundred people asking at once for the last seats are
served one after the other; those who find no seat wait, in order of arrival.
"""

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services import task_enqueue
from publications.models import ActionSession
from registrations import tasks
from registrations.emails import EmailKind, email_prepare
from registrations.models import (
    Registration,
    RegistrationSettings,
    RegistrationStatus,
    SessionCapacity,
)
from registrations.notices import notice_record, session_is_cancelled
from registrations.selectors import (
    Target,
    active_registrations,
    confirmed_count,
    confirmed_registrations,
    refusal_reason,
    target_seats,
)


class RegistrationRefusedError(Exception):
    """A registration that cannot be taken; ``message`` is the French text shown to the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Applicant:
    email: str
    name: str
    organisation: str = ""
    role: str = ""
    territory_id: int | None = None
    accessibility_needs: str = ""
    answers: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    # False when the address already held a registration for this target: it is returned unchanged.
    created: bool


def _target_lock(target: Target) -> int | None:
    """Lock the row standing for the target's seats; its number of seats (None: no limit)."""
    if target.session is None:
        RegistrationSettings.objects.select_for_update().filter(pk=target.settings.pk).first()
    else:
        ActionSession.objects.select_for_update().filter(pk=target.session.pk).first()
    return target_seats(target)


def email_enqueue(
    registration: Registration, kind: EmailKind, *, session_id: int | None = None, message_id: int | None = None
) -> None:
    """Queue one email to the person once the transaction commits (surviving a broker or worker outage)."""
    kwargs = {"session_id": session_id, "message_id": message_id}
    task_enqueue(
        task=tasks.registration_email,
        args=[registration.pk, str(kind)],
        kwargs={name: value for name, value in kwargs.items() if value is not None},
    )


@transaction.atomic
def registration_create(
    *,
    target: Target,
    applicant: Applicant,
    consent_text: str,
    added_by_hand: str = "",
    now: datetime.datetime | None = None,
) -> RegistrationResult:
    """Register ``applicant``: a seat if one is free, the waiting list otherwise.

    An address already registered gets its registration back, unchanged, and the email that tells
    its state again: the page answers the same whether the address was known or not.
    """
    now = now or timezone.now()
    if not added_by_hand:
        reason = refusal_reason(target, now=now)
        if reason:
            raise RegistrationRefusedError(reason)
    seats = _target_lock(target)
    for session in [target.session] if target.session else target.settings.action.sessions.all():
        # From now on, a change of the session is told to the people registered.
        notice_record(session)
    existing = active_registrations(target).filter(email__iexact=applicant.email).first()
    if existing is not None:
        email_enqueue(existing, EmailKind.REMINDER_OF_STATE)
        return RegistrationResult(existing, created=False)
    confirmed = confirmed_count(target)
    if seats is None or confirmed < seats or added_by_hand:
        status = RegistrationStatus.CONFIRMED
    elif target.settings.waiting_list:
        status = RegistrationStatus.WAITING
    else:
        raise RegistrationRefusedError(_("Cette séance est complète."))
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                action_id=target.settings.action_id,
                session=target.session,
                status=status,
                email=applicant.email,
                name=applicant.name,
                organisation=applicant.organisation,
                role=applicant.role,
                territory_id=applicant.territory_id,
                accessibility_needs=applicant.accessibility_needs,
                answers=applicant.answers,
                consent_text=consent_text,
                added_by_hand=added_by_hand,
                confirmed_at=now if status == RegistrationStatus.CONFIRMED else None,
            )
    except IntegrityError:
        # The same address in a concurrent request without a lock (cannot happen under the lock,
        # kept so that a race on another path answers as a repeat rather than a 500).
        existing = active_registrations(target).get(email__iexact=applicant.email)
        return RegistrationResult(existing, created=False)
    email_enqueue(registration, EmailKind.CONFIRMED if status == RegistrationStatus.CONFIRMED else EmailKind.WAITING)
    return RegistrationResult(registration, created=True)


def _promote(target: Target, seats: int | None, *, now: datetime.datetime) -> list[Registration]:
    """Under the target's lock: give free seats to the oldest waiting registrations."""
    confirmed = confirmed_count(target)
    free = None if seats is None else max(seats - confirmed, 0)
    waiting = active_registrations(target).filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        email_enqueue(registration, EmailKind.PROMOTED)
    return promoted


@transaction.atomic
def registration_cancel(
    *, registration: Registration, now: datetime.datetime | None = None, notify: bool = True
) -> bool:
    """Cancel at the person's request; the seat goes at once to the next on the waiting list.

    False when it was already cancelled (a replayed link changes nothing). ``notify=False`` when
    the person asked for their data to be erased: nothing more is written to them.
    """
    now = now or timezone.now()
    target = Target.of(registration)
    seats = _target_lock(target)
    registration.refresh_from_db(fields=["status"])
    if registration.status == RegistrationStatus.CANCELLED:
        return False
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    if notify:
        email_enqueue(registration, EmailKind.CANCELLED)
    _promote(target, seats, now=now)
    return True


@transaction.atomic
def registration_answers_update(*, registration: Registration, applicant: Applicant) -> None:
    """The person changes what they told (not their address: it is who they are here)."""
    registration.name = applicant.name
    registration.organisation = applicant.organisation
    registration.role = applicant.role
    registration.territory_id = applicant.territory_id
    registration.accessibility_needs = applicant.accessibility_needs
    registration.answers = applicant.answers
    registration.save(update_fields=["name", "organisation", "role", "territory", "accessibility_needs", "answers"])


class CapacityBelowConfirmedError(Exception):
    def __init__(self, confirmed: int) -> None:
        super().__init__(confirmed)
        self.confirmed = confirmed
        self.message = _(
            "%(confirmed)s personnes ont déjà une place : indiquez au moins %(confirmed)s places, "
            "ou choisissez qui passe en liste d'attente."
        ) % {"confirmed": confirmed}


def capacity_check(*, target: Target, seats: int | None) -> None:
    """Raise CapacityBelowConfirmedError if ``seats`` is below the seats already given (the admin form's check)."""
    confirmed = confirmed_count(target)
    if seats is not None and confirmed > seats:
        raise CapacityBelowConfirmedError(confirmed)


@transaction.atomic
def capacity_set(
    *, target: Target, seats: int | None, to_waiting: tuple[int, ...] = (), now: datetime.datetime | None = None
) -> list[Registration]:
    """Change a target's seats. Below the confirmed count, the editor names who moves to the waiting
    list (``to_waiting``, registration ids), or the change is refused. Returns who was promoted."""
    now = now or timezone.now()
    _target_lock(target)
    confirmed = confirmed_registrations(target)
    if seats is not None and confirmed.count() > seats:
        moving = confirmed.filter(pk__in=to_waiting)
        if confirmed.count() - moving.count() > seats:
            raise CapacityBelowConfirmedError(confirmed.count())
        for registration in moving:
            registration.status = RegistrationStatus.WAITING
            registration.confirmed_at = None
            registration.save(update_fields=["status", "confirmed_at"])
            email_enqueue(registration, EmailKind.MOVED_TO_WAITING)
    if target.session is None:
        RegistrationSettings.objects.filter(pk=target.settings.pk).update(capacity=seats)
        target.settings.capacity = seats
    else:
        if seats is None:
            SessionCapacity.objects.filter(session=target.session).delete()
        else:
            SessionCapacity.objects.update_or_create(session=target.session, defaults={"seats": seats})
    return _promote(target, seats, now=now)


def _concerned(session: ActionSession) -> QuerySet[Registration]:
    """Active registrations holding ``session``: to this session, or to its whole action (a cycle)."""
    return (
        Registration.objects.filter(action_id=session.page_id, anonymised_at__isnull=True)
        .filter(Q(session=session) | Q(session__isnull=True))
        .exclude(status=RegistrationStatus.CANCELLED)
        .order_by("created_at", "pk")
    )


@transaction.atomic
def session_change_notify(*, session: ActionSession) -> int:
    """After a session is saved: if its date, place, link or state changed, write to everyone registered.

    Confirmed and waiting people get the update (the calendar invitation with the same UID and the
    raised SEQUENCE for those holding a seat), or the cancellation. Returns how many were written to.
    """
    if not notice_record(session):
        return 0
    kind = EmailKind.SESSION_CANCELLED if session_is_cancelled(session) else EmailKind.SESSION_CHANGED
    registrations = list(_concerned(session))
    for registration in registrations:
        email_enqueue(registration, kind, session_id=session.pk)
    return len(registrations)


def session_removal_notify(*, session: ActionSession) -> int:
    """Before a session is deleted: its cancellation, rendered now, for its registrations go with it."""
    registrations = list(_concerned(session).select_related("action", "session"))
    with transaction.atomic():
        for registration in registrations:
            prepared = email_prepare(registration=registration, kind=EmailKind.SESSION_CANCELLED, session=session)
            task_enqueue(task=tasks.prepared_email, args=[asdict(prepared)])
    return len(registrations)
