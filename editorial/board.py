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
    if not task.is_member(user) and not user.is_superuser:
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
        needed = task.approvals_needed()
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
