"""PostgreSQL: ``search_pagedocument``, one narrow row per indexed page, the table searches match.

Wagtail's index table (``wagtailsearch_indexentry``) holds, per object, four vectors and two
plain texts: a match that reads it visits about one 8 KiB block per matching page, and each
facet then joins a wide page table. A row of ``search_pagedocument`` holds what a search needs
and nothing else: the page's title and body vectors copied from its index entry (the body stored
out of line, read only to rank the best candidates), the title norm, and the page's facet keys
(content type, year, action format, theme and territory ids), so the match, the count and every
facet read the same narrow rows, about forty to a block. The GIN index is on ``title || body``
(search/migrations/0002), the vector modelsearch matches: for plain ``&``/``|`` queries GIN needs
no recheck, so the body is never read to match.

The rows are written by the index itself (search/backend.py), after Wagtail's own entries, for
the pages of each indexed chunk, so they follow every edit, publication and rebuild the index
follows; a deleted page or index entry takes its row with it (foreign keys). The visibility rule
(publications/visibility.py) is applied at each query to the row's copy of the page's own
``live``, ``expire_at``, ``path`` and ``depth`` (search/models.py), and to the current hidden and
restricted branches. A publication shows the page once indexed; an unpublication and a move
must not wait for the worker, so they update the rows in their own transaction (signals
connected in search/apps.py).
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import Exists, Model, OuterRef, Q
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, ProgrammePage, PublicationPage
from search.models import PageDocument

TABLE = "search_pagedocument"
# The types that carry themes and territories (ClassifiedMixin).
CLASSIFIED = (ActionPage, PublicationPage, PodcastEpisodePage, ExperiencePage)
# The date each dated type is listed under; actions take their programme's year, programmes their own.
DATED = (
    (PublicationPage, "publication_date"),
    (PodcastEpisodePage, "release_date"),
    (NewsletterIssuePage, "issue_date"),
)


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def classification_through(model: type[Page], name: str) -> tuple[type[Model], str]:
    """The link table of a classification (``themes`` or ``territories``) and its page column."""
    relation = model._meta.get_field(name)
    return relation.remote_field.through, f"{relation.m2m_field_name()}_id"


def _ids_sql(name: str, column: str) -> str:
    """The ids a page is classified under (``themes`` or ``territories``), over every classified type."""
    parts = []
    for model in CLASSIFIED:
        through, page_column = classification_through(model, name)
        parts.append(f"SELECT {column} FROM {table(through)} WHERE {page_column} = p.id")  # noqa: S608 (names from the models)
    return f"ARRAY({' UNION '.join(parts)})"


def _year_sql() -> str:
    """A page's year: an action's is its programme's (the parent page), a programme's its own, others a date's."""
    programme = table(ProgrammePage)
    parent_year = (
        f"(SELECT pp.year FROM {table(Page)} parent JOIN {programme} pp ON pp.page_ptr_id = parent.id "  # noqa: S608 (names from the models)
        f"WHERE parent.path = substr(p.path, 1, length(p.path) - {Page.steplen}))"
    )
    dated = [
        f"(SELECT EXTRACT(YEAR FROM t.{date})::integer FROM {table(model)} t WHERE t.page_ptr_id = p.id)"  # noqa: S608 (names from the models)
        for model, date in DATED
    ]
    own_year = f"(SELECT year FROM {programme} WHERE page_ptr_id = p.id)"  # noqa: S608 (names from the models)
    action = f"EXISTS (SELECT 1 FROM {table(ActionPage)} WHERE page_ptr_id = p.id)"  # noqa: S608 (names from the models)
    return f"CASE WHEN {action} THEN {parent_year} ELSE COALESCE({own_year}, {', '.join(dated)}) END"


def _upsert_sql(where: str) -> str:
    """Write the rows of the pages ``where`` selects (over ``p``, the page) from their index entries."""
    return f"""
        INSERT INTO {TABLE} (
            page_id, entry_id, content_type_id, live, expire_at, path, depth,
            title, title_norm, body, year, format_id, themes, territories
        )
        SELECT p.id, e.id, p.content_type_id, p.live, p.expire_at, p.path, p.depth,
               e.title, e.title_norm, e.body, {_year_sql()},
               (SELECT format_id FROM {table(ActionPage)} WHERE page_ptr_id = p.id),
               {_ids_sql("themes", "theme_id")}, {_ids_sql("territories", "territory_id")}
        FROM {table(Page)} p
        JOIN {table(IndexEntry)} e ON e.content_type_id = p.content_type_id AND e.object_id = p.id::text
        WHERE {where}
        ON CONFLICT (page_id) DO UPDATE SET
            entry_id = EXCLUDED.entry_id, content_type_id = EXCLUDED.content_type_id,
            live = EXCLUDED.live, expire_at = EXCLUDED.expire_at,
            path = EXCLUDED.path, depth = EXCLUDED.depth, title = EXCLUDED.title, title_norm = EXCLUDED.title_norm,
            body = EXCLUDED.body, year = EXCLUDED.year, format_id = EXCLUDED.format_id,
            themes = EXCLUDED.themes, territories = EXCLUDED.territories
    """  # noqa: S608 (names from the models; values are parameters)


def page_documents_refresh(*, page_ids: Iterable[int] | None = None) -> None:
    """Write the rows of these pages (every indexed page when ``None``) from their index entries.

    Some pages' rows hold what another page decides: an action is listed under its programme's
    year, and a page's tree path changes with its ancestors' moves (Wagtail reindexes the moved
    page, not its descendants). So the rows beneath a programme, or beneath a page whose path
    changed, are written again too.
    """
    if page_ids is None:
        where, params = "TRUE", []
    else:
        ids = list(page_ids)
        where, params = "p.id = ANY(%s)", [ids + _descendants_to_refresh(ids)]
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(where), params)


def _descendants_to_refresh(ids: list[int]) -> list[int]:
    moved = Exists(PageDocument.objects.filter(pk=OuterRef("pk")).exclude(path=OuterRef("path")))
    programme = Q(pk__in=ProgrammePage.objects.filter(pk__in=ids).values("pk"))
    parents = Page.objects.filter(Q(pk__in=ids) & (moved | programme))
    beneath = Q()
    for path, depth in parents.values_list("path", "depth"):
        beneath |= Q(path__startswith=path, depth__gt=depth)
    return list(Page.objects.filter(beneath).values_list("pk", flat=True)) if beneath else []


def page_document_unpublished(*, page: Page) -> None:
    """Hide an unpublished page at once, in the unpublishing transaction, not when the worker reindexes it."""
    PageDocument.objects.filter(pk=page.pk).update(live=False)


def page_documents_moved(*, page: Page) -> None:
    """Give a moved page's rows and its descendants' their new tree positions at once.

    Which branches are hidden or restricted is decided on the paths, at each query.
    """
    path = Page.objects.filter(pk=page.pk).values_list("path", flat=True).first()
    if path is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} d SET path = p.path, depth = p.depth FROM {table(Page)} p "  # noqa: S608 (names from the models; values are parameters)
            "WHERE p.id = d.page_id AND p.path LIKE %s AND (d.path <> p.path OR d.depth <> p.depth)",
            [f"{path}%"],
        )


def page_documents_norms_refresh() -> None:
    """Copy the title norms a full index rebuild recomputed for every entry."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} d SET title_norm = e.title_norm FROM {table(IndexEntry)} e "  # noqa: S608 (names from the models)
            "WHERE e.content_type_id = d.content_type_id AND e.object_id = d.page_id::text "
            "AND e.title_norm IS DISTINCT FROM d.title_norm"
        )
