"""The admin page writing to everyone registered to a session: count first, then one email each, logged."""

import pytest
from django.core import mail

from registrations.models import SessionMessage
from registrations.services import Applicant, registration_create
from tests.html import page_source

pytestmark = pytest.mark.django_db


def message_path(action, session=None) -> str:
    return f"/admin/inscriptions/message/{action.pk}/" + (f"{session.pk}/" if session else "")


def registered(target, capture, *emails):
    with capture(execute=True):
        for email in emails:
            registration_create(target=target, applicant=Applicant(email=email, name=email), consent_text="J'accepte.")
    mail.outbox.clear()


def test_the_editor_sees_the_count_then_sends_to_everyone_registered(
    clients, team, action, first_target, sessions, django_capture_on_commit_callbacks
):
    registered(first_target, django_capture_on_commit_callbacks, "a@example.org", "b@example.org", "c@example.org")
    path = message_path(action, sessions[0])
    page = page_source(clients.editor.get(path))
    assert "3 personnes" in page
    assert "Envoyer à 3 personnes" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = clients.editor.post(path, {"subject": "Changement de salle", "body": "Salle 2, au premier étage."})

    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org", "c@example.org"]
    assert {message.subject for message in mail.outbox} == {"Changement de salle"}
    logged = SessionMessage.objects.get()
    assert (logged.recipients, logged.sent_by, logged.session) == (3, team.editor, sessions[0])
    assert "Changement de salle" in page_source(clients.editor.get(path))


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"subject": "Salle\r\nBcc: victime@example.org", "body": "x"}, "Ce champ doit tenir sur une seule ligne."),
        ({"subject": "S" * 500, "body": "x"}, "au plus 150 caractères"),
        ({"subject": "Objet", "body": "B" * 6000}, "au plus 5000 caractères"),
        ({"subject": "", "body": ""}, "Champ requis."),
    ],
)
def test_hostile_messages_are_refused_in_french_and_send_nothing(
    clients, action, first_target, sessions, data, error, django_capture_on_commit_callbacks
):
    registered(first_target, django_capture_on_commit_callbacks, "a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = clients.editor.post(message_path(action, sessions[0]), data)
    assert response.status_code == 400
    assert error in page_source(response)
    assert mail.outbox == []
    assert not SessionMessage.objects.exists()


def test_no_one_registered_sends_nothing(clients, action, first_target, sessions):
    response = clients.editor.post(message_path(action, sessions[0]), {"subject": "Objet", "body": "Texte"})
    assert response.status_code == 400
    assert "Personne n'est inscrit" in page_source(response)


def test_unknown_targets_are_not_found_and_the_board_is_refused(clients, action, first_target, sessions):
    assert clients.editor.get(message_path(action)).status_code == 404, "per session: no cycle target"
    assert clients.editor.get(f"/admin/inscriptions/message/{action.pk}/999999/").status_code == 404
    assert clients.editor.get("/admin/inscriptions/message/999999/").status_code == 404
    assert clients.board[0].get(message_path(action, sessions[0])).status_code in (302, 403)
