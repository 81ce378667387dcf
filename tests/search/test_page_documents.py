"""PostgreSQL: the narrow search rows (search_pagedocument) follow the pages they stand for."""

import pytest
from django.db import connection
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction
from wagtail.search.index import insert_or_update_object
from wagtail.search.models import IndexEntry

from search.selectors import SearchFilters, search_pages
from tests.factories import ActionPageFactory, ProgrammePageFactory
from tests.factories.taxonomy import ThemeFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]

# A dummy task backend: nothing is reindexed, as before the worker runs.
WORKER_AWAY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def uncached(settings):
    settings.SEARCH_CACHE_TIMEOUT = 0


def _found(query: str, **kwargs) -> list[int]:
    return [hit.page.pk for hit in search_pages(query=query, **kwargs).hits]


def _row(page: Page) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT live, path, year, themes FROM search_pagedocument WHERE page_id = %s", [page.pk])
        row = cursor.fetchone()
    return dict(zip(("live", "path", "year", "themes"), row, strict=True)) if row else {}


def test_page_edit__row_follows_the_new_text(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    page.title = "Les vergers solidaires"
    page.save_revision().publish()
    assert _found("vergers solidaires") == [page.pk]
    assert _found("jardins familiaux") == []


def test_page_edit__facet_keys_follow_the_themes(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    theme = ThemeFactory()
    page.themes.set([theme])
    with override_settings(TASKS=WORKER_AWAY):
        page.save_revision().publish()
    # The worker's index update, after the commit, when the links are saved (the tests' immediate
    # task backend would run it as the page row is written, before them).
    insert_or_update_object(Page.objects.get(pk=page.pk).specific)
    assert _row(page)["themes"] == [theme.pk]
    facet = search_pages(query="jardins familiaux").facets["theme"]
    assert [(value.value, value.count) for value in facet] == [(theme.slug, 1)]


def test_unpublish__hidden_at_once_counts_included(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    with override_settings(TASKS=WORKER_AWAY):
        page.unpublish()
    assert _row(page)["live"] is False
    response = search_pages(query="jardins familiaux")
    assert (response.total, response.hits) == (0, [])


def test_move__under_a_restricted_branch_hidden_at_once(site_tree):
    action = ActionPageFactory(title="Les jardins familiaux")
    private = ProgrammePageFactory(title="Programme interne")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert _found("jardins familiaux") == [action.pk]
    with override_settings(TASKS=WORKER_AWAY):
        action.move(private, pos="last-child")
    action.refresh_from_db()
    assert _row(action)["path"] == action.path
    assert search_pages(query="jardins familiaux").total == 0


def test_programme_year__actions_rows_follow(site_tree):
    programme = ProgrammePageFactory(year=2023)
    action = ActionPageFactory(title="Les jardins familiaux", parent=programme)
    programme.year = 2025
    programme.save_revision().publish()
    assert _row(action)["year"] == 2025
    assert _found("jardins familiaux", filters=SearchFilters(years=(2025,))) == [action.pk]
    assert [value.value for value in search_pages(query="jardins familiaux").facets["year"]] == ["2025"]


def test_index_entry_deleted__row_goes_with_it(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    IndexEntry.objects.filter(object_id=str(page.pk)).delete()
    assert _row(page) == {}
    assert _found("jardins familiaux") == []


def test_page_deleted__row_goes_with_it(site_tree):
    page = ActionPageFactory(title="Les jardins familiaux")
    Page.objects.filter(pk=page.pk).delete()
    assert _row(page) == {}


def test_hostile_query__answered_over_the_rows(site_tree):
    ActionPageFactory(title="Les jardins familiaux")
    for query in ("jardins' & !familiaux", "jardins\\ | (", "'; DROP TABLE search_pagedocument; --"):
        search_pages(query=query)
    assert _found("jardins familiaux")
