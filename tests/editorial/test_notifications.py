"""Who is told what, in French, at each step: whoever must act next, and the author at the end.

The emails are sent by Celery tasks queued on transaction commit (eager in tests): each step runs
inside django_capture_on_commit_callbacks(execute=True), as the commit would run them.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core import mail

from editorial import roles
from outbox.tasks import sweep
from tests import factories
from tests.editorial.helpers import current_task_state, edit_url, post_edit, workflow_action
from tests.outages import broker_down
from tests.users import role_group

TITLE = "Orientations de travail 2025"


@pytest.fixture
def step(django_capture_on_commit_callbacks) -> Callable[..., list[Any]]:
    """Run one step as a committed request would, and return the emails it sent."""

    def run(function: Callable[..., Any], *args: Any, **kwargs: Any) -> list[Any]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            function(*args, **kwargs)
        return list(mail.outbox)

    return run


@pytest.fixture
def programme(db):
    return factories.ProgrammePageFactory(live=False, title=TITLE, year=2025)


def link(page) -> str:
    return settings.BASE_URL + edit_url(page)


def test_submit__tells_the_reviewers_in_french_with_a_link(team, clients, programme, step, django_user_model):
    absent = django_user_model.objects.create_user("ancien.relecteur", "ancien@example.org", is_active=False)
    absent.groups.add(role_group(roles.REVIEWERS))

    sent = step(post_edit, clients.editor, programme, "action-submit")

    assert [(email.subject, email.to) for email in sent] == [
        (f"À relire : « {TITLE} » (Relecture)", ["karim.haddad@example.org"])
    ]
    body = sent[0].body
    assert body.startswith("Bonjour Karim,")
    assert f"Léa Dubois a soumis « {TITLE} » à l'étape « Relecture » du circuit éditorial." in body
    assert link(programme) in body
    assert sent[0].from_email == settings.DEFAULT_FROM_EMAIL


def test_relecture_approval__tells_each_board_member_separately(team, clients, programme, step):
    step(post_edit, clients.editor, programme, "action-submit")

    sent = step(workflow_action, clients.reviewer, programme, "approve", comment="Bon pour le Bureau.")

    assert sorted(email.to[0] for email in sent) == sorted(member.email for member in team.board)
    assert all(len(email.to) == 1 and not email.cc and not email.bcc for email in sent)
    assert {email.subject for email in sent} == {f"À relire : « {TITLE} » (Validation du Bureau)"}
    greeting = {email.to[0]: email.body.splitlines()[0] for email in sent}
    assert greeting["anne.lefevre@example.org"] == "Bonjour Anne,"
    assert all(link(programme) in email.body for email in sent)


def test_partial_board_vote__sends_nothing(team, clients, programme, step):
    step(post_edit, clients.editor, programme, "action-submit")
    step(workflow_action, clients.reviewer, programme, "approve")

    assert step(workflow_action, clients.board[0], programme, "approve") == []


def test_final_approval__tells_the_author_the_page_is_published(team, clients, programme, step):
    step(post_edit, clients.editor, programme, "action-submit")
    step(workflow_action, clients.reviewer, programme, "approve")
    step(workflow_action, clients.board[0], programme, "approve")

    sent = step(workflow_action, clients.board[1], programme, "approve", comment="Belle synthèse.")

    assert [(email.subject, email.to) for email in sent] == [(f"Validée : « {TITLE} »", ["lea.dubois@example.org"])]
    body = sent[0].body
    assert body.startswith("Bonjour Léa,")
    assert f"« {TITLE} » a franchi toutes les étapes du circuit éditorial et est publiée." in body
    assert "Commentaire de Bruno Petit :\nBelle synthèse." in body
    assert link(programme) in body


@pytest.mark.parametrize("at_board", [False, True], ids=["Relecture", "Bureau"])
def test_rejection__tells_the_author_with_the_comment(team, clients, programme, step, at_board):
    step(post_edit, clients.editor, programme, "action-submit")
    rejecter, name = clients.reviewer, "Karim Haddad"
    if at_board:
        step(workflow_action, clients.reviewer, programme, "approve")
        rejecter, name = clients.board[2], "Chloé Moreau"

    sent = step(workflow_action, rejecter, programme, "reject", comment="Revoir l'axe 2.")

    assert [(email.subject, email.to) for email in sent] == [(f"À reprendre : « {TITLE} »", ["lea.dubois@example.org"])]
    body = sent[0].body
    assert f"« {TITLE} » vous est renvoyée par {name} avec des demandes de modification." in body
    assert "Commentaire :\nRevoir l'axe 2." in body
    assert f"Modifier la page puis la soumettre à nouveau : {link(programme)}" in body


def test_resubmit__tells_whoever_must_act_on_the_resumed_step(team, clients, programme, step):
    step(post_edit, clients.editor, programme, "action-submit")
    step(workflow_action, clients.reviewer, programme, "approve")
    step(workflow_action, clients.board[0], programme, "reject", comment="Non.")

    sent = step(post_edit, clients.editor, programme, "action-submit")

    assert current_task_state(programme).task.name == "Validation du Bureau"
    assert sorted(email.to[0] for email in sent) == sorted(member.email for member in team.board)


def test_scheduled_approval__announces_the_date_in_paris_time(team, clients, step):
    action = factories.ActionPageFactory(live=False, title="Séminaire des élu·e·s")
    step(post_edit, clients.editor, action, "action-submit", go_live_at="15/07/2030 10:00")

    sent = step(workflow_action, clients.reviewer, action, "approve")

    assert [email.subject for email in sent] == ["Validée : « Séminaire des élu·e·s »"]
    assert "et sera publiée le 15 juillet 2030 à 10:00." in sent[0].body


def test_submit__broker_down__the_reviewers_are_told_once_it_is_back(team, clients, programme, step):
    with broker_down():
        assert step(post_edit, clients.editor, programme, "action-submit") == []

    sweep.delay()  # beat's sweep, the broker back

    assert [email.to for email in mail.outbox] == [["karim.haddad@example.org"]]
