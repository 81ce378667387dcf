"""Every transition of the two circuits through the admin views, the refusals, and what the history keeps.

« Relecture simple »: Relecture. « Circuit éditorial »: Relecture, then « Validation du Bureau »
(three board members in these tests: the majority, K, is two).
"""

import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from editorial.board import RESTART_LOG_ACTION, VOTE_LOG_ACTION
from editorial.models import BoardValidationTask, BoardVote
from editorial.workflows import BOARD_WORKFLOW, REVIEW_WORKFLOW, WORKFLOW_TASKS
from tests import factories
from tests.editorial.helpers import (
    current_task_state,
    edit_url,
    is_denied,
    page_form_data,
    post_edit,
    submit,
    workflow_action,
)

REVIEW, BOARD_TASK = WORKFLOW_TASKS["review"], WORKFLOW_TASKS["board"]


@pytest.fixture
def action(db):
    """A draft action: « Relecture simple »."""
    return factories.ActionPageFactory(live=False, title="Séminaire des élu·e·s : la gestion urbaine de proximité")


@pytest.fixture
def programme(db):
    """A draft programme: « Circuit éditorial »."""
    return factories.ProgrammePageFactory(live=False, title="Orientations de travail 2025", year=2025)


def at_board(page, team):
    submit(page, team.editor)
    current_task_state(page).approve(user=team.reviewer, comment="Relu")
    return page


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def rendered_labels(response) -> list[str]:
    """The workflow buttons' labels as the edit page renders them."""
    return re.findall(r"Valider[^<\n]*\)", response.content.decode())


def log_actions(page) -> list[tuple[str, str]]:
    entries = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
    return [(entry.action, entry.user.username if entry.user else "") for entry in entries]


# Submitting


def test_submit__starts_the_pages_workflow_at_relecture(team, clients, action):
    response = post_edit(clients.editor, action, "action-submit")

    assert response.status_code == 302
    assert any("soumise pour modération" in str(m) for m in get_messages(response.wsgi_request))
    state = fresh(action).current_workflow_state
    assert state.workflow.name == REVIEW_WORKFLOW
    assert state.requested_by == team.editor
    assert state.current_task_state.task.name == REVIEW
    assert ("wagtail.workflow.start", "lea.dubois") in log_actions(action)
    assert not fresh(action).live


def test_submit__page_in_review_is_locked_for_its_editor(team, clients, action):
    submit(action, team.editor)

    response = post_edit(clients.editor, action, None, title="Modifié pendant la relecture")

    assert response.status_code == 200
    assert "verrouillée" in response.content.decode()
    assert fresh(action).get_latest_revision_as_object().title != "Modifié pendant la relecture"


# Relecture


def test_relecture_approve__publishes_a_relecture_simple_page_and_logs_the_comment(team, clients, action):
    submit(action, team.editor)

    response = workflow_action(clients.reviewer, action, "approve", comment="Parfait, on publie.")

    assert response.status_code == 302
    action = fresh(action)
    assert action.live
    state = action.workflow_states.get()
    assert state.status == WorkflowState.STATUS_APPROVED
    approval = PageLogEntry.objects.get(page=action, action="wagtail.workflow.approve")
    assert approval.user == team.reviewer
    assert approval.timestamp is not None
    assert approval.data["comment"] == "Parfait, on publie."
    assert ("wagtail.publish", "karim.haddad") in log_actions(action)


def test_relecture_reject__sends_the_page_back_with_the_comment(team, clients, action):
    submit(action, team.editor)

    response = workflow_action(clients.reviewer, action, "reject", comment="Préciser le lieu des séances.")

    assert response.status_code == 302
    action = fresh(action)
    assert not action.live
    state = action.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Préciser le lieu des séances."
    rejection = PageLogEntry.objects.get(page=action, action="wagtail.workflow.reject")
    assert (rejection.user, rejection.data["comment"]) == (team.reviewer, "Préciser le lieu des séances.")
    # Back with its author, who may edit it again and resubmit.
    page = clients.editor.get(edit_url(action)).content.decode()
    assert f"Resoumettre à {REVIEW}" in page


def test_relecture_approve__moves_a_circuit_page_on_to_the_board(team, clients, programme):
    submit(programme, team.editor)

    workflow_action(clients.reviewer, programme, "approve", comment="Bon pour le Bureau.")

    programme = fresh(programme)
    assert not programme.live
    assert programme.current_workflow_state.workflow.name == BOARD_WORKFLOW
    assert programme.current_workflow_task.name == BOARD_TASK


