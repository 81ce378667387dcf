"""The Elasticsearch backend's settings and mappings, checked without a server.

The backend object is built from the project's settings; its client only connects on a
request, so what it would send (index settings, mappings, queries) can be read here.
"""

import importlib
from unittest import mock

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

import config.settings.search as search_settings
from publications.models import ActionPage
from search.matching import _elasticsearch_hit_ids

ES_URL = "http://elasticsearch.invalid:9200"


@pytest.fixture
def es_backend() -> Elasticsearch9SearchBackend:
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": search_settings.elasticsearch_backend(ES_URL, "crpv")}):
        yield get_search_backend("default")


def test_settings__elasticsearch_url_switches_the_backend(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", ES_URL)
    monkeypatch.setenv("ELASTICSEARCH_INDEX", "centre")
    try:
        reloaded = importlib.reload(search_settings)
        backend = reloaded.WAGTAILSEARCH_BACKENDS["default"]
        assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch9"
        assert backend["URLS"] == [ES_URL]
        assert backend["INDEX_PREFIX"] == "centre_"
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        importlib.reload(search_settings)


def test_settings__database_backend_by_default_with_the_french_configuration():
    assert search_settings.WAGTAILSEARCH_BACKENDS["default"] == {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "french_unaccent",
    }


def test_index_settings__french_analyzer_by_default(es_backend):
    analysis = es_backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert default["char_filter"] == ["inclusive_writing"]
    assert default["filter"] == ["french_elision", "lowercase", "asciifolding", "french_stop", "french_light_stemmer"]
    assert analysis["filter"]["french_light_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert analysis["filter"]["french_elision"]["type"] == "elision"
    assert "l" in analysis["filter"]["french_elision"]["articles"]
    assert analysis["char_filter"]["inclusive_writing"]["type"] == "pattern_replace"
    # Wagtail's own analyzers are kept alongside (deep-merged), autocomplete folds accents.
    assert "ngram_analyzer" in analysis["analyzer"]
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]


def test_index_put__sends_the_french_settings(es_backend):
    es_backend.es = mock.Mock()
    index = es_backend.get_index_for_model(Page)
    index.put()
    sent = es_backend.es.indices.create.call_args.kwargs
    assert sent["index"] == "crpv_wagtailcore_page"
    assert sent["settings"]["analysis"]["analyzer"]["default"]["filter"][-1] == "french_light_stemmer"


def test_mapping__normalised_text_boosted_and_folded_title_for_autocomplete(es_backend):
    properties = es_backend.mapping_class(ActionPage).get_mapping()["properties"]
    text = properties["publications_actionpage__search_text_fr"]
    assert text["type"] == "text"
    assert text["copy_to"] == ["_all_text", "_all_text_boost_10_0"]
    assert properties["_all_text_boost_10_0"] == {"type": "text"}
    title = properties["publications_actionpage__search_title_fr_edgengrams"]
    assert title["analyzer"] == "edgengram_analyzer"


@pytest.mark.django_db
def test_document__carries_the_normalised_text(es_backend, site_tree):
    from tests.factories import ActionPageFactory

    page = ActionPageFactory(title="Les élu·e·s et l'évaluation", summary="Conseils citoyens.")
    document = es_backend.mapping_class(ActionPage).get_document(page)
    assert document["publications_actionpage__search_text_fr"].startswith("elu evalu elu evalu elu evalu")
    assert "conseil citoyen" in document["publications_actionpage__search_text_fr"]
    assert document["publications_actionpage__search_title_fr_edgengrams"] == "les elus et evaluation"


@pytest.mark.django_db
def test_query__normalised_terms_all_required(es_backend):
    results = Page.objects.live().search("evalu conseil", operator="and", backend="default")
    query = results.query_compiler.get_query()
    match = query["bool"]["must"]["multi_match"]
    assert match["query"] == "evalu conseil"
    assert match["operator"] == "and"
    assert "_all_text_boost_10_0^10.0" in match["fields"]


@pytest.mark.django_db
def test_facets__matching_ids_come_from_one_pk_only_request(es_backend):
    results = Page.objects.live().search("evalu", backend="default")
    es_backend.es = mock.Mock()
    es_backend.es.search.return_value = {"hits": {"hits": [{"fields": {"pk": ["12"]}}, {"fields": {"pk": ["7"]}}]}}
    results.backend = es_backend
    assert _elasticsearch_hit_ids(results) == [12, 7]
    sent = es_backend.es.search.call_args.kwargs
    assert sent["_source"] is False
    assert sent["stored_fields"] == ["pk"]
