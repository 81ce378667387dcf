"""The podcast RSS: what Apple Podcasts, Spotify and Podcasting 2.0 apps require, checked two ways."""

import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from PIL import Image

from publications.models import PodcastSeriesPage
from publications.webvtt import webvtt_parse
from tests.factories import CustomImageFactory
from tests.feeds.conftest import NS, rss_get

pytestmark = pytest.mark.django_db

BASE = "https://crpv.example.org"


def _items_by_title(channel: ET.Element) -> dict[str, ET.Element]:
    return {item.findtext("title"): item for item in channel.findall("item")}


def test_podcast_feed__feedparser_reads_channel_and_items(client, podcast):
    response = client.get(f"/flux/podcasts/{podcast.series.guid}.xml")

    parsed = feedparser.parse(response.content)

    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Penser le 9-3"
    assert parsed.feed.language == "fr"
    assert parsed.feed.link == f"{BASE}{podcast.series.url}"
    # feedparser 6 only knows the old yes/clean values; the raw XML test checks "false".
    assert parsed.feed.itunes_explicit is not True
    assert parsed.feed.author_detail.name == "Profession Banlieue"
    assert parsed.feed.publisher_detail.email == "podcast@example.org"
    assert parsed.feed.image.href.startswith(f"{BASE}/media/")
    assert [tag.term for tag in parsed.feed.tags] == ["Society & Culture"]
    assert len(parsed.entries) == 2
    entry = next(e for e in parsed.entries if e.title.startswith("Grandir"))
    assert entry.title == "Grandir à Saint-Denis, avec les élu·e·s"
    assert entry.id == str(podcast.episode.guid)
    assert entry.guidislink is False
    assert entry.itunes_duration == "3"
    assert entry.itunes_episode == "4"
    assert entry.itunes_season == "1"
    assert entry.itunes_episodetype == "full"
    assert entry.published_parsed[:3] == (2024, 1, 31)  # midnight in Paris is 23:00 UTC the day before
    enclosure = entry.enclosures[0]
    assert enclosure.href == f"{BASE}{podcast.episode.audio.file.url}"
    assert enclosure.type == "audio/x-wav"
    assert int(enclosure.length) == podcast.episode.audio.file_size


def test_podcast_feed__raw_xml_has_every_required_tag_with_exact_values(client, podcast):
    rss = rss_get(client, podcast.series)
    channel = rss.find("channel")
    audio = podcast.episode.audio

    assert rss.get("version") == "2.0"
    assert channel.findtext("title") == "Penser le 9-3"
    assert channel.findtext("link") == f"{BASE}{podcast.series.url}"
    assert channel.findtext("description") == podcast.series.summary
    assert channel.findtext("language") == "fr"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("itunes:author", namespaces=NS) == "Profession Banlieue"
    assert channel.findtext("itunes:owner/itunes:name", namespaces=NS) == "Profession Banlieue"
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "podcast@example.org"
    assert channel.find("itunes:category", NS).get("text") == "Society & Culture"
    assert channel.findtext("itunes:type", namespaces=NS) == "episodic"
    assert channel.findtext("podcast:guid", namespaces=NS) == str(podcast.series.guid)
    locked = channel.find("podcast:locked", NS)
    assert (locked.text, locked.get("owner")) == ("no", "podcast@example.org")
    self_link = channel.find("atom:link", NS)
    assert self_link.get("href") == f"{BASE}/flux/podcasts/{podcast.series.guid}.xml"
    assert self_link.get("rel") == "self"

    item = _items_by_title(channel)["Grandir à Saint-Denis, avec les élu·e·s"]
    guid = item.find("guid")
    assert (guid.text, guid.get("isPermaLink")) == (str(podcast.episode.guid), "false")
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == f"{BASE}{audio.file.url}"
    assert enclosure.get("length") == str(audio.file_size)
    assert enclosure.get("type") == "audio/x-wav"
    assert item.findtext("pubDate") == "Thu, 01 Feb 2024 00:00:00 +0100"
    assert item.findtext("itunes:duration", namespaces=NS) == "3"
    assert item.findtext("itunes:season", namespaces=NS) == "1"
    assert item.findtext("itunes:episode", namespaces=NS) == "4"
    assert item.findtext("itunes:episodeType", namespaces=NS) == "full"
    assert item.findtext("itunes:explicit", namespaces=NS) == "false"
    season = item.find("podcast:season", NS)
    assert (season.text, season.get("name")) == ("1", "Saison 1 — Jeunesses")
    assert item.findtext("podcast:episode", namespaces=NS) == "4"
    transcript = item.find("podcast:transcript", NS)
    assert transcript.get("url") == f"{BASE}/flux/podcasts/episodes/{podcast.episode.guid}/transcription.vtt"
    assert (transcript.get("type"), transcript.get("language")) == ("text/vtt", "fr")
    chapters = item.find("podcast:chapters", NS)
    assert chapters.get("url") == f"{BASE}/flux/podcasts/episodes/{podcast.episode.guid}/chapitres.json"
    assert chapters.get("type") == "application/json+chapters"
    people = [(p.text, p.get("role"), p.get("group")) for p in item.findall("podcast:person", NS)]
    assert people == [("Nadia Benali", "host", "cast"), ("Marc Hatzfeld", "guest", "cast")]


def test_podcast_feed__namespaces_declared_on_the_root(client, podcast):
    body = client.get(f"/flux/podcasts/{podcast.series.guid}.xml").content.decode()

    root_tag = body[body.index("<rss") : body.index(">", body.index("<rss"))]
    for prefix, uri in NS.items():
        assert f'xmlns:{prefix}="{uri}"' in root_tag


