"""The two moderation workflows, which one a page goes through, and who may publish it."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PagePermissionTester, Workflow

from editorial import roles
from editorial.editorial_line import editorial_line_flagged
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
        if self.engages_editorial_line and (workflow := board_workflow()):
            return workflow
        if hasattr(self, "workflowpage") and self.workflowpage.workflow.active:
            return self.workflowpage.workflow
        # Mixed into Page, whose attributes mypy cannot see from a models.Model mixin.
        return self.type_workflow(self.specific_class or type(self)) or super().get_workflow()  # type: ignore[attr-defined,misc]

    @staticmethod
    def type_workflow(page_class: type[Page]) -> Workflow | None:
        """The workflow administrators set for this page type, if any (ContentTypeWorkflow)."""
        from editorial.models import ContentTypeWorkflow

        by_type = (
            ContentTypeWorkflow.objects.filter(
                content_type=ContentType.objects.get_for_model(page_class), workflow__active=True
            )
            .select_related("workflow")
            .first()
        )
        return by_type.workflow if by_type else None

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        return EditorialPermissionTester(user, self)
