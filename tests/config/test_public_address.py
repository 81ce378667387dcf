"""One public address: with BASE_URL on another port (`dev.py start --port 8642`), every surface links there.

Each request comes in as « testserver », so a surface that followed the request's host, Wagtail's
site (once localhost:80) or the default port 8000 would show here.
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from editorial import roles
from newsletters.rendering import render_issue
from publications.site_address import site_address_sync
from subscribers.links import recipient_links
from tests import factories
from tests.users import role_group

BASE = "http://127.0.0.1:8642"
# Any absolute http(s) address in a text, to find those that are not on BASE.
_ADDRESS = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def public_address(settings) -> None:
    """What `dev.py start --port 8642` gives the processes: BASE_URL, and the settings derived from it."""
    settings.BASE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE
    settings.CALENDAR_UID_DOMAIN = ""


@pytest.fixture
def site(site_tree):
    """The site as `migrate` leaves it: synced with BASE_URL, whatever address it had."""
    site = site_address_sync()
    assert (site.hostname, site.port) == ("127.0.0.1", 8642)
    return site_tree


def foreign_addresses(text: str) -> list[str]:
    """The absolute addresses of ``text`` on our own host but not on BASE (schema and standards URLs aside)."""
    return [url for url in _ADDRESS.findall(text) if re.match(r"https?://(127\.0\.0\.1|localhost|testserver)", url)
            and not url.startswith(f"{BASE}/")]  # fmt: skip


def test_canonical_and_og_url__on_base_url(client, site):
    action = factories.ActionPageFactory()
    html = client.get(action.url).content.decode()

    assert f'<link rel="canonical" href="{BASE}{action.url}">' in html
    assert f'<meta property="og:url" content="{BASE}{action.url}">' in html
    assert foreign_addresses(html) == []


def test_media_links__cover_and_pdf_on_base_url(client, site):
    publication = factories.PublicationPageFactory(parent=site.publications, cover=factories.CustomImageFactory())
    factories.PublicationDocumentFactory(page=publication)
    html = client.get(publication.url).content.decode()

    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html)
    assert og_image
    assert og_image.group(1).startswith(f"{BASE}/media/images/")
    json_ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert json_ld["encoding"][0]["contentUrl"].startswith(f"{BASE}/documents/")
    assert foreign_addresses(html) == []


def test_podcast_feed__links_and_enclosures_on_base_url(client, site):
    series = factories.PodcastSeriesPageFactory(
        parent=site.podcasts, cover=factories.CustomImageFactory(file__width=1600, file__height=1600)
    )
    season = factories.PodcastSeasonPageFactory(parent=series)
    episode = factories.PodcastEpisodePageFactory(parent=season, audio=factories.CustomMediaFactory(seconds=1.0))
    rss = client.get(f"/flux/podcasts/{series.guid}.xml").content.decode()

    assert f"<link>{BASE}{series.url}</link>" in rss
    assert f'url="{BASE}{episode.audio.file.url}"' in rss
    assert foreign_addresses(rss) == []


def test_publications_feed__items_on_base_url(client, site):
    publication = factories.PublicationPageFactory(parent=site.publications)
    rss = client.get(reverse("feeds:publications_rss")).content.decode()

    assert f"<link>{BASE}{publication.url}</link>" in rss
    assert foreign_addresses(rss) == []


def test_action_ics__url_and_uid_on_base_url(client, site):
    action = factories.ActionPageFactory()
    factories.ActionSessionFactory(page=action)
    calendar = Calendar.from_ical(client.get(reverse("feeds:action_ics", args=[action.pk])).content)
    event = next(iter(calendar.walk("VEVENT")))

    assert str(event["URL"]) == f"{BASE}{action.url}"
    assert str(event["UID"]).endswith("@127.0.0.1")
    assert foreign_addresses(calendar.to_ical().decode()) == []


def test_sitemap_and_robots__on_base_url(client, site):
    action = factories.ActionPageFactory()
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own sitemap)
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    robots = client.get("/robots.txt").content.decode()

    assert f"{BASE}{action.url}" in locations
    assert all(location.startswith(f"{BASE}/") for location in locations)
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_newsletter_email__page_links_web_version_and_footer_on_base_url(site):
    action = factories.ActionPageFactory()
    item = {"tag": "Séminaire", "page": action, "title": "", "summary": "", "url": ""}
    issue = factories.NewsletterIssuePageFactory(
        parent=site.newsletters, sections=[("centre_news", {"heading": "L'actu", "items": [item]})]
    )
    rendered = render_issue(issue)
    footer = recipient_links(subscriber_id=1, list_id=issue.newsletter_list_id)

    assert f'href="{BASE}{action.url}"' in rendered.html
    assert f"{BASE}{issue.url}" in rendered.html
    assert foreign_addresses(rendered.html + rendered.text) == []
    assert all(url.startswith(f"{BASE}/") for url in footer.values())


def test_notification_email__edit_link_on_base_url(site, django_user_model, django_capture_on_commit_callbacks):
    reviewer = django_user_model.objects.create_user("karim", "karim@example.org", first_name="Karim")
    reviewer.groups.add(role_group(roles.REVIEWERS))
    author = django_user_model.objects.create_user("lea", "lea@example.org", first_name="Léa")
    action = factories.ActionPageFactory(live=False)

    action.save_revision(user=author)
    with django_capture_on_commit_callbacks(execute=True):
        action.get_workflow().start(action, author)

    assert [email.to for email in mail.outbox] == [["karim@example.org"]]
    assert f"{BASE}/admin/pages/{action.pk}/edit/" in mail.outbox[0].body
    assert foreign_addresses(mail.outbox[0].body) == []
