"""``?search=`` on API v2 works, with the French normalisation of ``/api/search/``."""

import pytest

from tests.api.helpers import get_json
from tests.factories import CustomDocumentFactory, PublicationDocumentFactory

pytestmark = pytest.mark.django_db


def test_pages_search__accents_and_plural_ignored(client, content):
    data = get_json(client, "/api/v2/pages/", {"search": "elus sante"})
    assert content.action.pk in {item["id"] for item in data["items"]}


def test_pages_search__of_one_type(client, content):
    data = get_json(client, "/api/v2/pages/", {"search": "santé mentale", "type": "publications.PublicationPage"})
    assert [item["id"] for item in data["items"]] == [content.publication.pk]


def test_documents_search__finds_a_published_document(client, content):
    PublicationDocumentFactory(
        page=content.publication, document=CustomDocumentFactory(title="Évaluation à mi-parcours")
    )
    data = get_json(client, "/api/v2/documents/", {"search": "evaluation"})
    assert [item["title"] for item in data["items"]] == ["Évaluation à mi-parcours"]


@pytest.mark.parametrize("query", ["", "   ", "le la les", "!!!"])
def test_search_without_words__french_400(client, content, query):
    data = get_json(client, "/api/v2/pages/", {"search": query}, status=400)
    assert "aucun mot" in data["message"]


def test_v2__a_browser_gets_json_not_the_english_browsable_page(client):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "Django REST framework" not in response.content.decode()
