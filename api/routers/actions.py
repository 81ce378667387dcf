"""Actions (the agenda) and the programmes they belong to."""

from typing import Any

from django.db.models import F, Min, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router

from api.errors import ErrorOut
from api.filters import ActionFilters, ProgrammeFilters, classified_filter, day_end, day_start, format_id_get
from api.pages import by_relevance, narrowed, page_detail, paged, public_pages
from api.schemas import ActionDetailOut, ActionOut, Paged, ProgrammeDetailOut, ProgrammeOut
from publications.models import ActionPage, ActionSession, ProgrammePage
from publications.sessions import session_upcoming_q

router = Router(tags=["Actions et programmes"])

ERRORS = {400: ErrorOut, 422: ErrorOut}


def _actions(request: HttpRequest) -> QuerySet:
    return (
        public_pages(ActionPage, request)
        # The registration settings: whether each session shows seats, without a query per session.
        .select_related("format", "registration_settings")
        .prefetch_related(
            "themes",
            "territories",
            Prefetch("sessions", queryset=ActionSession.objects.select_related("town").order_by("starts_at")),
        )
    )


def _in_years(queryset: QuerySet, year: int) -> QuerySet:
    """Actions of the programmes of that year (an action sits under its programme)."""
    paths = list(ProgrammePage.objects.filter(year=year).values_list("path", flat=True))
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def _filtered(request: HttpRequest, filters: ActionFilters) -> QuerySet:
    queryset, ids = narrowed(_actions(request), filters)
    queryset = classified_filter(queryset, filters, extra_territory="sessions__town")
    if filters.format:
        queryset = queryset.filter(format_id=format_id_get(filters.format))
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.year:
        queryset = _in_years(queryset, filters.year)
    sessions = Q(sessions__cancelled=False)
    if filters.date_from:
        sessions &= Q(sessions__ends_at__gte=day_start(filters.date_from))
    if filters.date_to:
        sessions &= Q(sessions__starts_at__lte=day_end(filters.date_to))
    now = timezone.now()
    if filters.upcoming is True:
        sessions &= session_upcoming_q(now=now, prefix="sessions__")
    if filters.date_from or filters.date_to or filters.upcoming is True:
        queryset = queryset.filter(pk__in=ActionPage.objects.filter(sessions).values("pk"))
    if filters.upcoming is False:
        upcoming = ActionPage.objects.filter(session_upcoming_q(now=now, prefix="sessions__"))
        queryset = queryset.exclude(pk__in=upcoming.values("pk"))
    # The session a list is ordered by: the next one for the agenda, otherwise the first.
    date_condition = sessions if filters.upcoming else Q()
    queryset = queryset.annotate(session_date=Min("sessions__starts_at", filter=date_condition))
    # Actions without a session come last either way, as PostgreSQL and SQLite would not agree.
    orders = {
        "date": (F("session_date").asc(nulls_last=True), "pk"),
        "-date": (F("session_date").desc(nulls_last=True), "-pk"),
        "title": ("title", "pk"),
        "-published": ("-first_published_at", "-pk"),
    }
    if filters.order:
        return queryset.order_by(*orders[filters.order])
    if ids is not None:
        return by_relevance(queryset, ids)
    return queryset.order_by(*orders["date"])


@router.get("/actions/", response={200: Paged[ActionOut], **ERRORS}, summary="Actions")
def action_list(request: HttpRequest, filters: Query[ActionFilters]) -> dict[str, Any]:
    return paged(_filtered(request, filters), filters)


@router.get("/actions/{action_id}", response={200: ActionDetailOut, 404: ErrorOut}, summary="Une action")
def action_detail(request: HttpRequest, action_id: int) -> ActionPage:
    queryset = (
        _actions(request)
        .select_related("axis", "continues", "cycle", "image")
        .prefetch_related(
            "audiences",
            "other_axes",
            "fundings__funder",
            "indicators",
            "people__person__organisation",
            "organisations__organisation",
            "progress_notes",
            "deliverables__publication",
        )
    )
    return page_detail(queryset, action_id)


def _programmes(request: HttpRequest) -> QuerySet:
    return public_pages(ProgrammePage, request).select_related("centre")


@router.get("/programmes/", response={200: Paged[ProgrammeOut], **ERRORS}, summary="Programmes d'actions")
def programme_list(request: HttpRequest, filters: Query[ProgrammeFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_programmes(request), filters)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    queryset = by_relevance(queryset, ids) if ids is not None else queryset.order_by("-year", "title", "pk")
    return paged(queryset, filters)


@router.get("/programmes/{programme_id}", response={200: ProgrammeDetailOut, 404: ErrorOut}, summary="Un programme")
def programme_detail(request: HttpRequest, programme_id: int) -> ProgrammePage:
    return page_detail(_programmes(request).prefetch_related("axes", "cycles", "progress_points"), programme_id)
