"""Writes of registrations: register, cancel, promote from the waiting list, change a capacity.

No overbooking, ever: every write that can change who holds a seat first locks the row that stands
for the seats (the session for a per-session registration, the action's settings for a cycle), then
counts and writes in the same transaction. Two hundred people asking at once for the last seats are
served one after the other; those who find no seat wait, in order of arrival.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services import task_enqueue
from publications.models import ActionSession
from registrations import tasks
from registrations.models import (
    Registration,
    RegistrationSettings,
    RegistrationStatus,
    SessionCapacity,
)
from registrations.selectors import Target, active_registrations, refusal_reason, target_seats


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


def _email(registration: Registration, kind: str) -> None:
    task_enqueue(task=tasks.registration_email, args=[registration.pk, kind])


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
    existing = active_registrations(target).filter(email__iexact=applicant.email).first()
    if existing is not None:
        _email(existing, "reminder_of_state")
        return RegistrationResult(existing, created=False)
    confirmed = active_registrations(target).filter(status=RegistrationStatus.CONFIRMED).count()
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
    _email(registration, "confirmed" if status == RegistrationStatus.CONFIRMED else "waiting")
    return RegistrationResult(registration, created=True)


def _promote(target: Target, seats: int | None, *, now: datetime.datetime) -> list[Registration]:
    """Under the target's lock: give free seats to the oldest waiting registrations."""
    confirmed = active_registrations(target).filter(status=RegistrationStatus.CONFIRMED).count()
    free = None if seats is None else max(seats - confirmed, 0)
    waiting = active_registrations(target).filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        _email(registration, "promoted")
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration, now: datetime.datetime | None = None) -> bool:
    """Cancel at the person's request; the seat goes at once to the next on the waiting list.

    False when it was already cancelled (a replayed link changes nothing).
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
    _email(registration, "cancelled")
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
    confirmed = active_registrations(target).filter(status=RegistrationStatus.CONFIRMED).count()
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
    confirmed = active_registrations(target).filter(status=RegistrationStatus.CONFIRMED)
    if seats is not None and confirmed.count() > seats:
        moving = confirmed.filter(pk__in=to_waiting)
        if confirmed.count() - moving.count() > seats:
            raise CapacityBelowConfirmedError(confirmed.count())
        for registration in moving:
            registration.status = RegistrationStatus.WAITING
            registration.confirmed_at = None
            registration.save(update_fields=["status", "confirmed_at"])
            _email(registration, "moved_to_waiting")
    if target.session is None:
        RegistrationSettings.objects.filter(pk=target.settings.pk).update(capacity=seats)
        target.settings.capacity = seats
    else:
        if seats is None:
            SessionCapacity.objects.filter(session=target.session).delete()
        else:
            SessionCapacity.objects.update_or_create(session=target.session, defaults={"seats": seats})
    return _promote(target, seats, now=now)
