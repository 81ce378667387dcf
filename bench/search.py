"""Search latency on PostgreSQL, as a ratio to fetching the same pages by primary key.

Run from the repository root: `.venv/bin/python bench/search.py [--quick] [--sizes 20000,100000]`.
It creates a throw-away database `bench_search_<pid>` on the PostgreSQL server that
--server-url names (tables made from the models, as Django's test runner does without
migrations, plus the French text search configuration), generates pages of French text
recombined from the demo data, indexes them with `search.indexing`, then at each size (20,000 then
100,000 pages by default, the library growing between the two; 1,000 with --quick) times 50
mixed queries through `search.selectors.search_pages` (count, ranking, facets and excerpts: what
/recherche/ does) against a bare `SELECT` of the same pages by primary key, in the same run.
The searches run with the answer cache off (every one a real match); one more round with it on
says what a popular query costs. It drops the database at the end.
The final line is the ratio of the 95th percentiles, search to primary-key fetch, at the largest size.
"""

from _support import DEFAULT_SERVER, ROOT, database_create  # first: bench/http.py shadows http

# isort: split
import argparse
import os
import random
import re
import statistics
import tempfile
import time

CHUNK = 1000


def _corpus() -> tuple[list[str], list[str]]:
    """Titles and sentences of the demo data: real French of the field, to recombine."""
    import yaml

    titles, sentences = [], []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "title" and isinstance(value, str):
                    titles.append(value)
                elif isinstance(value, str) and len(value) > 60:
                    sentences.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(value.split())) if s)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, str) and len(item) > 60:
                    sentences.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(item.split())) if s)
                walk(item)

    for path in sorted((ROOT / "demo" / "data").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return titles, sentences


def _generate(start_at: int, count: int) -> None:
    """Pages ``start_at`` to ``count`` (actions and publications, under a few programmes), in bulk.

    The site, the taxonomy and the programmes are made with the first pages.
    """
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import Collection, Locale, Page

    from demo.builders.site import site_load
    from demo.builders.taxonomy import people_load, taxonomy_load
    from demo.loader import demo_data_read
    from publications.models import (
        ActionFormat,
        ActionPage,
        ProgrammeIndexPage,
        ProgrammePage,
        PublicationCollection,
        PublicationIndexPage,
        PublicationPage,
        Territory,
        Theme,
    )

    rng = random.Random(count)  # noqa: S311 (reproducible text, not secrets)
    if not start_at:
        # What Wagtail's data migrations would have created.
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
        Collection.add_root(name="Root")
        taxonomy_load(demo_data_read("taxonomy"))
        people_load(demo_data_read("people"))
        site_load()
        home = Page.objects.get(depth=2)
        for year in range(2010, 2026):
            programme = ProgrammePage(title=f"Programme d'actions {year}", slug=f"programme-{year}", year=year)
            Page.objects.get(pk=_section(home, ProgrammeIndexPage).pk).add_child(instance=programme)
    home = Page.objects.get(depth=2)
    titles, sentences = _corpus()
    words = [w for title in titles for w in title.split() if len(w) > 3]
    formats, themes = list(ActionFormat.objects.all()), list(Theme.objects.all())
    territories, collections = list(Territory.objects.all()), list(PublicationCollection.objects.all())
    programmes = list(ProgrammePage.objects.order_by("year"))

    def text(n: int) -> str:
        return " ".join(rng.choice(sentences) for _ in range(n))

    def title() -> str:
        base = rng.choice(titles).split(" : ")[0]
        return f"{base} : {' '.join(rng.sample(words, 3))}"

    parents = [(programme, ActionPage) for programme in programmes]
    parents.append((_section(home, PublicationIndexPage), PublicationPage))
    now = timezone.now()
    for start in range(start_at, count, CHUNK):
        # Each chunk goes under one parent; about four in five pages are actions.
        parent, model = parents[(start // CHUNK) % len(parents)] if (start // CHUNK) % 5 else parents[-1]
        parent = Page.objects.get(pk=parent.pk)
        content_type = ContentType.objects.get_for_model(model)
        size = min(CHUNK, count - start)
        pages = []
        for offset in range(size):
            step = parent.numchild + offset + 1
            page_title = title()
            slug = f"{slugify(page_title)[:60]}-{start + offset}"
            fields = {
                "title": page_title,
                "slug": slug,
                "path": Page._get_path(parent.path, parent.depth + 1, step),
                "depth": parent.depth + 1,
                "numchild": 0,
                "url_path": f"{parent.url_path}{slug}/",
                "content_type": content_type,
                "live": True,
                "first_published_at": now,
                "last_published_at": now,
                "locale_id": parent.locale_id,
                "summary": text(2)[:600],
            }
            if model is ActionPage:
                fields |= {"format": rng.choice(formats), "body": [("paragraph", f"<p>{text(6)}</p>")]}
            else:
                fields |= {
                    "collection": rng.choice(collections),
                    "number": f"{start + offset}",
                    "publication_date": now.date().replace(year=rng.randint(2010, 2025)),
                    "abstract": f"<p>{text(6)}</p>",
                }
            pages.append(model(**fields))
        # Multi-table inheritance: the page rows first, then the typed rows that point to them.
        page_fields = [f for f in Page._meta.local_concrete_fields if f.name != "id"]
        rows = Page.objects.bulk_create(
            [Page(**{field.attname: getattr(page, field.attname) for field in page_fields}) for page in pages]
        )
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.page_ptr_id = row.pk
        model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, using=connection.alias)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + size)
        links = model.themes.through
        links.objects.bulk_create(
            links(**{f"{model._meta.model_name}_id": page.pk, "theme_id": theme.pk})
            for page in pages
            for theme in rng.sample(themes, 2)
        )
        links = model.territories.through
        links.objects.bulk_create(
            links(**{f"{model._meta.model_name}_id": page.pk, "territory_id": rng.choice(territories).pk})
            for page in pages
        )


def _section(home, model):
    """The site's index page of a type (the programmes', the publications')."""
    return model.objects.child_of(home).get()


def _index(models: tuple, after: int) -> int:
    """Index the pages of ``models`` with an id above ``after``, chunk by chunk, as search.indexing does."""
    from modelsearch.backends import get_search_backend

    from search.indexing import CHUNK_SIZE
    from search_text.documents import indexing_queryset

    backend, done = get_search_backend("default"), 0
    for model in models:
        last = after
        while chunk := list(indexing_queryset(model).filter(pk__gt=last).order_by("pk")[:CHUNK_SIZE]):
            backend.add_bulk(model, chunk)
            done, last = done + len(chunk), chunk[-1].pk
    return done


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 pages and one round, under two minutes")
    parser.add_argument("--sizes", help="library sizes, growing, comma-separated (default 20000,100000)")
    parser.add_argument("--rounds", type=int, help="rounds of the 50 queries at each size (default 3, --quick 1)")
    parser.add_argument("--server-url", default=DEFAULT_SERVER, help="a PostgreSQL server the bench may create on")
    args = parser.parse_args()
    sizes = [int(size) for size in (args.sizes or ("1000" if args.quick else "20000,100000")).split(",")]
    rounds = args.rounds or (1 if args.quick else 3)

    with tempfile.TemporaryDirectory() as workdir:
        original_name = database_create(args.server_url, workdir, name=f"bench_search_{os.getpid()}")
        from django.conf import settings
        from django.db import connection

        settings.DEBUG = False
        try:
            ratio, previous = 0.0, 0
            for count in sorted(sizes):
                from wagtail.models import Page

                from publications.models import ActionPage, PublicationPage

                started = time.perf_counter()
                last_pk = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
                _generate(previous, count)
                generated = time.perf_counter() - started
                started = time.perf_counter()
                if previous:
                    indexed = _index((ActionPage, PublicationPage), last_pk)
                else:
                    from search.indexing import search_index_rebuild

                    indexed = search_index_rebuild(backend_name="default")
                indexing = time.perf_counter() - started
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
                ratio = _measure(count, rounds, generated, indexed, indexing)
                previous = count
            print(f"ratio: {ratio:.1f}")
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)


