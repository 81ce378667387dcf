"""The draft of a page, for an external front holding a signed preview token."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from api.errors import ErrorOut, FieldError, error_response
from api.preview import PreviewTokenError, preview_draft_read
from api.schemas import (
    ActionDetailOut,
    EpisodeDetailOut,
    ExperienceDetailOut,
    NewsletterIssueDetailOut,
    PreviewOut,
    ProgrammeDetailOut,
    PublicationDetailOut,
    SeasonOut,
    SeriesDetailOut,
)
from newsletters.models import NewsletterIssuePage
from publications.models import (
    ActionPage,
    ExperiencePage,
    PodcastEpisodePage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    ProgrammePage,
    PublicationPage,
)

router = Router(tags=["Aperçu"])

# Each previewable type, its key in the answer and the shape of its detail endpoint.
PREVIEWABLE: dict[type[Page], tuple[str, type[Schema]]] = {
    ActionPage: ("action", ActionDetailOut),
    ProgrammePage: ("programme", ProgrammeDetailOut),
    PublicationPage: ("publication", PublicationDetailOut),
    PodcastSeriesPage: ("series", SeriesDetailOut),
    PodcastSeasonPage: ("season", SeasonOut),
    PodcastEpisodePage: ("episode", EpisodeDetailOut),
    ExperiencePage: ("experience", ExperienceDetailOut),
    NewsletterIssuePage: ("newsletter", NewsletterIssueDetailOut),
}


class PreviewParams(Schema):
    token: str = Field(max_length=1000, description="Le jeton signé reçu de l'administration.")


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@router.get(
    "/preview/",
    response={200: PreviewOut, 401: ErrorOut, 422: ErrorOut},
    summary="Aperçu d'un brouillon",
    description="Le dernier brouillon de la page que nomme le jeton, sous la forme de son point d'accès détaillé.",
)
def preview(request: HttpRequest, response: HttpResponse, params: Query[PreviewParams]) -> Any:
    _private(response)
    try:
        draft = preview_draft_read(token=params.token)
    except PreviewTokenError as error:
        return _private(error_response(401, [FieldError(field="token", message=str(error))]))
    kind, schema = PREVIEWABLE.get(type(draft.page), (None, None))
    if schema is None:
        message = _("Ce type de page n'a pas d'aperçu par l'API.")
        return _private(error_response(401, [FieldError(field="token", message=message)]))
    if draft.page.pk and "series" in schema.model_fields:
        parent = draft.page.get_parent()
        draft.page.series = parent.specific if parent else None
    data = schema.from_orm(draft.page, context={"request": request}).model_dump(mode="json")
    return {
        "type": kind,
        "id": draft.page.pk,
        "title": draft.page.title,
        "revision_id": draft.revision.pk,
        "data": data,
    }
