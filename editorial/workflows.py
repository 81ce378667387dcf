"""The two moderation workflows: their names and tasks, the default one of each content type, and
which one a page goes through.

Which workflow a page goes through is decided once, by `page_workflow`, for a stored page
(`EditorialPageMixin.get_workflow`, which starts it) and for a page still being added (the add
view's « Soumettre à … » button, editorial/action_menu.py), so that the button names the
workflow that submitting starts. The first rule that applies wins:

| # | rule                                                           | stored page | page being added |
| - | -------------------------------------------------------------- | ----------- | ---------------- |
| 1 | the page engages the editorial line → « Circuit éditorial »    | yes         | no (created unflagged) |
| 2 | the page's own assignment (Wagtail's WorkflowPage)              | yes         | no (none yet)    |
| 3 | its type's workflow (ContentTypeWorkflow), editorial pages only | yes         | yes              |
| 4 | the nearest ancestor's assignment, the page's own included (Wagtail's rule) | from the page | from the parent |

The flag is the page's own: a season added under a flagged series is not flagged, so it goes
through its type's or its ancestors' workflow, and its button says so.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Workflow

from editorial.editorial_line import FLAG
from editorial.models import ContentTypeWorkflow

REVIEW_WORKFLOW = "Relecture simple"
BOARD_WORKFLOW = "Circuit éditorial"
WORKFLOW_TASKS = {"review": "Relecture", "board": "Validation du Bureau"}

# Seeded by a migration into ContentTypeWorkflow, which administrators then edit in the admin.
DEFAULT_WORKFLOW_BY_MODEL = {
    ("publications", "programmepage"): BOARD_WORKFLOW,
    ("publications", "publicationpage"): BOARD_WORKFLOW,
    ("newsletters", "newsletterissuepage"): BOARD_WORKFLOW,
    ("publications", "actionpage"): REVIEW_WORKFLOW,
    ("publications", "podcastepisodepage"): REVIEW_WORKFLOW,
    ("publications", "experiencepage"): REVIEW_WORKFLOW,
}


def board_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=BOARD_WORKFLOW, active=True).first()


def type_workflow(page_class: type[Page]) -> Workflow | None:
    """The workflow administrators set for this page type, if any (ContentTypeWorkflow)."""
    by_type = (
        ContentTypeWorkflow.objects.filter(
            content_type=ContentType.objects.get_for_model(page_class), workflow__active=True
        )
        .select_related("workflow")
        .first()
    )
    return by_type.workflow if by_type else None


def page_workflow(*, page_class: type[Page], page: Page | None = None, parent: Page | None = None) -> Workflow | None:
    """The workflow `page` goes through, or a new `page_class` page added under `parent` will (table above).

    Give `page` for a stored page, `parent` for one being added.
    """
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    if page is not None:
        if getattr(page, FLAG, False) and (workflow := board_workflow()):
            return workflow
        if hasattr(page, "workflowpage") and page.workflowpage.workflow.active:
            return page.workflowpage.workflow
    if hasattr(page_class, FLAG) and (workflow := type_workflow(page_class)):
        return workflow
    # Wagtail's own rule, called on the base class so that a flagged parent's board circuit is not inherited.
    origin = page if page is not None else parent
    return Page.get_workflow(origin) if origin is not None else None
