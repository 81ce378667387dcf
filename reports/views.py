"""Admin views of « Livrets et bilans »: choose and preview a document, ask for its file, follow it, download it.

The preview computes the document in the request (reads only, in a bounded number of queries); the
file is always produced by the Celery task. Every view requires ``reports.produce_report``
(Rédaction, Relecture, Administration); a file is served by ``report_download`` only, never by a
media URL.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from centres.selectors import user_pages
from editorial.roles import is_administrator
from reports import layout as blocks
from reports.charts import bars
from reports.forms import ReportForm
from reports.layout import layout_of
from reports.models import ReportRequest, ReportState
from reports.services import report_document, report_request_create

PRODUCE_PERMISSION = "reports.produce_report"
LISTED_REQUESTS = 20


ResponseT = TypeVar("ResponseT", bound=HttpResponseBase)


def produce_permission_required(view: Callable[..., ResponseT]) -> Callable[..., ResponseT]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> ResponseT:
        if not request.user.has_perm(PRODUCE_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _preview_blocks(layout: blocks.Layout) -> list[dict[str, Any]]:
    shown = []
    for block in layout.blocks:
        item: dict[str, Any] = {"type": type(block).__name__.lower(), "block": block}
        if isinstance(block, blocks.Heading):
            # The page's own title is the h1.
            item["tag"] = f"h{min(block.level + 1, 6)}"
        if isinstance(block, blocks.Chart):
            item["bars"] = bars(block.bars)
        shown.append(item)
    return shown


def _reports_of(request: HttpRequest) -> QuerySet[ReportRequest]:
    """The documents of the user's centres' programmes, and those of no programme the user asked for."""
    if is_administrator(request.user):
        return ReportRequest.objects.all()
    mine = Q(programme__in=user_pages(request.user)) | Q(programme__isnull=True, requested_by=request.user)
    return ReportRequest.objects.filter(mine)


def _report_of(request: HttpRequest, request_id: int) -> ReportRequest:
    """The document, if it is one of the user's (above); another centre's is refused."""
    report = get_object_or_404(ReportRequest.objects.select_related("programme"), pk=request_id)
    if not _reports_of(request).filter(pk=report.pk).exists():
        raise PermissionDenied
    return report


def _form(request: HttpRequest, data: Any) -> ReportForm:
    form = ReportForm(data)
    programmes = form.fields["programme"]
    programmes.queryset = programmes.queryset.filter(pk__in=user_pages(request.user).values("pk"))  # type: ignore[attr-defined]
    return form


def _index(request: HttpRequest, form: ReportForm, *, status: int = 200) -> TemplateResponse:
    context: dict[str, Any] = {
        "page_title": _("Livrets et bilans"),
        "form": form,
        "requests": _reports_of(request).select_related("programme", "requested_by")[:LISTED_REQUESTS],
    }
    if form.is_bound and form.is_valid():
        preview = layout_of(report_document(form.spec()))
        context.update(preview=preview, preview_blocks=_preview_blocks(preview), query=request.GET.urlencode())
    return TemplateResponse(request, "reports/index.html", context, status=status)


@require_GET
@produce_permission_required
def report_index(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.GET if "kind" in request.GET else None)
    return _index(request, form, status=400 if form.is_bound and not form.is_valid() else 200)


@require_POST
@produce_permission_required
def report_create(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.POST)
    if not form.is_valid():
        return _index(request, form, status=400)
    report = report_request_create(
        spec=form.spec(), file_format=form.cleaned_data.get("file_format") or "pdf", user=request.user
    )
    return redirect("reports_detail", request_id=report.pk)


@require_GET
@produce_permission_required
def report_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    report = _report_of(request, request_id)
    context = {
        "page_title": _("Document : %(report)s") % {"report": report},
        "report": report,
        "status_url": reverse("reports_status", args=[report.pk]),
        "download_url": reverse("reports_download", args=[report.pk]),
    }
    return TemplateResponse(request, "reports/detail.html", context)


@require_GET
@produce_permission_required
def report_status(request: HttpRequest, request_id: int) -> JsonResponse:
    report = _report_of(request, request_id)
    return JsonResponse(
        {
            "state": report.state,
            "state_label": str(report.get_state_display()),
            "progress": report.progress,
            "error": report.error,
            "download_url": reverse("reports_download", args=[report.pk]) if report.state == ReportState.DONE else "",
        }
    )


@require_GET
@produce_permission_required
def report_download(request: HttpRequest, request_id: int) -> FileResponse:
    report = _report_of(request, request_id)
    if report.state != ReportState.DONE or not report.file:
        raise Http404
    try:
        handle = report.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=report.download_name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
