"""The public search page (/recherche/); its JSON twins are in the typed API (api/routers/search.py)."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from config import parsing
from search.selectors import (
    AUTOCOMPLETE_MIN_CHARS,
    SearchFilters,
    SearchResponse,
    search_pages,
)

FACET_LABELS = {
    "type": _("Type de contenu"),
    "theme": _("Thématique"),
    "territory": _("Territoire"),
    "format": _("Format d'action"),
    "year": _("Année"),
}


def _search(request: HttpRequest) -> SearchResponse:
    return search_pages(
        query=request.GET.get("q", ""),
        filters=SearchFilters.from_params(request.GET),
        page=parsing.page_number(request.GET.get("page")),
        site=Site.find_for_request(request),
    )


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    response = _search(request)
    params = [(key, value) for key, values in request.GET.lists() if key != "page" for value in values]
    facets = [(name, FACET_LABELS[name], values) for name, values in response.facets.items() if values]
    return render(
        request,
        "search/search.html",
        {
            "search": response,
            "facets": facets,
            "page_query": urlencode(params),
            "first_rank": (response.page - 1) * response.per_page + 1,
            "autocomplete_min_chars": AUTOCOMPLETE_MIN_CHARS,
        },
    )
