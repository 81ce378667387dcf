"""Small helpers of the API tests."""

import json
from typing import Any

from django.test import Client


def get_json(client: Client, url: str, params: dict[str, Any] | None = None, status: int = 200) -> Any:
    response = client.get(url, params or {}, HTTP_HOST="localhost")
    assert response.status_code == status, response.content[:500]
    return json.loads(response.content)


def ids(data: dict[str, Any]) -> set[int]:
    return {item["id"] for item in data["results"]}
