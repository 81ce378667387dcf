"""Match once: the pages a query matches, their number, a window of them by rank, and the facet counts.

On PostgreSQL with this project's database backend (search/backend.py), one statement does it
all over ``search_pagedocument`` (search/page_documents.py), one narrow row per page with its
facet keys: a CTE matches the rows (GIN index on their ``title || body``) within the visible pages;
the total and the facets are GROUP BYs over that CTE; the window of best ids comes from the
candidates with the best title rank, ranked exactly as modelsearch ranks. The cost is one match
over narrow rows whatever the number of facets, and a bounded number of exact ranks.

Any other backend (SQLite FTS5 in the tests, Elasticsearch in production at scale) goes through
Wagtail's search API: one count, one window, and the facets as grouped queries over the matching
ids, a fixed number of queries whatever the data size.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, Count, F, FloatField, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear, Length, Substr
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page, PageQuerySet

from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, PodcastEpisodePage, ProgrammePage, PublicationPage
from search.backend import PageDocumentsSearchBackend
from search.models import PageDocument
from search.page_documents import CLASSIFIED, TABLE, classification_through

# The fewest matches ranked exactly (see _postgres_match): more than any demo query matches, so
# the relevance tests see the exact order.
RANK_CANDIDATES = 200

# Narrows rows that have a page's fields (pages, or their search rows) to those searched: the
# visibility rule and the visitor's filters, applied by the caller (search/selectors.py).
Scope = Callable[[QuerySet], QuerySet]
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


def pages_match(*, terms: list[str], operator: str, scope: Scope, offset: int, limit: int) -> Match:
    """The pages ``scope`` keeps whose text holds all (``and``) or any (``or``) ``terms``.

    ``terms`` are normalised (search_text.french.query_terms); ``ids`` holds up to ``limit``
    of the matches from the ``offset``-th, best first.
    """
    backend = get_search_backend()
    if isinstance(backend, PageDocumentsSearchBackend):
        return _postgres_match(backend, terms, operator, scope(PageDocument.objects.all()), offset, limit)
    return _backend_match(terms, operator, scope(Page.objects.all()), offset, limit)


# --- PostgreSQL: one statement -------------------------------------------------------------


def _tsquery(terms: list[str], operator: str) -> str:
    """The raw tsquery modelsearch builds for these terms (each quoted, so no operator gets through)."""
    quoted = ["'{}'".format(term.replace("'", "''").replace("\\", "\\\\")) for term in terms]
    return f" {'&' if operator == 'and' else '|'} ".join(quoted)


def _matched_sql(documents: QuerySet, config: str, tsquery: str) -> tuple[str, tuple]:
    """The rows of ``documents`` that match, with their facet keys and title rank, as SQL.

    The match and the rank are conditions and columns of the scope's own query, so that the
    visibility rule and the filters are tests on the matched rows, not a join with another scan.
    """
    row = connection.ops.quote_name(TABLE)
    query = "to_tsquery(%s::regconfig, %s)"

    def column(name: str) -> RawSQL:
        return RawSQL(f"{row}.{name}", ())  # noqa: S611 (names of the table's columns)

    matching = RawSQL(  # noqa: S611 (the table's columns; values are parameters)
        f"search_pagedocument_vector({row}.title, {row}.body) @@ {query}",
        (config, tsquery),
        output_field=BooleanField(),
    )
    title_rank = RawSQL(  # noqa: S611 (the table's columns; values are parameters)
        f"ts_rank(%s::real[], {row}.title, {query}) * {row}.title_norm",
        (get_sql_weights(), config, tsquery),
        output_field=FloatField(),
    )
    rows = documents.filter(matching).annotate(
        title_rank=title_rank,
        year=column("year"),
        format_id=column("format_id"),
        themes=column("themes"),
        territories=column("territories"),
    )
    columns = ("page_id", "content_type_id", "title_rank", "year", "format_id", "themes", "territories")
    return rows.order_by().values(*columns).query.sql_with_params()


def _postgres_match(
    backend: PageDocumentsSearchBackend,
    terms: list[str],
    operator: str,
    documents: QuerySet,
    offset: int,
    limit: int,
) -> Match:
    tsquery = _tsquery(terms, operator)
    try:
        matched_sql, matched_params = _matched_sql(documents, backend.config, tsquery)
    except EmptyResultSet:  # a scope Django knows to be empty (``.none()``) has no SQL
        return Match()
    # The rank modelsearch orders by, title (times its norm) plus body with the boosts' weights, is
    # computed exactly for the candidates only: the matches with the best title rank (the title is
    # a small vector kept in the row), as many as the deepest page shown needs and at least
    # RANK_CANDIDATES. The body, stored out of the row, is read for those alone.
    sql = f"""
        WITH matched AS MATERIALIZED ({matched_sql}),
        candidates AS (
            SELECT page_id, content_type_id, title_rank FROM matched
            ORDER BY title_rank DESC, page_id DESC LIMIT %s
        )
        SELECT 'total', NULL::integer, COUNT(*), NULL::real FROM matched
        UNION ALL SELECT 'type', content_type_id, COUNT(*), NULL FROM matched GROUP BY content_type_id
        UNION ALL SELECT 'theme', value, COUNT(*), NULL FROM matched, unnest(themes) value GROUP BY value
        UNION ALL SELECT 'territory', value, COUNT(*), NULL FROM matched, unnest(territories) value GROUP BY value
        UNION ALL SELECT 'format', format_id, COUNT(*), NULL FROM matched WHERE format_id IS NOT NULL GROUP BY format_id
        UNION ALL SELECT 'year', year, COUNT(*), NULL FROM matched WHERE year IS NOT NULL GROUP BY year
        UNION ALL (
            -- A subquery per candidate: its body read by primary key, not the whole table hashed.
            SELECT 'hit', c.page_id, c.content_type_id, c.title_rank + (
                SELECT ts_rank(%s::real[], d.body, to_tsquery(%s::regconfig, %s)) FROM {TABLE} d
                WHERE d.page_id = c.page_id
            )
            FROM candidates c ORDER BY 4 DESC, 2 DESC LIMIT %s OFFSET %s
        )
    """  # noqa: S608 (names from the models; values are parameters)
    params = [*matched_params, max(RANK_CANDIDATES, offset + limit)]
    params += [get_sql_weights(), backend.config, tsquery, limit, offset]
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
            else:
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
