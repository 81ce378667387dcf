"""Posting to the real admin views: page forms, workflow actions, the action menu of the edit view."""

from typing import Any

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from publications.models import ActionPage, ProgrammePage

PARIS_INPUT_FORMAT = "%d/%m/%Y %H:%M"  # WAGTAIL_DATETIME_FORMAT: what the admin's date picker sends


def admin_datetime(value: Any) -> str:
    """A datetime as typed in the admin, in the editor's time zone (Europe/Paris)."""
    return timezone.localtime(value).strftime(PARIS_INPUT_FORMAT) if value else ""


def _page_fields(page: Page) -> dict[str, Any]:
    """The fields every page form has (promote and settings tabs, comments)."""
    return {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "go_live_at": admin_datetime(page.go_live_at),
        "expire_at": admin_datetime(page.expire_at),
        "comments": inline_formset([]),
        # A checkbox: absent from the POST means unticked.
        **({"engages_editorial_line": "on"} if getattr(page, "engages_editorial_line", False) else {}),
    }


def action_form_data(action: ActionPage, **overrides: Any) -> dict[str, str]:
    """The POST data of the ActionPage edit form holding the page's values, then `overrides`."""
    data: dict[str, Any] = {
        **_page_fields(action),
        "summary": action.summary,
        "format": str(action.format_id),
        "axis": str(action.axis_id or ""),
        "body": streamfield([("paragraph", rich_text(block.value.source)) for block in action.body]),
        "tentative_period": action.tentative_period,
        "sessions": inline_formset([]),
        "people": inline_formset([]),
        "organisations": inline_formset([]),
        "funding_note": action.funding_note,
        "status": action.status,
        "progress_notes": inline_formset([]),
        "participants_count": "",
        "participants_target": "",
        "deliverables": inline_formset([]),
        "fundings": inline_formset([]),
        "indicators": inline_formset([]),
        "registration_url": action.registration_url,
        "continues": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def programme_form_data(programme: ProgrammePage, **overrides: Any) -> dict[str, str]:
    """The POST data of the ProgrammePage edit form holding the page's values, then `overrides`."""
    data: dict[str, Any] = {
        **_page_fields(programme),
        "centre": str(programme.centre_id or ""),
        "year": str(programme.year),
        "introduction": rich_text(programme.introduction),
        "axes": inline_formset([]),
        "cycles": inline_formset([]),
        "progress_points": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def page_form_data(page: Page, **overrides: Any) -> dict[str, str]:
    page = page.specific
    if isinstance(page, ActionPage):
        return action_form_data(page, **overrides)
    if isinstance(page, ProgrammePage):
        return programme_form_data(page, **overrides)
    raise NotImplementedError(type(page))


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def menu_buttons(response: Any) -> list[str]:
    """The names of the buttons in the edit view's action menu, as offered to the user who asked for it."""
    menu = response.context["action_menu"]
    items = [menu.default_item, *menu.menu_items] if menu.default_item else []
    return [item.name for item in items]


def post_edit(client: Client, page: Page, button: str | None = None, **overrides: Any) -> Any:
    """POST the page's edit form as it stands (plus `overrides`), pressing `button` ("action-submit"…)."""
    data = page_form_data(page.get_latest_revision_as_object(), **overrides)
    if button:
        data[button] = "1"
    return client.post(edit_url(page), data)


def current_task_state(page: Page) -> TaskState:
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def workflow_action(
    client: Client, page: Page, action: str, comment: str = "", task_state: TaskState | None = None
) -> Any:
    """Press a workflow button (approve, reject) in its modal: POST to wagtailadmin_pages:workflow_action."""
    task_state = task_state or current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def submit(page: Page, user: Any) -> None:
    """Setup shortcut (the submit transition itself is tested through the edit view)."""
    page = page.specific
    if not page.latest_revision_id:
        page.save_revision(user=user)
    page.get_workflow().start(page, user)


def is_denied(response: Any) -> bool:
    """PermissionDenied as Wagtail's admin answers it: back to the admin's home with an error message."""
    if response.status_code == 403:
        return True
    if response.status_code != 302 or response.url != reverse("wagtailadmin_home"):
        return False
    return any("pas les autorisations" in str(message) for message in get_messages(response.wsgi_request))
