"""What the feeds may show: live, public, not expired pages of the requested site, under live parents."""

import datetime

from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page, PageQuerySet, Site

from publications.models import ActionPage, ActionSession, PodcastEpisodePage, PodcastSeasonPage, PodcastSeriesPage


def site_for_request(request: HttpRequest) -> Site | None:
    return Site.find_for_request(request)


def pages_visible(queryset: PageQuerySet, *, site: Site) -> PageQuerySet:
    """Pages a visitor can read: live, without view restriction, not expired, no hidden ancestor.

    Wagtail's `live()` looks at the page alone, and an expired page stays live until the
    scheduled-publishing job runs, so both are checked here.
    """
    now = timezone.now()
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    root = site.root_page
    visible = queryset.descendant_of(root, inclusive=True).live().public().filter(not_expired)
    hidden_parents = (
        Page.objects.descendant_of(root, inclusive=True)
        .filter(numchild__gt=0)
        .filter(Q(live=False) | Q(expire_at__lte=now))
        .values_list("path", flat=True)
    )
    for path in hidden_parents:
        visible = visible.exclude(path__startswith=path)
    return visible


def page_is_visible(page: Page, *, site: Site) -> bool:
    return pages_visible(Page.objects.filter(pk=page.pk), site=site).exists()


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
