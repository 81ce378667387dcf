"""Admin views of the editorial app: the editorial calendar, the cancellation of a circuit."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from config.time_zone import PARIS
from editorial import roles
from editorial.calendar import (
    CalendarEntry,
    CalendarView,
    calendar_days,
    calendar_weeks,
    paris_today,
)
from editorial.cancellation import workflow_cancel
from editorial.forms import CalendarQueryForm, WorkflowCancelForm
from editorial.selectors import calendar_entries, pages_editable_by


@dataclass(frozen=True)
class CalendarItem:
    """An entry with the links the user may follow: its edit view, its live page."""

    entry: CalendarEntry
    edit_url: str = ""
    live_url: str = ""

    @property
    def day(self) -> datetime.date:
        return self.entry.day


def _calendar_url(*, view: str, day: datetime.date | None = None) -> str:
    query = {"vue": view} if day is None else {"vue": view, "date": day.isoformat()}
    return f"{reverse('editorial_calendar')}?{urlencode(query)}"


def _calendar_item(entry: CalendarEntry, *, request: HttpRequest, editable: set[int]) -> CalendarItem:
    page = entry.page
    if page is None:
        return CalendarItem(entry=entry)
    return CalendarItem(
        entry=entry,
        edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if page.pk in editable else "",
        live_url=(page.get_url(request=request) or "") if page.live else "",
    )


def calendar_view(request: HttpRequest) -> HttpResponse:
    """``/admin/calendrier/?vue=semaine|mois&date=AAAA-MM-JJ``: a week or a month of dated entries."""
    today = paris_today()
    period, problems = CalendarQueryForm(request.GET).period(today=today)
    entries = calendar_entries(start=period.start, end=period.end)
    editable = pages_editable_by(user=request.user, pages=[entry.page for entry in entries if entry.page])
    items = [_calendar_item(entry, request=request, editable=editable) for entry in entries]
    days = calendar_days(period=period, entries=items, today=today)
    context = {
        "page_title": _("Calendrier éditorial"),
        "period": period,
        "days": days,
        "weeks": calendar_weeks(period=period, days=days) if period.view == CalendarView.MONTH else [],
        "entry_count": len(items),
        "problems": problems,
        "time_zone": PARIS.key,
        "is_month": period.view == CalendarView.MONTH,
        "previous_url": _calendar_url(view=period.view, day=period.previous_day) if period.previous_day else "",
        "next_url": _calendar_url(view=period.view, day=period.next_day) if period.next_day else "",
        "today_url": _calendar_url(view=period.view),
        "week_url": _calendar_url(view=CalendarView.WEEK, day=period.anchor),
        "month_url": _calendar_url(view=CalendarView.MONTH, day=period.anchor),
    }
    return render(request, "editorial/calendar.html", context)


def workflow_cancel_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET: confirm, with the reason to send; POST: cancel the page's circuit (administrators only)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not roles.is_administrator(request.user):
        raise PermissionDenied
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_IN_PROGRESS:
        messages.error(request, _("Cette page n'est dans aucun circuit en cours."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    form = WorkflowCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow_cancel(page=page, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Circuit de « %(title)s » annulé ; l'auteur·rice est prévenu·e.") % {"title": page.draft_title},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    context = {
        "page_title": _("Annuler le circuit de « %(title)s »") % {"title": page.draft_title},
        "page": page,
        "workflow_state": workflow_state,
        "form": form,
    }
    return render(request, "editorial/workflow_cancel.html", context, status=400 if form.errors else 200)
