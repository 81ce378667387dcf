"""Time to serve each public page type of the demo, as a ratio to fetching the same page row.

Run from the repository root: `.venv/bin/python bench/page_render.py [--quick]`.
It builds the demo in a throw-away SQLite database (or the one --database-url names),
then, for each page type, times a full request through Django and Wagtail against a bare
`SELECT` of the same page by primary key, in the same run. The figure that matters is
the ratio; the final line is the median ratio over page types.
"""

from _support import django_migrate  # first: bench/http.py shadows http

# isort: split
import argparse
import statistics
import tempfile
import time
from urllib.parse import urlsplit


def _setup(database_url: str | None, workdir: str) -> None:
    django_migrate(database_url, workdir)
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)


def _timed(func, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, under a minute")
    parser.add_argument("--database-url", help="an EMPTY database to build the demo in (default: temporary SQLite)")
    args = parser.parse_args()
    repeat = 20 if args.quick else 200
    with tempfile.TemporaryDirectory() as workdir:
        _setup(args.database_url, workdir)
        from django.db import connection
        from django.test import Client

        from newsletters.models import NewsletterIndexPage, NewsletterIssuePage
        from publications.models import (
            ActionPage,
            AgendaPage,
            ExperienceIndexPage,
            ExperiencePage,
            HomePage,
            PeopleIndexPage,
            PodcastEpisodePage,
            PodcastSeriesPage,
            ProgrammePage,
            PublicationIndexPage,
            PublicationPage,
        )

        client = Client()
        ratios = []
        print(f"{'page type':<22} {'request p50':>12} {'SELECT p50':>11} {'ratio':>7}")
        page_types = (
            HomePage,
            AgendaPage,
            ProgrammePage,
            ActionPage,
            PublicationIndexPage,
            PublicationPage,
            PodcastSeriesPage,
            PodcastEpisodePage,
            ExperienceIndexPage,
            ExperiencePage,
            NewsletterIndexPage,
            NewsletterIssuePage,
            PeopleIndexPage,
        )
        for model in page_types:
            page = model.objects.live().first()
            # On the page's own site: each demo centre answers its own host name.
            _, root_url, path = page.get_url_parts()
            host = urlsplit(root_url).hostname

            def request(path: str = path, host: str = host) -> None:
                assert client.get(path, HTTP_HOST=host).status_code == 200

            def select(pk: int = page.pk) -> None:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT * FROM wagtailcore_page WHERE id = %s", [pk])
                    cursor.fetchall()

            request()
            served = statistics.median(_timed(request, repeat))
            baseline = statistics.median(_timed(select, repeat * 5))
            ratios.append(served / baseline)
            print(f"{model.__name__:<22} {served * 1000:>10.2f}ms {baseline * 1e6:>9.1f}µs {served / baseline:>7.0f}")
        print(f"ratio: {statistics.median(ratios):.1f}")


if __name__ == "__main__":
    main()
