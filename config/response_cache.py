"""One shared cache of anonymous answers: public pages, feeds and both APIs.

Each answer is stored with the public content generation it was rendered under
(`config/content_generation.py`) and served only while that generation is current, so that the
purge rules of `api/invalidation.py` make every stored answer stale at once, on every web process
sharing the cache (Redis in production); the generation and the entry are read in one round trip.
The key holds what the answer may vary on: the site (scheme, host and port), the language, the
path and the query parameters in a canonical order.

Storing is opt-in: a view says its answer is public (`public_cache_allow`, or the decorators
below; Wagtail pages through `publications/wagtail_hooks.py`, never a page with a view
restriction; search answers only while SEARCH_CACHE_TIMEOUT is set). Even then nothing is stored
from a request carrying a session or messages cookie (an editor, a visitor who typed a page
password), nor an answer that is not a 200, streams, sets a cookie (a real CSRF token sets one),
says private/no-store/no-cache, or varies on a header outside the key. A public form (the
registration panel of an action page, the registration, contact and subscription forms) is stored
with a hole where its CSRF token goes: each visitor's answer gets their own token and cookie, and
is then private for the browser and any CDN, while the server still serves it without rendering.
An answer with holes that is not stored gets the visitor's token all the same.

Stored answers carry an ETag and a Last-Modified, and conditional requests get 304; the headers
of a hit are built from the entry exactly as those of the miss that stored it were.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial, wraps
from typing import Any, Concatenate, ParamSpec, TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.http import http_date
from django.utils.translation import get_language_from_request

from config.content_generation import GENERATION_KEY, content_generation
from config.csp import csp_is_admin_path

CACHE_HEADER = "X-Cache"
# Where a stored public form's CSRF token goes; replaced by each visitor's own token when served.
CSRF_HOLE = "crpv-csrf-token-hole"
# Longer query strings are never stored: nobody links to them, and they would only fill the cache.
MAX_QUERY_LENGTH = 1024
# Headers of the answer recomputed when served, never stored.
_RECOMPUTED = {"cache-control", "content-length", "etag", "expires", "last-modified", "set-cookie", "vary"}
# What a stored answer may vary on: the key holds the language; the answer is the same whatever
# the encoding accepted (nothing compresses here), the Origin (CORS headers are added around the
# cache) or the Accept (the APIs answer JSON to everyone), and the cookie (none is read).
_VARY_ALLOWED = {"accept", "accept-encoding", "accept-language", "cookie", "origin"}
_REFUSING_DIRECTIVES = ("private", "no-store", "no-cache")
_STATE_ATTRIBUTE = "_public_cache"

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


@dataclass
class _State:
    allowed: bool = False
    csrf_hole: bool = False
    timeout: int | None = None


@dataclass(frozen=True)
class _Entry:
    generation: int
    status: int
    content: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str
    last_modified: float
    csrf_hole: bool


def _state(request: HttpRequest) -> _State | None:
    return getattr(request, _STATE_ATTRIBUTE, None)


def public_cache_allow(request: HttpRequest, *, csrf_hole: bool = False, timeout: int | None = None) -> None:
    """Let the answer to ``request`` be stored and shared; ``csrf_hole``: its forms' tokens are holes;
    ``timeout``: seconds it stays stored, if not PUBLIC_CACHE_TIMEOUT."""
    state = _state(request)
    if state is not None:
        state.allowed = True
        state.csrf_hole = csrf_hole
        state.timeout = timeout


def search_answer_cache_allow(request: HttpRequest) -> None:
    """A search answer is stored only when SEARCH_CACHE_TIMEOUT is set, and that long: publishing
    purges before the worker indexes the page, then the index update purges again, so an answer
    stored in between lasts until then (search/selectors.py keeps its own answers by the same rule)."""
    if settings.SEARCH_CACHE_TIMEOUT:
        public_cache_allow(request, timeout=settings.SEARCH_CACHE_TIMEOUT)


def _allowing(
    view: Callable[Concatenate[HttpRequest, P], R], allow: Callable[[HttpRequest], None]
) -> Callable[Concatenate[HttpRequest, P], R]:
    @wraps(view)
    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> R:
        allow(request)
        return view(request, *args, **kwargs)

    return wrapper


def public_cache(view: Callable[Concatenate[HttpRequest, P], R]) -> Callable[Concatenate[HttpRequest, P], R]:
    """The view's anonymous answers are the same for everyone: store and share them."""
    return _allowing(view, public_cache_allow)


def public_cache_with_form(view: Callable[Concatenate[HttpRequest, P], R]) -> Callable[Concatenate[HttpRequest, P], R]:
    """The same for a page holding a public form: its CSRF tokens are holes filled per visitor."""
    return _allowing(view, partial(public_cache_allow, csrf_hole=True))


def public_search_cache(view: Callable[Concatenate[HttpRequest, P], R]) -> Callable[Concatenate[HttpRequest, P], R]:
    """The same for a search view, by the rule of ``search_answer_cache_allow``."""
    return _allowing(view, search_answer_cache_allow)


