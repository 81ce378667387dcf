"""Match once: the pages a query matches, their number, a window of them by rank, and the facet counts.

On PostgreSQL with Wagtail's database backend, one statement does it all: a CTE matches the
index table (``wagtailsearch_indexentry``, through the GIN index on ``title || body`` of
search/migrations/0001) and ranks each match once, exactly as modelsearch ranks them; the total,
the facets (GROUP BY over that CTE) and the window of best ids are rows of the same answer. The
cost is one match whatever the number of facets, so it grows with the matches, not the library.

Any other backend (SQLite FTS5 in the tests, Elasticsearch in production at scale) goes through
Wagtail's search API: one count, one window, and the facets as grouped queries over the matching
ids, a fixed number of queries whatever the data size.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, IntegerField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import ExtractYear, Length, Substr
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page, PageQuerySet
from wagtail.search.models import IndexEntry

from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, ProgrammePage, PublicationPage

# The types that carry themes and territories (ClassifiedMixin).
CLASSIFIED = (ActionPage, PublicationPage, PodcastEpisodePage, ExperiencePage)
# Elasticsearch returns matching ids in pages; facet counts cover at most this many hits there.
ES_FACET_LIMIT = 10_000
FACETS = ("type", "theme", "territory", "format", "year")


@dataclass
class Match:
    """What a query matched: ``total`` pages, ``ids`` the best of them from the window's start, by rank."""

    total: int = 0
    ids: list[int] = field(default_factory=list)
    # The content type of each of ``ids``, where the match knows it (saves a query).
    content_types: dict[int, int] = field(default_factory=dict)
    # facet name → value (content type id, theme id, territory id, format id, year) → pages.
    counts: dict[str, Counter] = field(default_factory=lambda: {name: Counter() for name in FACETS})


def pages_match(
    *,
    terms: list[str],
    operator: str,
    scope: PageQuerySet,
    models: Iterable[type[Page]],
    offset: int,
    limit: int,
) -> Match:
    """The pages of ``scope`` (of the types ``models``) whose text holds all (``and``) or any (``or``) ``terms``.

    ``terms`` are normalised (search_text.french.query_terms); ``ids`` holds up to ``limit``
    of the matches from the ``offset``-th, best first.
    """
    backend = get_search_backend()
    if isinstance(backend, PostgresSearchBackend) and connection.vendor == "postgresql":
        content_types = [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]
        return _postgres_match(backend, terms, operator, scope, content_types, offset, limit)
    return _backend_match(terms, operator, scope, offset, limit)


# --- PostgreSQL: one statement -------------------------------------------------------------


def _tsquery(terms: list[str], operator: str) -> str:
    """The raw tsquery modelsearch builds for these terms (each quoted, so no operator gets through)."""
    quoted = ["'{}'".format(term.replace("'", "''").replace("\\", "\\\\")) for term in terms]
    return f" {'&' if operator == 'and' else '|'} ".join(quoted)


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def classification_through(model: type[Page], name: str) -> tuple[type[Model], str]:
    """The link table of a classification (``themes`` or ``territories``) and its page column."""
    relation = model._meta.get_field(name)
    return relation.remote_field.through, f"{relation.m2m_field_name()}_id"


def _links_sql(name: str, column: str) -> str:
    """The (page, value) rows of a classification over every classified type."""
    parts = []
    for model in CLASSIFIED:
        through, page_column = classification_through(model, name)
        parts.append(f"SELECT {page_column} AS page_id, {column} AS value FROM {_table(through)}")  # noqa: S608 (names from the models; values are parameters)
    return " UNION ALL ".join(parts)


def _years_sql() -> str:
    """Each matched page's year: an action's is its programme's (the parent page), others a date's."""
    page, programme, action = _table(Page), _table(ProgrammePage), _table(ActionPage)
    dated = [(PublicationPage, "publication_date"), (PodcastEpisodePage, "release_date")]
    dated.append((NewsletterIssuePage, "issue_date"))
    parts = [
        f"SELECT m.id, p.year AS value FROM matched m JOIN {action} a ON a.page_ptr_id = m.id "  # noqa: S608 (names from the models; values are parameters)
        f"JOIN {page} parent ON parent.path = substr(m.path, 1, length(m.path) - {Page.steplen}) "
        f"JOIN {programme} p ON p.page_ptr_id = parent.id",
        f"SELECT m.id, p.year AS value FROM matched m JOIN {programme} p ON p.page_ptr_id = m.id",  # noqa: S608 (names from the models; values are parameters)
    ]
    parts += [
        f"SELECT m.id, EXTRACT(YEAR FROM t.{date})::integer AS value FROM matched m "  # noqa: S608 (names from the models; values are parameters)
        f"JOIN {_table(model)} t ON t.page_ptr_id = m.id"
        for model, date in dated
    ]
    return " UNION ALL ".join(parts)


