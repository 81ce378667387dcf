"""The add view's « Soumettre à … » button, named after the workflow the new page will really go through."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.models import Page, Workflow

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
