"""Each site answers with its own centre's pages; the network site and its API read every centre.

The fixture `centre_sites` (tests/conftest.py): the first centre owns the default site
(localhost), the second centre-b.localhost, the network site reseau.localhost has no centre.
"""

import datetime
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.models import Page

from registrations.models import RegistrationSettings
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
    NewsletterListFactory,
    ProgrammePageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NETWORK = {"HTTP_HOST": "reseau.localhost"}


@dataclass
class Published:
    publication: Page
    action: Page


def _publish(tree, word: str) -> Published:
    """A publication and an action with a session to come, whose titles carry ``word``."""
    programme = ProgrammePageFactory(parent=tree.programmes, title=f"Programme {word}")
    action = ActionPageFactory(parent=programme, title=f"Action {word}")
    ActionSessionFactory(page=action, starts_at=timezone.now() + datetime.timedelta(days=7))
    publication = PublicationPageFactory(parent=tree.publications, title=f"Publication {word}")
    return Published(publication=publication, action=action)


@pytest.fixture
def content(centre_sites) -> tuple[Published, Published]:
    return _publish(centre_sites.first.tree, "xyzzyalpha"), _publish(centre_sites.second.tree, "xyzzybravo")


def _path(page: Page) -> str:
    """The page's path on its own site (what a visitor would type after another site's host)."""
    return page.get_url_parts()[2]


def test_a_page_of_another_centre__404_on_this_centre_s_host_and_its_own_ids_too(client, centre_sites, content):
    _, second = content
    host = centre_sites.first.host
    urls = [
        _path(second.publication),
        f"/api/v2/pages/{second.publication.pk}/",
        f"/api/publications/{second.publication.pk}",
        f"/api/actions/{second.action.pk}",
        f"/flux/actions/{second.action.pk}.ics",
    ]
    assert {url: client.get(url, **host).status_code for url in urls} == dict.fromkeys(urls, 404)
    assert client.get(_path(second.publication), **centre_sites.second.host).status_code == 200
    assert client.get(f"/api/publications/{second.publication.pk}", **centre_sites.second.host).status_code == 200


def test_registration_form_of_another_centre_s_action__404(client, centre_sites, content):
    _, second = content
    RegistrationSettings.objects.create(action=second.action)
    url = f"/inscriptions/action/{second.action.pk}/"

    assert client.get(url, **centre_sites.first.host).status_code == 404
    assert client.get(url, **centre_sites.second.host).status_code == 200


def test_search__a_centre_s_site_finds_its_own_pages_the_network_site_every_centre_s(client, centre_sites, content):
    def titles(host: dict[str, str]) -> set[str]:
        answer = client.get("/api/search/", {"q": "publication"}, **host).json()
        return {hit["title"] for hit in answer["results"]}

    assert titles(centre_sites.first.host) == {"Publication xyzzyalpha"}
    assert titles(centre_sites.second.host) == {"Publication xyzzybravo"}
    assert titles(NETWORK) == {"Publication xyzzyalpha", "Publication xyzzybravo"}
    page = client.get("/recherche/", {"q": "publication"}, **centre_sites.second.host).content.decode()
    assert "xyzzybravo" in page
    assert "xyzzyalpha" not in page


def test_api_on_the_network_site__every_centre_each_item_naming_its_owner(client, centre_sites, content, settings):
    answer = client.get("/api/publications/", **NETWORK).json()

    owners = {item["title"]: item["owner"] for item in answer["results"]}
    assert owners["Publication xyzzybravo"] == {
        "slug": "centre-b",
        "name": "Centre B",
        "acronym": "CB",
        "site_url": "http://centre-b.localhost",
    }
    assert owners["Publication xyzzyalpha"]["slug"] == centre_sites.first.centre.slug
    # The first centre's site is the default one: its address is BASE_URL.
    assert owners["Publication xyzzyalpha"]["site_url"] == settings.BASE_URL
    # A page of another site than the one asked through links to that site's own address.
    urls = {item["title"]: item["url"] for item in answer["results"]}
    assert urls["Publication xyzzybravo"].startswith("http://centre-b.localhost/")


