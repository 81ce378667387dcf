"""Helpers driving pages through their workflow as the admin would, and users of each role."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, TaskState, WorkflowState

PASSWORD = "mot-de-passe-de-test"


def user_with_role(username: str, role: str | None, **fields: Any) -> Any:
    """An active user in the group of ``role`` (the groups come from the editorial migration)."""
    first_name, _, last_name = username.partition(".")
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        first_name=first_name.capitalize(),
        last_name=last_name.capitalize(),
        **fields,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def page_submit(page: Page, *, user: Any, title: str | None = None) -> WorkflowState:
    """Save a revision of ``page`` (with a new title if given) and submit it to its workflow."""
    page = page.specific
    if title:
        page.title = title
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def current_task_state(page: Page) -> TaskState:
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    return state.current_task_state


def task_act(page: Page, *, user: Any, action: str, comment: str = "") -> None:
    """Approve or reject the page's current task as ``user`` (a board member votes)."""
    task_state = current_task_state(page)
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
