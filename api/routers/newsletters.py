"""Newsletter issues (their web version) and the lists they belong to."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from api.errors import ErrorOut, UnknownValueError
from api.filters import NewsletterFilters, SnippetFilters
from api.pages import dated, narrowed, page_detail, paged, public_pages
from api.schemas import ListOut, NewsletterIssueDetailOut, NewsletterIssueOut, Paged
from newsletters.models import NewsletterIssuePage, NewsletterList

router = Router(tags=["Lettres d'information"])


def _issues(request: HttpRequest) -> QuerySet:
    return public_pages(NewsletterIssuePage, request).select_related("newsletter_list")


@router.get(
    "/newsletters/",
    response={200: Paged[NewsletterIssueOut], 400: ErrorOut, 422: ErrorOut},
    summary="Numéros des lettres d'information",
)
def issue_list(request: HttpRequest, filters: Query[NewsletterFilters]) -> dict[str, Any]:
    queryset, ids = narrowed(_issues(request), filters)
    if filters.list:
        found = NewsletterList.objects.filter(slug=filters.list).values_list("pk", flat=True).first()
        if found is None:
            raise UnknownValueError(
                "list", _("Aucune liste de diffusion n'a l'identifiant « %(slug)s ».") % {"slug": filters.list}
            )
        queryset = queryset.filter(newsletter_list_id=found)
    return paged(dated(queryset, filters, ids, date_field="issue_date"), filters)


@router.get("/newsletters/{issue_id}", response={200: NewsletterIssueDetailOut, 404: ErrorOut}, summary="Un numéro")
def issue_detail(request: HttpRequest, issue_id: int) -> NewsletterIssuePage:
    return page_detail(_issues(request), issue_id)


@router.get("/lists/", response={200: Paged[ListOut], 422: ErrorOut}, summary="Listes de diffusion")
def list_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(NewsletterList.objects.filter(is_active=True).order_by("name", "pk"), filters)
