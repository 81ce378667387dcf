import datetime

import pytest
from django.utils import timezone

from registrations.models import RegistrationScope, RegistrationSettings, SessionCapacity
from registrations.selectors import Target
from registrations.services import Applicant, registration_create
from tests.factories.pages import ActionPageFactory, ActionSessionFactory, ProgrammePageFactory


def in_days(days: int, hour: int = 9) -> datetime.datetime:
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=30, second=0, microsecond=0)


def add_by_hand(target, email, *, waiting_if_full=False, **fields):
    """Someone the team registers (the admin's « Ajouter »): the seats apply, the dates do not."""
    return registration_create(
        target=target,
        applicant=Applicant(email=email, name=fields.pop("name", "") or email, **fields),
        consent_text="J'accepte.",
        added_by_hand="Inscrit·e par téléphone",
        waiting_if_full=waiting_if_full,
    ).registration


@pytest.fixture
def action(site_tree):
    programme = ProgrammePageFactory(parent=site_tree.programmes)
    return ActionPageFactory(parent=programme, title="Atelier des conseils citoyens")


@pytest.fixture
def sessions(action):
    first = ActionSessionFactory(page=action, starts_at=in_days(10), ends_at=in_days(10, hour=12))
    second = ActionSessionFactory(page=action, starts_at=in_days(17), ends_at=in_days(17, hour=12), online=True)
    return [first, second]


@pytest.fixture
def per_session(action, sessions):
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.PER_SESSION)
    SessionCapacity.objects.create(session=sessions[0], seats=2)
    return settings


@pytest.fixture
def first_target(per_session, sessions) -> Target:
    return Target(settings=per_session, session=sessions[0])


def form_data(session, **overrides):
    """What a visitor types in the public form of an action (one session chosen, or the whole cycle)."""
    return {
        "email": "nadia.benali@example.org",
        "session": str(session.pk) if session else "",
        "name": "Nadia Benali",
        "organisation": "Ville de Saint-Denis",
        "role": "professional",
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        **overrides,
    }


def settings_data(action, **overrides):
    """The admin form opening registrations on ``action`` (seats per session: ``seats_<id>``)."""
    return {
        "action": action.pk,
        "scope": "per_session",
        "opens_at": "",
        "closes_at": "",
        "capacity": "",
        "waiting_list": "on",
        "reminder_hours": "48",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        **overrides,
    }


# A logged-in client per member of the editorial team (tests/editorial/conftest.py), for the admin views.
from tests.editorial.conftest import clients  # noqa: E402, F401
