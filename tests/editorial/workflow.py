"""Setup steps driving pages through their workflow straight through the models (helpers.py posts to the admin)."""

from typing import Any

from wagtail.models import Page, WorkflowState

from tests.editorial.helpers import current_task_state


def page_submit(page: Page, *, user: Any, title: str | None = None) -> WorkflowState:
    """Save a revision of ``page`` (with a new title if given) and submit it to its workflow."""
    page = page.specific
    if title:
        page.title = title
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def task_act(page: Page, *, user: Any, action: str, comment: str = "") -> None:
    """Approve or reject the page's current task as ``user`` (a board member votes)."""
    task_state = current_task_state(page)
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
