"""Full-text search over every content type, with facets, and title autocomplete.

Same paths and shapes as the former plain views (README § Search › API): every parameter
is read leniently, so a bad filter or page value is ignored and the answer is always 200.
"""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from wagtail.models import Site

from config import parsing
from search.selectors import SearchFilters, SearchHit, autocomplete_pages, search_pages

router = Router(tags=["Recherche"])


class SearchParams(Schema):
    q: str = Field("", description="Les mots cherchés (200 caractères et 12 mots au plus sont pris).")
    type: list[str] = Field([], description="action, publication, episode, experience, newsletter, programme.")
    theme: list[str] = Field([], description="Identifiants de thématiques.")
    territory: list[str] = Field([], description="Identifiants numériques de territoires.")
    format: list[str] = Field([], description="Identifiants de formats d'action.")
    year: list[str] = Field([], description="Années.")
    page: str = Field("1", description="Numéro de page (10 résultats par page, 100 pages au plus).")


class AutocompleteParams(Schema):
    q: str = Field("", description="Le début d'un titre (3 lettres au moins).")


class HitOut(Schema):
    id: int
    title: str
    url: str
    type: str
    type_label: str


class SearchHitOut(HitOut):
    meta: str
    excerpt: str = Field(description="HTML dont les seules balises sont <mark>.")


class FacetValueOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class SearchOut(Schema):
    query: str
    terms: list[str]
    total: int
    page: int
    num_pages: int
    per_page: int
    relaxed: bool
    messages: list[str]
    results: list[SearchHitOut]
    facets: dict[str, list[FacetValueOut]]


class AutocompleteOut(Schema):
    query: str
    results: list[HitOut]


def _hit(hit: SearchHit, request: HttpRequest) -> dict[str, object]:
    return {
        "id": hit.page.pk,
        "title": hit.title,
        "url": hit.page.get_url(request) or "",
        "type": hit.kind.key,
        "type_label": str(hit.kind.label),
        "meta": hit.meta,
        "excerpt": str(hit.excerpt),
    }


@router.get("/search/", response=SearchOut, summary="Recherche", url_name="api_search")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, object]:
    response = search_pages(
        query=params.q,
        filters=SearchFilters.from_params(request.GET),
        page=parsing.page_number(params.page),
        site=Site.find_for_request(request),
    )
    return {
        "query": response.query,
        "terms": response.terms,
        "total": response.total,
        "page": response.page,
        "num_pages": response.num_pages,
        "per_page": response.per_page,
        "relaxed": response.relaxed,
        "messages": response.messages,
        "results": [_hit(hit, request) for hit in response.hits],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
            for name, values in response.facets.items()
        },
    }


@router.get(
    "/search/autocomplete/",
    response=AutocompleteOut,
    summary="Autocomplétion des titres",
    url_name="api_search_autocomplete",
)
def autocomplete(request: HttpRequest, params: Query[AutocompleteParams]) -> dict[str, object]:
    results = [_hit(hit, request) for hit in autocomplete_pages(query=params.q, site=Site.find_for_request(request))]
    return {"query": params.q[:200], "results": results}
