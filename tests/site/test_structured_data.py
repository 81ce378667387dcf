"""schema.org JSON-LD: events, podcasts and reports, escaped data blocks that need no CSP nonce."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.utils import timezone

from publications.models import ActionStatus, AttendanceMode
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
    CustomImageFactory,
    EpisodeChapterFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    ProgrammePageFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(response) -> object:
    match = SCRIPT.search(response.content.decode())
    assert match, "no JSON-LD script"
    return json.loads(match.group(1))


def test_action__one_event_per_session_with_status_and_attendance_mode(client, site_tree):
    programme = ProgrammePageFactory(parent=site_tree.programmes)
    action = ActionPageFactory(parent=programme, status=ActionStatus.POSTPONED)
    # Distinct days: sessions are listed by start, and equal starts have no order on PostgreSQL.
    day = [timezone.make_aware(datetime.datetime(2024, 5, 11 + n, 17, 0)) for n in range(4)]
    ActionSessionFactory(page=action, starts_at=day[0])
    ActionSessionFactory(page=action, starts_at=day[1], online=True)
    ActionSessionFactory(
        page=action, starts_at=day[2], attendance_mode=AttendanceMode.MIXED, online_url="https://visio.example.org/x"
    )
    ActionSessionFactory(page=action, starts_at=day[3], cancelled=True)
    events = json_ld(client.get(action.url))
    assert [event["@type"] for event in events] == ["Event"] * 4
    assert [event["eventAttendanceMode"].rsplit("/", 1)[1] for event in events] == [
        "OfflineEventAttendanceMode",
        "OnlineEventAttendanceMode",
        "MixedEventAttendanceMode",
        "OfflineEventAttendanceMode",
    ]
    assert [event["eventStatus"].rsplit("/", 1)[1] for event in events] == [
        "EventPostponed",
        "EventPostponed",
        "EventPostponed",
        "EventCancelled",
    ]
    assert events[0]["location"][0]["@type"] == "Place"
    # Sessions of 2024, over: the connection link gives way to the action's page.
    assert events[1]["location"] == [{"@type": "VirtualLocation", "url": action.full_url}]
    assert {place["@type"] for place in events[2]["location"]} == {"Place", "VirtualLocation"}
    assert events[0]["startDate"].endswith("+02:00")  # 11 May, Paris summer time
    assert events[0]["organizer"]["name"] == programme.centre.name


def test_action__scheduled_status_and_no_csp_nonce(client, site_tree):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    ActionSessionFactory(page=action)
    response = client.get(action.url)
    events = json_ld(response)
    assert events[0]["eventStatus"] == "https://schema.org/EventScheduled"
    assert "'nonce-" not in response["Content-Security-Policy"]


def test_action__hostile_title_cannot_close_the_script(client, site_tree):
    title = '</script><script>alert("x")</script><!-- & é'
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes), title=title)
    ActionSessionFactory(page=action)
    response = client.get(action.url)
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    events = json_ld(response)
    assert events[0]["name"] == title


def test_page_without_dates_has_no_event(client, site_tree):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    assert "application/ld+json" not in client.get(action.url).content.decode()


def test_publication__report_is_part_of_its_collection(client, site_tree, settings):
    publication = PublicationPageFactory(parent=site_tree.publications, number="58")
    PublicationDocumentFactory(page=publication)
    report = json_ld(client.get(publication.url))
    assert report["@type"] == "Report"
    assert report["isPartOf"] == {"@type": "CreativeWorkSeries", "name": publication.collection.name}
    assert report["reportNumber"] == "58"
    assert report["encoding"][0]["encodingFormat"] == "application/pdf"
    assert report["encoding"][0]["contentUrl"].startswith(f"{settings.BASE_URL}/documents/")


def test_podcast__series_and_episode(client, site_tree):
    series = PodcastSeriesPageFactory(parent=site_tree.podcasts)
    season = PodcastSeasonPageFactory(parent=series, number=2, title="Saison 2")
    episode = PodcastEpisodePageFactory(parent=season, episode_number=3)
    EpisodeChapterFactory(page=episode)
    series_data = json_ld(client.get(series.url))
    assert series_data["@type"] == "PodcastSeries"
    episode_data = json_ld(client.get(episode.url))
    assert episode_data["@type"] == "PodcastEpisode"
    assert episode_data["episodeNumber"] == 3
    assert episode_data["partOfSeries"]["name"] == series.title
    assert episode_data["partOfSeason"] == {"@type": "PodcastSeason", "seasonNumber": 2, "name": "Saison 2"}
    assert episode_data["associatedMedia"]["duration"] == "PT2S"


def test_home__organization_with_logo_address_and_accounts(client, identity, site_tree):
    organisation = json_ld(client.get(site_tree.home.url))
    assert organisation["@type"] == "Organization"
    assert organisation["url"] == site_tree.home.full_url
    assert organisation["logo"].startswith(f"{settings.BASE_URL}/")
    assert organisation["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FR",
        "streetAddress": "15 rue Catulienne",
        "postalCode": "93200",
        "addressLocality": "Saint-Denis",
    }
    assert organisation["sameAs"] == ["https://social.example.org/@centre"]


def test_event__image_free_offer_organizer_and_postal_address(client, identity, site_tree):
    programme = ProgrammePageFactory(parent=site_tree.programmes)
    action = ActionPageFactory(parent=programme, image=CustomImageFactory())
    ActionSessionFactory(page=action)
    [event] = json_ld(client.get(action.url))
    assert event["image"][0].startswith(f"{settings.BASE_URL}/")
    assert event["offers"]["price"] == 0
    assert event["offers"]["priceCurrency"] == "EUR"
    assert event["isAccessibleForFree"] is True
    assert event["organizer"]["name"] == programme.centre.name
    assert event["location"][0]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FR",
        "streetAddress": "9-11 rue Génin",
        "postalCode": "93200",
        "addressLocality": "Saint-Denis",
    }


def test_event__without_an_image_of_its_own_shows_the_centres_logo(client, identity, site_tree):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    ActionSessionFactory(page=action)
    [event] = json_ld(client.get(action.url))
    assert event["image"] == [settings.BASE_URL + identity.logo.get_rendition("fill-1200x675").url]


def test_online_session__link_shown_until_it_ends(client, site_tree):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    soon = timezone.now() + datetime.timedelta(days=3)
    ActionSessionFactory(page=action, online=True, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    ActionSessionFactory(
        page=action,
        attendance_mode=AttendanceMode.ONLINE,
        venue="",
        address="",
        online_url="https://visio.example.org/passee",
    )  # the factory's date, 11 May 2024, is over
    page = client.get(action.url).content.decode()
    assert page.count("Lien de connexion") == 1
    assert "https://visio.example.org/seminaire-des-elus" in page
    assert "https://visio.example.org/passee" not in page
    past, future = json_ld(client.get(action.url))  # in the order of their dates
    assert future["location"] == [{"@type": "VirtualLocation", "url": "https://visio.example.org/seminaire-des-elus"}]
    assert past["location"] == [{"@type": "VirtualLocation", "url": action.full_url}]
