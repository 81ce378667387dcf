"""schema.org JSON-LD: events, podcasts and reports, escaped data blocks that need no CSP nonce."""

import json
import re

import pytest

from publications.models import ActionStatus, AttendanceMode
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
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
    ActionSessionFactory(page=action)
    ActionSessionFactory(page=action, online=True)
    ActionSessionFactory(page=action, attendance_mode=AttendanceMode.MIXED, online_url="https://visio.example.org/x")
    ActionSessionFactory(page=action, cancelled=True)
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
    assert events[1]["location"] == [
        {"@type": "VirtualLocation", "url": "https://visio.example.org/seminaire-des-elus"}
    ]
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
