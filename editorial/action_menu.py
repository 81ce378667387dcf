"""The action menu: the add view's « Soumettre à … » named after the new page's workflow; cancelling confirmed."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import ActionMenuItem, CancelWorkflowMenuItem, SubmitForModerationMenuItem
from wagtail.models import Page, Workflow

from editorial import roles
from editorial.workflows import page_workflow


class NewPageSubmitMenuItem(SubmitForModerationMenuItem):
    """Wagtail labels this button with the parent page's workflow, but submitting starts the new page's own."""

    def __init__(self, workflow: Workflow, order: int | None = None) -> None:
        super().__init__(order=order)
        self.workflow = workflow

    def is_shown(self, context: dict[str, Any]) -> bool:
        return getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True)

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        # Wagtail's own message, so that its French translation applies.
        context["label"] = _("Submit to %(workflow_name)s") % {"workflow_name": self.workflow.name}
        return context


def action_menu_submit_relabel(menu_items: list[ActionMenuItem], request: HttpRequest, context: dict[str, Any]) -> None:
    if context.get("view") != "create" or request.resolver_match is None:
        return
    kwargs = request.resolver_match.kwargs
    try:
        content_type = ContentType.objects.get_by_natural_key(
            kwargs["content_type_app_name"], kwargs["content_type_model_name"]
        )
    except (KeyError, ContentType.DoesNotExist):
        return
    page_class = content_type.model_class()
    if page_class is None or not issubclass(page_class, Page):
        return
    order = next(
        (item.order for item in menu_items if isinstance(item, SubmitForModerationMenuItem)),
        SubmitForModerationMenuItem.order,
    )
    menu_items[:] = [item for item in menu_items if not isinstance(item, SubmitForModerationMenuItem)]
    workflow = page_workflow(page_class=page_class, parent=context["parent_page"])
    if workflow is not None:
        menu_items.append(NewPageSubmitMenuItem(workflow, order=order))
        menu_items.sort(key=lambda item: item.order)


# Where Wagtail puts its own cancel button (PageActionMenu's defaults).
WAGTAIL_CANCEL_ORDER = 40


class CancelWorkflowLinkItem(ActionMenuItem):
    """Leads an administrator to the confirmation of a cancellation, instead of cancelling in one click."""

    label = gettext_lazy("Annuler le circuit…")
    name = "editorial-cancel-workflow"
    icon_name = "error"

    def get_url(self, parent_context: dict[str, Any]) -> str:
        return reverse("editorial_workflow_cancel", args=[parent_context["page"].pk])


def action_menu_cancel_replace(menu_items: list[ActionMenuItem], request: HttpRequest, context: dict[str, Any]) -> None:
    """Wagtail's « Annuler le workflow » cancels at once for anyone who may approve; administrators confirm here."""
    menu_items[:] = [item for item in menu_items if not isinstance(item, CancelWorkflowMenuItem)]
    workflow_state = context["page"].current_workflow_state if context.get("view") == "edit" else None
    in_progress = workflow_state is not None and workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    if in_progress and roles.is_administrator(request.user):
        menu_items.append(CancelWorkflowLinkItem(order=WAGTAIL_CANCEL_ORDER))
        menu_items.sort(key=lambda item: item.order)
