"""The API as a contract: the JSON of every content type, on both APIs, and the OpenAPI schema.

A renamed, vanished or retyped field fails here until the snapshot is updated on purpose:
``pytest tests/api/test_snapshots.py --snapshot-update``, then review the diff of
``tests/api/__snapshots__/`` like code. The data is `tests.api.snapshot_content`; what the
database or the clock chose is replaced by `tests.api.normalise`.
"""

import json
from typing import Any

import pytest
from syrupy.extensions.json import JSONSnapshotExtension

from centres.models import Centre
from tests.api.helpers import TYPED_LISTS, V2_PAGE_TYPES
from tests.api.normalise import normalise
from tests.api.snapshot_content import SnapshotContent, snapshot_content_create

pytestmark = pytest.mark.django_db

# The typed API: each page type's detail path, by the name `snapshot_content` gives the page.
TYPED_DETAILS = {
    "programme": "/api/programmes/{id}",
    "action": "/api/actions/{id}",
    "publication": "/api/publications/{id}",
    "series": "/api/podcasts/series/{id}",
    "season": "/api/podcasts/seasons/{id}",
    "episode": "/api/podcasts/episodes/{id}",
    "experience": "/api/experiences/{id}",
    "issue": "/api/newsletters/{id}",
}
# API v2: every page type of the content, and the home page, listed with all their fields.
V2_TYPES = ["publications.HomePage", *V2_PAGE_TYPES]


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.with_defaults(extension_class=JSONSnapshotExtension)


@pytest.fixture
def snapshot_content(site_tree) -> SnapshotContent:
    return snapshot_content_create()


def _json(client, url: str, params: dict[str, str] | None = None) -> Any:
    response = client.get(url, params or {}, HTTP_HOST="localhost")
    assert response.status_code == 200, response.content[:500]
    return normalise(json.loads(response.content))


def _assert_snapshots(snapshot_json, answers: dict[str, Any]) -> None:
    """One named snapshot per answer (``<test>[<name>].json``): the data is built once for all."""
    for name, data in answers.items():
        assert data == snapshot_json(name=name)


def test_typed_api_details__match_snapshots(client, snapshot_content, snapshot_json):
    pages = snapshot_content.pages
    answers = {name: _json(client, path.format(id=pages[name].pk)) for name, path in TYPED_DETAILS.items()}
    _assert_snapshots(snapshot_json, answers)


def test_typed_api_centre_detail__matches_snapshot(client, snapshot_content, snapshot_json):
    centre = Centre.objects.get()
    assert _json(client, f"/api/centres/{centre.slug}") == snapshot_json


def test_typed_api_lists__match_snapshots(client, snapshot_content, snapshot_json):
    answers = {url.strip("/").replace("/", "-"): _json(client, url, {"limit": "100"}) for url in TYPED_LISTS}
    for name, data in answers.items():
        assert data["results"], f"{name} lists nothing: the snapshot would not show the shape of an item"
    _assert_snapshots(snapshot_json, answers)


def test_v2_page_details__match_snapshots(client, snapshot_content, snapshot_json):
    answers = {
        name: _json(client, f"/api/v2/pages/{page.pk}/", {"fields": "*"})
        for name, page in snapshot_content.pages.items()
    }
    _assert_snapshots(snapshot_json, answers)


def test_v2_listings__match_snapshots(client, snapshot_content, snapshot_json):
    """Each page type with all its fields, every page with the fields common to all, images, documents."""
    answers = {page_type: _json(client, "/api/v2/pages/", {"type": page_type, "fields": "*"}) for page_type in V2_TYPES}
    # In tree order (Wagtail's default): titles would sort apart on SQLite and PostgreSQL.
    answers["pages"] = _json(client, "/api/v2/pages/", {"fields": "*", "limit": "50"})
    for endpoint in ("images", "documents"):
        answers[endpoint] = _json(client, f"/api/v2/{endpoint}/", {"fields": "*"})
    for name, data in answers.items():
        assert data["items"], f"{name}: nothing listed"
    _assert_snapshots(snapshot_json, answers)


def test_openapi_schema__matches_snapshot(client, db, snapshot_json):
    assert _json(client, "/api/schema/") == snapshot_json
