"""Cached API responses, invalidated all at once by bumping a generation number.

Every cached body's key holds the generation current when it was stored; bumping the
generation makes all of them unreachable at once (they expire on their own), which works
the same on Redis and in local memory, without pattern deletes.
"""

import hashlib
import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "api:generation"
CACHE_HEADER = "X-Api-Cache"


def api_cache_generation() -> int:
    """The current generation; a fresh one starts from the clock, above any evicted one."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    # None: the cache is unreachable, and nothing is stored under any generation meanwhile.
    return int(generation) if generation is not None else 0


def api_cache_bump() -> None:
    """Make every cached API response stale: called on publish, unpublish, move, delete."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    logger.debug("API cache generation bumped")


def _request_key(request: HttpRequest, generation: int) -> str:
    params = sorted((key, value) for key, values in request.GET.lists() for value in values)
    raw = f"{request.path}?{urlencode(params)}"
    return f"api:response:{generation}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached_response(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve GET responses from the cache; store successful ones under the current generation."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        generation = api_cache_generation()
        key = _request_key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            content, content_type = stored
            response = HttpResponse(content, content_type=content_type)
            response[CACHE_HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
                response.render()
            cache.set(key, (response.content, response["Content-Type"]), settings.API_CACHE_TIMEOUT)
        response[CACHE_HEADER] = "miss"
        return response

    return wrapper
