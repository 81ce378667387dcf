"""The public search page (/recherche/) and its JSON twins (/api/search/, /api/search/autocomplete/)."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from search.selectors import (
    AUTOCOMPLETE_MIN_CHARS,
    SearchFilters,
    SearchHit,
    SearchResponse,
    autocomplete_pages,
    search_pages,
)

FACET_LABELS = {
    "type": _("Type de contenu"),
    "theme": _("Thématique"),
    "territory": _("Territoire"),
    "format": _("Format d'action"),
    "year": _("Année"),
}


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return int(value) if value.isdigit() and len(value) < 6 else 1


def _search(request: HttpRequest) -> SearchResponse:
    return search_pages(
        query=request.GET.get("q", ""), filters=SearchFilters.from_params(request.GET), page=_page_number(request)
    )


def _hit_json(hit: SearchHit, request: HttpRequest) -> dict[str, Any]:
    return {
        "id": hit.page.pk,
        "title": hit.title,
        "url": hit.page.get_url(request) or "",
        "type": hit.kind.key,
        "type_label": str(hit.kind.label),
        "meta": hit.meta,
        "excerpt": str(hit.excerpt),
    }


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


@require_GET
def api_search(request: HttpRequest) -> JsonResponse:
    response = _search(request)
    return JsonResponse(
        {
            "query": response.query,
            "terms": response.terms,
            "total": response.total,
            "page": response.page,
            "num_pages": response.num_pages,
            "per_page": response.per_page,
            "relaxed": response.relaxed,
            "messages": response.messages,
            "results": [_hit_json(hit, request) for hit in response.hits],
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
                for name, values in response.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def api_autocomplete(request: HttpRequest) -> JsonResponse:
    query = request.GET.get("q", "")
    hits = autocomplete_pages(query=query)
    return JsonResponse(
        {
            "query": query[:200],
            "results": [
                {key: value for key, value in _hit_json(hit, request).items() if key not in ("meta", "excerpt")}
                for hit in hits
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
