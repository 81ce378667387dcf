"""Cached answers, and a reader who never sees stale content after a publish, move or edit."""

import pytest
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from api.invalidation import invalidating_models
from api.preview import preview_revision_ensure, preview_token_create
from config.response_cache import CACHE_HEADER
from legal.models import LegalInformation
from publications.models import SiteIdentity
from registrations.models import RegistrationPrivacy
from tests.api.helpers import get_json, ids
from tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def _get(client, url, params=None):
    return client.get(url, params or {}, HTTP_HOST="localhost")


def test_second_read__served_from_the_cache_without_a_query(client, content, django_assert_num_queries):
    assert _get(client, "/api/actions/")[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        response = _get(client, "/api/actions/")
    assert response[CACHE_HEADER] == "hit"
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_parameters_in_another_order__same_cached_answer(client, content):
    _get(client, "/api/actions/?theme=sante&limit=5")
    assert _get(client, "/api/actions/?limit=5&theme=sante")[CACHE_HEADER] == "hit"


def test_errors__not_cached(client, content):
    _get(client, "/api/actions/", {"limit": "x"})
    response = _get(client, "/api/actions/", {"limit": "x"})
    assert response.status_code >= 400
    assert CACHE_HEADER not in response


def test_preview__never_stored_nor_served_to_the_public(client, content):
    page = content.action
    page.title = "Séminaire des élu·e·s : brouillon"
    page.save_revision()
    token = preview_token_create(revision=preview_revision_ensure(page=page, user=None))
    _get(client, "/api/preview/", {"token": token})
    response = _get(client, "/api/preview/", {"token": token})
    assert response.json()["title"] == "Séminaire des élu·e·s : brouillon"
    assert CACHE_HEADER not in response
    assert "no-store" in response["Cache-Control"]
    assert get_json(client, f"/api/actions/{page.pk}")["title"] != "Séminaire des élu·e·s : brouillon"


def test_publish__reader_sees_the_new_version_at_once(client, content):
    page = content.action
    get_json(client, f"/api/actions/{page.pk}")
    get_json(client, f"/api/v2/pages/{page.pk}/")
    page.title = "Séminaire des élu·e·s : nouvelle date"
    page.save_revision().publish()
    assert get_json(client, f"/api/actions/{page.pk}")["title"] == "Séminaire des élu·e·s : nouvelle date"
    assert get_json(client, f"/api/v2/pages/{page.pk}/")["title"] == "Séminaire des élu·e·s : nouvelle date"


def test_unpublish__gone_at_once(client, content):
    assert content.publication.pk in ids(get_json(client, "/api/publications/"))
    content.publication.unpublish()
    assert get_json(client, "/api/publications/")["count"] == 0


def test_move__new_url_and_year_at_once(client, content):
    before = get_json(client, f"/api/actions/{content.action.pk}")["url"]
    assert content.action.pk in ids(get_json(client, "/api/actions/", {"year": 2024}))
    target = ProgrammePageFactory(year=2025)
    Page.objects.get(pk=content.action.pk).move(target, pos="last-child")
    assert get_json(client, f"/api/actions/{content.action.pk}")["url"] != before
    assert get_json(client, "/api/actions/", {"year": 2024})["count"] == 0


def test_delete__gone_at_once(client, content):
    get_json(client, f"/api/podcasts/episodes/{content.episode.pk}")
    content.episode.delete()
    assert client.get(f"/api/podcasts/episodes/{content.episode.pk}", HTTP_HOST="localhost").status_code == 404


def test_snippet_edit__seen_inside_pages_at_once(client, content):
    get_json(client, f"/api/actions/{content.action.pk}")
    content.theme.name = "Santé et santé mentale"
    content.theme.save()
    themes = get_json(client, f"/api/actions/{content.action.pk}")["themes"]
    assert themes[0]["name"] == "Santé et santé mentale"


def test_collection_restriction__hides_the_collections_documents_at_once(client, content):
    url = f"/api/publications/{content.publication.pk}"
    attachment = content.publication.documents.get()
    assert len(get_json(client, url)["documents"]) == 1
    assert _get(client, url)[CACHE_HEADER] == "hit"

    restriction = CollectionViewRestriction.objects.create(
        collection=attachment.document.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert get_json(client, url)["documents"] == []

    restriction.delete()
    assert len(get_json(client, url)["documents"]) == 1


def test_invalidating_models__every_snippet_and_every_kind_of_restriction():
    models = invalidating_models()

    assert set(get_snippet_models()) <= models
    assert {CollectionViewRestriction, PageViewRestriction} <= models
    assert {SiteIdentity, LegalInformation, RegistrationPrivacy, Site} <= models
