"""``search_pagedocument`` exists on PostgreSQL only (search/migrations/0002): elsewhere Django must not read it.

The model is managed so that flushing a PostgreSQL test database truncates the table with the pages it
references; on SQLite, saying it is not there keeps the test database's serialisation from selecting it.
"""

from typing import Any

from django.db import connections


class PageDocumentRouter:
    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        if app_label == "search" and model_name == "pagedocument":
            return connections[db].vendor == "postgresql"
        return None
