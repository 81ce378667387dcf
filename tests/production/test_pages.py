"""Every page type of the demo, its images, its audio and the static files answer under gunicorn.

Pages are found the way another front would: through each site's API (every live public page of
the site with its type and address: the network's, and each demo centre's on its own host),
checked against that site's sitemap.xml, and asked for on their own site.
"""

import json
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from wagtail.models import get_page_models

from demo.loader import demo_data_read
from tests.production.html import feed_enclosures, page_links, sitemap_locations
from tests.production.server import HOST, Response, Server


def site_hosts(server: Server) -> list[str]:
    """The network's site (the server's address) and each demo centre's."""
    centres = [f"{row['slug']}.localhost:{server.port}" for row in demo_data_read("centres")["centres"]]
    return [f"{HOST}:{server.port}", *centres]


def api_pages(server: Server, host: str) -> Iterator[dict]:
    """Every page the site's public API lists, following its pages."""
    offset = 0
    while True:
        response = server.get(f"/api/v2/pages/?limit=100&offset={offset}", headers={"Host": host})
        assert response.status == 200, response.text[:500]
        payload = json.loads(response.body)
        yield from payload["items"]
        offset += len(payload["items"])
        if not payload["items"] or offset >= payload["meta"]["total_count"]:
            return


@pytest.fixture(scope="module")
def pages_by_type(server) -> dict[str, list[str]]:
    """Addresses of the live pages, by page type ("publications.ActionPage")."""
    by_type: dict[str, list[str]] = {}
    for item in (item for host in site_hosts(server) for item in api_pages(server, host)):
        by_type.setdefault(item["meta"]["type"], []).append(item["meta"]["html_url"])
    return by_type


@pytest.fixture(scope="module")
def rendered(server, pages_by_type) -> dict[str, Response]:
    """One page of each type (the first the API lists), as the server answered it."""
    return {page_type: server.get_url(urls[0]) for page_type, urls in pages_by_type.items()}


def test_demo__has_every_page_type(pages_by_type):
    creatable = {model._meta.label for model in get_page_models() if model.is_creatable}

    assert creatable - pages_by_type.keys() == set()


def test_page_types__answer_200(rendered):
    statuses = {page_type: response.status for page_type, response in rendered.items()}

    assert statuses == dict.fromkeys(rendered, 200)
    assert {response.content_type for response in rendered.values()} == {"text/html"}


def test_sitemap__lists_every_page_of_its_site(server, pages_by_type):
    by_host: dict[str, set[str]] = {}
    for url in (url for urls in pages_by_type.values() for url in urls):
        by_host.setdefault(urlsplit(url).netloc, set()).add(server.path_of(url))

    assert len(by_host) >= 2, "the network's site and the centres'"
    for host, paths in by_host.items():
        response = server.get("/sitemap.xml", headers={"Host": host})
        assert response.status == 200, host
        assert paths <= {server.path_of(url) for url in sitemap_locations(response.body)}, host


def test_static_files__served_by_whitenoise(server, rendered):
    stylesheets = {url for response in rendered.values() for url in page_links(response.text).stylesheets}

    assert stylesheets
    for url in stylesheets:
        response = server.get(server.path_of(url))
        assert (response.status, response.content_type) == (200, "text/css"), url
        # Hashed names (the manifest storage) are cached for good.
        assert "immutable" in response.headers.get("Cache-Control", ""), url


def test_page_images__answer_200(server, rendered):
    images = {url for response in rendered.values() for url in page_links(response.text).images}
    answers = {url: server.get(server.path_of(url)) for url in images}

    assert images
    assert {url: (r.status, r.content_type.split("/")[0]) for url, r in answers.items()} == dict.fromkeys(
        images, (200, "image")
    )


@pytest.fixture(scope="module")
def episode_audio(server, rendered) -> list[str]:
    """The audio files an episode page plays (its <audio> sources)."""
    return page_links(rendered["publications.PodcastEpisodePage"].text).audio


def test_episode_audio__answers_200(server, episode_audio):
    answers = {url: server.get(server.path_of(url)) for url in episode_audio}

    assert episode_audio
    assert {url: (r.status, r.content_type.split("/")[0]) for url, r in answers.items()} == dict.fromkeys(
        episode_audio, (200, "audio")
    )


def test_episode_audio__range_request_answers_206(server, episode_audio):
    assert episode_audio
    for url in episode_audio:
        whole = server.get(server.path_of(url))
        response = server.get(server.path_of(url), headers={"Range": "bytes=0-99"})

        assert response.status == 206, url
        assert response.headers["Content-Range"] == f"bytes 0-99/{len(whole.body)}"
        assert response.body == whole.body[:100]


def test_podcast_feed__enclosures_answer_200(server, pages_by_type, rendered):
    series = page_links(rendered["publications.PodcastSeriesPage"].text)
    assert series.feeds
    # The feed answers on the series' site, whatever host its link names.
    series_url = pages_by_type["publications.PodcastSeriesPage"][0]
    feeds = [urljoin(series_url, server.path_of(feed)) for feed in series.feeds]
    enclosures = [url for feed in feeds for url in feed_enclosures(server.get_url(feed).body)]
    answers = {url: server.get(server.path_of(url)) for url in enclosures}

    assert enclosures
    assert {url: (r.status, r.content_type.split("/")[0]) for url, r in answers.items()} == dict.fromkeys(
        enclosures, (200, "audio")
    )
