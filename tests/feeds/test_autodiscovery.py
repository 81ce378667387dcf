"""Each page announces its feeds with <link rel="alternate">; action pages link their .ics."""

from dataclasses import dataclass

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tests import html
from tests.factories import PublicationPageFactory
from tests.feeds.conftest import ics_get

pytestmark = pytest.mark.django_db

BASE = "https://crpv.example.org"


@dataclass(frozen=True)
class _Links:
    alternates: list[tuple[str, str]]
    anchors: list[tuple[str, str]]


def _links(client, url: str) -> _Links:
    response = client.get(url)
    assert response.status_code == 200, url
    page = html.parse(response)
    return _Links(
        alternates=[(link["type"], link["href"]) for link in page.head.find_all("link", rel="alternate")],
        anchors=[(link.text, link.href) for link in html.links(page)],
    )


def test_series_season_and_episode_pages_announce_the_podcast_feed(client, podcast):
    feed = ("application/rss+xml", f"{BASE}/flux/podcasts/{podcast.series.guid}.xml")

    for page in (podcast.series, podcast.season, podcast.episode):
        assert feed in _links(client, page.url).alternates, page.url


def test_podcast_index_announces_each_series(client, podcast, site_tree):
    alternates = _links(client, site_tree.podcasts.url).alternates

    assert ("application/rss+xml", f"{BASE}/flux/podcasts/{podcast.series.guid}.xml") in alternates


def test_publication_pages_announce_rss_and_atom(client, site_tree):
    publication = PublicationPageFactory()
    expected = [
        ("application/rss+xml", f"{BASE}/flux/publications.xml"),
        ("application/atom+xml", f"{BASE}/flux/publications.atom"),
    ]

    assert _links(client, publication.url).alternates == expected
    assert _links(client, site_tree.publications.url).alternates == expected


def test_home_announces_news_and_agenda(client, site_tree):
    alternates = _links(client, site_tree.home.url).alternates

    assert alternates == [
        ("application/rss+xml", f"{BASE}/flux/actualites.xml"),
        ("application/atom+xml", f"{BASE}/flux/actualites.atom"),
        ("text/calendar", f"{BASE}/flux/agenda.ics"),
    ]


def test_action_page__announces_and_links_its_ics(client, agenda):
    links = _links(client, agenda.action.url)

    assert links.alternates == [
        ("text/calendar", f"{BASE}/flux/actions/{agenda.action.pk}.ics"),
        ("text/calendar", f"{BASE}/flux/agenda.ics"),
    ]
    href = dict(links.anchors)["Ajouter à mon agenda (.ics)"]
    assert href == f"/flux/actions/{agenda.action.pk}.ics"
    assert len(ics_get(client, href).walk("VEVENT")) == 2


def test_ics_url__agenda_keeps_the_current_filters(agenda):
    request = RequestFactory().get(
        "/agenda/", {"thematique": "sante", "territoire": "", "mois": "2031-07", "page": "2"}
    )
    rendered = Template('{% load feeds_tags %}{% ics_url "agenda" %}').render(Context({"request": request}))

    assert rendered == "/flux/agenda.ics?thematique=sante"


def test_ics_url__filtered_link_serves_the_filtered_calendar(client, agenda):
    uids = {str(event["UID"]) for event in ics_get(client, "/flux/agenda.ics?thematique=sante").walk("VEVENT")}

    assert uids == {
        f"{agenda.session.uid}@agenda.crpv.example.org",
        f"{agenda.online_session.uid}@agenda.crpv.example.org",
    }


def test_feed_alternate_links__agenda_keyword_and_non_pages(agenda):
    template = Template("{% load feeds_tags %}{% feed_alternate_links page %}")

    assert "/flux/agenda.ics" in template.render(Context({"page": "agenda"}))
    assert template.render(Context({})) == ""
    assert template.render(Context({"page": "<script>"})) == ""
