"""Feed endpoints: podcast RSS and its side files, iCalendar, sitemap.xml and robots.txt.

Every endpoint reads only what `publications.visibility.pages_visible` lets through, so drafts, private
and expired pages never appear; an invisible object is a 404, as on the site.
"""

import datetime

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from feeds import calendar, podcast, selectors
from feeds.agenda_filters import agenda_filters_parse
from feeds.links import site_absolute_url
from feeds.sitemaps import PageSitemap
from publications.models import ActionPage
from publications.selectors import site_name_for
from publications.visibility import pages_visible

# Past sessions stay this long in the agenda, so that subscribed calendars keep recent events.
AGENDA_PAST_DAYS = 30
# Podcast players fetch transcripts and chapters from web pages of other origins.
PUBLIC_CORS = {"Access-Control-Allow-Origin": "*"}


def _site(request: HttpRequest) -> Site:
    site = selectors.site_for_request(request)
    if site is None:
        raise Http404
    return site


@require_safe
def podcast_feed(request: HttpRequest, guid: str) -> HttpResponse:
    site = _site(request)
    series = selectors.podcast_series_get(site=site, guid=guid)
    if series is None:
        raise Http404
    body = podcast.podcast_rss_build(
        series=series,
        seasons=selectors.podcast_seasons_by_path(site=site, series=series),
        episodes=list(selectors.podcast_episodes_list(site=site, series=series)),
        request=request,
    )
    return HttpResponse(body, content_type=podcast.RSS_CONTENT_TYPE)


@require_safe
def podcast_transcript(request: HttpRequest, guid: str) -> HttpResponse:
    episode = selectors.podcast_episode_get(site=_site(request), guid=guid)
    if episode is None or not episode.transcript.strip():
        raise Http404
    return HttpResponse(episode.transcript, content_type="text/vtt; charset=utf-8", headers=PUBLIC_CORS)


@require_safe
def podcast_chapters(request: HttpRequest, guid: str) -> HttpResponse:
    episode = selectors.podcast_episode_get(site=_site(request), guid=guid)
    chapters = list(episode.chapters.all()) if episode else []
    if episode is None or not chapters:
        raise Http404
    return JsonResponse(
        podcast.chapters_document(episode, chapters),
        content_type=podcast.CHAPTERS_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
        headers=PUBLIC_CORS,
    )


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    return HttpResponse(
        body,
        content_type=calendar.ICS_CONTENT_TYPE,
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


@require_safe
def action_calendar(request: HttpRequest, page_id: int) -> HttpResponse:
    action = selectors.action_get(site=_site(request), page_id=page_id)
    if action is None:
        raise Http404
    sessions = selectors.action_sessions_list(actions=ActionPage.objects.filter(pk=action.pk))
    body = calendar.calendar_build(name=action.title, sessions=sessions, request=request)
    return _ics_response(body, f"action-{action.pk}.ics")


@require_safe
def agenda_calendar(request: HttpRequest) -> HttpResponse:
    site = _site(request)
    try:
        filters = agenda_filters_parse(request.GET)
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages), content_type="text/plain; charset=utf-8")
    actions = filters.apply(pages_visible(ActionPage.objects.all(), site=site))
    since = timezone.now() - datetime.timedelta(days=AGENDA_PAST_DAYS)
    sessions = selectors.action_sessions_list(actions=actions, ends_after=since)
    name = _("Agenda — %(site)s") % {"site": site_name_for(site=site)} + filters.calendar_name_suffix()
    return _ics_response(calendar.calendar_build(name=name, sessions=sessions, request=request), "agenda.ics")


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, sitemaps={"pages": PageSitemap(site=_site(request), request=request)})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {site_absolute_url(reverse('feeds:sitemap'), request)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