def test_api_centre_filter__one_centre_s_pages(client, centre_sites, content):
    def titles(**params: str) -> set[str]:
        return {item["title"] for item in client.get("/api/publications/", params, **NETWORK).json()["results"]}

    assert titles(centre="centre-b") == {"Publication xyzzybravo"}
    assert titles(centre=centre_sites.first.centre.slug) == {"Publication xyzzyalpha"}
    assert titles() == {"Publication xyzzyalpha", "Publication xyzzybravo"}
    # On a centre's site the filter cannot widen the answer to another centre.
    answer = client.get("/api/actions/", {"centre": "centre-b"}, **centre_sites.first.host).json()
    assert answer["count"] == 0


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("inconnu", 400),
        ("CENTRE-B", 400),
        ("centre b", 422),
        ("<script>", 422),
        ("'; DROP TABLE centres_centre; --", 422),
        ("x" * 61, 422),
        ("centre-b\x00", 422),
    ],
)
def test_api_centre_filter__hostile_values_get_a_french_answer(client, centre_sites, content, value, status):
    response = client.get("/api/publications/", {"centre": value}, **NETWORK)

    assert response.status_code == status
    body = response.json()
    assert body["errors"][0]["field"] == "centre"
    if status == 400:
        assert body["errors"][0]["message"] == f"Aucun centre n'a l'identifiant « {value} »."


def test_feeds_sitemap_and_robots__at_the_answering_site_s_own_address(client, centre_sites, content):
    _, second = content
    host = centre_sites.second.host

    sitemap = ET.fromstring(client.get("/sitemap.xml", **host).content)  # noqa: S314 (our own document)
    locations = [loc.text or "" for loc in sitemap.findall("sm:url/sm:loc", SITEMAP)]
    assert "http://centre-b.localhost/" in locations
    assert f"http://centre-b.localhost{_path(second.publication)}" in locations
    assert all(location.startswith("http://centre-b.localhost/") for location in locations)

    robots = client.get("/robots.txt", **host).content.decode()
    assert "Sitemap: http://centre-b.localhost/sitemap.xml" in robots.splitlines()

    rss = client.get("/flux/publications.xml", **host).content.decode()
    assert "Centre B — publications" in rss
    assert f"http://centre-b.localhost{_path(second.publication)}" in rss
    assert "xyzzyalpha" not in rss
    assert "http://centre-b.localhost/flux/publications.xml" in rss

    ics = client.get("/flux/agenda.ics", **host).content.decode().replace("\r\n ", "")
    assert "Action xyzzybravo" in ics
    assert "xyzzyalpha" not in ics
    assert f"http://centre-b.localhost{_path(second.action)}" in ics


def test_home_page_feed_links__on_the_centre_s_site(client, centre_sites, content):
    page = client.get("/", **centre_sites.second.host).content.decode()

    assert 'href="http://centre-b.localhost/flux/actualites.xml"' in page
    assert "xyzzybravo" in page
    assert "xyzzyalpha" not in page


def test_shared_cache__two_hosts_never_share_an_answer(client, centre_sites, content, local_cache):
    """The same path through two hosts: each answer is its site's, served again from the cache."""
    urls = ["/api/publications/", "/flux/publications.xml", "/sitemap.xml", "/robots.txt", "/"]
    for _ in range(2):
        for url in urls:
            first = client.get(url, **centre_sites.first.host).content.decode()
            second = client.get(url, **centre_sites.second.host).content.decode()
            assert first != second, url
            assert "xyzzybravo" not in first
            assert "xyzzyalpha" not in second


def test_api_answers_are_json_of_the_site_asked(client, centre_sites, content):
    """The API of a centre's site lists its pages with their owner, the network's lists both."""
    first = json.loads(client.get("/api/actions/", **centre_sites.first.host).content)
    network = json.loads(client.get("/api/actions/", **NETWORK).content)

    assert [item["title"] for item in first["results"]] == ["Action xyzzyalpha"]
    assert {item["owner"]["slug"] for item in network["results"]} == {centre_sites.first.centre.slug, "centre-b"}


def test_newsletter_lists__each_site_offers_its_centre_s(client, centre_sites, content):
    NewsletterListFactory(name="Lettre xyzzyalpha", centre=centre_sites.first.centre)
    NewsletterListFactory(name="Lettre xyzzybravo", centre=centre_sites.second.centre)

    for url in ("/", "/abonnement/"):
        page = client.get(url, **centre_sites.second.host).content.decode()
        assert "Lettre xyzzybravo" in page, url
        assert "Lettre xyzzyalpha" not in page, url
    form = client.get("/abonnement/", **NETWORK).content.decode()
    assert "Lettre xyzzyalpha" in form
    assert "Lettre xyzzybravo" in form
    assert client.get("/abonnement/lettre-xyzzyalpha/", **centre_sites.second.host).status_code == 404


def test_related_content__another_centre_s_page_is_not_shown(client, centre_sites, content):
    first, second = content
    publication = first.publication.specific
    publication.related_actions.add(first.action, second.action)
    publication.save()

    page = client.get(_path(publication), **centre_sites.first.host).content.decode()

    assert "Action xyzzyalpha" in page
    assert "Action xyzzybravo" not in page
