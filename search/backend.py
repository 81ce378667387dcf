"""Wagtail's database search backend, which on PostgreSQL also writes ``search_pagedocument``.

``WAGTAILSEARCH_BACKENDS`` names this module; Wagtail looks up its ``SearchBackend``. On
PostgreSQL the index writes, after modelsearch's own entries, the narrow rows the public search
matches (search/page_documents.py), in the same index task or rebuild chunk, so they follow the
index exactly (deleted with their entries by a foreign key). Any other database gets
modelsearch's own backend unchanged.
"""

from typing import Any

from django.db import connection
from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchRebuilder,
)
from wagtail.models import Page

from search.page_documents import page_documents_norms_refresh, page_documents_refresh


class PageDocumentsIndex(PostgresIndex):
    def add_items(self, model: Any, objs: Any) -> None:
        super().add_items(model, objs)
        if issubclass(model, Page) and objs:
            page_documents_refresh(page_ids=[obj.pk for obj in objs])


class PageDocumentsRebuilder(PostgresSearchRebuilder):
    def finish(self) -> None:
        super().finish()
        # The full rebuild recomputed every entry's title norm.
        page_documents_norms_refresh()


class PageDocumentsAtomicRebuilder(PostgresSearchAtomicRebuilder):
    def finish(self) -> None:
        # The parent's finish, with the norms copied before its transaction closes.
        self.index._refresh_title_norms(full=True)
        page_documents_norms_refresh()
        self.transaction.__exit__(None, None, None)
        self.transaction_opened = False


class PageDocumentsSearchBackend(PostgresSearchBackend):
    index_class = PageDocumentsIndex
    rebuilder_class = PageDocumentsRebuilder
    atomic_rebuilder_class = PageDocumentsAtomicRebuilder


def SearchBackend(params: dict) -> Any:  # noqa: N802 (the name Wagtail looks up in the module)
    if connection.vendor == "postgresql":
        return PageDocumentsSearchBackend(params)
    return database.SearchBackend(params)
