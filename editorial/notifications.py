"""Who is told what when a page moves through its workflow; the sending happens in Celery."""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import GroupApprovalTask, TaskState, WorkflowState
from wagtail.permissions import page_permission_policy

from editorial import roles
from editorial.models import BoardValidationTask
from outbox.services import task_enqueue

logger = logging.getLogger(__name__)


def _edit_url(page: Any) -> str:
    return settings.BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])


def _send(*, template: str, recipients: list[Any], context: dict[str, Any]) -> int:
    """Send one email per recipient (never reveal the other recipients); return how many were sent."""
    sent = 0
    for user in recipients:
        if not user.email:
            continue
        body = render_to_string(f"editorial/emails/{template}.txt", {**context, "recipient": user})
        # One line, whatever a title holds: a line break in a header is an injection.
        subject = " ".join(render_to_string(f"editorial/emails/{template}_subject.txt", context).split())
        sent += send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return sent


def task_reviewers(task_state: TaskState) -> list[Any]:
    """The people who must act on this task now: the page's centre's board or reviewers, never another's."""
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    users = get_user_model().objects.filter(is_active=True)
    if isinstance(task, BoardValidationTask):
        users = users.filter(groups=task.board_group_id(page))
    elif isinstance(task, GroupApprovalTask):
        # Administrators may act at this step but are not paged for every submission.
        publishers = page_permission_policy.users_with_permission_for_instance(
            "publish", page, include_superusers=False
        )
        users = users.filter(groups__in=task.groups.exclude(name=roles.ADMINISTRATORS), pk__in=publishers.values("pk"))
    else:
        return []
    return list(users.exclude(pk=task_state.workflow_state.requested_by_id).distinct())


def task_submitted_notify(*, task_state_id: int) -> int:
    task_state = TaskState.objects.select_related("workflow_state", "revision").get(pk=task_state_id)
    page = task_state.revision.as_object()
    context = {
        "page": page,
        "task": task_state.task,
        "url": _edit_url(page),
        "author": task_state.workflow_state.requested_by,
    }
    return _send(template="task_submitted", recipients=task_reviewers(task_state), context=context)


def workflow_finished_notify(*, workflow_state_id: int, approved: bool) -> int:
    workflow_state = WorkflowState.objects.select_related("requested_by").get(pk=workflow_state_id)
    page = workflow_state.content_object.specific
    last = workflow_state.task_states.exclude(status=TaskState.STATUS_IN_PROGRESS).order_by("-finished_at").first()
    context = {
        "page": page,
        "url": _edit_url(page),
        "comment": last.comment if last else "",
        "finished_by": last.finished_by if last else None,
        "go_live_at": page.go_live_at,
    }
    template = "workflow_approved" if approved else "workflow_rejected"
    recipients = [workflow_state.requested_by] if workflow_state.requested_by else []
    return _send(template=template, recipients=recipients, context=context)


def workflow_cancelled_notify(*, workflow_state_id: int) -> int:
    """Tell the author that an administrator cancelled the circuit, why, and who."""
    workflow_state = WorkflowState.objects.select_related("requested_by", "current_task_state__finished_by").get(
        pk=workflow_state_id
    )
    page = workflow_state.content_object.specific
    task_state = workflow_state.current_task_state
    context = {
        "page": page,
        "url": _edit_url(page),
        "workflow": workflow_state.workflow,
        "comment": task_state.comment if task_state else "",
        "cancelled_by": task_state.finished_by if task_state else None,
    }
    recipients = [workflow_state.requested_by] if workflow_state.requested_by else []
    return _send(template="workflow_cancelled", recipients=recipients, context=context)


def _enqueue_after_commit(task_name: str, *args: Any) -> None:
    """Queue the email once the transition is committed; through a broker outage it waits in the outbox."""
    from editorial import tasks  # the tasks call this module

    task_enqueue(task=getattr(tasks, task_name), args=list(args))


def on_task_submitted(sender: Any, instance: TaskState, user: Any = None, **kwargs: Any) -> None:
    _enqueue_after_commit("task_submitted_email", instance.pk)


def on_workflow_approved(sender: Any, instance: WorkflowState, user: Any = None, **kwargs: Any) -> None:
    _enqueue_after_commit("workflow_finished_email", instance.pk, True)


def on_workflow_rejected(sender: Any, instance: WorkflowState, user: Any = None, **kwargs: Any) -> None:
    _enqueue_after_commit("workflow_finished_email", instance.pk, False)
