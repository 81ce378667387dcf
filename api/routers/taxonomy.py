"""The lists fronts filter by: themes, formats, collections, audiences, territories, people, organisations."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router

from api.errors import ErrorOut
from api.filters import SnippetFilters, TerritoryFilters, territory_ids_with_code
from api.pages import paged
from api.schemas import FormatOut, NamedOut, OrganisationOut, Paged, PersonOut, TerritoryOut, ThemeOut
from publications.models import (
    ActionFormat,
    Audience,
    Organisation,
    OrganisationKind,
    Person,
    PublicationCollection,
    Territory,
    Theme,
)

router = Router(tags=["Listes de référence"])

ERRORS = {400: ErrorOut, 422: ErrorOut}


class OrganisationFilters(SnippetFilters):
    kind: str | None = Field(None, pattern="^(" + "|".join(OrganisationKind.values) + ")$")


@router.get("/themes/", response={200: Paged[ThemeOut], **ERRORS}, summary="Thématiques")
def theme_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(Theme.objects.order_by("name", "pk"), filters)


@router.get("/formats/", response={200: Paged[FormatOut], **ERRORS}, summary="Formats d'action")
def format_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(ActionFormat.objects.order_by("sort_order", "name", "pk"), filters)


@router.get("/collections/", response={200: Paged[NamedOut], **ERRORS}, summary="Collections de publications")
def collection_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(PublicationCollection.objects.order_by("name", "pk"), filters)


@router.get("/audiences/", response={200: Paged[NamedOut], **ERRORS}, summary="Publics cibles")
def audience_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(Audience.objects.order_by("name", "pk"), filters)


@router.get("/territories/", response={200: Paged[TerritoryOut], **ERRORS}, summary="Territoires")
def territory_list(request: HttpRequest, filters: Query[TerritoryFilters]) -> dict[str, Any]:
    queryset = Territory.objects.order_by("name", "pk")
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.parent:
        queryset = queryset.filter(pk__in=territory_ids_with_code(filters.parent, field="parent")).exclude(
            code__iexact=filters.parent
        )
    return paged(queryset, filters)


@router.get("/people/", response={200: Paged[PersonOut], **ERRORS}, summary="Personnes")
def person_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(Person.objects.select_related("organisation").order_by("last_name", "first_name", "pk"), filters)


@router.get("/organisations/", response={200: Paged[OrganisationOut], **ERRORS}, summary="Organisations")
def organisation_list(request: HttpRequest, filters: Query[OrganisationFilters]) -> dict[str, Any]:
    queryset = Organisation.objects.order_by("name", "pk")
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    return paged(queryset, filters)
