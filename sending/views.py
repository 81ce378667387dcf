"""Admin views of sends: list, the « Envoyer » form of an issue, progress, pause / resume / cancel.

Each view requires ``newsletters.send_newsletter``; the services check it again, and check that the
issue passed its workflow, whatever the form or the request claims.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from config import parsing
from config.types import AuthenticatedHttpRequest
from newsletters.models import NewsletterIssuePage
from sending import services
from sending.forms import SendForm
from sending.models import Delivery, DeliveryStatus, Send
from sending.selectors import issue_is_sendable, send_progress

LISTED_DELIVERIES = 100


def send_permission_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.has_perm(services.SEND_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@send_permission_required
def send_index(request: HttpRequest) -> HttpResponse:
    sends = Send.objects.select_related("issue", "newsletter_list", "created_by").order_by("-scheduled_at", "-pk")
    page = Paginator(sends, 50).get_page(parsing.page_number(request.GET.get("p")))
    return TemplateResponse(request, "sending/index.html", {"page_title": _("Envois"), "page_obj": page})


@send_permission_required
def send_create_view(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = get_object_or_404(NewsletterIssuePage, pk=issue_id)
    initial = {
        "newsletter_list": issue.newsletter_list_id,
        "rate_per_second": settings.SENDING_DEFAULT_RATE,
        "batch_size": settings.SENDING_DEFAULT_BATCH_SIZE,
    }
    form = SendForm(request.POST or None, initial=initial)
    sendable = issue_is_sendable(issue)
    if request.method == "POST" and form.is_valid():
        try:
            send = services.send_create(
                issue=issue,
                newsletter_list=form.cleaned_data["newsletter_list"],
                scheduled_at=form.scheduled_moment(),
                rate_per_second=form.cleaned_data["rate_per_second"],
                batch_size=form.cleaned_data["batch_size"],
                user=request.user,
            )
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            for field, field_errors in errors.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            messages.success(request, _("Envoi programmé : « %(send)s ».") % {"send": send})
            return redirect("sending_detail", send_id=send.pk)
    status = 400 if request.method == "POST" else 200
    context = {"page_title": _("Envoyer « %(title)s »") % {"title": issue.title}, "issue": issue, "form": form}
    context["sendable"] = sendable
    return TemplateResponse(request, "sending/create.html", context, status=status)


@require_GET
@send_permission_required
def send_detail(request: HttpRequest, send_id: int) -> HttpResponse:
    send = get_object_or_404(Send.objects.select_related("issue", "newsletter_list", "created_by"), pk=send_id)
    deliveries = Delivery.objects.filter(send=send).order_by("pk")
    context = {
        "page_title": _("Envoi « %(send)s »") % {"send": send},
        "send": send,
        "progress": send_progress(send),
        "uncertain": deliveries.filter(uncertain=True)[:LISTED_DELIVERIES],
        "failed": deliveries.filter(status=DeliveryStatus.FAILED)[:LISTED_DELIVERIES],
        "progress_url": reverse("sending_progress", kwargs={"send_id": send.pk}),
    }
    return TemplateResponse(request, "sending/detail.html", context)


@require_GET
@send_permission_required
def send_progress_json(request: HttpRequest, send_id: int) -> JsonResponse:
    send = get_object_or_404(Send, pk=send_id)
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
    send = get_object_or_404(Send, pk=send_id)
    service, done, refused = ACTIONS[action]
    if service(send_id=send.pk, user=request.user):
        messages.success(request, done)
    else:
        messages.error(request, refused)
    return redirect("sending_detail", send_id=send.pk)
