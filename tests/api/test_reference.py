"""/api/docs/: the French reference page rendered from the OpenAPI document."""

import re
from html import escape

import pytest

from api.ninja import api
from api.reference import TypeText, constraints_text, description_html, type_text

pytestmark = pytest.mark.django_db

# What Redoc and django-ninja's defaults printed before: none of it may come back.
ENGLISH = (
    "Responses",
    "Request samples",
    "Response samples",
    "Download",
    "Not Found",
    "Unprocessable Entity",
    "Bad Request",
)


@pytest.fixture
def reference_html(client, site_tree) -> str:
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def test_reference__lists_every_operation_and_schema_of_the_openapi_document(reference_html):
    schema = api.get_openapi_schema()
    for path, methods in schema["paths"].items():
        for spec in methods.values():
            assert f'id="{spec["operationId"]}"' in reference_html, path
            assert escape(spec["summary"]) in reference_html, path
    for name in schema["components"]["schemas"]:
        assert f'id="schema-{name}"' in reference_html, name


def test_reference__every_schema_link_points_at_an_anchor_of_the_page(reference_html):
    anchors = set(re.findall(r'id="([^"]+)"', reference_html))
    links = set(re.findall(r'href="#([^"]+)"', reference_html))
    assert links - anchors == set()
    assert any(link.startswith("schema-") for link in links)


def test_reference__is_french_without_script(reference_html):
    assert '<html lang="fr">' in reference_html
    assert "Paramètres" in reference_html
    assert "Paramètre mal formé" in reference_html
    assert "Introuvable" in reference_html
    for english in ENGLISH:
        assert english not in reference_html, english
    assert "<script src=" not in reference_html
    assert 'href="/api/schema/"' in reference_html


def test_type_text__reads_references_lists_optional_values_and_dates():
    assert type_text({"$ref": "#/components/schemas/ActionOut"}) == TypeText("ActionOut", ref="ActionOut")
    assert type_text({"type": "array", "items": {"$ref": "#/components/schemas/ThemeOut"}}) == TypeText(
        "liste de ThemeOut", ref="ThemeOut"
    )
    optional_date = {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}
    assert type_text(optional_date).text == "date et heure (ISO 8601) ou null"
    assert type_text({"enum": ["a", "b"]}).text == "une valeur parmi : a, b"
    assert type_text({"type": "object", "additionalProperties": {"type": "integer"}}).text == "objet de entier"
    assert type_text({}).text == "valeur"


def test_constraints_text__names_bounds_pattern_and_default():
    schema = {"anyOf": [{"maxLength": 16, "pattern": "^[0-9]+$", "type": "string"}, {"type": "null"}], "default": 20}
    assert constraints_text(schema) == "16 caractères au plus, motif ^[0-9]+$, par défaut 20"
    assert constraints_text({"type": "integer", "minimum": 1, "maximum": 100}) == "au moins 1, au plus 100"
    assert constraints_text({"type": "string"}) == ""


def test_description_html__joins_wrapped_lines_escapes_and_marks_code():
    text = "\nLes listes se paginent avec `limit`\net `offset`.\n\n<script>alert(1)</script>\n"
    assert description_html(text) == (
        "<p>Les listes se paginent avec <code>limit</code> et <code>offset</code>.</p>"
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
