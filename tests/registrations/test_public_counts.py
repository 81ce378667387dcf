"""What the public sees of registrations and attendance: counts on the action page, seats and
states in both APIs and the agenda, never a name."""

import pytest

from registrations.selectors import Target
from registrations.services import Applicant, attendance_record, capacity_set, registration_create
from tests.factories import ActionSessionFactory, TerritoryFactory
from tests.html import page_source, parse, section, text
from tests.registrations.conftest import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticked(action, per_session, team, local_cache):
    """A session held yesterday: two present (an élue of Saint-Denis, a professional), one absent."""
    saint_denis = TerritoryFactory(name="Saint-Denis", code="93066")
    session = ActionSessionFactory(page=action, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))
    target = Target(settings=per_session, session=session)
    for email, name, role, came in [
        ("a@example.org", "Samia Haddad", "elected", True),
        ("b@example.org", "Julien Morel", "professional", True),
        ("c@example.org", "Paul Girard", "professional", False),
    ]:
        registration = registration_create(
            target=target,
            applicant=Applicant(email=email, name=name, role=role, territory_id=saint_denis.pk),
            consent_text="J'accepte.",
            added_by_hand="Sur place",
        ).registration
        attendance_record(registration=registration, session=session, attended=came, by=team.editor)
    return session


def test_the_action_page_shows_counts_never_names(client, action, ticked):
    response = client.get(action.url)
    source = page_source(response)
    participation = text(section(parse(response), "Participation"))
    assert "2 participant·e·s présent·e·s" in participation
    assert "Élu·e : 1" in participation
    assert "Professionnel·le : 1" in participation
    assert "Saint-Denis : 2" in participation
    for secret in ("Samia Haddad", "Julien Morel", "Paul Girard", "@example.org"):
        assert secret not in source


def test_the_typed_api_gives_attendance_and_seats_per_session(client, action, ticked, first_target, sessions):
    capacity_set(target=first_target, seats=1)
    registration_create(
        target=first_target, applicant=Applicant(email="z@example.org", name="Z"), consent_text="J'accepte."
    )
    body = client.get(f"/api/actions/{action.pk}", HTTP_HOST="localhost").json()
    assert body["attendance"]["total"] == 2
    assert {line["code"]: line["count"] for line in body["attendance"]["by_role"]} == {"elected": 1, "professional": 1}
    assert body["attendance"]["sessions"] == [
        {
            "uid": str(ticked.uid),
            "total": 2,
            "by_role": body["attendance"]["by_role"],
            "by_territory": body["attendance"]["by_territory"],
        }
    ]
    by_uid = {session["uid"]: session["registration"] for session in body["sessions"]}
    assert by_uid[str(sessions[0].uid)] == {
        "state": "liste_attente",
        "label": "Liste d'attente",
        "seats": 1,
        "seats_left": 0,
    }
    assert by_uid[str(ticked.uid)]["state"] == "closes"
    assert "example.org" not in str(body)


def test_api_v2_gives_the_same_facts(client, action, ticked):
    body = client.get(f"/api/v2/pages/{action.pk}/", HTTP_HOST="localhost").json()
    assert body["attendance"]["total"] == 2
    assert {session["registration"]["state"] for session in body["sessions"]} == {"closes", "ouvertes"}
    assert "Samia" not in str(body)


def test_an_action_not_taking_registrations_says_null(client, site_tree):
    session = ActionSessionFactory(starts_at=in_days(5), ends_at=in_days(5, hour=12))
    body = client.get(f"/api/actions/{session.page_id}", HTTP_HOST="localhost").json()
    assert body["attendance"] is None
    assert body["sessions"][0]["registration"] is None
