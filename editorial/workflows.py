"""The two moderation workflows: their names and tasks, and the default one of each content type."""

from wagtail.models import Workflow

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
