"""The « Inscriptions » admin through the real views of each role: settings, seats, the list and its export."""

import pytest
from django.core import mail

from registrations.models import Registration, RegistrationSettings, RegistrationStatus, SessionCapacity
from registrations.services import Applicant, registration_create
from tests.registrations.conftest import settings_data

pytestmark = pytest.mark.django_db

SETTINGS_ADD = "/admin/inscriptions/actions/new/"
REGISTRATIONS = "/admin/inscriptions/personnes/"


def registered(target, *emails):
    for email in emails:
        registration_create(target=target, applicant=Applicant(email=email, name=email), consent_text="J'accepte.")


@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_the_team_opens_registrations_on_an_action(clients, role, action, sessions):
    client = getattr(clients, role)
    response = client.post(SETTINGS_ADD, settings_data(action))
    assert response.status_code == 302
    assert RegistrationSettings.objects.get().action == action


def test_the_board_cannot_reach_registrations(clients, per_session):
    for path in (SETTINGS_ADD, REGISTRATIONS, f"/admin/inscriptions/actions/edit/{per_session.pk}/"):
        response = clients.board[0].get(path)
        assert response.status_code in (302, 403)
        assert not response.headers.get("Location", "").startswith(path)


def test_seats_per_session_are_set_from_the_settings_form(clients, per_session, sessions):
    edit = f"/admin/inscriptions/actions/edit/{per_session.pk}/"
    form = clients.editor.get(edit)
    assert f'name="seats_{sessions[0].pk}"' in form.content.decode()
    response = clients.editor.post(
        edit, settings_data(per_session.action, **{f"seats_{sessions[0].pk}": "30", f"seats_{sessions[1].pk}": "12"})
    )
    assert response.status_code == 302
    assert dict(SessionCapacity.objects.values_list("session_id", "seats")) == {sessions[0].pk: 30, sessions[1].pk: 12}


def test_seats_below_the_confirmed_count_are_refused_in_french(clients, per_session, first_target, sessions):
    registered(first_target, "a@example.org", "b@example.org")
    edit = f"/admin/inscriptions/actions/edit/{per_session.pk}/"
    response = clients.editor.post(edit, settings_data(per_session.action, **{f"seats_{sessions[0].pk}": "1"}))
    assert response.status_code == 200
    assert "2 personnes ont déjà une place" in response.content.decode()
    assert SessionCapacity.objects.get(session=sessions[0]).seats == 2


def test_raising_seats_in_the_admin_promotes_the_waiting_list(
    clients, per_session, first_target, sessions, django_capture_on_commit_callbacks
):
    registered(first_target, "a@example.org", "b@example.org", "c@example.org")
    mail.outbox.clear()
    edit = f"/admin/inscriptions/actions/edit/{per_session.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        clients.editor.post(edit, settings_data(per_session.action, **{f"seats_{sessions[0].pk}": "3"}))
    assert Registration.objects.get(email="c@example.org").status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [["c@example.org"]]


def test_the_list_filters_and_exports_without_formulas(clients, per_session, first_target):
    registered(first_target, "a@example.org")
    registration_create(
        target=first_target,
        applicant=Applicant(email="b@example.org", name='=HYPERLINK("http://evil")', organisation="@SUM(A1)"),
        consent_text="J'accepte.",
    )
    listing = clients.editor.get(REGISTRATIONS, {"action": per_session.action.pk, "status": "confirmed"})
    assert listing.status_code == 200
    assert "a@example.org" in listing.content.decode()

    export = clients.editor.get(REGISTRATIONS, {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "'=HYPERLINK" in body
    assert "'@SUM(A1)" in body
