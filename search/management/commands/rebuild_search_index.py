"""``manage.py rebuild_search_index``: rebuild the search index of every backend, with a progress bar."""

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from search.indexing import CHUNK_SIZE, search_backend_names, search_index_rebuild

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche de chaque moteur configuré, avec une barre de progression."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--backend", help="Seulement ce moteur (nom dans WAGTAILSEARCH_BACKENDS).")
        parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE, help="Objets indexés par lot.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        self.interactive_bar = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()
        self.last_decile = -1
        names = [options["backend"]] if options["backend"] else search_backend_names()
        for name in names:
            started = time.monotonic()
            self.last_decile = -1
            count = search_index_rebuild(backend_name=name, chunk_size=options["chunk_size"], progress=self.progress)
            if self.verbosity:
                self.stdout.write(f"{name} : {count} objets indexés en {time.monotonic() - started:.1f} s")

    def progress(self, backend_name: str, done: int, total: int) -> None:
        if not self.verbosity:
            return
        share = done / total if total else 1.0
        filled = round(BAR_WIDTH * share)
        line = f"{backend_name} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%} {done}/{total}"
        if self.interactive_bar:
            # Redraw the same line; the final newline comes with the summary.
            self.stdout.write(f"\r{line}", ending="\n" if done >= total else "")
            self.stdout.flush()
        elif (decile := int(share * 10)) > self.last_decile:
            # Logs and pipes get one line per tenth, not a line per chunk.
            self.last_decile = decile
            self.stdout.write(line)
