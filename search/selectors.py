"""Reads for the public search: one query over every content type, facets with counts, excerpts.

The query and the pages meet on French-normalised terms (search_text/french.py), through
whichever Wagtail search backend is configured; filters and facet counts are plain SQL
on the set of matching pages.
"""

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, Model, OuterRef, Q, QuerySet, Subquery, prefetch_related_objects
from django.db.models.functions import ExtractYear, Length, Substr
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageQuerySet, Site

from config.parsing import positive_int
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
from publications.visibility import pages_visible
from search.highlight import excerpt
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
# Elasticsearch returns matching ids in pages; facet counts cover at most this many hits there.
ES_FACET_LIMIT = 10_000


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
# The types that carry themes and territories (ClassifiedMixin).
CLASSIFIED = (ActionPage, PublicationPage, PodcastEpisodePage, ExperiencePage)

# What a hit's summary and meta line read, loaded for all the hits of a type at once.
DISPLAY_RELATIONS: dict[type[Page], tuple[str, ...]] = {
    ActionPage: ("format", "sessions"),
    PublicationPage: ("collection",),
    ExperiencePage: ("town",),
    NewsletterIssuePage: ("newsletter_list",),
    ProgrammePage: ("centre",),
}

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
    response with a message and no hits.
    """
    filters = filters or SearchFilters()
    page = min(max(1, page), MAX_PAGE)
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

    scope = _filtered_pages(filters, site=site)
    results = scope.search(" ".join(response.terms), operator="and")
    response.total = results.count()
    if not response.total and len(response.terms) > 1:
        results = scope.search(" ".join(response.terms), operator="or")
        response.total = results.count()
        response.relaxed = bool(response.total)
        if response.relaxed:
            response.messages.append(str(MESSAGE_RELAXED))
    if not response.total:
        response.messages.append(str(MESSAGE_NO_RESULTS))
        return response

    offset = (page - 1) * per_page
    if offset < RERANK_DEPTH:
        ranked = _reranked(_specific(results[:RERANK_DEPTH]), response.terms)[offset : offset + per_page]
    else:
        ranked = _specific(results[offset : offset + per_page])
    response.hits = _hits(ranked, response.terms)
    response.facets = _facets(_hit_ids(results), filters)
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
        held = len(wanted.intersection(text_terms(text))) / len(wanted)
        return held if held >= RERANK_MIN_SHARE else 0.0

    return sorted(pages, key=lambda page: -(2 * share(page.title) + share(page_summary(page))))


def autocomplete_pages(*, query: str, limit: int = AUTOCOMPLETE_LIMIT, site: Site | None = None) -> list[SearchHit]:
    """Visible content pages (of ``site``) whose title has words starting as ``query`` does (3 letters or more)."""
    words = fold_words(query[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]
    if len("".join(words)) < AUTOCOMPLETE_MIN_CHARS:
        return []
    results = _scope(site).autocomplete(" ".join(words), operator="and")
    return _hits(_specific(results[:limit]), [])


def _scope(site: Site | None) -> PageQuerySet:
    content_types = ContentType.objects.get_for_models(*(kind.model for kind in KINDS)).values()
    return pages_visible(Page.objects.filter(content_type__in=list(content_types)), site=site)


def _filtered_pages(filters: SearchFilters, *, site: Site | None) -> PageQuerySet:
    pages = _scope(site)
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
        for model, year in _year_expressions().items():
            matching = model.objects.annotate(facet_year=year).filter(facet_year__in=filters.years)
            condition |= Q(pk__in=matching.values("pk"))
        pages = pages.filter(condition)
    return pages


def _through(model: type[Page], name: str) -> tuple[type[Model], str]:
    """The link table of a classification (``themes`` or ``territories``) and its page column."""
    relation = model._meta.get_field(name)
    return relation.remote_field.through, f"{relation.m2m_field_name()}_id"


def _classified_with(name: str, condition: Q) -> Q:
    """Pages of any classified type linked to a theme or territory matching ``condition``."""
    combined = Q()
    for model in CLASSIFIED:
        through, page_column = _through(model, name)
        combined |= Q(pk__in=through._default_manager.filter(condition).values(page_column))
    return combined


def _year_expressions() -> dict[type[Page], Any]:
    """The year each dated content type is listed under; an action, its programme's year."""
    programme_year = ProgrammePage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    ).values("year")[:1]
    return {
        ActionPage: Subquery(programme_year, output_field=IntegerField()),
        PublicationPage: ExtractYear("publication_date"),
        PodcastEpisodePage: ExtractYear("release_date"),
        NewsletterIssuePage: ExtractYear("issue_date"),
        ProgrammePage: F("year"),
    }


