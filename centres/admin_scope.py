"""Wagtail's generic admin views confined to the objects of the centres the user acts for.

Each view names the path from its model to the centre (``centre_lookup``) or to a page of the centre's
site (``page_lookup``: a registration's action); an object of another centre
is refused (PermissionDenied: the admin's « vous n'avez pas la permission ») as if it were not there to
edit, and never listed. Instance administrators reach every centre (centres.selectors.user_centres).
"""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from centres.selectors import user_centres, user_pages
from editorial.roles import is_administrator

if TYPE_CHECKING:
    from wagtail.admin.views.generic import IndexView as _ViewBase
else:
    _ViewBase = object


def centre_scoped(queryset: QuerySet, *, user: Any, centre_lookup: str = "", page_lookup: str = "") -> QuerySet:
    """The rows of ``queryset`` that belong to one of the user's centres (a subquery: no duplicates):
    through ``centre_lookup`` to a centre, or through ``page_lookup`` to a page of the centre's site.
    The instance's administrators reach every row, those of no centre too (a subscriber of no list)."""
    if is_administrator(user):
        return queryset
    rows = queryset.model._default_manager
    if page_lookup:
        mine = rows.filter(**{f"{page_lookup}__in": user_pages(user)})
    else:
        mine = rows.filter(**{f"{centre_lookup}__in": user_centres(user)})
    return queryset.filter(pk__in=mine.values("pk"))


class CentreScopedIndexMixin(_ViewBase):
    centre_lookup = "centre"
    page_lookup = ""

    def get_base_queryset(self) -> QuerySet:
        return centre_scoped(
            super().get_base_queryset(),
            user=self.request.user,
            centre_lookup=self.centre_lookup,
            page_lookup=self.page_lookup,
        )


class CentreScopedObjectMixin(_ViewBase):
    """For the views of one object (edit, delete, inspect, history, usage)."""

    centre_lookup = "centre"
    page_lookup = ""

    def get_object(self, queryset: QuerySet | None = None) -> Any:
        instance = super().get_object(queryset)
        reachable = centre_scoped(
            self.model._default_manager.all(),
            user=self.request.user,
            centre_lookup=self.centre_lookup,
            page_lookup=self.page_lookup,
        )
        if not reachable.filter(pk=instance.pk).exists():
            raise PermissionDenied
        return instance


class CentreFieldMixin(_ViewBase):
    """For add and edit views: the centre field (or the page field: an action) offers the user's centres'
    only; another's id is refused as an invalid choice."""

    centre_field = "centre"
    page_field = ""

    def get_form(self, *args: Any, **kwargs: Any) -> Any:
        form = super().get_form(*args, **kwargs)
        if self.page_field:
            field = form.fields[self.page_field]
            field.queryset = field.queryset.filter(pk__in=user_pages(self.request.user).values("pk"))
        else:
            form.fields[self.centre_field].queryset = user_centres(self.request.user)
        return form
