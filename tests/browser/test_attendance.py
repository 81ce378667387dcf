"""The émargement page on a tablet at the door (1024×768): search a name, tick present, in Chromium."""

from pathlib import Path

import pytest

from editorial import roles
from registrations.models import Attendance, RegistrationStatus
from registrations.selectors import Target
from registrations.services import Applicant, capacity_set, registration_create
from tests.browser.conftest import CHROMIUM
from tests.factories import ActionSessionFactory
from tests.registrations import conftest as registration_fixtures
from tests.registrations.conftest import in_days
from tests.users import user_with_role

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
action = registration_fixtures.action
sessions = registration_fixtures.sessions
per_session = registration_fixtures.per_session

PEOPLE = [
    ("Samia Haddad", "Ville de Saint-Denis"),
    ("Julien Morel", "Conseil citoyen du Franc-Moisin"),
    ("Nadia Benali", "Préfecture de la Seine-Saint-Denis"),
    ("Paul Girard", "Ville d'Aubervilliers"),
]


def test_editor_ticks_attendance_on_a_tablet(guarded_tab, action, per_session):
    session = ActionSessionFactory(page=action, starts_at=in_days(0, hour=0), ends_at=in_days(0, hour=23))
    target = Target(settings=per_session, session=session)
    capacity_set(target=target, seats=10)
    for index, (name, organisation) in enumerate(PEOPLE):
        registration_create(
            target=target,
            applicant=Applicant(email=f"p{index}@example.org", name=name, organisation=organisation),
            consent_text="J'accepte.",
            added_by_hand="Liste du partenaire",
        )
    page = guarded_tab(user_with_role("nadia.benali", roles.EDITORS))
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"/admin/inscriptions/seances/{session.pk}/emargement/")

    present = page.get_by_role("button", name="Présent·e : Samia Haddad")
    box = present.bounding_box()
    # Touch targets: at least 44 px high (WCAG 2.5.5), here larger for a thumb at the door.
    assert box["height"] >= 44
    assert box["width"] >= 120

    page.get_by_label("Chercher un nom ou un organisme").fill("girard")
    page.get_by_role("button", name="Chercher", exact=True).click()
    page.get_by_role("button", name="Présent·e : Paul Girard").click()
    page.wait_for_url("**#inscription-*")
    assert page.get_by_text("✓ présent·e").count() == 1
    assert page.get_by_role("button", name="Présent·e : Samia Haddad").count() == 0

    page.goto(f"/admin/inscriptions/seances/{session.pk}/emargement/")
    page.get_by_role("button", name="Absent·e : Julien Morel").click()
    page.wait_for_url("**#inscription-*")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "attendance-tablet-1024.png", full_page=True)

    ticks = dict(Attendance.objects.values_list("registration__name", "attended"))
    assert ticks == {"Paul Girard": True, "Julien Morel": False}
    assert set(Attendance.objects.values_list("registration__status", flat=True)) == {
        RegistrationStatus.ATTENDED,
        RegistrationStatus.ABSENT,
    }


def test_the_action_page_shows_seats_left_and_the_waiting_list(guarded_tab, action, sessions, per_session):
    first = Target(settings=per_session, session=sessions[0])  # two seats
    second = Target(settings=per_session, session=sessions[1])
    capacity_set(target=second, seats=1)
    for target, email in [(first, "a@example.org"), (second, "b@example.org")]:
        registration_create(target=target, applicant=Applicant(email=email, name="Inscrite"), consent_text="J'accepte.")
    page = guarded_tab()
    page.set_viewport_size({"width": 1024, "height": 900})
    assert page.goto(action.get_url()).status == 200
    seats = page.locator(".registration-availability li")
    assert seats.nth(0).inner_text().endswith("Inscriptions ouvertes — 1 place restante")
    assert seats.nth(1).inner_text().endswith("Liste d'attente")
    page.locator("#registration-heading").scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "attendance-action-seats-1024.png")
