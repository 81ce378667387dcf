"""Reads for the public search: one query over every content type, facets with counts, excerpts.

The query and the pages meet on French-normalised terms (search_text/french.py); the match is
made once (search/matching.py) and gives the total, the best ids and the facet counts, which
this module turns into display-ready hits and facet values.
"""

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Model, Q, prefetch_related_objects
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from config.content_generation import content_generation
from config.parsing import positive_int
from config.types import QuerySetT
from newsletters.models import NewsletterIssuePage
from publications.facets import facets_parse
from publications.models import (
    ActionFormat,
    ActionPage,
    ExperiencePage,
    PodcastEpisodePage,
    ProgrammePage,
    PublicationPage,
    Territory,
    Theme,
)
from publications.visibility import pages_visible_through
from search.highlight import excerpt
from search.matching import Match, pages_match, year_expressions
from search.page_documents import CLASSIFIED, classification_through
from search_text.documents import page_prose, page_summary
from search_text.french import MAX_QUERY_CHARS, MAX_QUERY_WORDS, fold_words, query_terms
from search_text.french import terms as text_terms

PER_PAGE = 10
MAX_PAGE = 100
AUTOCOMPLETE_MIN_CHARS = 3
AUTOCOMPLETE_LIMIT = 8
# How many of the backend's best hits the title and summary re-ranking reorders (see _reranked).
RERANK_DEPTH = 30
RERANK_MIN_SHARE = 0.5


@dataclass(frozen=True)
class ContentKind:
    key: str
    model: type[Page]
    label: Any


# Every content type search covers, in the order the type facet lists them.
KINDS: tuple[ContentKind, ...] = (
    ContentKind("action", ActionPage, _("Actions")),
    ContentKind("publication", PublicationPage, _("Publications")),
    ContentKind("episode", PodcastEpisodePage, _("Épisodes de podcast")),
    ContentKind("experience", ExperiencePage, _("Fiches d'expérience")),
    ContentKind("newsletter", NewsletterIssuePage, _("Lettres d'information")),
    ContentKind("programme", ProgrammePage, _("Programmes")),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}

# What a hit's summary and meta line read: joined to the page's own row (SELECTED), or loaded
# for all the shown hits of a type at once (PREFETCHED).
SELECTED_RELATIONS: dict[type[Page], tuple[str, ...]] = {
    ActionPage: ("format",),
    PublicationPage: ("collection",),
    ExperiencePage: ("town",),
    NewsletterIssuePage: ("newsletter_list",),
    ProgrammePage: ("centre",),
}
PREFETCHED_RELATIONS: dict[type[Page], tuple[str, ...]] = {ActionPage: ("sessions",)}

FACET_LABELS_TIMEOUT = 3600

MESSAGE_EMPTY = _("Saisissez un ou plusieurs mots pour lancer la recherche.")
MESSAGE_NO_TERMS = _(
    "Votre recherche ne contient aucun mot à chercher : seulement des mots trop courants, "
    "de la ponctuation ou des opérateurs."
)
MESSAGE_SHORTENED = _("Votre recherche était trop longue : seul son début a été cherché (%(words)d mots au plus).")
MESSAGE_RELAXED = _("Aucun résultat ne contient tous vos mots : voici les résultats qui en contiennent au moins un.")
MESSAGE_NO_RESULTS = _("Aucun résultat pour cette recherche.")


@dataclass(frozen=True)
class SearchFilters:
    """Facet values the visitor selected: within a facet any value, across facets all of them."""

    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    territories: tuple[int, ...] = ()
    formats: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    # French messages about the theme, territory and format values left out (publications/facets.py).
    errors: tuple[str, ...] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> "SearchFilters":
        """Read ``type``, ``theme``, ``territory``, ``format``, ``year`` (repeatable), leaving bad values out.

        Themes, territories and formats go through the public filters' one parser, which reports
        what it left out; an unknown type or year is simply not offered by the page.
        """

        def values(name: str) -> list[str]:
            raw = params.getlist(name) if hasattr(params, "getlist") else params.get(name) or []
            raw = [raw] if isinstance(raw, str) else raw
            return [str(value).strip()[:100] for value in raw[:20] if str(value).strip()]

        def integers(name: str) -> tuple[int, ...]:
            return tuple(number for value in values(name) if (number := positive_int(value)) is not None)

        facets = facets_parse(params)
        return cls(
            types=tuple(value for value in values("type") if value in KINDS_BY_KEY),
            themes=tuple(theme.slug for theme in facets.themes),
            territories=tuple(territory.pk for territory in facets.territories),
            formats=tuple(action_format.slug for action_format in facets.formats),
            years=integers("year"),
            errors=facets.errors,
        )

    def __bool__(self) -> bool:
        return any((self.types, self.themes, self.territories, self.formats, self.years))


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchHit:
    page: Page
    kind: ContentKind
    title: str
    url: str
    meta: str
    excerpt: SafeString


