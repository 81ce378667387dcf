"""Two corrections to Wagtail's page edit view, run from its before/after hooks.

- The edit form's « Annuler le workflow » button (``action-cancel-workflow``) cancels at once for
  anyone who may approve the current task. The action menu no longer offers it (administrators
  get a confirmation page, editorial.cancellation); a POST that still presses it is refused.
- After a workflow action Wagtail goes to ``next``, else to the parent page's explorer, which a
  board member (no page permission) may not open: they met « Désolé, vous n'avez pas les
  autorisations » beside their vote's success message. They go to the dashboard instead.
"""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.permission_policies.pages import PagePermissionPolicy

from editorial.cancellation import WAGTAIL_CANCEL_BUTTON


def edit_cancel_refused(request: HttpRequest, page: Any) -> HttpResponse | None:
    if request.method != "POST" or not request.POST.get(WAGTAIL_CANCEL_BUTTON):
        return None
    messages.error(
        request,
        _(
            "Le circuit n'a pas été annulé : renvoyez la page à son auteur·rice avec un commentaire, "
            "ou demandez à un·e administrateur·rice de l'annuler."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def workflow_action_redirect(request: HttpRequest, page: Any) -> HttpResponse | None:
    """Where a user goes after approving or rejecting from the edit view, when Wagtail's explorer is closed to them."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if get_valid_next_url_from_request(request):
        return None
    if PagePermissionPolicy().explorable_instances(request.user).filter(pk=page.get_parent().pk).exists():
        return None
    return redirect("wagtailadmin_home")