def test_relecture_approve__refused_to_someone_outside_the_relecture_group(team, clients, action):
    submit(action, team.editor)

    response = workflow_action(clients.editor, action, "approve")

    assert is_denied(response)
    assert current_task_state(action).status == TaskState.STATUS_IN_PROGRESS


# The board


def test_board__one_approval_of_two_needed_keeps_the_page_waiting(team, clients, programme):
    at_board(programme, team)

    response = workflow_action(clients.board[0], programme, "approve", comment="D'accord.")

    assert response.status_code == 302
    programme = fresh(programme)
    assert not programme.live
    assert programme.current_workflow_task.name == BOARD_TASK
    assert current_task_state(programme).status == TaskState.STATUS_IN_PROGRESS
    assert BoardVote.objects.filter(task_state=current_task_state(programme)).count() == 1


def test_board__completes_when_k_distinct_members_approve(team, clients, programme):
    at_board(programme, team)

    workflow_action(clients.board[0], programme, "approve", comment="D'accord.")
    workflow_action(clients.board[1], programme, "approve", comment="Validé.")

    programme = fresh(programme)
    assert programme.live
    assert programme.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    final = PageLogEntry.objects.filter(page=programme, action="wagtail.workflow.approve").latest("timestamp")
    assert (final.user, final.data["comment"]) == (team.board[1], "Validé.")
    assert final.data["workflow"]["task"]["title"] == BOARD_TASK


def test_board__required_approvals_overrides_the_majority(team, clients, programme):
    BoardValidationTask.objects.update(required_approvals=3)
    at_board(programme, team)

    workflow_action(clients.board[0], programme, "approve")
    workflow_action(clients.board[1], programme, "approve")
    assert not fresh(programme).live
    workflow_action(clients.board[2], programme, "approve")

    assert fresh(programme).live


def test_board__one_rejection_sends_the_page_back_to_its_author(team, clients, programme):
    at_board(programme, team)
    workflow_action(clients.board[0], programme, "approve")

    response = workflow_action(clients.board[1], programme, "reject", comment="L'axe 2 engage trop le centre.")

    assert response.status_code == 302
    programme = fresh(programme)
    assert not programme.live
    state = programme.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.requested_by == team.editor
    assert state.current_task_state.comment == "L'axe 2 engage trop le centre."
    # The third member has nothing left to vote on: back to the edit page, no vote recorded.
    late = workflow_action(clients.board[2], programme, "approve", task_state=state.current_task_state)
    assert (late.status_code, late.url) == (302, edit_url(programme))
    assert not BoardVote.objects.filter(user=team.board[2]).exists()


def test_board_vote__a_member_cannot_vote_twice(team, clients, programme):
    at_board(programme, team)
    task_state = current_task_state(programme)
    workflow_action(clients.board[0], programme, "approve")

    again = workflow_action(clients.board[0], programme, "approve", task_state=task_state)
    change_of_mind = workflow_action(clients.board[0], programme, "reject", task_state=task_state)

    assert is_denied(again)
    assert is_denied(change_of_mind)
    assert BoardVote.objects.filter(task_state=task_state).count() == 1
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not fresh(programme).live


def test_board_vote__cast_from_the_edit_views_menu_with_a_comment(team, clients):
    # « Valider avec un commentaire » in the edit view: the modal (collect_workflow_action_data)
    # returns the comment, then the edit form is posted with the workflow action.
    action = factories.ActionPageFactory(live=False, engages_editorial_line=True, body=[])
    at_board(action, team)
    task_state = current_task_state(action)
    url = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[action.pk, "approve", task_state.pk])
    assert clients.board[0].get(url).status_code == 200
    collected = clients.board[0].post(url, {"comment": "Oui, sans réserve."}).json()
    assert collected == {"step": "success", "cleaned_data": {"comment": "Oui, sans réserve."}}
    revisions = action.revisions.count()

    response = post_edit(
        clients.board[0],
        action,
        "action-workflow-action",
        **{"workflow-action-name": "approve", "workflow-action-extra-data": json.dumps(collected["cleaned_data"])},
    )

    assert response.status_code == 302
    assert action.revisions.count() == revisions  # nothing edited: the vote applies to the revision submitted
    vote = BoardVote.objects.get(task_state=task_state)
    assert (vote.user, vote.approved, vote.comment) == (team.board[0], True, "Oui, sans réserve.")
    assert not fresh(action).live


