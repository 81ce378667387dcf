"""The dashboard's « Envois » panel: the next sends planned, the latest ones with their outcomes, the lists."""

from collections.abc import Mapping
from typing import Any

from wagtail.admin.ui.components import Component

from sending.services import SEND_PERMISSION
from sending.statistics import GROWTH_DAYS, lists_with_growth, sends_overview


class SendsPanel(Component):
    name = "sending_overview"
    template_name = "sending/panels/overview.html"
    # Beside the editorial overview (220), before Wagtail's recent edits.
    order = 230

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        overview = sends_overview()
        return {
            "upcoming": overview.upcoming,
            "latest": overview.latest,
            "lists": lists_with_growth(),
            "growth_days": GROWTH_DAYS,
        }


def homepage_panels_add(panels: list[Any], user: Any) -> None:
    """Only those who may send see the sends (and the lists' sizes, which are personal-data figures)."""
    if user.has_perm(SEND_PERMISSION):
        panels.append(SendsPanel())
