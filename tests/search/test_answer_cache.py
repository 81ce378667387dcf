"""Cached search answers: served again until the public content changes; Redis down, still answered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from config.content_generation import content_changed, content_generation
from config.response_cache import CACHE_HEADER
from config.tasks import run_django_task
from search.selectors import search_pages
from tests.factories.pages import ActionPageFactory
from tests.outages import cache_down

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def answers_cached(settings):
    settings.SEARCH_CACHE_TIMEOUT = 300


@pytest.fixture
def action(local_cache):
    return ActionPageFactory(title="Les jardins partagés des quartiers")


def _titles(query: str) -> list[str]:
    return [hit.title for hit in search_pages(query=query).hits]


def test_cached_answer__served_without_a_query(action):
    first = search_pages(query="jardins partagés")
    with CaptureQueriesContext(connection) as queries:
        again = search_pages(query="jardins partagés")
    assert len(queries) == 0
    assert [hit.title for hit in again.hits] == [hit.title for hit in first.hits] == [action.title]
    assert again.facets == first.facets


def test_cached_answer__purged_by_a_content_change(action):
    assert _titles("jardins partagés") == [action.title]
    draft = ActionPageFactory(
        title="Jardins partagés et santé", parent=action.get_parent(), format=action.format, live=False
    )
    # A page put live and indexed without any signal (a live page saved purges, and so does its
    # index update, api/invalidation.py): the cached answer still stands…
    Page.objects.filter(pk=draft.pk).update(live=True)
    get_search_backend().add(Page.objects.get(pk=draft.pk).specific)
    assert _titles("jardins partagés") == [action.title]
    # …until the content generation moves, as every publication makes it (api/invalidation.py).
    content_changed()
    assert sorted(_titles("jardins partagés")) == sorted([action.title, "Jardins partagés et santé"])


def test_cached_answer__unpublishing_purges_it(action):
    assert _titles("jardins partagés") == [action.title]
    action.unpublish()
    assert _titles("jardins partagés") == []


def test_cached_answer__distinct_per_page_and_filters(action):
    first = search_pages(query="jardins partagés")
    second = search_pages(query="jardins partagés", page=2)
    assert first.page == 1
    assert second.page == 2


def test_cache_off__every_search_matches(action, settings):
    settings.SEARCH_CACHE_TIMEOUT = 0
    search_pages(query="jardins partagés")
    with CaptureQueriesContext(connection) as queries:
        search_pages(query="jardins partagés")
    assert len(queries) > 0


def test_redis_down__search_still_answers(settings, db):
    action = ActionPageFactory(title="Les jardins partagés des quartiers")
    cache_down(settings)
    assert _titles("jardins partagés") == [action.title]
    assert _titles("jardins partagés") == [action.title]


SEARCH_READS = ["/recherche/?q=jardins", "/api/search/?q=jardins", "/api/v2/pages/?search=jardins"]


@pytest.mark.parametrize("path", SEARCH_READS)
def test_shared_cache__a_search_answer_stored_by_the_same_rule(client, action, settings, path):
    client.get(path)
    assert client.get(path)[CACHE_HEADER] == "hit"

    settings.SEARCH_CACHE_TIMEOUT = 0
    content_changed()
    client.get(path)
    response = client.get(path)
    assert response.status_code == 200
    assert CACHE_HEADER not in response
    assert "public" not in response["Cache-Control"]


def test_cached_answer__purged_again_once_the_worker_has_indexed_a_page(action):
    """In production the index task runs in a worker after the publication's purge: a search answered
    in between is cached without the page, and the worker's index update purges it again."""
    before = content_generation()
    run_django_task("modelsearch.tasks.insert_or_update_object_task", ["publications", "actionpage", action.pk], {})
    assert content_generation() > before
    after_index = content_generation()
    run_django_task("wagtail.tasks.update_reference_index_task", ["publications", "actionpage", action.pk], {})
    assert content_generation() == after_index
