from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Rédaction")

    def ready(self) -> None:
        from wagtail.models import TaskState, WorkflowState
        from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

        from editorial import notifications

        # Wagtail's own workflow emails are sent inside the request and in English:
        # replace them with French ones sent by Celery.
        for signal, sender, uid in (
            (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
            (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
            (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
            (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
        ):
            signal.disconnect(sender=sender, dispatch_uid=uid)
        task_submitted.connect(notifications.on_task_submitted, dispatch_uid="editorial_task_submitted")
        workflow_approved.connect(notifications.on_workflow_approved, dispatch_uid="editorial_workflow_approved")
        workflow_rejected.connect(notifications.on_workflow_rejected, dispatch_uid="editorial_workflow_rejected")
