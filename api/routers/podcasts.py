"""Podcast series, their seasons and episodes."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from wagtail.models import PageQuerySet

from api.errors import ErrorOut, UnknownValueError
from api.filters import EpisodeFilters, PageFilters, SeasonFilters, classified_filter
from api.pages import by_relevance, dated, narrowed, page_detail, paged, public_pages
from api.schemas import EpisodeDetailOut, EpisodeOut, Paged, SeasonOut, SeriesDetailOut, SeriesOut
from publications.models import PodcastEpisodePage, PodcastSeasonPage, PodcastSeriesPage

router = Router(tags=["Podcasts"])

ERRORS = {400: ErrorOut, 422: ErrorOut}


def _series(request: HttpRequest) -> QuerySet:
    return public_pages(PodcastSeriesPage, request).select_related("cover", "producer")


def _public_parent(request: HttpRequest, model: type, page_id: int, field: str, message: str) -> Any:
    parent = public_pages(model, request).filter(pk=page_id).first()
    if parent is None:
        raise UnknownValueError(field, message % {"id": page_id})
    return parent


@router.get("/podcasts/series/", response={200: Paged[SeriesOut], **ERRORS}, summary="Séries de podcasts")
def series_list(request: HttpRequest, filters: Query[PageFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_series(request), filters)
    queryset = by_relevance(queryset, ids) if ids is not None else queryset.order_by("title", "pk")
    return paged(queryset, filters)


@router.get("/podcasts/series/{series_id}", response={200: SeriesDetailOut, 404: ErrorOut}, summary="Une série")
def series_detail(request: HttpRequest, series_id: int) -> PodcastSeriesPage:
    return page_detail(_series(request).prefetch_related("committee__person__organisation"), series_id)


def _seasons(request: HttpRequest) -> PageQuerySet:
    return public_pages(PodcastSeasonPage, request)


def _with_series(seasons: list[PodcastSeasonPage]) -> list[PodcastSeasonPage]:
    """Each season with its series, read in one query for the whole page of results."""
    parent_paths = {season.path[: -PodcastSeasonPage.steplen] for season in seasons}
    series = {page.path: page for page in PodcastSeriesPage.objects.filter(path__in=parent_paths)}
    for season in seasons:
        season.series = series.get(season.path[: -PodcastSeasonPage.steplen])
    return seasons


@router.get("/podcasts/seasons/", response={200: Paged[SeasonOut], **ERRORS}, summary="Saisons")
def season_list(request: HttpRequest, filters: Query[SeasonFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_seasons(request), filters)
    if filters.series:
        series = _public_parent(
            request, PodcastSeriesPage, filters.series, "series", _("Aucune série publiée n'a l'identifiant %(id)s.")
        )
        queryset = queryset.child_of(series)
    queryset = by_relevance(queryset, ids) if ids is not None else queryset.order_by("path")
    result = paged(queryset, filters)
    result["results"] = _with_series(result["results"])
    return result


@router.get("/podcasts/seasons/{season_id}", response={200: SeasonOut, 404: ErrorOut}, summary="Une saison")
def season_detail(request: HttpRequest, season_id: int) -> PodcastSeasonPage:
    return _with_series([page_detail(_seasons(request), season_id)])[0]


def _episodes(request: HttpRequest) -> PageQuerySet:
    return public_pages(PodcastEpisodePage, request).select_related("audio").prefetch_related("themes", "territories")


@router.get("/podcasts/episodes/", response={200: Paged[EpisodeOut], **ERRORS}, summary="Épisodes")
def episode_list(request: HttpRequest, filters: Query[EpisodeFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_episodes(request), filters)
    queryset = classified_filter(queryset, filters)
    if filters.series:
        series = _public_parent(
            request, PodcastSeriesPage, filters.series, "series", _("Aucune série publiée n'a l'identifiant %(id)s.")
        )
        queryset = queryset.descendant_of(series)
    if filters.season:
        season = _public_parent(
            request, PodcastSeasonPage, filters.season, "season", _("Aucune saison publiée n'a l'identifiant %(id)s.")
        )
        queryset = queryset.child_of(season)
    return paged(dated(queryset, filters, ids, date_field="release_date"), filters)


@router.get("/podcasts/episodes/{episode_id}", response={200: EpisodeDetailOut, 404: ErrorOut}, summary="Un épisode")
def episode_detail(request: HttpRequest, episode_id: int) -> PodcastEpisodePage:
    queryset = (
        _episodes(request).select_related("co_producer").prefetch_related("people__person__organisation", "chapters")
    )
    return page_detail(queryset, episode_id)
