"""What makes cached API responses stale: page publication changes and snippet edits."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from api.cache import api_cache_bump

# Models whose rows the API shows inside or beside pages.
SNIPPET_MODELS = (
    "publications.Theme",
    "publications.Audience",
    "publications.PublicationCollection",
    "publications.ActionFormat",
    "publications.Territory",
    "publications.Person",
    "publications.Organisation",
    "newsletters.NewsletterList",
    "assets.CustomImage",
    "assets.CustomDocument",
    "assets.CustomMedia",
    "wagtailcore.PageViewRestriction",
    # Whether an action takes its registrations here hides its sessions' connection links.
    "registrations.RegistrationSettings",
    "registrations.SessionCapacity",
)


def _bump(**kwargs: Any) -> None:
    # Bump now, and again after the commit, so that no reader caches the old
    # content between the two.
    api_cache_bump()
    transaction.on_commit(api_cache_bump)


def _page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        _bump()


def connect_signals() -> None:
    from django.apps import apps

    page_published.connect(_bump, dispatch_uid="api_cache_page_published")
    page_unpublished.connect(_bump, dispatch_uid="api_cache_page_unpublished")
    post_page_move.connect(_bump, dispatch_uid="api_cache_page_moved")
    post_delete.connect(_page_deleted, dispatch_uid="api_cache_page_deleted")
    for label in SNIPPET_MODELS:
        model = apps.get_model(label)
        post_save.connect(_bump, sender=model, dispatch_uid=f"api_cache_saved_{label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"api_cache_deleted_{label}")
