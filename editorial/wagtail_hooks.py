"""Admin glue for the editors: « Contenus », board votes in history, workflow settings, « À traiter », calendar."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry, LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from editorial.action_menu import action_menu_cancel_replace, action_menu_submit_relabel
from editorial.board import RESTART_LOG_ACTION, VOTE_LOG_ACTION, board_restart_after_edit
from editorial.cancellation import CANCEL_LOG_ACTION
from editorial.edit_guards import edit_cancel_refused, workflow_action_redirect
from editorial.listings import ContentListings
from editorial.modeladmins import ContentTypeWorkflowAdmin, PeriodicTaskAdmin
from editorial.page_views import EditorialPageViewSet, editorial_page_viewsets
from editorial.panels import homepage_panels_edit
from editorial.site_admin import sites_listing_columns_translate
from editorial.views import calendar_view, workflow_cancel_view


@hooks.register("register_admin_viewset")
def register_content_listings_group() -> ContentListings:
    return ContentListings()


@hooks.register("register_admin_viewset")
def register_editorial_page_viewsets() -> list[EditorialPageViewSet]:
    return editorial_page_viewsets()


modeladmin_register(PeriodicTaskAdmin)
sites_listing_columns_translate()
modeladmin_register(ContentTypeWorkflowAdmin)


@hooks.register("register_log_actions")
def register_board_vote_log_action(actions: LogActionRegistry) -> None:
    @actions.register_action(VOTE_LOG_ACTION)
    class BoardVoteFormatter(LogFormatter):
        label = _("Vote du Bureau")

        def format_message(self, log_entry: Any) -> str:
            data = log_entry.data or {}
            return _("Vote du Bureau : %(approvals)s sur %(needed)s validations") % {
                "approvals": data.get("approvals", "?"),
                "needed": data.get("needed", "?"),
            }

        def format_comment(self, log_entry: Any) -> str:
            return (log_entry.data or {}).get("comment", "")

    @actions.register_action(RESTART_LOG_ACTION)
    class BoardRestartFormatter(LogFormatter):
        label = _("Circuit relancé après modification")

        def format_message(self, log_entry: Any) -> str:
            votes = (log_entry.data or {}).get("votes", 0)
            return _(
                "Page modifiée pendant la validation du Bureau : %(votes)s vote(s) annulé(s), retour en relecture"
            ) % {"votes": votes}

    @actions.register_action(CANCEL_LOG_ACTION)
    class WorkflowCancelFormatter(LogFormatter):
        label = _("Circuit annulé par un·e administrateur·rice")

        def format_message(self, log_entry: Any) -> str:
            return _("Circuit « %(workflow)s » annulé par un·e administrateur·rice") % {
                "workflow": (log_entry.data or {}).get("workflow", "?")
            }

        def format_comment(self, log_entry: Any) -> str:
            return (log_entry.data or {}).get("reason", "")


@hooks.register("construct_page_action_menu")
def relabel_submit_on_add_view(menu_items: list[Any], request: HttpRequest, context: dict[str, Any]) -> None:
    action_menu_submit_relabel(menu_items, request, context)
    action_menu_cancel_replace(menu_items, request, context)


@hooks.register("before_edit_page")
def refuse_one_click_cancel(request: HttpRequest, page: Any) -> Any:
    return edit_cancel_refused(request, page)


@hooks.register("after_edit_page")
def restart_board_validation_after_edit(request: HttpRequest, page: Any) -> HttpResponse | None:
    board_restart_after_edit(page, request.user)
    return workflow_action_redirect(request, page)


@hooks.register("construct_homepage_panels")
def add_to_do_panel(request: HttpRequest, panels: list[Any]) -> None:
    homepage_panels_edit(panels)


@hooks.register("register_admin_urls")
def register_calendar_urls() -> list[URLPattern]:
    return [
        path("calendrier/", calendar_view, name="editorial_calendar"),
        path("pages/<id:page_id>/annuler-le-circuit/", workflow_cancel_view, name="editorial_workflow_cancel"),
    ]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item() -> MenuItem:
    return MenuItem(_("Calendrier éditorial"), reverse("editorial_calendar"), icon_name="date", order=160)