def _postgres_match(
    backend: PostgresSearchBackend,
    terms: list[str],
    operator: str,
    scope: PageQuerySet,
    content_types: list[int],
    offset: int,
    limit: int,
) -> Match:
    try:
        scope_sql, scope_params = scope.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a scope Django knows to be empty (``.none()``) has no SQL
        return Match()
    page, entry = _table(Page), _table(IndexEntry)
    # The rank modelsearch orders by: title (times its norm) and body, with the boosts' weights.
    sql = f"""
        WITH query AS (SELECT to_tsquery(%s::regconfig, %s) AS q),
        matched AS MATERIALIZED (
            SELECT page.id, page.path, page.content_type_id,
                   ts_rank(%s::real[], e.title, query.q) * e.title_norm
                   + ts_rank(%s::real[], e.body, query.q) AS rank
            FROM {entry} e
            CROSS JOIN query
            JOIN {page} page ON page.id = e.object_id::integer
            -- Only pages' entries, whose object ids are the pages' integer ids.
            WHERE e.content_type_id = ANY(%s)
              AND (e.title || e.body) @@ query.q
              AND page.id IN ({scope_sql})
        )
        SELECT 'total', NULL::integer, COUNT(*), NULL::real FROM matched
        UNION ALL SELECT 'type', content_type_id, COUNT(*), NULL FROM matched GROUP BY content_type_id
        UNION ALL SELECT 'theme', l.value, COUNT(*), NULL
            FROM ({_links_sql("themes", "theme_id")}) l JOIN matched m ON m.id = l.page_id GROUP BY l.value
        UNION ALL SELECT 'territory', l.value, COUNT(*), NULL
            FROM ({_links_sql("territories", "territory_id")}) l JOIN matched m ON m.id = l.page_id GROUP BY l.value
        UNION ALL SELECT 'format', a.format_id, COUNT(*), NULL
            FROM {_table(ActionPage)} a JOIN matched m ON m.id = a.page_ptr_id GROUP BY a.format_id
        UNION ALL SELECT 'year', y.value, COUNT(*), NULL FROM ({_years_sql()}) y GROUP BY y.value
        UNION ALL (SELECT 'hit', id, content_type_id, rank FROM matched ORDER BY rank DESC, id DESC LIMIT %s OFFSET %s)
    """  # noqa: S608 (names from the models; values are parameters)
    weights = get_sql_weights()
    params = [backend.config, _tsquery(terms, operator), weights, weights, content_types, *scope_params]
    params += [limit, offset]
    match = Match()
    hits: list[tuple[float, int]] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for name, value, count, rank in cursor.fetchall():
            if name == "total":
                match.total = count
            elif name == "hit":
                hits.append((rank, value))
                match.content_types[value] = count
            elif value is not None:
                match.counts[name][value] += count
    match.ids = [pk for _, pk in sorted(hits, key=lambda hit: (-hit[0], -hit[1]))]
    return match


# --- Any backend: Wagtail's search API -----------------------------------------------------


def _backend_match(terms: list[str], operator: str, scope: PageQuerySet, offset: int, limit: int) -> Match:
    results = scope.search(" ".join(terms), operator=operator)
    match = Match(total=results.count())
    if not match.total:
        return match
    match.ids = [page.pk for page in results[offset : offset + limit]]
    match.counts = _facet_counts(_hit_ids(results))
    return match


def year_expressions() -> dict[type[Page], Any]:
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
    through, page_column = classification_through(model, name)
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


def _facet_counts(hit_ids: QuerySet | list[int]) -> dict[str, Counter]:
    """Counts of the matching pages by type, theme, territory, format and year (five queries)."""
    return {
        "type": _counted(
            Page.objects.filter(pk__in=hit_ids).values("content_type_id").annotate(n=Count("pk")).order_by(),
            "content_type_id",
        ),
        "theme": _union_counts(
            [_classification_rows(model, "themes", "theme_id", hit_ids) for model in CLASSIFIED], "theme_id"
        ),
        "territory": _union_counts(
            [_classification_rows(model, "territories", "territory_id", hit_ids) for model in CLASSIFIED],
            "territory_id",
        ),
        "format": _counted(
            ActionPage.objects.filter(pk__in=hit_ids).values("format_id").annotate(n=Count("pk")).order_by(),
            "format_id",
        ),
        "year": _union_counts(
            [
                model.objects.filter(pk__in=hit_ids)
                .annotate(facet_year=year)
                .values("facet_year")
                .annotate(n=Count("pk"))
                .order_by()
                for model, year in year_expressions().items()
            ],
            "facet_year",
        ),
    }
