"""Wagtail's generic admin views confined to the objects of the centres the user acts for.

Each view names the path from its model to the centre (``centre_lookup``); an object of another centre
is refused (PermissionDenied: the admin's « vous n'avez pas la permission ») as if it were not there to
edit, and never listed. Instance administrators reach every centre (centres.selectors.user_centres).
"""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from centres.selectors import user_centres

if TYPE_CHECKING:
    from wagtail.admin.views.generic import IndexView as _ViewBase
else:
    _ViewBase = object


def centre_scoped(queryset: QuerySet, *, user: Any, centre_lookup: str) -> QuerySet:
    """The rows of ``queryset`` that belong to one of the user's centres (a subquery: no duplicates)."""
    mine = queryset.model._default_manager.filter(**{f"{centre_lookup}__in": user_centres(user)})
    return queryset.filter(pk__in=mine.values("pk"))


class CentreScopedIndexMixin(_ViewBase):
    centre_lookup = "centre"

    def get_base_queryset(self) -> QuerySet:
        return centre_scoped(super().get_base_queryset(), user=self.request.user, centre_lookup=self.centre_lookup)


class CentreScopedObjectMixin(_ViewBase):
    """For the views of one object (edit, delete, inspect, history, usage)."""

    centre_lookup = "centre"

    def get_object(self, queryset: QuerySet | None = None) -> Any:
        instance = super().get_object(queryset)  # type: ignore[misc]
        reachable = centre_scoped(
            self.model._default_manager.all(), user=self.request.user, centre_lookup=self.centre_lookup
        )
        if not reachable.filter(pk=instance.pk).exists():
            raise PermissionDenied
        return instance


class CentreFieldMixin(_ViewBase):
    """For add and edit views: the centre field offers the user's centres only (another's id is refused)."""

    centre_field = "centre"

    def get_form(self, *args: Any, **kwargs: Any) -> Any:
        form = super().get_form(*args, **kwargs)  # type: ignore[misc]
        form.fields[self.centre_field].queryset = user_centres(self.request.user)
        return form