@dataclass
class SearchResponse:
    query: str
    filters: SearchFilters
    terms: list[str] = field(default_factory=list)
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    relaxed: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def search_pages(
    *,
    query: str,
    filters: SearchFilters | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    site: Site | None = None,
) -> SearchResponse:
    """Search the visible content pages (of ``site``) for ``query``: a page of hits, facets and messages.

    Never raises on a visitor's input: an empty, overlong or meaningless query gives a
    response with a message and no hits. The answer depends only on the public content (no
    user is asked for), so it is the same for every visitor, logged in or not: it is cached for
    ``SEARCH_CACHE_TIMEOUT`` seconds under the public content generation, which every content
    change bumps (api/invalidation.py), so a change purges it with every other public answer.
    An unreachable cache only costs the search its speed (config/cache_backends.py).
    """
    filters = filters or SearchFilters()
    page = min(max(1, page), MAX_PAGE)
    if not settings.SEARCH_CACHE_TIMEOUT:
        return _search(query=query, filters=filters, page=page, per_page=per_page, site=site)
    key = _answer_key(query=query, filters=filters, page=page, per_page=per_page, site=site)
    response = cache.get(key)
    if response is None:
        response = _search(query=query, filters=filters, page=page, per_page=per_page, site=site)
        cache.set(key, response, settings.SEARCH_CACHE_TIMEOUT)
    return response


def _answer_key(*, query: str, filters: SearchFilters, page: int, per_page: int, site: Site | None) -> str:
    asked = repr((query, filters, page, per_page, site.pk if site else None))
    return f"search:answer:{content_generation()}:{hashlib.sha256(asked.encode()).hexdigest()}"


def _search(*, query: str, filters: SearchFilters, page: int, per_page: int, site: Site | None) -> SearchResponse:
    response = SearchResponse(query=query.strip()[:MAX_QUERY_CHARS], filters=filters, page=page, per_page=per_page)
    response.messages.extend(filters.errors)
    if not response.query:
        response.messages.append(str(MESSAGE_EMPTY))
        return response
    response.terms = query_terms(query)
    if not response.terms:
        response.messages.append(str(MESSAGE_NO_TERMS))
        return response
    if len(query) > MAX_QUERY_CHARS or len(set(text_terms(query[:MAX_QUERY_CHARS]))) > MAX_QUERY_WORDS:
        response.messages.append(str(MESSAGE_SHORTENED % {"words": MAX_QUERY_WORDS}))

    offset = (page - 1) * per_page
    # The first pages of results come from the re-ranked best hits; beyond, from the backend's order.
    window = (0, RERANK_DEPTH) if offset < RERANK_DEPTH else (offset, per_page)

    def matched(operator: str) -> Match:
        return pages_match(
            terms=response.terms,
            operator=operator,
            scope=lambda pages: _filtered_pages(pages, filters, site=site),
            offset=window[0],
            limit=window[1],
        )

    match = matched("and")
    if not match.total and len(response.terms) > 1:
        match = matched("or")
        response.relaxed = bool(match.total)
        if response.relaxed:
            response.messages.append(str(MESSAGE_RELAXED))
    response.total = match.total
    if not response.total:
        response.messages.append(str(MESSAGE_NO_RESULTS))
        return response

    if offset < RERANK_DEPTH:
        ranked = _reranked(_specific(match.ids, match.content_types), response.terms)[offset : offset + per_page]
    else:
        ranked = _specific(match.ids, match.content_types)
    response.hits = _hits(_with_prefetched(ranked), response.terms)
    response.facets = _facets(match.counts, filters)
    return response


