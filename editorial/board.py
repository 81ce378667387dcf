"""Recording a board member's vote and closing the validation when it has enough."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from wagtail.log_actions import log
from wagtail.models import TaskState

from editorial.models import BoardValidationTask, BoardVote

VOTE_LOG_ACTION = "editorial.board_vote"


def board_vote_record(
    *, task: BoardValidationTask, task_state: TaskState, user: Any, action_name: str, comment: str = "", **_: Any
) -> BoardVote:
    """Record the vote; a rejection rejects at once, the K-th distinct approval approves.

    The task state row is locked so that two members voting at once cannot both
    miss, or both make, the last approval.
    """
    page = task_state.workflow_state.content_object
    if not task.is_member(user, page) and not user.is_superuser:
        raise PermissionDenied
    with transaction.atomic():
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied
        try:
            with transaction.atomic():
                vote = BoardVote.objects.create(
                    task_state=task_state, user=user, approved=action_name == "approve", comment=comment
                )
        except IntegrityError as error:
            raise PermissionDenied("A board member votes once per validation.") from error
        approvals = BoardVote.objects.filter(task_state=task_state, approved=True).count()
        needed = task.approvals_needed(page)
        if not vote.approved:
            task_state.reject(user=user, comment=comment)
        elif approvals >= needed:
            task_state.approve(user=user, comment=comment)
        else:
            log(
                instance=task_state.revision.as_object(),
                action=VOTE_LOG_ACTION,
                user=user,
                data={"approvals": approvals, "needed": needed, "comment": comment, "task": task.name},
            )
    return vote


RESTART_LOG_ACTION = "editorial.board_restart"


def board_restart_after_edit(page: Any, user: Any) -> bool:
    """An edit during board validation voids the votes at once: the circuit starts again on the new revision.

    Wagtail (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT) would only notice when the last vote
    completes the task, so members would go on voting on a text that has changed. Cancelling
    the task state lets the workflow pick its next task for the latest revision: Relecture.
    """
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_IN_PROGRESS:
        return False
    with transaction.atomic():
        task_state = TaskState.objects.select_for_update().filter(pk=workflow_state.current_task_state_id).first()
        if (
            task_state is None
            or task_state.status != TaskState.STATUS_IN_PROGRESS
            or not isinstance(task_state.task.specific, BoardValidationTask)
            or task_state.revision_id == page.latest_revision_id
        ):
            return False
        votes = task_state.board_votes.count()
        task_state.cancel(user=user)
        log(instance=page, action=RESTART_LOG_ACTION, user=user, data={"votes": votes})
    return True
