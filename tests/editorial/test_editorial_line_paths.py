"""Once a page engages the editorial line, only an administrator unflags it: on every path that makes a revision.

Each test drives the real admin views as the role named; a page flagged by Rédaction must reach
« Validation du Bureau » whatever the path (edit, revert, copy, move, « Proposer des contenus »).
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState

from editorial.board import RESTART_LOG_ACTION
from editorial.models import BoardVote
from editorial.workflows import BOARD_WORKFLOW, REVIEW_WORKFLOW, WORKFLOW_TASKS
from tests import factories
from tests.editorial.helpers import (
    action_form_data,
    current_task_state,
    edit_url,
    post_edit,
    submit,
    workflow_action,
)

REFUSAL = "Seule l&#x27;administration peut retirer ce marquage"


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def revert_url(page, revision) -> str:
    return reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])


def latest_flag(page) -> bool:
    return fresh(page).get_latest_revision_as_object().engages_editorial_line


@pytest.fixture
def flagged(team, clients):
    """An action Rédaction saved unflagged, then flagged: returns the page and its unflagged first revision."""
    action = factories.ActionPageFactory(live=False, owner=team.editor, title="Rencontre des conseils citoyens")
    assert post_edit(clients.editor, action).status_code == 302
    unflagged = fresh(action).latest_revision
    assert post_edit(clients.editor, action, engages_editorial_line="on").status_code == 302
    assert latest_flag(action)
    return action, unflagged


def revert_form_data(client, page, revision, **overrides):
    """What the browser posts from the revert view: the old revision's values, with the flag the form shows ticked."""
    response = client.get(revert_url(page, revision))
    assert response.status_code == 200
    old = revision.as_object()
    old.engages_editorial_line = bool(response.context["form"]["engages_editorial_line"].value())
    return action_form_data(old, **overrides)


# Revert


def test_revert__a_flagged_page_reverted_and_submitted_by_redaction_goes_to_the_board(team, clients, flagged):
    action, unflagged = flagged

    response = clients.editor.post(
        revert_url(action, unflagged), revert_form_data(clients.editor, action, unflagged, **{"action-submit": "1"})
    )

    assert response.status_code == 302
    action = fresh(action)
    assert action.current_workflow_state.workflow.name == BOARD_WORKFLOW
    assert latest_flag(action)
    workflow_action(clients.reviewer, action, "approve")
    action = fresh(action)
    assert action.current_workflow_task.name == WORKFLOW_TASKS["board"]
    assert not action.live


def test_revert__unticking_the_flag_while_reverting_is_refused_to_redaction(team, clients, flagged):
    action, unflagged = flagged
    data = action_form_data(unflagged.as_object(), **{"action-submit": "1"})

    response = clients.editor.post(revert_url(action, unflagged), data)

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    action = fresh(action)
    assert action.current_workflow_state is None
    assert latest_flag(action)


def test_revert__relecture_cannot_publish_a_flagged_page_by_reverting_it(team, clients, flagged):
    action, unflagged = flagged

    clients.reviewer.post(
        revert_url(action, unflagged), revert_form_data(clients.reviewer, action, unflagged, **{"action-publish": "1"})
    )

    action = fresh(action)
    assert not action.live
    assert latest_flag(action)


def test_revert__an_administrator_may_unflag_and_send_the_page_through_relecture_simple(team, clients, flagged):
    action, unflagged = flagged
    data = action_form_data(unflagged.as_object(), **{"action-submit": "1"})

    response = clients.administrator.post(revert_url(action, unflagged), data)

    assert response.status_code == 302
    action = fresh(action)
    assert not latest_flag(action)
    assert action.current_workflow_state.workflow.name == REVIEW_WORKFLOW


# Copy and move


def copy_post(client, page, slug):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": f"{page.title} (copie)", "new_slug": slug, "new_parent_page": str(page.get_parent().pk)},
    )


