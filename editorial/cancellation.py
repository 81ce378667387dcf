"""Cancelling a page's circuit: administrators only, with a reason that reaches the author.

Wagtail lets anyone who may approve the current task cancel the whole workflow from the edit view,
in one click, and records it as an edit of theirs: a single board member could stop the circuit
and the author would never know. Here board members and reviewers send back with a comment; an
administrator cancels, after a confirmation, with a reason. The reason is kept as the cancelled
task's comment, so the page appears in the author's « pages renvoyées » with it; the author gets
an email (through the outbox) and the history an entry naming who cancelled.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, WorkflowState

from editorial import roles, tasks
from outbox.services import task_enqueue

CANCEL_LOG_ACTION = "editorial.workflow_cancel"
# The edit view's own button, which this replaces (see editorial.action_menu).
WAGTAIL_CANCEL_BUTTON = "action-cancel-workflow"


def workflow_cancel(*, page: Page, user: Any, reason: str) -> WorkflowState:
    """Cancel the page's circuit in progress. Raises PermissionDenied, or ValidationError in French."""
    if not roles.is_administrator(user):
        raise PermissionDenied(_("Seul·e un·e administrateur·rice peut annuler un circuit."))
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Indiquez le motif : il est envoyé à l'auteur·rice."))
    with transaction.atomic():
        state = (
            WorkflowState.objects.select_for_update(of=("self",))
            .filter(
                base_content_type=page.get_base_content_type(),
                object_id=str(page.pk),
                status=WorkflowState.STATUS_IN_PROGRESS,
            )
            .select_related("workflow", "current_task_state")
            .first()
        )
        if state is None:
            raise ValidationError(_("Cette page n'est dans aucun circuit en cours."))
        task_state = state.current_task_state
        state.cancel(user=user)
        if task_state is not None:
            TaskState.objects.filter(pk=task_state.pk).update(comment=reason)
        log(
            instance=page.specific,
            action=CANCEL_LOG_ACTION,
            user=user,
            data={"workflow": state.workflow.name, "reason": reason},
        )
        task_enqueue(task=tasks.workflow_cancelled_email, args=[state.pk])
    return state
