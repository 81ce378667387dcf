"""Types the apps share, for the type checker (mypy with django-stubs)."""

from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest

# A queryset that keeps its class through a helper: a page queryset stays a PageQuerySet,
# with ``specific()``, ``child_of()`` and ``search()``.
QuerySetT = TypeVar("QuerySetT", bound=QuerySet[Any, Any])


class AuthenticatedHttpRequest(HttpRequest):
    """The request of an admin view: Wagtail lets no anonymous visitor reach one."""

    user: User