def _hit_ids(results: Any) -> QuerySet | list[int]:
    """The ids of every page matching the search, as a subquery where the backend allows."""
    if hasattr(results, "get_queryset"):
        # Database backends: the matching pages are a queryset the facets can join on.
        return results.get_queryset().order_by().values("pk")
    return _elasticsearch_hit_ids(results)


def _elasticsearch_hit_ids(results: Any) -> list[int]:
    backend, compiler = results.backend, results.query_compiler
    response = backend.es.search(
        index=backend.get_index_for_model(compiler.queryset.model).name,
        query=compiler.get_query(),
        _source=False,
        stored_fields=["pk"],
        size=ES_FACET_LIMIT,
    )
    return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


def _counted(rows: Iterable[Mapping[str, Any]], key: str) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        if row[key] is not None:
            counts[row[key]] += row["n"]
    return counts


def _classification_rows(model: type[Page], name: str, column: str, hit_ids: QuerySet | list[int]) -> QuerySet:
    through, page_column = _through(model, name)
    return (
        through._default_manager.filter(**{f"{page_column}__in": hit_ids})
        .values(column)
        .annotate(n=Count("pk"))
        .order_by()
    )


def _union_counts(querysets: list[QuerySet], key: str) -> Counter:
    """Counts from several grouped querysets of the same shape, in one query."""
    first, *others = querysets
    return _counted(first.union(*others, all=True), key)


def _facets(hit_ids: QuerySet | list[int], filters: SearchFilters) -> dict[str, list[FacetValue]]:
    """Counts of the matching pages by type, theme, territory, format and year."""
    by_content_type = _counted(
        Page.objects.filter(pk__in=hit_ids).values("content_type_id").annotate(n=Count("pk")), "content_type_id"
    )
    content_types = ContentType.objects.get_for_models(*(kind.model for kind in KINDS))
    types = [
        FacetValue(kind.key, str(kind.label), count, kind.key in filters.types)
        for kind in KINDS
        if (count := by_content_type.get(content_types[kind.model].pk, 0))
    ]

    themes = _union_counts(
        [_classification_rows(model, "themes", "theme_id", hit_ids) for model in CLASSIFIED], "theme_id"
    )
    territories = _union_counts(
        [_classification_rows(model, "territories", "territory_id", hit_ids) for model in CLASSIFIED], "territory_id"
    )
    formats = _counted(
        ActionPage.objects.filter(pk__in=hit_ids).values("format_id").annotate(n=Count("pk")).order_by(), "format_id"
    )
    years = _union_counts(
        [
            model.objects.filter(pk__in=hit_ids)
            .annotate(facet_year=year)
            .values("facet_year")
            .annotate(n=Count("pk"))
            .order_by()
            for model, year in _year_expressions().items()
        ],
        "facet_year",
    )

    def named(counts: Counter, model: type[Model], key: str, selected: Iterable[Any]) -> list[FacetValue]:
        chosen = {str(value) for value in selected}
        objects = model._default_manager.filter(pk__in=list(counts))
        values = [
            FacetValue(str(getattr(obj, key)), str(obj), counts[obj.pk], str(getattr(obj, key)) in chosen)
            for obj in objects
        ]
        return sorted(values, key=lambda value: (-value.count, value.label))

    return {
        "type": types,
        "theme": named(themes, Theme, "slug", filters.themes),
        "territory": named(territories, Territory, "pk", filters.territories),
        "format": named(formats, ActionFormat, "slug", filters.formats),
        "year": [
            FacetValue(str(year), str(year), count, year in filters.years)
            for year, count in sorted(years.items(), reverse=True)
        ],
    }


def _specific(results: Iterable[Page]) -> list[Page]:
    """The pages of a slice of search results, in order, as their specific types (a query per type)."""
    pks = [page.pk for page in results]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
    pages = [specific[pk] for pk in pks if pk in specific]
    for model, lookups in DISPLAY_RELATIONS.items():
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
