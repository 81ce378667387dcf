"""Writes of registrations: register, cancel, promote from the waiting list, change a capacity, move
between sessions, tick attendance.

No overbooking, ever: every write that can change who holds a seat first locks the row that stands
for the seats (the session for a per-session registration, the action's settings for a cycle), then
counts and writes in the same transaction. Two hundred people asking at once for the last seats are
served one after the other; those who find no seat wait, in order of arrival.
"""

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services import task_enqueue
from publications.models import ActionSession
from registrations import tasks
from registrations.emails import EmailKind, email_prepare
from registrations.models import (
    Attendance,
    Registration,
    RegistrationSettings,
    RegistrationStatus,
    SessionCapacity,
)
from registrations.notices import notice_record, session_is_cancelled
from registrations.selectors import (
    Target,
    active_registrations,
    refusal_reason,
    seated_count,
    seated_registrations,
    session_registrations,
    target_cancelled,
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
    waiting_if_full: bool = False,
    now: datetime.datetime | None = None,
) -> RegistrationResult:
    """Register ``applicant``: a seat if one is free, the waiting list otherwise.

    An address already registered gets its registration back, unchanged, and the email that tells
    its state again: the page answers the same whether the address was known or not.

    Added by hand (``added_by_hand``, the reason): the dates do not apply, the seats do; when the
    target is full the person goes on the waiting list only if the editor asked (``waiting_if_full``).
    """
    now = now or timezone.now()
    if not added_by_hand:
        reason = refusal_reason(target, now=now)
        if reason:
            raise RegistrationRefusedError(reason)
    elif target_cancelled(target):
        # The dates do not bind the team; a cancelled session has no seat to give.
        raise RegistrationRefusedError(_("Cette séance est annulée."))
    seats = _target_lock(target)
    for session in [target.session] if target.session else target.settings.action.sessions.all():
        # From now on, a change of the session is told to the people registered.
        notice_record(session)
    existing = active_registrations(target).filter(email__iexact=applicant.email).first()
    if existing is not None:
        email_enqueue(existing, EmailKind.REMINDER_OF_STATE)
        return RegistrationResult(existing, created=False)
    confirmed = seated_count(target)
    if seats is None or confirmed < seats:
        status = RegistrationStatus.CONFIRMED
    elif added_by_hand and not waiting_if_full:
        raise RegistrationRefusedError(
            _("Plus de place : cochez « en liste d'attente si c'est complet » pour l'y inscrire.")
        )
    elif target.settings.waiting_list or waiting_if_full:
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
    confirmed = seated_count(target)
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
    confirmed = seated_count(target)
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
    confirmed = seated_registrations(target)
    if seats is not None and confirmed.count() > seats:
        moving = confirmed.filter(pk__in=to_waiting, status=RegistrationStatus.CONFIRMED)
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


@transaction.atomic
def registration_move(
    *,
    registration: Registration,
    session: ActionSession,
    waiting_if_full: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """Move a per-session registration to another session of its action.

    Both sessions are locked (in id order, so that two moves in opposite directions cannot wait on
    each other): the target's seats are respected (its waiting list only if the editor asked), and
    the seat freed in the source goes at once to the next person waiting there.
    """
    now = now or timezone.now()
    if registration.session_id is None:
        raise RegistrationRefusedError(
            _("Une inscription au cycle vaut pour toutes ses séances : elle ne change pas de séance.")
        )
    if session.page_id != registration.action_id:
        raise RegistrationRefusedError(_("Cette séance n'appartient pas à l'action de l'inscription."))
    list(ActionSession.objects.select_for_update().filter(pk__in=[registration.session_id, session.pk]).order_by("pk"))
    registration.refresh_from_db(fields=["status", "session"])
    if registration.session_id == session.pk:
        raise RegistrationRefusedError(_("Cette personne est déjà inscrite à cette séance."))
    if registration.status not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING):
        raise RegistrationRefusedError(
            _("Seule une inscription confirmée ou en liste d'attente change de séance (celle-ci est « %(status)s »).")
            % {"status": registration.get_status_display()}
        )
    session.refresh_from_db(fields=["cancelled"])
    if session.cancelled:
        raise RegistrationRefusedError(_("La séance choisie est annulée."))
    source = Target.of(registration)
    target = Target(settings=source.settings, session=session)
    if active_registrations(target).filter(email__iexact=registration.email).exists():
        raise RegistrationRefusedError(_("Cette adresse est déjà inscrite à la séance choisie."))
    seats = target_seats(target)
    if seats is None or seated_count(target) < seats:
        status = RegistrationStatus.CONFIRMED
    elif waiting_if_full:
        status = RegistrationStatus.WAITING
    else:
        raise RegistrationRefusedError(
            _("La séance choisie est complète : cochez « en liste d'attente si c'est complet » pour l'y inscrire.")
        )
    freed_seat = registration.status == RegistrationStatus.CONFIRMED
    registration.session = session
    registration.status = status
    registration.confirmed_at = now if status == RegistrationStatus.CONFIRMED else None
    registration.save(update_fields=["session", "status", "confirmed_at"])
    email_enqueue(registration, EmailKind.CONFIRMED if status == RegistrationStatus.CONFIRMED else EmailKind.WAITING)
    if freed_seat:
        _promote(source, target_seats(source), now=now)
    return registration


@transaction.atomic
def attendance_record(
    *,
    registration: Registration,
    session: ActionSession,
    attended: bool,
    by: User | None,
    now: datetime.datetime | None = None,
) -> Attendance:
    """Tick one person present or absent at one session (again: the last tick counts).

    The registration's state follows: present when they came to at least one of its sessions.
    """
    now = now or timezone.now()
    locked = Registration.objects.select_for_update().filter(pk=registration.pk).first()
    if locked is None or not session_registrations(session).filter(pk=locked.pk).exists():
        raise RegistrationRefusedError(_("Cette personne n'a pas de place à cette séance."))
    if session.cancelled:
        raise RegistrationRefusedError(_("Cette séance est annulée."))
    if timezone.localdate(session.starts_at) > timezone.localdate(now):
        raise RegistrationRefusedError(_("La séance n'a pas encore eu lieu : l'émargement ouvre le jour même."))
    record, _created = Attendance.objects.update_or_create(
        registration=locked,
        session=session,
        defaults={"attended": attended, "recorded_at": now, "recorded_by": by},
    )
    came = locked.attendances.filter(attended=True).exists()
    locked.status = RegistrationStatus.ATTENDED if came else RegistrationStatus.ABSENT
    locked.save(update_fields=["status"])
    registration.status = locked.status
    return record
