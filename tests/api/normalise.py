"""Make an API answer comparable from run to run: what the database or the clock chose becomes a placeholder.

What is left is the shape (every key, in order) and every value the test data fixed, so a
renamed, vanished or retyped field changes the snapshot. Replaced:

- ids: integers under ``id``, ``*_id`` and the keys in `ID_KEYS` (a StreamField's chosen page
  is its bare id), and digit segments of URLs and paths (``/api/v2/pages/<id>/``); PostgreSQL
  sequences are not rolled back between tests, and xdist runs other tests first;
- the configured ``BASE_URL`` (absolute media, document and API links) becomes ``<base_url>``;
- UUIDs (session and StreamField block ids, a series' GUID), generated at creation;
- datetimes within `NOW_WINDOW` of the test (``first_published_at``, ``last_published_at``…).
"""

import datetime
import re
from typing import Any

from django.conf import settings
from django.utils import timezone

ID_KEYS = frozenset({"page", "experience", "parent", "alias_of"})
NOW_WINDOW = datetime.timedelta(hours=1)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
URL_ID = re.compile(r"(?<=/)\d+(?=/|$|\?)")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _is_id_key(key: str) -> bool:
    return key == "id" or key.endswith("_id") or key in ID_KEYS


def _near_now(value: str, now: datetime.datetime) -> bool:
    if not DATETIME.match(value):
        return False
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    if timezone.is_naive(moment):
        return False
    return abs(moment - now) < NOW_WINDOW


def _string(value: str, now: datetime.datetime) -> str:
    if _near_now(value, now):
        return "<now>"
    value = UUID.sub("<uuid>", value)
    for base_url in {settings.BASE_URL, settings.WAGTAILAPI_BASE_URL}:
        if value.startswith(base_url):
            value = "<base_url>" + value.removeprefix(base_url)
    if value.startswith(("<base_url>", "http://", "https://", "/")):
        value = URL_ID.sub("<id>", value)
    return value


def normalise(data: Any, *, key: str = "", now: datetime.datetime | None = None) -> Any:
    """``data`` (decoded JSON) with the unstable values replaced; keys and their order kept."""
    now = now or timezone.now()
    if isinstance(data, dict):
        return {name: normalise(value, key=name, now=now) for name, value in data.items()}
    if isinstance(data, list):
        return [normalise(item, key=key, now=now) for item in data]
    if isinstance(data, bool) or data is None:
        return data
    if isinstance(data, int) and _is_id_key(key):
        return "<id>"
    if isinstance(data, str):
        return _string(data, now)
    return data