def _reranked(pages: list[Page], terms: list[str]) -> list[Page]:
    """The backend's best pages, those whose title or summary hold most of the terms first.

    A title that names the subject is the strongest sign of relevance, and the one the
    backends weigh least alike (SQLite's ranking has no field boosts). This final touch,
    the same on every backend, scores each page by the share of the terms its title holds
    (counted twice) and its summary holds, a share under half counting for nothing, and
    keeps the backend's order between equal scores.
    """
    wanted = set(terms)

    def share(text: str) -> float:
        held = len(wanted.intersection(_terms_of(text))) / len(wanted)
        return held if held >= RERANK_MIN_SHARE else 0.0

    return sorted(pages, key=lambda page: -(2 * share(page.title) + share(page_summary(page))))


@lru_cache(maxsize=20_000)
def _terms_of(text: str) -> frozenset[str]:
    """The terms of a title or summary: the same pages come back query after query."""
    return frozenset(text_terms(text))


def autocomplete_pages(*, query: str, limit: int = AUTOCOMPLETE_LIMIT, site: Site | None = None) -> list[SearchHit]:
    """Visible content pages (of ``site``) whose title has words starting as ``query`` does (3 letters or more)."""
    words = fold_words(query[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]
    if len("".join(words)) < AUTOCOMPLETE_MIN_CHARS:
        return []
    results = _scope(site, Page.objects.all()).autocomplete(" ".join(words), operator="and")
    return _hits(_with_prefetched(_specific([page.pk for page in results[:limit]])), [])


def _scope(site: Site | None, pages: QuerySetT) -> QuerySetT:
    """The visible ``pages`` of the types search covers that a search through ``site`` reads:
    a centre's site its own, the network site every site's (publications.visibility)."""
    content_types = ContentType.objects.get_for_models(*(kind.model for kind in KINDS)).values()
    return pages_visible_through(pages.filter(content_type__in=list(content_types)), site=site)


def _filtered_pages(pages: QuerySetT, filters: SearchFilters, *, site: Site | None) -> QuerySetT:
    """The searchable ``pages`` within ``filters``: pages, or their search rows (search.models.PageDocument)."""
    pages = _scope(site, pages)
    if filters.types:
        models = [KINDS_BY_KEY[key].model for key in filters.types]
        pages = pages.filter(content_type__in=list(ContentType.objects.get_for_models(*models).values()))
    if filters.themes:
        pages = pages.filter(_classified_with("themes", Q(theme__slug__in=filters.themes)))
    if filters.territories:
        pages = pages.filter(_classified_with("territories", Q(territory_id__in=filters.territories)))
    if filters.formats:
        pages = pages.filter(pk__in=ActionPage.objects.filter(format__slug__in=filters.formats).values("pk"))
    if filters.years:
        condition = Q()
        for model, year in year_expressions().items():
            matching = model.objects.annotate(facet_year=year).filter(facet_year__in=filters.years)
            condition |= Q(pk__in=matching.values("pk"))
        pages = pages.filter(condition)
    return pages


def _classified_with(name: str, condition: Q) -> Q:
    """Pages of any classified type linked to a theme or territory matching ``condition``."""
    combined = Q()
    for model in CLASSIFIED:
        through, page_column = classification_through(model, name)
        combined |= Q(pk__in=through._default_manager.filter(condition).values(page_column))
    return combined


def _facets(counts: dict[str, Counter], filters: SearchFilters) -> dict[str, list[FacetValue]]:
    """The facet values of the matching pages, with their counts, most frequent first."""
    content_types = ContentType.objects.get_for_models(*(kind.model for kind in KINDS))
    types = [
        FacetValue(kind.key, str(kind.label), count, kind.key in filters.types)
        for kind in KINDS
        if (count := counts["type"].get(content_types[kind.model].pk, 0))
    ]

    labels = _facet_labels()

    def named(counts: Counter, model: type[Model], selected: Iterable[Any]) -> list[FacetValue]:
        chosen = {str(value) for value in selected}
        known = labels[model._meta.label]
        values = [
            FacetValue(known[pk][0], known[pk][1], count, known[pk][0] in chosen)
            for pk, count in counts.items()
            if pk in known
        ]
        return sorted(values, key=lambda value: (-value.count, value.label))

    return {
        "type": types,
        "theme": named(counts["theme"], Theme, filters.themes),
        "territory": named(counts["territory"], Territory, filters.territories),
        "format": named(counts["format"], ActionFormat, filters.formats),
        "year": [
            FacetValue(str(year), str(year), count, year in filters.years)
            for year, count in sorted(counts["year"].items(), reverse=True)
        ],
    }


# The value (in the query string) each facet's objects are named by.
FACET_KEYS: dict[type[Model], str] = {Theme: "slug", Territory: "pk", ActionFormat: "slug"}


def _facet_labels() -> dict[str, dict[int, tuple[str, str]]]:
    """Each facet model's objects as value and label, by id: three small tables, read once per content generation.

    They are snippets, whose edits bump the generation (api/invalidation.py).
    """
    key = f"search:facet-labels:{content_generation()}"
    labels = cache.get(key)
    if labels is None:
        labels = {
            model._meta.label: {obj.pk: (str(getattr(obj, name)), str(obj)) for obj in model._default_manager.all()}
            for model, name in FACET_KEYS.items()
        }
        cache.set(key, labels, FACET_LABELS_TIMEOUT)
    return labels


def _specific(pks: list[int], content_types: Mapping[int, int] | None = None) -> list[Page]:
    """The pages of these ids, in order, as their specific types with the relations joined (a query per type).

    ``content_types`` (page id → content type id) saves the query that reads them, when known.
    """
    if content_types is None or not set(pks) <= content_types.keys():
        content_types = dict(Page.objects.filter(pk__in=pks).values_list("pk", "content_type_id"))
    by_type: dict[int, list[int]] = defaultdict(list)
    for pk in pks:
        if pk in content_types:
            by_type[content_types[pk]].append(pk)
    specific: dict[int, Page] = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not issubclass(model, Page):
            continue
        rows = model._default_manager.filter(pk__in=ids).select_related(*SELECTED_RELATIONS.get(model, ()))
        specific.update((page.pk, page) for page in rows)
    return [specific[pk] for pk in pks if pk in specific]


def _with_prefetched(pages: list[Page]) -> list[Page]:
    """The shown pages with their many-valued relations loaded (a query per type and relation)."""
    for model, lookups in PREFETCHED_RELATIONS.items():
        prefetch_related_objects([page for page in pages if type(page) is model], *lookups)
    return pages


def _hits(ranked: list[Page], terms: list[str]) -> list[SearchHit]:
    """The ranked pages as display-ready hits, each with an excerpt around the terms."""
    kinds = {kind.model: kind for kind in KINDS}
    hits = []
    for page in ranked:
        if type(page) not in kinds:
            continue
        summary = page_summary(page)
        text = f"{summary} {page_prose(page)}" if terms else summary
        hits.append(
            SearchHit(
                page=page,
                kind=kinds[type(page)],
                title=page.title,
                url=page.get_url() or "",
                meta=_meta(page),
                excerpt=excerpt(text, terms),
            )
        )
    return hits


def _meta(page: Page) -> str:
    """A short line under the title: the date or period of the content."""
    if isinstance(page, PublicationPage):
        return f"{page.collection} · {page.publication_date:%d/%m/%Y}"
    if isinstance(page, PodcastEpisodePage):
        return f"{page.release_date:%d/%m/%Y}"
    if isinstance(page, NewsletterIssuePage):
        return f"{page.newsletter_list} n° {page.number} · {page.issue_date:%d/%m/%Y}"
    if isinstance(page, ProgrammePage):
        return str(page.year)
    if isinstance(page, ExperiencePage):
        return f"{page.town.name} · {page.period}"
    if isinstance(page, ActionPage):
        first = min(page.sessions.all(), key=lambda session: session.starts_at, default=None)
        return f"{page.format} · {first.starts_at:%d/%m/%Y}" if first else f"{page.format} · {page.tentative_period}"
    return ""
