"""Fixtures of the feed tests: a podcast series with seasons and episodes, actions with sessions."""

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from publications.models import (
    ActionPage,
    ActionSession,
    PodcastEpisodePage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    Territory,
)
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
    CustomImageFactory,
    CustomMediaFactory,
    EpisodeChapterFactory,
    EpisodePersonFactory,
    OrganisationFactory,
    PersonFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    TerritoryFactory,
    ThemeFactory,
)

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
}


@pytest.fixture(autouse=True)
def local_cache(local_cache) -> None:
    """Every feeds test: Wagtail caches renditions, whose files live in each test's media folder."""


@pytest.fixture(autouse=True)
def public_address(settings) -> None:
    settings.BASE_URL = "https://crpv.example.org"
    settings.CALENDAR_UID_DOMAIN = "agenda.crpv.example.org"


@dataclass
class Podcast:
    series: PodcastSeriesPage
    season: PodcastSeasonPage
    episode: PodcastEpisodePage
    trailer: PodcastEpisodePage


@pytest.fixture
def podcast(site_tree) -> Podcast:
    cover = CustomImageFactory(file__width=1600, file__height=1600, file__filename="visuel-carre.png")
    producer = OrganisationFactory(name="Profession Banlieue", acronym="")
    series = PodcastSeriesPageFactory(
        parent=site_tree.podcasts, cover=cover, producer=producer, explicit=False, category="Society & Culture"
    )
    season = PodcastSeasonPageFactory(parent=series, number=1, title="Saison 1 — Jeunesses")
    audio = CustomMediaFactory(seconds=3.0)
    episode = PodcastEpisodePageFactory(
        parent=season, episode_number=4, audio=audio, title="Grandir à Saint-Denis, avec les élu·e·s"
    )
    EpisodePersonFactory(page=episode, person=PersonFactory(first_name="Nadia", last_name="Benali"), role="animation")
    EpisodePersonFactory(page=episode, person=PersonFactory(first_name="Marc", last_name="Hatzfeld"), role="invite")
    EpisodeChapterFactory(page=episode, start=datetime.timedelta(seconds=0), title="Ouverture")
    EpisodeChapterFactory(page=episode, start=datetime.timedelta(seconds=1, milliseconds=500), title="Débat")
    trailer = PodcastEpisodePageFactory(
        parent=season,
        episode_number=None,
        episode_type="trailer",
        title="Bande-annonce de la saison",
        transcript="",
        release_date=datetime.date(2024, 1, 15),
    )
    return Podcast(series=series, season=season, episode=episode, trailer=trailer)


def rss_get(client: Client, series: PodcastSeriesPage) -> ET.Element:
    response = client.get(f"/flux/podcasts/{series.guid}.xml")
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, not untrusted input)


def ics_get(client: Client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def aware(*args: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@dataclass
class Agenda:
    seine_saint_denis: Territory
    saint_denis: Territory
    action: ActionPage
    session: ActionSession
    online_session: ActionSession
    other_action: ActionPage
    other_session: ActionSession


@pytest.fixture
def agenda(site_tree) -> Agenda:
    """Two upcoming actions: one in Saint-Denis (93) with two sessions, one elsewhere, each with its format."""
    seine_saint_denis = TerritoryFactory(departement=True, name="Seine-Saint-Denis", code="93")
    saint_denis = TerritoryFactory(name="Saint-Denis", code="93066", parent=seine_saint_denis)
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
    action = ActionPageFactory(title="Séminaire des élu·e·s : la gestion urbaine de proximité")
    action.themes.set([ThemeFactory(name="Santé", slug="sante")])
    action.territories.set([saint_denis])
    action.save()  # parental many-to-many relations are written when the page is saved
    session = ActionSessionFactory(page=action, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    online_session = ActionSessionFactory(
        page=action,
        online=True,
        starts_at=soon + datetime.timedelta(days=7),
        ends_at=soon + datetime.timedelta(days=7, hours=2),
    )
    other_action = ActionPageFactory(title="Groupe de travail « Participation des habitant·e·s »")
    other_action.themes.set([ThemeFactory(name="Numérique", slug="numerique")])
    other_action.save()
    other_session = ActionSessionFactory(
        page=other_action,
        starts_at=soon + datetime.timedelta(days=3),
        ends_at=soon + datetime.timedelta(days=3, hours=3),
    )
    return Agenda(seine_saint_denis, saint_denis, action, session, online_session, other_action, other_session)
