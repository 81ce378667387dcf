"""Page history and revision comparison opened to the board while it validates a page.

Board members hold no page permission: they reach a page through their validation task
(BoardValidationTask.user_can_access_editor, which Wagtail's ``can_edit`` honours). Wagtail's
history and comparison views also demand some page permission model-wide, which would hide
from the board what changed and how the votes went; these views rely on ``can_edit`` alone.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail.admin.views.pages.history import PageHistoryView
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import get_page_models

from editorial.page_mixin import EditorialPageMixin


class OverseenPageHistoryView(PageHistoryView):
    # get_object() still requires can_publish() or can_edit() on the page itself.
    any_permission_required = None


class OverseenRevisionsCompareView(RevisionsCompareView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Skips RevisionsCompareView's model-wide permission decorator; get_object() checks the page.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)


class EditorialPageViewSet(PageViewSet):
    history_view_class = OverseenPageHistoryView
    revisions_compare_view_class = OverseenRevisionsCompareView


def editorial_page_viewsets() -> list[EditorialPageViewSet]:
    """One per editorial page type; parent_models empty so the explorer's listings stay Wagtail's."""
    return [
        EditorialPageViewSet(name=f"editorial_{model._meta.model_name}", model=model, parent_models=[])
        for model in get_page_models()
        if issubclass(model, EditorialPageMixin)
    ]
