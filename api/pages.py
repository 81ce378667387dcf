"""Reads shared by the page endpoints: what is public, pagination, ordering, details."""

from typing import Any

from django.db.models import Case, IntegerField, QuerySet, When
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from wagtail.models import Page, PageQuerySet, Site

from api.filters import PageFilters, centre_get, search_ids
from centres.selectors import centre_pages_q
from config.types import QuerySetT
from publications.visibility import pages_visible_through


def public_pages(model: type[Page], request: HttpRequest) -> PageQuerySet:
    """The visible pages of ``model`` the request's site reads (`publications.visibility`).

    Through the network site (``BASE_URL``, where other fronts read the instance) every
    centre's pages, each item naming its owner centre, ``?centre=`` narrowing a list to one;
    through a centre's site that centre's only, so another centre's page is a 404 there.
    The page rows hold the published content: drafts and unpublished changes live in
    revisions, which the API never reads (except the signed preview).
    """
    return pages_visible_through(model.objects.all(), site=Site.find_for_request(request))


def narrowed(queryset: QuerySetT, filters: PageFilters) -> tuple[QuerySetT, list[int] | None]:
    """Narrow to the centre asked for and to the full-text matches; their ids, best first, give the default order."""
    if filters.centre:
        queryset = queryset.filter(centre_pages_q(centre_get(filters.centre)))
    if not filters.search:
        return queryset, None
    ids = search_ids(queryset.model, filters.search)
    return queryset.filter(pk__in=ids), ids


def by_relevance(queryset: QuerySetT, ids: list[int]) -> QuerySetT:
    ranks = [When(pk=pk, then=rank) for rank, pk in enumerate(ids)]
    return queryset.order_by(Case(*ranks, default=len(ids), output_field=IntegerField()), "pk")


def dated(queryset: QuerySet, filters: Any, ids: list[int] | None, *, date_field: str) -> QuerySet:
    """Narrow to ``filters.year`` of ``date_field`` and order by ``filters.order`` (``date``, ``-date``,
    ``title``); unordered, by relevance when searched, otherwise newest first."""
    if filters.year:
        queryset = queryset.filter(**{f"{date_field}__year": filters.year})
    orders = {"date": (date_field, "pk"), "-date": (f"-{date_field}", "-pk"), "title": ("title", "pk")}
    if filters.order:
        return queryset.order_by(*orders[filters.order])
    if ids is not None:
        return by_relevance(queryset, ids)
    return queryset.order_by(*orders["-date"])


def paged(queryset: QuerySet, filters: Any) -> dict[str, Any]:
    """One count query and one query for the slice, whatever the limit."""
    count = queryset.count()
    results = list(queryset[filters.offset : filters.offset + filters.limit]) if count > filters.offset else []
    return {"count": count, "limit": filters.limit, "offset": filters.offset, "results": results}


def page_detail(queryset: QuerySet, page_id: int) -> Page:
    if not 0 < page_id < 2**31:
        raise HttpError(404, _("Aucun contenu publié n'a cet identifiant."))
    try:
        return queryset.get(pk=page_id)
    except queryset.model.DoesNotExist as error:
        raise HttpError(404, _("Aucun contenu publié n'a cet identifiant.")) from error
