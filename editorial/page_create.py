"""Wagtail's page add view, without autosave.

Wagtail 8 autosaves the add form 500 ms after the first keystroke, and that first autosave
creates the page. An editor who then leaves the form leaves a draft behind, holding the slug:
the next attempt with the same title is refused (« Cette adresse est déjà utilisée »). Here a
page exists once its author saves it; the edit view (an existing page) keeps autosave.
"""

from typing import Any

from wagtail.admin.views.pages.create import CreateView


class PageCreateView(CreateView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context
