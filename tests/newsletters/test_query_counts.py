"""An issue with 50 linked items runs as many queries as one with 1, in the email and on the site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsletters.models import NewsletterIssuePage
from newsletters.rendering import render_issue
from tests import factories

pytestmark = pytest.mark.django_db


def _linked(number: int, items: int) -> list[dict]:
    cover = factories.CustomImageFactory()
    publications = [
        factories.PublicationPageFactory(title=f"Repères pour agir n° {number}-{n}", cover=cover) for n in range(items)
    ]
    return [{"tag": "Publication", "page": page, "title": "", "summary": "", "url": ""} for page in publications]


def _issue(items: int, number: int, *, repeat: int = 1) -> NewsletterIssuePage:
    """Every section that links pages, ``repeat`` times, each with ``items`` items pointing to covered publications."""
    linked = _linked(number, items)
    sections = [
        ("centre_news", {"heading": "L'actu du centre", "items": linked}),
        ("national_news", {"heading": "National", "theme": "Santé", "items": linked}),
        ("territory_news", {"heading": "Territoires", "items": [{**item, "town": "Sarcelles"} for item in linked]}),
        ("experience", {"heading": "Fiche d'expérience", "experience": factories.ExperiencePageFactory()}),
    ]
    return factories.NewsletterIssuePageFactory(number=number, sections=sections * repeat)


def _email_queries(issue: NewsletterIssuePage) -> int:
    render_issue(NewsletterIssuePage.objects.get(pk=issue.pk))  # makes the cover renditions once
    fresh = NewsletterIssuePage.objects.get(pk=issue.pk)
    with CaptureQueriesContext(connection) as context:
        render_issue(fresh)
    return len(context.captured_queries)


def _page_queries(client, issue: NewsletterIssuePage) -> int:
    url = issue.get_url()
    client.get(url, HTTP_HOST="localhost")  # fills the process-wide caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def issues(home_page) -> tuple[NewsletterIssuePage, NewsletterIssuePage]:
    return _issue(1, number=1), _issue(50, number=2)


def test_issue_email__constant_queries_for_1_and_50_linked_items(issues):
    one, fifty = (_email_queries(issue) for issue in issues)
    assert one == fifty, f"{one} queries for 1 item per section, {fifty} for 50"


def test_issue_page__constant_queries_for_1_and_50_linked_items(client, issues):
    one, fifty = (_page_queries(client, issue) for issue in issues)
    assert one == fifty, f"{one} queries for 1 item per section, {fifty} for 50"


def test_issue_page__constant_queries_for_1_and_10_times_the_sections(client, home_page):
    one, ten = (_page_queries(client, _issue(1, number=n, repeat=n)) for n in (1, 10))
    assert one == ten, f"{one} queries for one section of each kind, {ten} for ten"


def test_issue_email__constant_queries_for_1_and_10_times_the_sections(home_page):
    one, ten = (_email_queries(_issue(1, number=n, repeat=n)) for n in (1, 10))
    assert one == ten, f"{one} queries for one section of each kind, {ten} for ten"
