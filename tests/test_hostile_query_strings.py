"""Hostile values in every query parameter and path id of every public GET endpoint: never a 5xx.

The endpoints come from the URLconf and the page tree, their parameters from the code that reads
them (the public filter forms, the agenda feed's names, the OpenAPI schema, Wagtail's API v2
viewsets), so a new endpoint or parameter is fuzzed without editing this file. PostgreSQL is where
an overflowing integer becomes a 500 (SQLite just misses), so run it there too.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core import signing
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

from api import preview
from api.ninja import api
from feeds import agenda_filters
from publications.filters import PublicFilterForm
from publications.models import AgendaPage
from subscribers import tokens
from tests.api.conftest import content  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

TOO_LONG_ID = 10**30
HOSTILE_VALUES = [
    "²",
    "٣",
    "-1",
    "0",
    str(10**24),
    "1e9",
    "",
    " ",
    "\x00",
    "%00",
    "'; DROP TABLE wagtailcore_page; --",
    "a" * 5000,
    "9" * 5000,
    "é\u202e🙂",
]
INTEGER_BREAKERS = ["²", str(10**24)]
# Repeated parameters (?page=1&page=2) ride with the values above.
REPEATED = ["1", "2"]

# Not public, or not GET: the admin, the providers' webhooks (tests/subscribers/test_webhooks.py).
SKIPPED_PREFIXES = ("admin/", "webhooks/", "api/")
# Query parameters read by plain views outside the page tree and the APIs.
VIEW_PARAMETERS = {
    "search": ("q", "type", "theme", "territory", "format", "year", "page"),
    "subscribers:subscribe": ("email", "liste"),
    "subscribers:subscribe_list": ("email", "liste"),
    "feeds:agenda_ics": (
        *agenda_filters.NAMES.themes,
        *agenda_filters.NAMES.territories,
        *agenda_filters.NAMES.formats,
    ),
}
DEFAULT_PARAMETERS = ("page", "q", "id")


@dataclass(frozen=True)
class Endpoint:
    url: str
    parameters: tuple[str, ...]


def _patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern, str]]:
    for entry in resolver.url_patterns:
        # Wagtail's API router uses plain regexes (``^pages/``): their anchors are not part of the URL.
        route = prefix + str(entry.pattern).removeprefix("^").removesuffix("$")
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            for sub_route, pattern, name in _patterns(entry, route):
                yield sub_route, pattern, (namespace + name if name and namespace else name)
        else:
            yield route, entry, entry.name or ""


def _fill(route: str, values: dict[str, str]) -> str | None:
    """The route with each ``<converter:name>`` replaced; ``None`` for regex routes and unknown names."""
    if any(character in route for character in "^$()[]?*+\\"):
        return None
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    if any(name not in values for name in names):
        return None
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: values[match.group(1)], route)


def _path_values(made) -> dict[str, str]:
    return {
        "guid": str(made.series.guid),
        "page_id": str(made.action.pk),
        "pk": str(made.action.pk),
        "token": tokens.preferences_token(1),
        "list_slug": "inconnue",
        "person_id": "1",
        "organisation_id": "1",
        "document_id": "1",
        "document_filename": "a.pdf",
    }


def _v2_parameters(pattern: URLPattern) -> tuple[str, ...]:
    viewset = getattr(pattern.callback, "cls", None)
    known = getattr(viewset, "known_query_parameters", frozenset())
    return tuple(sorted({*known, "id", "number", "year", "type", "child_of", "ancestor_of", "descendant_of"}))


def _urlconf_endpoints(made) -> list[Endpoint]:
    values = _path_values(made)
    hostile_ids = {name: str(TOO_LONG_ID) for name in values}
    endpoints = []
    for route, pattern, name in _patterns(get_resolver()):
        if route.startswith(SKIPPED_PREFIXES) and not route.startswith("api/v2/"):
            continue
        parameters = _v2_parameters(pattern) if route.startswith("api/v2/") else VIEW_PARAMETERS.get(name)
        for filled in (values, hostile_ids):
            url = _fill(route, filled)
            if url:
                endpoints.append(Endpoint(url, parameters or DEFAULT_PARAMETERS))
    return endpoints


def _api_endpoints(made) -> list[Endpoint]:
    schema = api.get_openapi_schema()
    endpoints = []
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        parameters = tuple(p["name"] for p in operation.get("parameters", []) if p["in"] == "query")
        path_names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
        for value in (str(made.action.pk), str(TOO_LONG_ID), "²"):
            url = path
            for name in path_names:
                url = url.replace("{" + name + "}", value)
            endpoints.append(Endpoint(url, parameters))
    return endpoints


def _page_endpoints() -> list[Endpoint]:
    """One page of each type; every parameter the public filter forms read, and ``page``."""
    names = {"page"}
    for form in PublicFilterForm.__subclasses__():
        names.update(form.base_fields)
    pages = {type(page): page for page in Page.objects.live().specific()}
    return [Endpoint(page.url, tuple(sorted(names))) for page in pages.values() if page.url]


@pytest.fixture
def endpoints(content, site_tree) -> list[Endpoint]:  # noqa: F811
    site_tree.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    found = [*_page_endpoints(), *_urlconf_endpoints(content), *_api_endpoints(content)]
    return list({endpoint.url: endpoint for endpoint in found}.values())


def test_fuzz__every_public_get_endpoint__no_server_error(client, endpoints):
    urls = {endpoint.url for endpoint in endpoints}
    # The surfaces the issue names are all reached, so that a URLconf change cannot empty the test.
    for expected in ("/agenda/", "/recherche/", "/api/search/", "/api/v2/pages/", "/flux/agenda.ics", "/sitemap.xml"):
        assert expected in urls, expected
    assert f"/flux/actions/{TOO_LONG_ID}.ics" in urls
    failures = []
    for endpoint in endpoints:
        # Every parameter at once with each value, then each parameter alone with the values that
        # break integer parsing (alone, so that another parameter's refusal cannot hide it).
        queries = [dict.fromkeys(endpoint.parameters, value) for value in [*HOSTILE_VALUES, REPEATED]]
        queries += [{name: value} for name in endpoint.parameters for value in INTEGER_BREAKERS]
        for query in queries:
            response = client.get(endpoint.url, query)
            if response.status_code >= 500:
                failures.append((endpoint.url, str(query)[:80], response.status_code))
    assert not failures


@pytest.mark.parametrize(
    "url",
    [
        "/abonnement/confirmer/{confirmation}/",
        "/abonnement/preferences/{preferences}/",
        "/abonnement/desabonnement/{unsubscribe}/",
        "/api/preview/?token={preview}",
    ],
)
def test_signed_token__id_too_large_for_the_database__refused(client, url):
    signed = {
        "confirmation": tokens.confirmation_token(TOO_LONG_ID, [TOO_LONG_ID]),
        "preferences": tokens.preferences_token(TOO_LONG_ID),
        "unsubscribe": tokens.unsubscribe_token(TOO_LONG_ID, TOO_LONG_ID),
        "preview": signing.dumps({"page": TOO_LONG_ID, "revision": TOO_LONG_ID}, salt=preview.SALT, compress=True),
    }
    response = client.get(url.format(**signed))
    assert response.status_code in (400, 401)


@pytest.mark.parametrize("page", ["²", "٣", str(10**24)])
def test_page_number__not_ascii_or_huge__a_page_not_an_error(client, content, site_tree, page):  # noqa: F811
    agenda = site_tree.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    for url in ("/recherche/", "/api/search/", agenda.url, site_tree.publications.url, site_tree.newsletters.url):
        assert client.get(url, {"page": page, "q": "santé"}).status_code == 200, url


@pytest.mark.parametrize("name", ["offset", "id", "child_of"])
def test_api_v2__integer_beyond_the_database__400_in_french(client, content, name):  # noqa: F811
    url = "/api/v2/pages/find/" if name == "id" else "/api/v2/pages/"
    response = client.get(url, {name: str(10**24)})
    assert response.status_code == 400
    assert "attend un nombre entier" in response.json()["message"]


def test_api_v2__id_beyond_the_database_in_the_path__404(client, content):  # noqa: F811
    assert client.get(f"/api/v2/pages/{TOO_LONG_ID}/").status_code == 404


def test_action_calendar__id_beyond_the_database__404(client, content):  # noqa: F811
    assert client.get(f"/flux/actions/{10**20}.ics").status_code == 404
    assert client.get(f"/flux/actions/{content.action.pk}.ics").status_code == 200
