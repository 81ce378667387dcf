"""Rebuilding the search index in bulk: every backend, every indexed model, chunk by chunk."""

from collections.abc import Callable, Iterator

from django.db import models, transaction
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.search.apps import WagtailSearchAppConfig

from config.content_generation import content_changed
from search_text.documents import indexing_queryset

CHUNK_SIZE = 500

# Called after each chunk with (backend name, objects indexed so far, objects to index).
Progress = Callable[[str, int, int], None]


def _chunks(queryset: models.QuerySet, size: int) -> Iterator[list[models.Model]]:
    last_pk = None
    while True:
        page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
        chunk = list(page.order_by("pk")[:size])
        if not chunk:
            return
        yield chunk
        last_pk = chunk[-1].pk


def search_backend_names() -> list[str]:
    from django.apps import apps

    config = next(c for c in apps.get_app_configs() if isinstance(c, WagtailSearchAppConfig))
    return list(config.get_search_backend_config())


def search_index_rebuild(*, backend_name: str, chunk_size: int = CHUNK_SIZE, progress: Progress | None = None) -> int:
    """Rebuild one backend's indexes from scratch; returns the number of objects indexed.

    Each page type is read with the relations its search text needs (search_text.documents),
    so a page costs a few queries per chunk rather than a dozen per page.
    """
    backend = get_search_backend(backend_name)
    if not backend.rebuilder_class:
        return 0
    grouped = group_models_by_index(backend, get_indexed_models())
    total = sum(model.get_indexed_objects().count() for models_ in grouped.values() for model in models_)
    done = 0
    if progress:
        progress(backend_name, done, total)
    for index, index_models in grouped.items():
        rebuilder = backend.rebuilder_class(index)
        index = rebuilder.start()
        for model in index_models:
            index.add_model(model)
        # One transaction per index, so that counts and chunks stay consistent.
        with transaction.atomic():
            for model in index_models:
                for chunk in _chunks(indexing_queryset(model), chunk_size):
                    index.add_items(model, chunk)
                    done += len(chunk)
                    if progress:
                        progress(backend_name, done, total)
        rebuilder.finish()
    # Search answers are cached under the public content generation: a new index answers anew.
    content_changed()
    return done
