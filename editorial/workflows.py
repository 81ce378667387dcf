"""The two moderation workflows, which one a page goes through, and who may publish it.

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

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PagePermissionTester, Workflow

from editorial import roles
from editorial.editorial_line import FLAG, editorial_line_flagged
from editorial.models import ContentTypeWorkflow
from editorial.page_forms import EditorialPageForm

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


class EditorialPermissionTester(PagePermissionTester):
    """Publishing a page whose workflow needs the board is left to the workflow itself.

    Reviewers hold Wagtail's publish permission (to publish what passed review, unpublish,
    schedule); on a page whose workflow includes board validation, or whose stored version
    engages the editorial line, only administrators may publish directly: everyone else goes
    through the circuit, whose last approval publishes. The stored flag counts because the
    revert view tests an older revision, which may predate the flag.
    """

    def can_publish(self) -> bool:
        if not super().can_publish():
            return False
        if roles.is_administrator(self.user):
            return True
        workflow = self.page.get_workflow()
        needs_board = (
            workflow is not None
            and workflow.workflow_tasks.filter(task__content_type__model="boardvalidationtask").exists()
        )
        return not (needs_board or editorial_line_flagged(page=self.page))

    def can_unschedule(self) -> bool:
        return super().can_publish()


class EditorialPageMixin(models.Model):
    """Chooses a page's workflow: the board's when it engages the editorial line, else its type's."""

    engages_editorial_line = models.BooleanField(
        _("engage la ligne éditoriale du centre"),
        default=False,
        help_text=_("Cochée, la page passe par la validation du Bureau avant publication."),
    )

    settings_panels = [*Page.settings_panels, FieldPanel("engages_editorial_line")]
    base_form_class = EditorialPageForm

    class Meta:
        abstract = True

    def get_workflow(self) -> Workflow | None:
        return page_workflow(page_class=self.specific_class or type(self), page=self)

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        return EditorialPermissionTester(user, self)
