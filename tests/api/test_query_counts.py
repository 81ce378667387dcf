"""A list request runs the same number of queries for 1 and for 50 results; an uncached page of every
type, the same with 1 and with 50 pages of each type in the site."""

import datetime
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from config.content_generation import content_changed
from publications.models import AgendaPage
from publications.visibility import pages_visible
from tests.api.helpers import TYPED_LISTS, V2_PAGE_TYPES
from tests.factories import (
    ActionDeliverableFactory,
    ActionOrganisationFactory,
    ActionPageFactory,
    ActionPersonFactory,
    ActionSessionFactory,
    CentreFactory,
    CustomImageFactory,
    EpisodeChapterFactory,
    EpisodePersonFactory,
    ExperiencePageFactory,
    NewsletterIssuePageFactory,
    OrganisationFactory,
    PersonFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    ProgrammePageFactory,
    PublicationAuthorFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
    TerritoryFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, url: str, params: dict) -> int:
    # A first request fills the process-wide caches (Wagtail's site root paths); then a cache
    # miss of the API's own, so that the queries counted are the view's.
    client.get(url, params, HTTP_HOST="localhost")
    content_changed()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params, HTTP_HOST="localhost")
    assert response.status_code == 200, response.content[:300]
    return len(context.captured_queries)


@dataclass
class _Shared:
    """What every page of the data set points at."""

    theme: object
    town: object
    programme: object
    series: object
    cover: object
    start: datetime.datetime
    previous: object


def _shared() -> _Shared:
    # Every action continues another, so that the first result has a link to prefetch like the others.
    return _Shared(
        theme=ThemeFactory(name="Santé"),
        town=TerritoryFactory(code="93066"),
        programme=ProgrammePageFactory(year=2024),
        series=PodcastSeriesPageFactory(),
        cover=CustomImageFactory(),
        start=timezone.now() + datetime.timedelta(days=1),
        previous=ActionPageFactory(parent=ProgrammePageFactory(year=2023), title="Action de 2023"),
    )


def _pages_add(shared: _Shared, count: int, *, first: int = 0) -> None:
    """``count`` pages of each type (and of each snippet), each with its relations."""
    theme, town, start = shared.theme, shared.town, shared.start
    for n in range(first, first + count):
        publication = PublicationPageFactory(title=f"Publication {n}", cover=shared.cover)
        publication.themes.add(theme)
        PublicationDocumentFactory(page=publication)
        PublicationAuthorFactory(page=publication)
        action = ActionPageFactory(parent=shared.programme, title=f"Action {n}", continues=shared.previous)
        action.themes.add(theme)
        action.territories.add(town)
        ActionSessionFactory(page=action, starts_at=start, ends_at=start + datetime.timedelta(hours=1), town=town)
        ActionPersonFactory(page=action)
        ActionOrganisationFactory(page=action)
        ActionDeliverableFactory(page=action, publication=publication)
        publication.related_actions.add(action)
        publication.save()
        shared.previous = action
        season = PodcastSeasonPageFactory(parent=shared.series)
        episode = PodcastEpisodePageFactory(parent=season)
        EpisodeChapterFactory(page=episode)
        EpisodePersonFactory(page=episode)
        ExperiencePageFactory(town=town)
        NewsletterIssuePageFactory()
        ThemeFactory(name=f"Thème {n}")
        PersonFactory()
        OrganisationFactory()


@pytest.fixture
def many(site_tree):
    """50 pages of each type (and 50 of each snippet), each with its relations."""
    _pages_add(_shared(), 50)
    for n in range(50):
        TerritoryFactory(name=f"Commune {n}", code=f"9{n:04d}")
    ProgrammePageFactory.create_batch(49, year=2023)
    CentreFactory.create_batch(50, region=TerritoryFactory(region=True, name="Hauts-de-France", code="32"))


def test_every_list__constant_queries_for_1_and_50_results(client, many):
    for url in TYPED_LISTS:
        one = _queries(client, url, {"limit": 1})
        fifty = _queries(client, url, {"limit": 50})
        assert one == fifty, f"{url}: {one} queries for 1 result, {fifty} for 50"


def test_filtered_lists__constant_queries(client, many):
    filters = {"theme": "sante", "territory": "93066", "upcoming": "true", "order": "date"}
    assert _queries(client, "/api/actions/", {**filters, "limit": 1}) == _queries(
        client, "/api/actions/", {**filters, "limit": 50}
    )
    assert _queries(client, "/api/publications/", {"theme": "sante", "limit": 1}) == _queries(
        client, "/api/publications/", {"theme": "sante", "limit": 50}
    )


def test_v2_listings_with_every_field__constant_queries(client, many):
    for page_type in V2_PAGE_TYPES:
        params = {"type": page_type, "fields": "*"}
        one = _queries(client, "/api/v2/pages/", {**params, "limit": 1})
        fifty = _queries(client, "/api/v2/pages/", {**params, "limit": 50})
        assert one == fifty, f"{page_type}: {one} queries for 1 result, {fifty} for 50"


def test_v2_listing_of_named_relations__constant_queries(client, many):
    """The relations fronts ask for by name: people, sessions, deliverables, themes."""
    params = {"type": "publications.ActionPage", "fields": "people,sessions,deliverables,themes,continues"}
    one = _queries(client, "/api/v2/pages/", {**params, "limit": 1})
    assert one == _queries(client, "/api/v2/pages/", {**params, "limit": 50})


def test_every_page_type__uncached_render_in_the_same_queries_for_1_and_50_of_each(client, site_tree):
    site_tree.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    shared = _shared()
    _pages_add(shared, 1)
    # The first live page of each type: the listings among them grow with the data set.
    pages: dict[type, Page] = {}
    for page in pages_visible(Page.objects.order_by("pk"), site=site_tree.home.get_site()).specific():
        pages.setdefault(type(page), page)
    assert len(pages) >= 15, sorted(model.__name__ for model in pages)
    small = {model.__name__: _queries(client, page.url, {}) for model, page in pages.items()}

    _pages_add(shared, 49, first=1)
    large = {model.__name__: _queries(client, page.url, {}) for model, page in pages.items()}

    assert large == small
