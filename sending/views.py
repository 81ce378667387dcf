"""Admin views of sends: list, the « Envoyer » form of an issue, progress, pause / resume / cancel.

« Maintenant » goes through a confirmation page (the number of recipients and their list, then a
button that POSTs the same form with ``confirmed``), as Ghost and listmonk ask before a send that
cannot be called back; it works without JavaScript.

Each view requires ``newsletters.send_newsletter`` and a list of the user's centres (another centre's send or
issue is refused); the services check the permission again, and check that the
issue passed its workflow, whatever the form or the request claims.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from config import parsing
from config.types import AuthenticatedHttpRequest
from newsletters.models import NewsletterIssuePage
from newsletters.selectors import lists_for_user
from sending import services
from sending.audience import send_audience
from sending.forms import SendForm
from sending.models import Delivery, DeliveryStatus, Send
from sending.selectors import issue_is_sendable, send_progress
from sending.statistics import GROWTH_DAYS, lists_with_growth, send_with_statistics, sends_listed

LISTED_DELIVERIES = 100
LISTED_RECIPIENTS = 200


def send_permission_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.has_perm(services.SEND_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _send_of(request: HttpRequest, send_id: int, sends: QuerySet[Send] | None = None) -> Send:
    """The send, if it goes to a list of the user's centres; another centre's is refused."""
    send = get_object_or_404(Send.objects.all() if sends is None else sends, pk=send_id)
    if not lists_for_user(request.user).filter(pk=send.newsletter_list_id).exists():
        raise PermissionDenied
    return send


@require_GET
@send_permission_required
def send_index(request: HttpRequest) -> HttpResponse:
    lists = lists_for_user(request.user)
    sends = sends_listed().filter(newsletter_list__in=lists)
    page = Paginator(sends, 50).get_page(parsing.page_number(request.GET.get("p")))
    growth = lists_with_growth().filter(pk__in=lists.values("pk"))
    context = {"page_title": _("Envois"), "page_obj": page, "lists": growth, "growth_days": GROWTH_DAYS}
    return TemplateResponse(request, "sending/index.html", context)


@send_permission_required
def send_create_view(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = get_object_or_404(NewsletterIssuePage, pk=issue_id)
    lists = lists_for_user(request.user)
    if not lists.filter(pk=issue.newsletter_list_id).exists():
        raise PermissionDenied
    initial = {
        "newsletter_list": issue.newsletter_list_id,
        "rate_per_second": settings.SENDING_DEFAULT_RATE,
        "batch_size": settings.SENDING_DEFAULT_BATCH_SIZE,
    }
    form = SendForm(request.POST or None, initial=initial)
    form.fields["newsletter_list"].queryset = form.fields["newsletter_list"].queryset.filter(pk__in=lists.values("pk"))  # type: ignore[attr-defined]
    sendable = issue_is_sendable(issue)
    if request.method == "POST" and form.is_valid():
        try:
            if form.needs_confirmation():
                if errors := services.send_errors(issue=issue, **_send_settings(form)):
                    raise ValidationError(errors)
                return _confirmation(request, issue, form)
            send = services.send_create(issue=issue, user=request.user, **_send_settings(form))
        except ValidationError as error:
            refusals: dict[str, list[str]] = (
                error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            )
            for field, field_errors in refusals.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, _("Envoi programmé : « %(send)s ».") % {"send": send})
            return redirect("sending_detail", send_id=send.pk)
    status = 400 if request.method == "POST" else 200
    context = {"page_title": _("Envoyer « %(title)s »") % {"title": issue.title}, "issue": issue, "form": form}
    context["sendable"] = sendable
    return TemplateResponse(request, "sending/create.html", context, status=status)


def _send_settings(form: SendForm) -> dict[str, Any]:
    return {
        "newsletter_list": form.cleaned_data["newsletter_list"],
        "scheduled_at": form.scheduled_moment(),
        "rate_per_second": form.cleaned_data["rate_per_second"],
        "batch_size": form.cleaned_data["batch_size"],
    }


def _confirmation(request: HttpRequest, issue: NewsletterIssuePage, form: SendForm) -> HttpResponse:
    """The page « Maintenant » leads to: who will receive the issue, and a button that sends it."""
    newsletter_list = form.cleaned_data["newsletter_list"]
    audience = send_audience(issue_id=issue.pk, list_id=newsletter_list.pk)
    context = {
        "page_title": _("Confirmer l'envoi de « %(title)s »") % {"title": issue.title},
        "issue": issue,
        "form": form,
        "newsletter_list": newsletter_list,
        "count": audience.count(),
        "recipients": audience.only("email", "name")[:LISTED_RECIPIENTS],
    }
    return TemplateResponse(request, "sending/confirm.html", context)


@require_GET
@send_permission_required
def send_detail(request: HttpRequest, send_id: int) -> HttpResponse:
    send = _send_of(request, send_id, Send.objects.select_related("issue", "newsletter_list", "created_by"))
    statistics = send_with_statistics(send.pk)
    deliveries = Delivery.objects.filter(send=send).order_by("pk")
    context = {
        "page_title": _("Envoi « %(send)s »") % {"send": send},
        "send": send,
        "progress": send_progress(send),
        "statistics": statistics,
        "uncertain": deliveries.filter(uncertain=True)[:LISTED_DELIVERIES],
        "failed": deliveries.filter(status=DeliveryStatus.FAILED)[:LISTED_DELIVERIES],
        "progress_url": reverse("sending_progress", kwargs={"send_id": send.pk}),
    }
    return TemplateResponse(request, "sending/detail.html", context)


@require_GET
@send_permission_required
def send_progress_json(request: HttpRequest, send_id: int) -> JsonResponse:
    send = _send_of(request, send_id)
    return JsonResponse(send_progress(send).as_json())


ACTIONS = {
    "pause": (services.send_pause, _("Envoi mis en pause."), _("Cet envoi ne peut pas être mis en pause.")),
    "reprendre": (services.send_resume, _("Envoi repris."), _("Cet envoi ne peut pas être repris.")),
    "annuler": (services.send_cancel, _("Envoi annulé."), _("Cet envoi ne peut pas être annulé.")),
}


@require_POST
@send_permission_required
def send_action(request: AuthenticatedHttpRequest, send_id: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    send = _send_of(request, send_id)
    service, done, refused = ACTIONS[action]
    if service(send_id=send.pk, user=request.user):
        messages.success(request, done)
    else:
        messages.error(request, refused)
    return redirect("sending_detail", send_id=send.pk)
