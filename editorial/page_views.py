"""Page history and revision comparison opened to the board while it validates a page, and after.

Board members hold no page permission: they reach a page through their validation task
(BoardValidationTask.user_can_access_editor, which Wagtail's ``can_edit`` honours). Wagtail's
history and comparison views also demand some page permission model-wide, which would hide
from the board what changed and how the votes went; these views rely on ``can_edit`` alone,
or on the user having voted on the page: once the circuit ends ``can_edit`` no longer holds,
and the members must still be able to read the history of what they validated.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.admin.views.pages.history import PageHistoryView
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, get_page_models

from editorial.page_mixin import EditorialPageMixin
from editorial.selectors import page_voted_on_by


class VotersMayReadMixin:
    """``get_object`` of Wagtail's page views, also granted to the board members who voted on the page."""

    pk: Any
    request: HttpRequest

    def get_object(self, *args: Any, **kwargs: Any) -> Page:
        try:
            return super().get_object(*args, **kwargs)  # type: ignore[misc]
        except PermissionDenied:
            if not page_voted_on_by(user=self.request.user, page_id=self.pk):
                raise
            return Page.objects.get(pk=self.pk).specific


class OverseenPageHistoryView(VotersMayReadMixin, PageHistoryView):
    # get_object() still requires can_publish() or can_edit() on the page itself, or a vote.
    any_permission_required = None


class OverseenRevisionsCompareView(VotersMayReadMixin, RevisionsCompareView):
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
