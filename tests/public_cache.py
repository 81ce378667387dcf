"""Helpers of the tests of the shared cache of anonymous answers (config/response_cache.py)."""

import re

from django.test import Client

from config.response_cache import CACHE_HEADER, CSRF_HOLE

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_tokens(response) -> list[str]:
    return CSRF_INPUT.findall(response.content.decode())


def cached_text(client: Client, url: str) -> str:
    """The answer's text, after making sure it was stored (the second read is a hit)."""
    client.get(url)
    response = client.get(url)
    assert response[CACHE_HEADER] == "hit", url
    return response.content.decode()


def shared_form_posted(url: str, *, data: dict[str, str], post_url: str | None = None):
    """A visitor posts the form of ``url`` as served from the cache (another visitor stored it),
    with the token they were given; the view's answer, which must not be CSRF's 403."""
    Client().get(url)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    assert page[CACHE_HEADER] == "hit", url
    assert CSRF_HOLE not in page.content.decode()
    assert "public" not in page["Cache-Control"]
    tokens = csrf_tokens(page)
    assert tokens, url
    response = visitor.post(post_url or url, {**data, "csrfmiddlewaretoken": tokens[0]})
    assert response.status_code != 403, url
    return response
