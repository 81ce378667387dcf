"""The dashboard's panels: « À traiter » (tasks waiting for the user, their pages sent back) and the overview."""

from collections.abc import Mapping
from typing import Any

from wagtail.admin.ui.components import Component

from editorial.selectors import (
    OVERVIEW_DAYS,
    pages_by_state,
    pages_returned_to_user,
    tasks_awaiting_user,
    upcoming_sessions_overview,
)

# Wagtail's « En attente de votre vérification » panel, which this one replaces.
WAGTAIL_REVIEW_PANEL = "workflow_objects_to_moderate"


class ToDoPanel(Component):
    name = "editorial_to_do"
    template_name = "editorial/panels/to_do.html"
    # Before Wagtail's panels (210 and more): the first thing an editor sees.
    order = 100

    class Media:
        css = {"all": ["editorial/css/editorial.css"]}

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        # Wagtail renders dashboard panels with the dashboard's context, which holds the request.
        request = (parent_context or {})["request"]
        user = request.user
        return {
            "request": request,
            "tasks": tasks_awaiting_user(user=user),
            "returned_pages": pages_returned_to_user(user=user),
        }


class OverviewPanel(Component):
    """What an editorial team looks at: pages per state and the coming sessions (four queries)."""

    name = "editorial_overview"
    template_name = "editorial/panels/overview.html"
    # After « À traiter » and Wagtail's « Vos pages en cours de validation » (before the recent edits).
    order = 220

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {"states": pages_by_state(), "sessions": upcoming_sessions_overview(), "days": OVERVIEW_DAYS}


def homepage_panels_edit(panels: list[Any]) -> None:
    """Put the « À traiter » panel first, in place of Wagtail's review panel."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", None) != WAGTAIL_REVIEW_PANEL]
    panels.append(ToDoPanel())
    panels.append(OverviewPanel())
