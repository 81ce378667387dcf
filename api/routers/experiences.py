"""Experience records (fiches d'expérience)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router

from api.errors import ErrorOut
from api.filters import ExperienceFilters, classified_filter
from api.pages import by_relevance, narrowed, page_detail, paged, public_pages
from api.schemas import ExperienceDetailOut, ExperienceOut, Paged
from publications.models import ExperiencePage

router = Router(tags=["Fiches d'expérience"])


def _experiences(request: HttpRequest) -> QuerySet:
    return public_pages(ExperiencePage, request).select_related("town").prefetch_related("themes", "territories")


@router.get(
    "/experiences/", response={200: Paged[ExperienceOut], 400: ErrorOut, 422: ErrorOut}, summary="Fiches d'expérience"
)
def experience_list(request: HttpRequest, filters: Query[ExperienceFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_experiences(request), filters)
    queryset = classified_filter(queryset, filters, extra_territory="town")
    queryset = by_relevance(queryset, ids) if ids is not None else queryset.order_by("title", "pk")
    return paged(queryset, filters)


@router.get(
    "/experiences/{experience_id}", response={200: ExperienceDetailOut, 404: ErrorOut}, summary="Une fiche d'expérience"
)
def experience_detail(request: HttpRequest, experience_id: int) -> ExperiencePage:
    return page_detail(_experiences(request).prefetch_related("organisations"), experience_id)
