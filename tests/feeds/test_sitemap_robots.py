"""sitemap.xml lists live public pages at the public address; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own document)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP)]


def test_sitemap__live_public_pages_only(client, podcast):
    visible = PublicationPageFactory(title="Actes du séminaire des élu·e·s")
    draft = PublicationPageFactory(title="Publication en préparation", live=False)
    private = PublicationPageFactory(title="Compte rendu du bureau")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    locations = _locations(client)

    base = "https://crpv.example.org"
    assert f"{base}/" in locations
    assert f"{base}{visible.url}" in locations
    assert f"{base}{podcast.episode.url}" in locations
    assert f"{base}{draft.url}" not in locations
    assert all(private.slug not in location for location in locations)
    assert len(locations) == len(set(locations))


def test_sitemap__lastmod_of_published_pages(client, site_tree):
    page = PublicationPageFactory()
    page.save_revision().publish()

    body = client.get("/sitemap.xml").content.decode()

    assert f"<lastmod>{timezone.localtime(page.last_published_at):%Y-%m-%d}" in body


def test_robots__disallows_admin_and_points_to_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://crpv.example.org/sitemap.xml" in lines
