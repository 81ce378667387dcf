"""RSS and Atom feeds of publications and news, parsed with feedparser."""

import datetime

import feedparser
import pytest

from tests.factories import ExperiencePageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

BASE = "https://crpv.example.org"


@pytest.fixture
def publications(site_tree):
    older = PublicationPageFactory(
        title="Les conseils citoyens, trois ans après", publication_date=datetime.date(2023, 1, 10)
    )
    newer = PublicationPageFactory(
        title="Repères pour agir : la participation des habitant·e·s", publication_date=datetime.date(2024, 5, 2)
    )
    for page in (older, newer):
        page.save_revision().publish()
    return older, newer


@pytest.mark.parametrize(
    ("url", "version"), [("/flux/publications.xml", "rss20"), ("/flux/publications.atom", "atom10")]
)
def test_publications_feed__latest_first_with_stable_guids(client, publications, url, version):
    older, newer = publications

    response = client.get(url)
    parsed = feedparser.parse(response.content)

    assert response.status_code == 200
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert parsed.feed.language == "fr"
    assert [entry.title for entry in parsed.entries] == [newer.title, older.title]
    assert parsed.entries[0].link == f"{BASE}{newer.url}"
    assert parsed.entries[0].id == f"urn:uuid:{newer.translation_key}"
    assert parsed.entries[0].summary == newer.summary
    assert [tag.term for tag in parsed.entries[0].tags] == [newer.collection.name]


def test_publications_feed__guid_survives_a_new_slug(client, publications):
    _older, newer = publications
    guid = feedparser.parse(client.get("/flux/publications.xml").content).entries[0].id

    newer.slug = "reperes-pour-agir-participation"
    newer.save_revision().publish()

    entry = feedparser.parse(client.get("/flux/publications.xml").content).entries[0]
    assert entry.id == guid
    assert entry.link.endswith("/reperes-pour-agir-participation/")


def test_publications_feed__content_type(client, publications):
    assert client.get("/flux/publications.xml")["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert client.get("/flux/publications.atom")["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize(("url", "version"), [("/flux/actualites.xml", "rss20"), ("/flux/actualites.atom", "atom10")])
def test_news_feed__every_content_type_newest_first(client, publications, podcast, url, version):
    experience = ExperiencePageFactory()
    experience.save_revision().publish()
    podcast.episode.save_revision().publish()

    parsed = feedparser.parse(client.get(url).content)

    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    titles = [entry.title for entry in parsed.entries]
    assert titles[:2] == [podcast.episode.title, experience.title]
    assert set(titles) >= {publications[0].title, publications[1].title}
    categories = {entry.title: entry.tags[0].term for entry in parsed.entries}
    assert categories[experience.title] == "Fiche d'expérience"
    assert "élu·e·s" in client.get(url).content.decode()