@pytest.mark.parametrize("live", [False, True], ids=["draft", "live with a flagged draft"])
def test_copy__the_copy_of_a_flagged_page_keeps_the_flag_and_goes_to_the_board(team, clients, live):
    action = factories.ActionPageFactory(live=live, owner=team.editor, title="Rencontre des conseils citoyens")
    post_edit(clients.editor, action, engages_editorial_line="on")

    response = copy_post(clients.editor, action, "rencontre-copie")

    assert response.status_code == 302
    copy = Page.objects.get(slug="rencontre-copie").specific
    assert latest_flag(copy)
    unticked = action_form_data(copy.get_latest_revision_as_object(), **{"action-submit": "1"})
    unticked.pop("engages_editorial_line")
    assert REFUSAL in clients.editor.post(edit_url(copy), unticked).content.decode()
    post_edit(clients.editor, copy, "action-submit")
    assert fresh(copy).current_workflow_state.workflow.name == BOARD_WORKFLOW


def test_move__a_flagged_page_moved_to_another_programme_keeps_the_flag_and_goes_to_the_board(team, clients, flagged):
    action, _ = flagged
    target = factories.ProgrammePageFactory(live=False, parent=action.get_parent().get_parent())

    response = clients.editor.post(reverse("wagtailadmin_pages:move_confirm", args=[action.pk, target.pk]))

    assert response.status_code == 302
    action = fresh(action)
    assert latest_flag(action)
    post_edit(clients.editor, action, "action-submit")
    assert fresh(action).current_workflow_state.workflow.name == BOARD_WORKFLOW


# « Proposer des contenus »


def test_proposals__accepted_during_board_validation_void_the_votes_like_an_edit(team, clients, home_page):
    issue = factories.NewsletterIssuePageFactory(live=False, number=1)
    publication = factories.PublicationPageFactory(title="Repères pour agir n° 12")
    Page.objects.filter(pk=publication.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=3))
    submit(issue, team.editor)
    current_task_state(issue).approve(user=team.reviewer, comment="Relu")
    first_run = current_task_state(issue)
    workflow_action(clients.board[0], issue, "approve")
    assert BoardVote.objects.filter(task_state=first_run).count() == 1

    response = clients.board[1].post(reverse("newsletters_proposals", args=[issue.pk]), {"pages": [publication.pk]})

    assert response.status_code == 302
    assert TaskState.objects.get(pk=first_run.pk).status == TaskState.STATUS_CANCELLED
    issue = fresh(issue)
    assert issue.current_workflow_task.name == WORKFLOW_TASKS["review"]
    assert PageLogEntry.objects.get(page=issue, action=RESTART_LOG_ACTION).data == {"votes": 1}


# Bulk publishing from the explorer (held on main too: Wagtail tests the revision it publishes)


def bulk_publish(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return client.post(f"{url}?id={page.pk}", {})


def test_bulk_publish__relecture_cannot_publish_a_programme_from_the_explorer(team, clients):
    programme = factories.ProgrammePageFactory(live=False, title="Orientations de travail 2025", year=2025)
    programme.save_revision(user=team.editor)

    bulk_publish(clients.reviewer, programme)

    assert not fresh(programme).live


def test_bulk_publish__relecture_cannot_publish_the_flagged_draft_of_a_live_action(team, clients):
    action = factories.ActionPageFactory(live=True, owner=team.editor, title="Rencontre des conseils citoyens")
    post_edit(clients.editor, action, engages_editorial_line="on", title="Rencontre des conseils citoyens (v2)")

    bulk_publish(clients.reviewer, action)

    action = fresh(action)
    assert action.title == "Rencontre des conseils citoyens"
    assert action.has_unpublished_changes


def test_bulk_publish__relecture_still_publishes_a_relecture_simple_page(team, clients):
    action = factories.ActionPageFactory(live=False, title="Rencontre des conseils citoyens")
    action.save_revision(user=team.editor)

    bulk_publish(clients.reviewer, action)

    assert fresh(action).live
