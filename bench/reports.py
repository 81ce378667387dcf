"""Time and peak memory to produce each document for a programme of 1,000 actions, next to the
programme's public page rendered in the same run.

Run from the repository root: `.venv/bin/python bench/reports.py [--quick]` (--quick: 100 actions).
It migrates a throw-away SQLite database (or the EMPTY one --database-url names), builds one
programme whose actions each have a session, a funding, an indicator and a progress note, then
times the programme's public page and each document in each format (selectors, layout and
renderer, as the Celery task runs them). Every figure is a ratio to the public page; the final
line is the slowest document's ratio.
"""

from _support import django_migrate  # first: bench/http.py shadows http

# isort: split
import argparse
import datetime
import statistics
import tempfile
import time
import tracemalloc


def _build(count: int):
    from django.utils import timezone
    from wagtail.models import Page, Site

    from tests.factories import (
        ActionFormatFactory,
        ActionFundingFactory,
        ActionIndicatorFactory,
        ActionPageFactory,
        ActionProgressNoteFactory,
        ActionSessionFactory,
        HomePageFactory,
        OrganisationFactory,
        ProgrammeAxisFactory,
        ProgrammeIndexPageFactory,
        ProgrammePageFactory,
    )

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    programme = ProgrammePageFactory(parent=ProgrammeIndexPageFactory(parent=home), year=2017, slug="bench-2017")
    axes = [ProgrammeAxisFactory(page=programme, title=f"Axe {n}", sort_order=n) for n in range(6)]
    formats = [ActionFormatFactory(name=f"Format {n}") for n in range(5)]
    funder = OrganisationFactory(name="Caisse des Dépôts")
    start = timezone.make_aware(datetime.datetime(2017, 1, 9, 9))
    for number in range(count):
        action = ActionPageFactory(
            parent=programme,
            title=f"Action n° {number} des conseiller·e·s citoyen·ne·s",
            axis=axes[number % len(axes)],
            format=formats[number % len(formats)],
            findings="Des constats.",
            objectives="Des objectifs.",
            planned_work="Des actions.",
            participants_count=20,
        )
        ActionSessionFactory(page=action, starts_at=start + datetime.timedelta(hours=number * 7))
        ActionFundingFactory(page=action, funder=funder)
        ActionIndicatorFactory(page=action)
        ActionProgressNoteFactory(page=action)
    return programme


def _measure(func, repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs, and the peak memory (MiB) of one run."""
    samples = []
    for _ in range(repeat):
        begin = time.perf_counter()
        func()
        samples.append(time.perf_counter() - begin)
    tracemalloc.start()
    func()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(samples), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100 actions, one run each")
    parser.add_argument("--database-url", help="an EMPTY database to build in (default: temporary SQLite)")
    args = parser.parse_args()
    count, repeat = (100, 1) if args.quick else (1000, 3)
    with tempfile.TemporaryDirectory() as workdir:
        django_migrate(args.database_url, workdir)
        from django.test import Client

        from reports.services import ReportSpec, report_bytes

        began = time.perf_counter()
        programme = _build(count)
        print(f"{count} actions built in {time.perf_counter() - began:.0f} s")
        client = Client()

        def page() -> None:
            assert client.get(programme.url, HTTP_HOST="localhost").status_code == 200

        page()
        baseline, baseline_memory = _measure(page, repeat * 3)
        print(f"{'document':<26} {'time':>9} {'peak MiB':>9} {'× page':>7}")
        print(f"{'programme public page':<26} {baseline * 1000:>7.0f}ms {baseline_memory:>9.1f} {1.0:>7.1f}")
        specs = {
            "programme": ReportSpec(kind="programme", programme=programme, at=datetime.date(2017, 12, 31)),
            "progress": ReportSpec(kind="progress", programme=programme, at=datetime.date(2017, 3, 24)),
            "activity": ReportSpec(kind="activity", start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31)),
        }
        ratios = []
        for name, spec in specs.items():
            for file_format in ("pdf", "docx", "xlsx"):
                sizes: list[int] = []

                def produce(spec: ReportSpec = spec, file_format: str = file_format, sizes: list[int] = sizes) -> None:
                    sizes.append(len(report_bytes(spec=spec, file_format=file_format)))

                seconds, memory = _measure(produce, repeat)
                ratios.append(seconds / baseline)
                label = f"{name} {file_format} ({sizes[-1] // 1024} KiB)"
                print(f"{label:<26} {seconds * 1000:>7.0f}ms {memory:>9.1f} {seconds / baseline:>7.1f}")
        print(f"ratio: {max(ratios):.1f}")


if __name__ == "__main__":
    main()
