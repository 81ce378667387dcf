"""Cached API responses, keyed by the public content generation (`config/content_generation.py`)."""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse

from config.content_generation import content_generation

CACHE_HEADER = "X-Api-Cache"


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
        generation = content_generation()
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
