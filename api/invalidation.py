"""What makes the cached public answers stale (pages, feeds, both APIs: config/response_cache.py):
page publication changes, and edits of what pages show.

The models whose edits count are derived, not listed by hand, so that a new snippet or a new kind
of restriction cannot be forgotten: every registered snippet (themes, territories, people…), the
image, document and media models, every view restriction (a page's, and a collection's, which
hides the documents of that collection from the API), and every site setting. Beside them, what pages show of other
rows: the sessions of actions (their dates, the agenda), the registrations (the seats left), and a
live page saved outside publishing (code that corrects a page in place).

A newsletter issue enters the archive when it is published (a send never changes what the site
shows of it): the page signals cover it.
"""

from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models
from wagtailmedia.models import get_media_model

from config.content_generation import content_changed
from config.tasks import django_task_done
from publications.models import ActionSession
from registrations.models import Attendance, Registration, RegistrationSettings, SessionCapacity


def invalidating_models() -> frozenset[type[models.Model]]:
    """The models whose saves and deletions make every cached answer stale.

    Read at each save rather than once: data migrations save rows before the snippets are registered.
    """
    restrictions = [model for model in BaseViewRestriction.__subclasses__() if not model._meta.abstract]
    return frozenset(
        [
            *get_snippet_models(),
            get_image_model(),
            get_document_model(),
            get_media_model(),
            *restrictions,
            # Site settings (identity, legal information, registrations' privacy) are in every
            # footer and on the legal pages; a site's name and address in every page.
            *settings_registry,
            Site,
            # Whether an action takes its registrations here hides its sessions' connection links.
            RegistrationSettings,
            SessionCapacity,
            # An action's and the agenda's dates; seats left and registration states (agenda, action
            # page, APIs); the participant counts.
            ActionSession,
            Registration,
            Attendance,
        ]
    )


def _bump() -> None:
    # Bump now, and again after the commit, so that no reader caches the old
    # content between the two.
    content_changed()
    transaction.on_commit(content_changed)


def _page_changed(**kwargs: Any) -> None:
    _bump()


# Wagtail indexes a saved page in a worker, after the commit that published it: a search answered
# in between was cached without the page, so the purge comes again once the index holds it.
SEARCH_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def _task_done(func_path: str, **kwargs: Any) -> None:
    if func_path == SEARCH_INDEX_TASK:
        content_changed()


# What Wagtail writes on a page when a draft is saved, a page locked or a workflow moves: nothing
# the public sees (publishing sends its own signal).
_DRAFT_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _live_page_edited(instance: Any, kwargs: dict[str, Any]) -> bool:
    if not (isinstance(instance, Page) and instance.live) or kwargs.get("signal") is not post_save:
        return False
    update_fields = kwargs.get("update_fields")
    return update_fields is None or not frozenset(update_fields) <= _DRAFT_FIELDS


def _row_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if (
        sender in invalidating_models()
        or (kwargs.get("signal") is post_delete and isinstance(instance, Page))
        or _live_page_edited(instance, kwargs)
    ):
        _bump()


def connect_signals() -> None:
    page_published.connect(_page_changed, dispatch_uid="api_cache_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="api_cache_page_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="api_cache_page_moved")
    post_save.connect(_row_changed, dispatch_uid="api_cache_row_saved")
    post_delete.connect(_row_changed, dispatch_uid="api_cache_row_deleted")
    django_task_done.connect(_task_done, dispatch_uid="api_cache_index_updated")
