"""Registrations taken on the site: three upcoming actions (one open, one full with a waiting list,
one with seats left on two sessions) and one past action whose attendance was ticked at the door,
so that its participant counts show on its page and in the APIs.

The rows are written as they stand after people registered and came (no email is queued: the
demo's addresses are invented, example.org).
"""

import datetime

from django.utils import timezone

from publications.models import ActionPage, ActionSession, Territory
from registrations.models import (
    Attendance,
    Registration,
    RegistrationScope,
    RegistrationSettings,
    RegistrationStatus,
    SessionCapacity,
)

CONSENT = "J'accepte que le centre utilise ces informations pour gérer mon inscription (démonstration)."
PEOPLE = [
    ("Samia Haddad", "Ville de Saint-Denis", "professional"),
    ("Julien Morel", "Conseil citoyen du Franc-Moisin", "citizen_councillor"),
    ("Nadia Benali", "Préfecture de la Seine-Saint-Denis", "state_agent"),
    ("Paul Girard", "Ville d'Aubervilliers", "elected"),
    ("Inès Lambert", "Association Femmes Relais", "professional"),
    ("Karim Toumi", "Plaine Commune", "professional"),
    ("Claire Dupont", "Centre social Romain Rolland", "other"),
    ("Moussa Diallo", "Conseil citoyen de Bondy Nord", "citizen_councillor"),
    ("Leïla Chaouch", "Ville de Bobigny", "elected"),
    ("Thomas Leroy", "DDETS de la Seine-Saint-Denis", "state_agent"),
    ("Aminata Koné", "Ville de Montreuil", "professional"),
    ("Hugo Martin", "Est Ensemble", "professional"),
]
# Of the past action's people, who did not come (by index in PEOPLE).
ABSENT = {3, 7}


def _sessions(*, past: bool) -> list[ActionSession]:
    now = timezone.now()
    when = {"ends_at__lt": now} if past else {"starts_at__gt": now}
    sessions = ActionSession.objects.filter(cancelled=False, page__in=ActionPage.objects.live(), **when)
    return list(sessions.select_related("page").order_by("-starts_at" if past else "starts_at"))


def _one_per_action(sessions: list[ActionSession], count: int, *, taken: set[int]) -> list[ActionSession]:
    chosen: list[ActionSession] = []
    for session in sessions:
        if session.page_id not in taken:
            chosen.append(session)
            taken.add(session.page_id)
        if len(chosen) == count:
            break
    return chosen


def _register(
    session: ActionSession, people: list[tuple[str, str, str]], *, seats: int | None, territories: list[Territory]
) -> list[Registration]:
    if seats is not None:
        SessionCapacity.objects.create(session=session, seats=seats)
    rows = []
    for index, (name, organisation, role) in enumerate(people):
        confirmed = seats is None or index < seats
        rows.append(
            Registration(
                action=session.page,
                session=session,
                status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING,
                email=f"{name.split()[0].lower()}.{index}@example.org",
                name=name,
                organisation=organisation,
                role=role,
                territory=territories[index % len(territories)] if territories else None,
                consent_text=CONSENT,
                confirmed_at=timezone.now() if confirmed else None,
            )
        )
    return Registration.objects.bulk_create(rows)


def _tick(session: ActionSession, registrations: list[Registration]) -> None:
    """The attendance of a past session, ticked at the door when it began."""
    ticked_at = session.starts_at + datetime.timedelta(minutes=10)
    for index, registration in enumerate(registrations):
        came = index not in ABSENT
        registration.status = RegistrationStatus.ATTENDED if came else RegistrationStatus.ABSENT
    Registration.objects.bulk_update(registrations, ["status"])
    Attendance.objects.bulk_create(
        Attendance(registration=registration, session=session, attended=index not in ABSENT, recorded_at=ticked_at)
        for index, registration in enumerate(registrations)
    )


def registrations_load() -> None:
    """Safe to run again (nothing is added twice)."""
    if RegistrationSettings.objects.exists():
        return
    territories = list(Territory.objects.filter(kind="commune").order_by("name")[:4])
    taken: set[int] = set()
    upcoming = _one_per_action(_sessions(past=False), 3, taken=taken)
    for number, session in enumerate(upcoming):
        RegistrationSettings.objects.create(action=session.page, scope=RegistrationScope.PER_SESSION)
        if number == 0:
            _register(session, PEOPLE[:5], seats=40, territories=territories)
        elif number == 1:
            # Full: three seats, the others wait in order of arrival.
            _register(session, PEOPLE[:8], seats=3, territories=territories)
        else:
            _register(session, PEOPLE[5:9], seats=None, territories=territories)
    for session in _one_per_action(_sessions(past=True), 1, taken=taken):
        RegistrationSettings.objects.create(action=session.page, scope=RegistrationScope.PER_SESSION)
        _tick(session, _register(session, PEOPLE, seats=30, territories=territories))
