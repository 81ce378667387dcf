"""Feed autodiscovery: `{% feed_alternate_links page %}` in <head>, `{% ics_url page %}` for links.

`{% feed_alternate_links "agenda" %}` serves pages that are not Wagtail pages (an agenda view).
"""

from dataclasses import dataclass

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.models import Page

from feeds.agenda_filters import NAMES
from feeds.links import absolute_url
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


def _podcast_link(series: PodcastSeriesPage) -> FeedLink:
    return FeedLink(
        _("%(title)s (podcast)") % {"title": series.title},
        absolute_url(reverse("feeds:podcast", kwargs={"guid": series.guid})),
        RSS,
    )


def _agenda_link() -> FeedLink:
    return FeedLink(_("Agenda (iCalendar)"), absolute_url(reverse("feeds:agenda_ics")), ICS)


def _publication_links() -> list[FeedLink]:
    return [
        FeedLink(_("Publications (RSS)"), absolute_url(reverse("feeds:publications_rss")), RSS),
        FeedLink(_("Publications (Atom)"), absolute_url(reverse("feeds:publications_atom")), ATOM),
    ]


def _news_links() -> list[FeedLink]:
    return [
        FeedLink(_("Actualités (RSS)"), absolute_url(reverse("feeds:news_rss")), RSS),
        FeedLink(_("Actualités (Atom)"), absolute_url(reverse("feeds:news_atom")), ATOM),
    ]


def feed_links_for(page: Page | str | None) -> list[FeedLink]:
    """The feeds a page belongs to, most specific first."""
    if page == AGENDA:
        return [_agenda_link()]
    if not isinstance(page, Page):
        return []
    page = page.specific_deferred
    if isinstance(page, PodcastSeriesPage):
        return [_podcast_link(page)]
    if isinstance(page, PodcastSeasonPage | PodcastEpisodePage):
        series = PodcastSeriesPage.objects.ancestor_of(page).first()
        return [_podcast_link(series)] if series else []
    if isinstance(page, PodcastIndexPage):
        return [_podcast_link(series) for series in pages_visible(PodcastSeriesPage.objects.child_of(page))]
    if isinstance(page, PublicationIndexPage | PublicationPage):
        return _publication_links()
    if isinstance(page, ActionPage):
        action = FeedLink(
            _("%(title)s (iCalendar)") % {"title": page.title},
            absolute_url(reverse("feeds:action_ics", kwargs={"page_id": page.pk})),
            ICS,
        )
        return [action, _agenda_link()]
    if isinstance(page, ProgrammeIndexPage | ProgrammePage) or type(page).__name__ == "AgendaPage":
        return [_agenda_link()]
    if isinstance(page, HomePage):
        return [*_news_links(), _agenda_link()]
    return []


@register.simple_tag
def feed_alternate_links(page: Page | str | None) -> SafeString:
    """<link rel="alternate"> for each feed of the page (podcast apps and feed readers find them)."""
    return format_html_join(
        "\n",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        ((link.type, link.title, link.url) for link in feed_links_for(page)),
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
