"""What the feeds read: the visible pages (`publications.visibility`) of the requested site."""

import datetime

from django.http import HttpRequest
from wagtail.models import PageQuerySet, Site

from publications.models import ActionPage, ActionSession, PodcastEpisodePage, PodcastSeasonPage, PodcastSeriesPage
from publications.visibility import pages_visible


def site_for_request(request: HttpRequest) -> Site | None:
    return Site.find_for_request(request)


def podcast_series_get(*, site: Site, guid: str) -> PodcastSeriesPage | None:
    return pages_visible(PodcastSeriesPage.objects.filter(guid=guid), site=site).select_related("cover").first()


def podcast_seasons_by_path(*, site: Site, series: PodcastSeriesPage) -> dict[str, PodcastSeasonPage]:
    seasons = pages_visible(PodcastSeasonPage.objects.child_of(series), site=site)
    return {season.path: season for season in seasons}


def podcast_episodes_list(*, site: Site, series: PodcastSeriesPage) -> PageQuerySet:
    """The series' visible episodes with an audio file, newest first."""
    return (
        pages_visible(PodcastEpisodePage.objects.descendant_of(series), site=site)
        .filter(audio__isnull=False)
        .select_related("audio")
        .prefetch_related("people__person", "chapters")
        .order_by("-release_date", "-episode_number", "-path")
    )


def podcast_episode_get(*, site: Site, guid: str) -> PodcastEpisodePage | None:
    """A visible episode whose series and season are visible too (their feed lists it)."""
    return pages_visible(PodcastEpisodePage.objects.filter(guid=guid), site=site).first()


def action_get(*, site: Site, page_id: int) -> ActionPage | None:
    return pages_visible(ActionPage.objects.filter(pk=page_id), site=site).select_related("format").first()


def action_sessions_list(*, actions: PageQuerySet, ends_after: datetime.datetime | None = None) -> list[ActionSession]:
    """The sessions of these actions, in date order, with what a calendar event shows."""
    sessions = (
        ActionSession.objects.filter(page__in=actions)
        .select_related("page", "page__format", "town")
        .prefetch_related("page__themes")
        .order_by("starts_at", "pk")
    )
    if ends_after is not None:
        sessions = sessions.filter(ends_at__gte=ends_after)
    return list(sessions)
