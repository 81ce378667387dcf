"""What makes cached API responses stale: page publication changes, and edits of what pages show.

The models whose edits count are derived, not listed by hand, so that a new snippet or a new kind
of restriction cannot be forgotten: every registered snippet (themes, territories, people…), the
image, document and media models, and every view restriction (a page's, and a collection's, which
hides the documents of that collection from the API).
"""

from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models
from wagtailmedia.models import get_media_model

from config.content_generation import content_changed
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
            # Whether an action takes its registrations here hides its sessions' connection links.
            RegistrationSettings,
            SessionCapacity,
            # Seats left and registration states (agenda, action page, APIs), and the participant counts.
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


def _row_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if sender in invalidating_models() or (kwargs.get("signal") is post_delete and isinstance(instance, Page)):
        _bump()


def connect_signals() -> None:
    page_published.connect(_page_changed, dispatch_uid="api_cache_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="api_cache_page_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="api_cache_page_moved")
    post_save.connect(_row_changed, dispatch_uid="api_cache_row_saved")
    post_delete.connect(_row_changed, dispatch_uid="api_cache_row_deleted")
