"""Feed autodiscovery: `{% feed_alternate_links page %}` in <head>, `{% ics_url page %}` for links.

`{% feed_alternate_links "agenda" %}` serves pages that are not Wagtail pages (an agenda view).
"""

from dataclasses import dataclass
from typing import Any

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from config.public_url import absolute_url
from feeds.agenda_filters import NAMES
from feeds.links import request_site
from publications.models import (
    ActionPage,
    HomePage,
    PodcastEpisodePage,
    PodcastIndexPage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    ProgrammeIndexPage,
    ProgrammePage,
    PublicationIndexPage,
    PublicationPage,
)
from publications.visibility import pages_visible

register = template.Library()

AGENDA = "agenda"
RSS, ATOM, ICS = "application/rss+xml", "application/atom+xml", "text/calendar"


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    type: str


def _link(title: str, name: str, kind: str, *, site: Site | None, **kwargs: Any) -> FeedLink:
    return FeedLink(title, absolute_url(reverse(name, kwargs=kwargs or None), site=site), kind)


def _podcast_link(series: PodcastSeriesPage, site: Site | None) -> FeedLink:
    return _link(_("%(title)s (podcast)") % {"title": series.title}, "feeds:podcast", RSS, site=site, guid=series.guid)


def _agenda_link(site: Site | None) -> FeedLink:
    return _link(_("Agenda (iCalendar)"), "feeds:agenda_ics", ICS, site=site)


def _publication_links(site: Site | None) -> list[FeedLink]:
    return [
        _link(_("Publications (RSS)"), "feeds:publications_rss", RSS, site=site),
        _link(_("Publications (Atom)"), "feeds:publications_atom", ATOM, site=site),
    ]


def _news_links(site: Site | None) -> list[FeedLink]:
    return [
        _link(_("Actualités (RSS)"), "feeds:news_rss", RSS, site=site),
        _link(_("Actualités (Atom)"), "feeds:news_atom", ATOM, site=site),
    ]


def feed_links_for(page: Page | str | None, *, site: Site | None = None) -> list[FeedLink]:
    """The feeds a page of ``site`` belongs to, most specific first, at that site's address."""
    if page == AGENDA:
        return [_agenda_link(site)]
    if not isinstance(page, Page):
        return []
    page = page.specific_deferred
    if isinstance(page, PodcastSeriesPage):
        return [_podcast_link(page, site)]
    if isinstance(page, PodcastSeasonPage | PodcastEpisodePage):
        series = PodcastSeriesPage.objects.ancestor_of(page).first()
        return [_podcast_link(series, site)] if series else []
    if isinstance(page, PodcastIndexPage):
        return [_podcast_link(series, site) for series in pages_visible(PodcastSeriesPage.objects.child_of(page))]
    if isinstance(page, PublicationIndexPage | PublicationPage):
        return _publication_links(site)
    if isinstance(page, ActionPage):
        title = _("%(title)s (iCalendar)") % {"title": page.title}
        return [_link(title, "feeds:action_ics", ICS, site=site, page_id=page.pk), _agenda_link(site)]
    if isinstance(page, ProgrammeIndexPage | ProgrammePage) or type(page).__name__ == "AgendaPage":
        return [_agenda_link(site)]
    if isinstance(page, HomePage):
        return [*_news_links(site), _agenda_link(site)]
    return []


@register.simple_tag(takes_context=True)
def feed_alternate_links(context: template.Context, page: Page | str | None) -> SafeString:
    """<link rel="alternate"> for each feed of the page (podcast apps and feed readers find them)."""
    links = feed_links_for(page, site=request_site(context.get("request")))
    return format_html_join(
        "\n", '<link rel="alternate" type="{}" title="{}" href="{}">', ((ln.type, ln.title, ln.url) for ln in links)
    )


def _ics_url(page: Page | str | None, query: QueryDict | None) -> str:
    if isinstance(page, Page) and isinstance(page.specific_deferred, ActionPage):
        return reverse("feeds:action_ics", kwargs={"page_id": page.pk})
    url = reverse("feeds:agenda_ics")
    if query is None:
        return url
    # The agenda page's current filters become the calendar's, so that one subscribes to what one sees.
    kept = QueryDict(mutable=True)
    for name in (*NAMES.themes, *NAMES.territories, *NAMES.formats):
        values = [value for value in query.getlist(name) if value]
        if values:
            kept.setlist(name, values)
    return f"{url}?{kept.urlencode()}" if kept else url


@register.simple_tag(takes_context=True)
def ics_url(context: template.Context, page: Page | str | None) -> str:
    """The .ics of an action page; for any other page the agenda's, with the agenda's current filters."""
    request = context.get("request")
    return _ics_url(page, request.GET if request is not None else None)


@register.simple_tag(takes_context=True)
def ics_link(context: template.Context, page: Page | str | None) -> SafeString:
    """« Ajouter à mon agenda (.ics) », the link action pages and the agenda show."""
    return format_html(
        '<a class="ics-link" href="{}" type="{}">{}</a>', ics_url(context, page), ICS, _("Ajouter à mon agenda (.ics)")
    )
