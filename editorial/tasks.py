"""Celery tasks of the editorial circuit: notifications and scheduled publishing."""

from celery import shared_task
from django.core.management import call_command

from editorial import notifications


@shared_task(name="editorial.task_submitted_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def task_submitted_email(task_state_id: int) -> int:
    return notifications.task_submitted_notify(task_state_id=task_state_id)


@shared_task(name="editorial.workflow_finished_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def workflow_finished_email(workflow_state_id: int, approved: bool) -> int:
    return notifications.workflow_finished_notify(workflow_state_id=workflow_state_id, approved=approved)


@shared_task(name="editorial.workflow_cancelled_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def workflow_cancelled_email(workflow_state_id: int) -> int:
    return notifications.workflow_cancelled_notify(workflow_state_id=workflow_state_id)


@shared_task(name="editorial.publish_scheduled")
def publish_scheduled() -> None:
    """Publish pages whose go-live time has come and unpublish expired ones (run by beat each minute)."""
    call_command("publish_scheduled", verbosity=0)
