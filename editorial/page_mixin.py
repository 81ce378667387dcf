"""The base every page type inherits: which workflow a page goes through, and who may publish it."""

from typing import Any, cast

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PagePermissionTester, Workflow

from editorial import roles
from editorial.editorial_line import editorial_line_flagged
from editorial.page_forms import EditorialPageForm
from editorial.workflows import page_workflow


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
        # Mixed into Page, whose attributes mypy cannot see from a models.Model mixin.
        page = cast(Page, self)
        return page_workflow(page_class=page.specific_class or type(page), page=page)

    def permissions_for_user(self, user: Any) -> PagePermissionTester:
        return EditorialPermissionTester(user, self)