def test_collect_workflow_action_data__refused_outside_the_board(team, clients, programme):
    at_board(programme, team)
    task_state = current_task_state(programme)
    url = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[programme.pk, "approve", task_state.pk])

    assert is_denied(clients.editor.get(url))
    assert is_denied(clients.reviewer.post(url, {"comment": "Je valide aussi."}))


def test_board_vote__progress_shows_on_the_other_members_buttons(team, clients, programme):
    at_board(programme, team)
    assert rendered_labels(clients.board[1].get(edit_url(programme)))[0] == "Valider (0 sur 2)"
    workflow_action(clients.board[0], programme, "approve")

    other = clients.board[1].get(edit_url(programme))
    voter = clients.board[0].get(edit_url(programme))

    assert rendered_labels(other) == ["Valider (1 sur 2)", "Valider avec un commentaire (1 sur 2)"]
    assert rendered_labels(voter) == []


def test_board_vote__partial_vote_appears_in_the_page_history(team, clients, programme):
    at_board(programme, team)
    workflow_action(clients.board[0], programme, "approve", comment="D'accord sur le fond.")

    response = clients.reviewer.get(reverse("wagtailadmin_pages:history", args=[programme.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vote du Bureau" in html
    assert "Anne Lefèvre" in html
    entry = PageLogEntry.objects.get(page=programme, action=VOTE_LOG_ACTION)
    assert entry.user == team.board[0]
    assert entry.data == {"approvals": 1, "needed": 2, "comment": "D'accord sur le fond.", "task": BOARD_TASK}


def test_board_vote__page_history_shows_the_votes_comment_and_count(team, clients, programme):
    at_board(programme, team)
    workflow_action(clients.board[0], programme, "approve", comment="D'accord sur le fond.")

    html = clients.reviewer.get(reverse("wagtailadmin_pages:history", args=[programme.pk])).content.decode()

    assert "D&#x27;accord sur le fond." in html or "D'accord sur le fond." in html
    assert "1 sur 2" in html


def test_board_history__every_transition_is_logged_with_who_and_comment(team, clients, programme):
    post_edit(clients.editor, programme, "action-submit")
    workflow_action(clients.reviewer, programme, "approve", comment="Relu.")
    workflow_action(clients.board[0], programme, "approve", comment="Oui.")
    workflow_action(clients.board[1], programme, "reject", comment="Non, pas en l'état.")

    entries = PageLogEntry.objects.filter(page=programme).exclude(action__in=["wagtail.create", "wagtail.edit"])
    logged = [
        (entry.action, entry.user.username, entry.data.get("comment", "")) for entry in entries.order_by("timestamp")
    ]
    assert logged == [
        ("wagtail.workflow.start", "lea.dubois", ""),
        ("wagtail.workflow.approve", "karim.haddad", "Relu."),
        (VOTE_LOG_ACTION, "anne.lefevre", "Oui."),
        ("wagtail.workflow.reject", "bruno.petit", "Non, pas en l'état."),
    ]
    html = clients.editor.get(reverse("wagtailadmin_pages:history", args=[programme.pk])).content.decode()
    for who in ("Léa Dubois", "Karim Haddad", "Anne Lefèvre", "Bruno Petit"):
        assert who in html
    assert "Non, pas en l&#x27;état." in html


# Editing a page in review


def test_edit_during_board_validation__restarts_the_circuit_and_resets_the_votes(team, clients, programme):
    at_board(programme, team)
    first_run = current_task_state(programme)
    workflow_action(clients.board[0], programme, "approve")

    edited = post_edit(clients.board[1], programme, None, title="Orientations de travail 2025 (corrigé)")

    assert edited.status_code == 302
    # The edit voids the votes at once: the edited text goes back to Relecture, and the third
    # member, who was about to vote on the old text, no longer can.
    programme = fresh(programme)
    assert programme.current_workflow_task.name == REVIEW
    assert TaskState.objects.get(pk=first_run.pk).status == TaskState.STATUS_CANCELLED
    assert rendered_labels(clients.board[2].get(edit_url(programme))) == []
    assert is_denied(workflow_action(clients.board[2], programme, "approve", task_state=first_run))
    restart = PageLogEntry.objects.get(page=programme, action=RESTART_LOG_ACTION)
    assert restart.user == team.board[1]
    assert restart.data == {"votes": 1}
    history = clients.editor.get(reverse("wagtailadmin_pages:history", args=[programme.pk])).content.decode()
    assert "1 vote(s) annulé(s), retour en relecture" in history

    workflow_action(clients.reviewer, programme, "approve")
    second_run = current_task_state(programme)
    assert second_run.task.name == BOARD_TASK
    assert second_run.pk != first_run.pk
    assert not BoardVote.objects.filter(task_state=second_run).exists()
    assert rendered_labels(clients.board[0].get(edit_url(programme)))[0] == "Valider (0 sur 2)"
    workflow_action(clients.board[0], programme, "approve")
    assert not fresh(programme).live
    workflow_action(clients.board[1], programme, "approve")
    programme = fresh(programme)
    assert programme.live
    assert programme.title == "Orientations de travail 2025 (corrigé)"


def test_vote_with_an_edit__counts_for_nothing_and_the_edited_text_goes_back_to_relecture(team, clients, programme):
    at_board(programme, team)
    data = page_form_data(programme.get_latest_revision_as_object(), title="Orientations de travail 2025 (v2)")
    data |= {"action-workflow-action": "1", "workflow-action-name": "approve"}

    clients.board[0].post(edit_url(programme), data)

    programme = fresh(programme)
    assert not programme.live
    assert programme.current_workflow_task.name == REVIEW
    assert programme.get_latest_revision_as_object().title == "Orientations de travail 2025 (v2)"


def test_edit_during_relecture__the_reviewers_approval_applies_to_the_edited_revision(team, clients, action):
    submit(action, team.editor)

    post_edit(clients.reviewer, action, None, title="Titre corrigé en relecture")
    workflow_action(clients.reviewer, action, "approve")

    # WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT: the approval was given on the revision submitted,
    # not on the edit; Relecture runs again on the edited revision.
    action = fresh(action)
    assert not action.live
    assert action.current_workflow_task.name == REVIEW
    workflow_action(clients.reviewer, action, "approve")
    action = fresh(action)
    assert action.live
    assert action.title == "Titre corrigé en relecture"


def test_resubmit_after_board_rejection__needs_the_board_and_relecture_on_the_new_revision(team, clients, programme):
    at_board(programme, team)
    workflow_action(clients.board[0], programme, "reject", comment="Revoir l'introduction.")

    response = post_edit(clients.editor, programme, "action-submit", title="Orientations de travail 2025 (v2)")

    assert response.status_code == 302
    # « Resoumettre à Validation du Bureau »: the board votes again from zero…
    programme = fresh(programme)
    assert programme.current_workflow_task.name == BOARD_TASK
    assert not BoardVote.objects.filter(task_state=current_task_state(programme)).exists()
    workflow_action(clients.board[1], programme, "approve")
    workflow_action(clients.board[2], programme, "approve")
    # …and Relecture, approved on the rejected revision, runs again on the new one.
    programme = fresh(programme)
    assert not programme.live
    assert programme.current_workflow_task.name == REVIEW
    workflow_action(clients.reviewer, programme, "approve")
    programme = fresh(programme)
    assert programme.live
    assert programme.title == "Orientations de travail 2025 (v2)"


def test_board_member__reads_history_and_compares_revisions_of_the_page_it_validates(team, clients, programme):
    at_board(programme, team)
    workflow_action(clients.board[0], programme, "approve", comment="Oui.")
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[programme.pk, "earliest", "latest"])

    history = clients.board[1].get(reverse("wagtailadmin_pages:history", args=[programme.pk]))

    assert history.status_code == 200
    assert "Oui." in history.content.decode()
    assert clients.board[1].get(compare).status_code == 200


def test_board_member__cannot_read_the_history_of_a_page_outside_its_validation(team, clients, action):
    submit(action, team.editor)

    response = clients.board[0].get(reverse("wagtailadmin_pages:history", args=[action.pk]))
    compare = clients.board[0].get(
        reverse("wagtailadmin_pages:revisions_compare", args=[action.pk, "earliest", "latest"])
    )

    assert is_denied(response)
    assert is_denied(compare)
