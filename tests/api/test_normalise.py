"""The snapshot normaliser replaces what runs choose and keeps what the data fixed."""

import datetime

from django.utils import timezone

from tests.api.normalise import normalise


def test_normalise__replaces_ids_uuids_base_url_and_now(settings):
    now = timezone.now()
    detail_url = f"{settings.WAGTAILAPI_BASE_URL}/api/v2/pages/12/"
    data = {
        "id": 12,
        "organisation_id": 3,
        "page": 40,
        "meta": {"detail_url": detail_url, "first_published_at": now.isoformat()},
        "uid": "0b7e3c52-8a41-4a8e-9d7e-1f2b3c4d5e6f",
        "url": "/documents/7/actes.pdf",
    }
    assert normalise(data, now=now) == {
        "id": "<id>",
        "organisation_id": "<id>",
        "page": "<id>",
        "meta": {"detail_url": "<base_url>/api/v2/pages/<id>/", "first_published_at": "<now>"},
        "uid": "<uuid>",
        "url": "/documents/<id>/actes.pdf",
    }


def test_normalise__keeps_fixed_values():
    now = timezone.now()
    data = {
        "parent_id": None,
        "number": 42,
        "year": 2024,
        "text": "Au 24/03/2017 : 730 personnes formées sur 2 000.",
        "starts_at": (now + datetime.timedelta(days=3)).isoformat(),
        "registration_open": True,
        "list": [1, 2],
    }
    assert normalise(data, now=now) == data