def _measure(count: int, rounds: int, generated: float, indexed: int, indexing: float) -> float:
    """Time the queries at this size; print the figures; return the p95 ratio."""
    from django.db import connection
    from django.test import override_settings

    from search.selectors import search_pages
    from tests.search.relevance import RELEVANCE_SET

    queries = [query for query, _ in RELEVANCE_SET][:50]
    searched, selected, cached, totals = [], [], [], []
    with override_settings(SEARCH_CACHE_TIMEOUT=0):
        for query in queries[:10]:  # warm-up: the connection, the stemmer's memo
            search_pages(query=query)
        for _ in range(rounds):
            for query in queries:
                box: dict = {}

                def search(query: str = query, box: dict = box) -> None:
                    box["response"] = search_pages(query=query)

                searched.append(_timed(search))
                response = box["response"]
                totals.append(response.total)
                pks = [hit.page.pk for hit in response.hits] or [0]

                def select(pks: list[int] = pks) -> None:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT * FROM wagtailcore_page WHERE id = ANY(%s)", [pks])
                        cursor.fetchall()

                selected.append(_timed(select))
    with override_settings(SEARCH_CACHE_TIMEOUT=300):
        for query in queries:  # each answer cached once, then served
            search_pages(query=query)
        cached = [_timed(lambda query=query: search_pages(query=query)) for query in queries]

    p50, p95 = statistics.median(searched), _percentile(searched, 0.95)
    b50, b95 = statistics.median(selected), _percentile(selected, 0.95)
    c50, c95 = statistics.median(cached), _percentile(cached, 0.95)
    print(f"pages: {count}, generated in {generated:.1f} s, {indexed} objects indexed in {indexing:.1f} s")
    print(f"queries: {len(queries)} × {rounds} rounds, median hits per query {statistics.median(totals):.0f}")
    print(f"{'':<30} {'p50':>10} {'p95':>10}")
    print(f"{'search (page of results)':<30} {p50 * 1000:>8.1f}ms {p95 * 1000:>8.1f}ms")
    print(f"{'search, answer cached':<30} {c50 * 1000:>8.2f}ms {c95 * 1000:>8.2f}ms")
    print(f"{'SELECT by primary key':<30} {b50 * 1000:>8.2f}ms {b95 * 1000:>8.2f}ms")
    print(f"{'ratio search / SELECT':<30} {p50 / b50:>10.1f} {p95 / b95:>10.1f}")
    print(f"{'ratio cached / SELECT':<30} {c50 / b50:>10.1f} {c95 / b95:>10.1f}", flush=True)
    return p95 / b95


if __name__ == "__main__":
    main()
