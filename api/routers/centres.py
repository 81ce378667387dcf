"""The resource centres the instance serves: each one's profile, and its institution in detail."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from api.centre_schemas import CentreDetailOut, CentreOut
from api.errors import ErrorOut
from api.filters import SLUG, SnippetFilters
from api.pages import paged
from api.schemas import Paged
from centres.models import Centre
from centres.selectors import centres_with_institution

router = Router(tags=["Centres de ressources"])


class CentrePath(Schema):
    slug: str = Field(max_length=60, pattern=SLUG, description="L'identifiant du centre (« pole-ressources »).")


@router.get("/centres/", response={200: Paged[CentreOut], 422: ErrorOut}, summary="Centres de ressources")
def centre_list(request: HttpRequest, filters: Query[SnippetFilters]) -> dict[str, Any]:
    return paged(Centre.objects.select_related("region", "site").order_by("name", "pk"), filters)


@router.get(
    "/centres/{slug}",
    response={200: CentreDetailOut, 404: ErrorOut, 422: ErrorOut},
    summary="Un centre : profil, gouvernance, équipe, adhérents, financeurs, mandats, services d'information",
)
def centre_detail(request: HttpRequest, path: Path[CentrePath]) -> Centre:
    centre = centres_with_institution().filter(slug=path.slug).first()
    if centre is None:
        raise HttpError(404, _("Aucun centre n'a cet identifiant."))
    return centre
