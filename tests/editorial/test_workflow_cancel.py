"""Cancelling a circuit is for administrators, confirmed, with a reason the author receives; the board sends back.

Also where a board member lands after voting from the edit view, and their reading of the history
of a page they voted on once its circuit is over.
"""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, WorkflowState

from editorial.cancellation import CANCEL_LOG_ACTION
from editorial.selectors import pages_returned_to_user
from tests import factories
from tests.editorial.helpers import (
    current_task_state,
    edit_url,
    is_denied,
    menu_buttons,
    post_edit,
    submit,
    workflow_action,
)

REASON = "Le programme attend l'arbitrage du conseil d'administration de juin."


@pytest.fixture
def programme(db, team):
    """A programme of the « Circuit éditorial », at the board's validation."""
    programme = factories.ProgrammePageFactory(live=False, title="Orientations de travail 2025", year=2025)
    submit(programme, team.editor)
    current_task_state(programme).approve(user=team.reviewer, comment="Relu")
    return programme


def _cancel_url(page) -> str:
    return reverse("editorial_workflow_cancel", args=[page.pk])


def _workflow_status(page) -> str:
    return WorkflowState.objects.filter(object_id=str(page.pk)).latest("pk").status


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_edit_menu__offers_the_one_click_cancel_to_nobody_and_the_confirmation_to_administrators(clients, programme):
    board = menu_buttons(clients.board[0].get(edit_url(programme)))
    administrator = clients.administrator.get(edit_url(programme))

    assert "action-cancel-workflow" not in board
    assert "editorial-cancel-workflow" not in board
    assert "action-cancel-workflow" not in menu_buttons(administrator)
    assert "editorial-cancel-workflow" in menu_buttons(administrator)
    assert _cancel_url(programme) in administrator.content.decode()


def test_board_member__cannot_cancel_by_posting_the_button_or_the_view(clients, programme):
    refused = post_edit(clients.board[0], programme, "action-cancel-workflow")

    assert refused.status_code == 302
    assert refused["Location"] == edit_url(programme)
    assert any("n'a pas été annulé" in message for message in _messages(refused))
    assert is_denied(clients.board[0].get(_cancel_url(programme)))
    assert is_denied(clients.board[0].post(_cancel_url(programme), {"reason": REASON}))
    assert is_denied(clients.reviewer.post(_cancel_url(programme), {"reason": REASON}))
    assert _workflow_status(programme) == WorkflowState.STATUS_IN_PROGRESS
    assert not PageLogEntry.objects.filter(page=programme, action="wagtail.workflow.cancel").exists()


def test_administrator__confirms_with_a_reason(clients, programme):
    confirmation = clients.administrator.get(_cancel_url(programme))
    without_reason = clients.administrator.post(_cancel_url(programme), {"reason": "  "})

    assert confirmation.status_code == 200
    assert "Validation du Bureau" in confirmation.content.decode()
    assert without_reason.status_code == 400
    assert "Indiquez le motif" in without_reason.content.decode()
    assert _workflow_status(programme) == WorkflowState.STATUS_IN_PROGRESS


def test_administrator__cancels_and_the_author_is_told_and_sees_it_sent_back(
    team, clients, programme, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = clients.administrator.post(_cancel_url(programme), {"reason": REASON})

    assert response.status_code == 302
    assert _workflow_status(programme) == WorkflowState.STATUS_CANCELLED
    assert [(email.subject, email.to) for email in mail.outbox] == [
        ("Circuit annulé : « Orientations de travail 2025 »", ["lea.dubois@example.org"])
    ]
    body = mail.outbox[0].body
    assert "annulé par Sophie Bernard" in body
    assert REASON in body
    entry = PageLogEntry.objects.get(page=programme, action=CANCEL_LOG_ACTION)
    assert entry.user == team.administrator
    assert entry.data["reason"] == REASON
    # No revision is saved in the administrator's name: nothing was edited.
    assert not PageLogEntry.objects.filter(page=programme, action="wagtail.edit", user=team.administrator).exists()
    (returned,) = pages_returned_to_user(user=team.editor)
    assert (returned.page.pk, returned.cancelled, returned.comment) == (programme.pk, True, REASON)
    assert returned.returned_by == team.administrator
    dashboard = clients.editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Circuit annulé par Sophie Bernard" in dashboard


def test_returned_pages__forget_a_cancelled_circuit_once_the_page_is_submitted_again(team, clients, programme):
    clients.administrator.post(_cancel_url(programme), {"reason": REASON})

    submit(Page.objects.get(pk=programme.pk), team.editor)

    assert pages_returned_to_user(user=team.editor) == []


def test_board_vote_from_the_edit_view__lands_on_the_dashboard_without_a_refusal(clients, programme):
    response = post_edit(clients.board[0], programme, "action-workflow-action", **{"workflow-action-name": "approve"})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    followed = clients.board[0].get(response["Location"])
    assert "pas les autorisations" not in followed.content.decode()


def test_board_member_who_voted__reads_the_history_once_the_circuit_is_over(clients, programme):
    workflow_action(clients.board[0], programme, "approve")
    last_vote = workflow_action(clients.board[1], programme, "approve")
    assert Page.objects.get(pk=programme.pk).live
    # The edit view is closed to them now: the last vote leads to the dashboard.
    assert last_vote["Location"] == reverse("wagtailadmin_home")
    history = reverse("wagtailadmin_pages:history", args=[programme.pk])

    assert clients.board[0].get(history).status_code == 200
    assert clients.board[1].get(reverse("wagtailadmin_pages:history_results", args=[programme.pk])).status_code == 200
    # The third member did not vote on it: the page is no longer theirs to read.
    assert is_denied(clients.board[2].get(history))
