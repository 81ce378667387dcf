"""Registrations taken on the site for a few upcoming actions: one open, one full with a waiting list.

The rows are written as they stand after people registered (no email is queued: the demo's
addresses are invented, example.org).
"""

from django.utils import timezone

from publications.models import ActionPage, ActionSession
from registrations.models import (
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
]


def _upcoming_sessions() -> list[ActionSession]:
    now = timezone.now()
    sessions = ActionSession.objects.filter(
        starts_at__gt=now, cancelled=False, page__in=ActionPage.objects.live()
    ).select_related("page")
    return list(sessions.order_by("starts_at"))


def _register(session: ActionSession, people: list[tuple[str, str, str]], *, seats: int) -> None:
    SessionCapacity.objects.create(session=session, seats=seats)
    rows = []
    for index, (name, organisation, role) in enumerate(people):
        confirmed = index < seats
        rows.append(
            Registration(
                action=session.page,
                session=session,
                status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING,
                email=f"{name.split()[0].lower()}.{index}@example.org",
                name=name,
                organisation=organisation,
                role=role,
                consent_text=CONSENT,
                confirmed_at=timezone.now() if confirmed else None,
            )
        )
    Registration.objects.bulk_create(rows)


def registrations_load() -> None:
    """Two upcoming actions take registrations here; safe to run again (nothing is added twice)."""
    if RegistrationSettings.objects.exists():
        return
    actions: list[ActionSession] = []
    for session in _upcoming_sessions():
        if session.page_id not in {chosen.page_id for chosen in actions}:
            actions.append(session)
        if len(actions) == 2:
            break
    for number, session in enumerate(actions):
        RegistrationSettings.objects.create(action=session.page, scope=RegistrationScope.PER_SESSION)
        if number == 0:
            _register(session, PEOPLE[:5], seats=40)
        else:
            # Full: three seats, the others wait in order of arrival.
            _register(session, PEOPLE, seats=3)
