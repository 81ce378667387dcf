"""What an unpublication and a move change in ``search_pagedocument`` at once (search/page_documents.py).

Only on PostgreSQL with this project's backend, the one that writes the table.
"""

from typing import Any

from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_unpublished, post_page_move

from search.backend import PageDocumentsSearchBackend
from search.page_documents import page_document_unpublished, page_documents_moved


def _documents_kept() -> bool:

    return connection.vendor == "postgresql" and isinstance(get_search_backend(), PageDocumentsSearchBackend)


def _unpublished(sender: type, instance: Page, **kwargs: Any) -> None:
    if _documents_kept():
        page_document_unpublished(page=instance)


def _moved(sender: type, instance: Page, **kwargs: Any) -> None:
    if _documents_kept():
        page_documents_moved(page=instance)


def connect_signals() -> None:
    page_unpublished.connect(_unpublished, dispatch_uid="search_document_unpublished")
    post_page_move.connect(_moved, dispatch_uid="search_documents_moved")