def test_podcast_feed__trailer_has_no_episode_number_nor_transcript(client, podcast):
    channel = rss_get(client, podcast.series).find("channel")

    trailer = _items_by_title(channel)["Bande-annonce de la saison"]

    assert trailer.findtext("itunes:episodeType", namespaces=NS) == "trailer"
    assert trailer.find("itunes:episode", NS) is None
    assert trailer.find("podcast:episode", NS) is None
    assert trailer.find("podcast:transcript", NS) is None
    assert trailer.find("podcast:chapters", NS) is None


def test_podcast_feed__explicit_series_says_true(client, podcast):
    podcast.series.explicit = True
    podcast.series.save_revision().publish()

    channel = rss_get(client, podcast.series).find("channel")

    assert channel.findtext("itunes:explicit", namespaces=NS) == "true"


def test_podcast_feed__cover_is_a_square_rendition_within_apple_bounds(client, podcast, media_root):
    channel = rss_get(client, podcast.series).find("channel")

    href = channel.find("itunes:image", NS).get("href")
    assert channel.findtext("image/url") == href
    path = media_root / href.removeprefix(f"{BASE}/media/")
    with Image.open(path) as image:
        assert image.format == "JPEG"
        assert image.width == image.height
        assert 1400 <= image.width <= 3000


def test_podcast_feed__oversized_cover_is_scaled_to_3000(client, podcast, media_root):
    # A cover swapped outside the editor's form (which refuses it), e.g. its file replaced in the library.
    cover = CustomImageFactory(file__width=3600, file__height=3200, file__filename="grand.png")
    PodcastSeriesPage.objects.filter(pk=podcast.series.pk).update(cover=cover)

    href = rss_get(client, podcast.series).find("channel").find("itunes:image", NS).get("href")

    with Image.open(media_root / href.removeprefix(f"{BASE}/media/")) as image:
        assert image.size == (3000, 3000)


def test_podcast_feed__too_small_cover_is_left_out(client, podcast):
    cover = CustomImageFactory(file__width=800, file__height=800)
    PodcastSeriesPage.objects.filter(pk=podcast.series.pk).update(cover=cover)

    channel = rss_get(client, podcast.series).find("channel")

    assert channel.find("itunes:image", NS) is None


def test_podcast_feed__guids_never_change_across_edits_moves_and_republishing(client, podcast):
    before = rss_get(client, podcast.series).find("channel")
    series_guid = before.findtext("podcast:guid", namespaces=NS)
    item_guids = {item.findtext("title"): item.findtext("guid") for item in before.findall("item")}

    episode = podcast.episode
    episode.title = "Grandir à Saint-Denis (nouvelle version)"
    episode.slug = "grandir-a-saint-denis-v2"
    episode.save_revision().publish()
    episode.unpublish()
    episode.save_revision().publish()
    podcast.series.title = "Penser le 9-3, saison après saison"
    podcast.series.save_revision().publish()

    after = rss_get(client, podcast.series).find("channel")
    assert after.findtext("podcast:guid", namespaces=NS) == series_guid
    guids = {item.findtext("title"): item.findtext("guid") for item in after.findall("item")}
    assert guids["Grandir à Saint-Denis (nouvelle version)"] == item_guids["Grandir à Saint-Denis, avec les élu·e·s"]
    assert guids["Bande-annonce de la saison"] == item_guids["Bande-annonce de la saison"]


def test_podcast_feed__inclusive_writing_survives(client, podcast):
    body = client.get(f"/flux/podcasts/{podcast.series.guid}.xml").content.decode()

    assert "élu·e·s" in body


def test_transcript__served_as_webvtt(client, podcast):
    response = client.get(f"/flux/podcasts/episodes/{podcast.episode.guid}/transcription.vtt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert webvtt_parse(response.content.decode())[0].text == "Bienvenue dans Penser le 9-3."


def test_transcript__missing_one_is_404(client, podcast):
    response = client.get(f"/flux/podcasts/episodes/{podcast.trailer.guid}/transcription.vtt")

    assert response.status_code == 404


def test_chapters__follow_the_podcasting_2_json_chapters_spec(client, podcast):
    response = client.get(f"/flux/podcasts/episodes/{podcast.episode.guid}/chapitres.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json+chapters"
    document = json.loads(response.content)
    assert document["version"] == "1.2.0"
    assert document["chapters"] == [{"startTime": 0.0, "title": "Ouverture"}, {"startTime": 1.5, "title": "Débat"}]


def test_chapters__episode_without_chapters_is_404(client, podcast):
    response = client.get(f"/flux/podcasts/episodes/{podcast.trailer.guid}/chapitres.json")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/flux/podcasts/00000000-0000-0000-0000-000000000000.xml",
        "/flux/podcasts/not-a-uuid.xml",
        "/flux/podcasts/%27%3B%20DROP%20TABLE%20wagtailcore_page%3B--.xml",
        "/flux/podcasts/episodes/00000000-0000-0000-0000-000000000000/transcription.vtt",
        "/flux/podcasts/episodes/../../etc/passwd/chapitres.json",
    ],
)
def test_podcast_urls__unknown_or_forged_ids_are_404(client, podcast, url):
    response = client.get(url)

    assert response.status_code == 404
    assert rss_get(client, podcast.series).find("channel/item") is not None


def test_podcast_feed__only_get_and_head(client, podcast):
    url = f"/flux/podcasts/{podcast.series.guid}.xml"

    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200