def csrf(request: HttpRequest) -> dict[str, Any]:
    """Django's csrf context processor, except on a stored public form: the hole instead of a token."""

    def token() -> str:
        state = _state(request)
        if state is not None and state.allowed and state.csrf_hole:
            return CSRF_HOLE
        return str(get_token(request))

    return {"csrf_token": SimpleLazyObject(token)}


def _candidate(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not csp_is_admin_path(request=request)
    )


def _key(request: HttpRequest) -> str:
    params = sorted((key, value) for key, values in request.GET.lists() for value in values)
    # Read before LocaleMiddleware runs: with one language, it is that one.
    language = settings.LANGUAGE_CODE if len(settings.LANGUAGES) == 1 else get_language_from_request(request)
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(params)}|{language}"
    return f"public:response:{hashlib.sha256(raw.encode()).hexdigest()}"


def _storable(response: HttpResponseBase) -> bool:
    # A real CSRF token, a session or a message leaves a cookie on the answer.
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in _REFUSING_DIRECTIVES):
        return False
    varies = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return varies <= _VARY_ALLOWED


def _entry(response: HttpResponse, *, csrf_hole: bool, generation: int) -> _Entry:
    content = response.content
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in _RECOMPUTED)
    return _Entry(
        generation=generation,
        status=response.status_code,
        content=content,
        headers=headers,
        etag=f'"{hashlib.sha256(content).hexdigest()[:32]}"',
        last_modified=float(int(time.time())),
        csrf_hole=csrf_hole and CSRF_HOLE.encode() in content,
    )


def _with_visitors_token(request: HttpRequest, build: Callable[[bytes], HttpResponse]) -> HttpResponseBase:
    """The answer ``build`` makes with the visitor's own token in the holes, wrapped in Django's CSRF
    middleware: it reads the visitor's cookie and sets it on the answer, as for a page rendered
    with the token."""
    csrf = CsrfViewMiddleware(lambda request: HttpResponse())
    csrf.process_request(request)
    token = str(get_token(request)).encode()
    return csrf.process_response(request, build(token))


def _served(request: HttpRequest, entry: _Entry, *, hit: bool) -> HttpResponseBase:
    """The answer built from the entry, the same on the miss that stored it and on every hit."""
    if entry.csrf_hole:
        return _with_visitors_token(
            request, lambda token: _built(request, entry, entry.content.replace(CSRF_HOLE.encode(), token), hit=hit)
        )
    return _built(request, entry, entry.content, hit=hit)


def _built(request: HttpRequest, entry: _Entry, content: bytes, *, hit: bool) -> HttpResponse:
    response = HttpResponse(content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    response[CACHE_HEADER] = "hit" if hit else "miss"
    response["Vary"] = "Cookie, Accept-Encoding"
    if entry.csrf_hole:
        # This visitor's token is in it, and their cookie goes with it.
        patch_cache_control(response, private=True, no_cache=True)
        return response
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_MAX_AGE,
        s_maxage=settings.PUBLIC_CACHE_SHARED_MAX_AGE,
    )
    response["ETag"] = entry.etag
    response["Last-Modified"] = http_date(entry.last_modified)
    conditional = get_conditional_response(
        request, etag=entry.etag, last_modified=int(entry.last_modified), response=response
    )
    return conditional if conditional is not None else response


def _holes_filled(request: HttpRequest, response: HttpResponse) -> HttpResponseBase:
    """An answer with holes that is not stored (the cache is down, the view set a cookie…) gets
    the visitor's token all the same: the form must still post."""

    def build(token: bytes) -> HttpResponse:
        response.content = response.content.replace(CSRF_HOLE.encode(), token)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response

    return _with_visitors_token(request, build)


def _private(response: HttpResponseBase) -> HttpResponseBase:
    if "Cache-Control" not in response and not response.streaming:
        patch_cache_control(response, private=True, no_store=True)
    return response


class PublicResponseCacheMiddleware:
    """Right after the static files, above sessions, CSRF, CSP and the views: a hit costs one cache
    round trip and no other middleware; the headers those add (CSP, X-Frame-Options…) are stored with
    the body, the same for every visitor since public pages carry no nonce."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _candidate(request):
            return _private(self.get_response(request))
        key = _key(request)
        found = cache.get_many([GENERATION_KEY, key])
        # None: no generation yet (a fresh one is made), or the cache is down (0: nothing stored).
        generation = int(found[GENERATION_KEY]) if found.get(GENERATION_KEY) is not None else content_generation()
        stored = found.get(key)
        if generation and isinstance(stored, _Entry) and stored.generation == generation:
            return _served(request, stored, hit=True)
        state = _State()
        setattr(request, _STATE_ATTRIBUTE, state)
        response = self.get_response(request)
        if not isinstance(response, HttpResponse):
            return _private(response)
        if not (generation and state.allowed and _storable(response)):
            if state.allowed and state.csrf_hole and CSRF_HOLE.encode() in response.content:
                response = _holes_filled(request, response)
            return _private(response)
        entry = _entry(response, csrf_hole=state.csrf_hole, generation=generation)
        cache.set(key, entry, state.timeout or settings.PUBLIC_CACHE_TIMEOUT)
        return _served(request, entry, hit=False)
