"""Publications of the centre's collections."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Query, Router

from api.errors import ErrorOut
from api.filters import PublicationFilters, classified_filter, collection_id_get
from api.pages import dated, narrowed, page_detail, paged, public_pages
from api.schemas import Paged, PublicationDetailOut, PublicationOut
from publications.models import PublicationDocument, PublicationPage
from publications.visibility import without_restricted_documents

router = Router(tags=["Publications"])


def _publications(request: HttpRequest) -> QuerySet:
    return (
        public_pages(PublicationPage, request)
        .select_related("collection", "cover")
        .prefetch_related(
            "themes",
            "territories",
            Prefetch(
                "documents",
                queryset=without_restricted_documents(PublicationDocument.objects.select_related("document")),
            ),
        )
    )


@router.get(
    "/publications/", response={200: Paged[PublicationOut], 400: ErrorOut, 422: ErrorOut}, summary="Publications"
)
def publication_list(request: HttpRequest, filters: Query[PublicationFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_publications(request), filters)
    queryset = classified_filter(queryset, filters)
    if filters.collection:
        queryset = queryset.filter(collection_id=collection_id_get(filters.collection))
    return paged(dated(queryset, filters, ids, date_field="publication_date"), filters)


@router.get(
    "/publications/{publication_id}", response={200: PublicationDetailOut, 404: ErrorOut}, summary="Une publication"
)
def publication_detail(request: HttpRequest, publication_id: int) -> PublicationPage:
    queryset = _publications(request).prefetch_related(
        "authors__person__organisation", "co_publishers", "related_actions"
    )
    return page_detail(queryset, publication_id)
