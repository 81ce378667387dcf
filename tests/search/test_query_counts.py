"""A search with facets costs a bounded number of queries, whatever the number of pages.

The match is made once (search/matching.py): a library ten times as large asks the database
the same number of questions, only larger ones.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.index import insert_or_update_object

from search.selectors import SearchFilters, search_pages
from tests.factories.pages import ActionPageFactory, ActionSessionFactory, ProgrammePageFactory
from tests.factories.taxonomy import TerritoryFactory, ThemeFactory

pytestmark = pytest.mark.django_db

# Visibility (2), the match (1 on PostgreSQL, 7 on another backend), the pages of each type
# and their relations, the facet labels once per content generation.
MAX_QUERIES = 16


def _queries(**kwargs) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = search_pages(**kwargs)
    assert response.total > 0
    assert response.facets["theme"]
    assert response.facets["year"]
    return len(queries)


@pytest.fixture
def uncached(settings):
    settings.SEARCH_CACHE_TIMEOUT = 0


@pytest.fixture
def programme_with_actions(db):
    """``add(n)``: n more actions of the same programme, each with a theme, a territory and a session."""
    programme = ProgrammePageFactory(year=2024)
    themes, territories = ThemeFactory.create_batch(2), TerritoryFactory.create_batch(2)

    def add(count: int) -> None:
        for index in range(count):
            action = ActionPageFactory(
                parent=programme,
                title=f"Les quartiers prioritaires, rencontre {index}",
                themes=[themes[index % 2]],
                territories=[territories[index % 2]],
            )
            ActionSessionFactory(page=action)
            # The worker indexes a page after the commit, its links saved; the tests' immediate
            # task backend indexed it as the page row was written, before them.
            insert_or_update_object(action)

    add(10)
    return add


def test_search_with_facets__same_queries_for_10_and_60_pages(uncached, programme_with_actions):
    # Warm: the facet labels (once per content generation) and Wagtail's site root paths.
    _queries(query="quartiers prioritaires")
    few = _queries(query="quartiers prioritaires")
    programme_with_actions(50)
    # Publishing them bumped the content generation: warm the labels again, a cost per generation.
    _queries(query="quartiers prioritaires")
    many = _queries(query="quartiers prioritaires")
    filtered = _queries(query="quartiers prioritaires", filters=SearchFilters(types=("action",), years=(2024,)))
    assert many == few
    assert max(few, filtered) <= MAX_QUERIES
