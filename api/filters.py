"""Query parameters of the list endpoints and how they narrow a queryset."""

import datetime
from typing import Literal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from wagtail.models import Page

from api.errors import UnknownValueError
from centres.models import Centre
from config.types import QuerySetT
from publications.models import ActionFormat, PublicationCollection, Theme
from publications.territories import territory_ids_within
from publications.visibility import pages_visible_on_every_site
from search_text.french import MAX_QUERY_CHARS, query_terms

SLUG = r"^[-a-zA-Z0-9_]+$"
CODE = r"^[0-9A-Za-z]+$"
MIN_DATE, MAX_DATE = datetime.date(1900, 1, 1), datetime.date(2200, 12, 31)
# A full-text search narrows a list to at most this many best matches.
SEARCH_DEPTH = 1000


class PageFilters(Schema):
    limit: int = Field(20, ge=1, le=100, description="Nombre de résultats (100 au plus).")
    offset: int = Field(0, ge=0, le=100_000, description="Rang du premier résultat.")
    search: str | None = Field(None, max_length=MAX_QUERY_CHARS, description="Recherche plein texte.")
    centre: str | None = Field(
        None,
        max_length=60,
        pattern=SLUG,
        description="Identifiant d'un centre (« irev ») : ses seuls contenus ; sans lui, ceux de tous les centres.",
    )


class ClassifiedFilters(PageFilters):
    theme: str | None = Field(None, max_length=150, pattern=SLUG, description="Identifiant d'une thématique.")
    territory: str | None = Field(
        None,
        max_length=16,
        pattern=CODE,
        description="Code d'un territoire (« 93 », « 93066 ») : le territoire et tout ce qu'il contient.",
    )


ActionOrder = Literal["date", "-date", "title", "-published"]
DatedOrder = Literal["date", "-date", "title"]


class ActionFilters(ClassifiedFilters):
    format: str | None = Field(None, max_length=150, pattern=SLUG, description="Identifiant d'un format d'action.")
    status: (
        Literal["envisagee", "en_preparation", "programmee", "en_cours", "realisee", "reportee", "annulee"] | None
    ) = None
    year: int | None = Field(None, ge=1900, le=2200, description="Année du programme de l'action.")
    date_from: datetime.date | None = Field(
        None, alias="from", ge=MIN_DATE, le=MAX_DATE, description="Séances à partir de ce jour (AAAA-MM-JJ)."
    )
    date_to: datetime.date | None = Field(
        None, alias="to", ge=MIN_DATE, le=MAX_DATE, description="Séances jusqu'à ce jour inclus (AAAA-MM-JJ)."
    )
    upcoming: bool | None = Field(None, description="true : actions ayant une séance à venir ; false : passées.")
    order: ActionOrder | None = Field(None, description="date, -date (date de séance), title, -published.")


class PublicationFilters(ClassifiedFilters):
    collection: str | None = Field(None, max_length=150, pattern=SLUG, description="Identifiant d'une collection.")
    year: int | None = Field(None, ge=1900, le=2200, description="Année de parution.")
    order: DatedOrder | None = Field(None, description="date, -date (date de parution), title.")


class EpisodeFilters(ClassifiedFilters):
    series: int | None = Field(None, ge=1, le=2**31 - 1, description="Identifiant d'une série.")
    season: int | None = Field(None, ge=1, le=2**31 - 1, description="Identifiant d'une saison.")
    year: int | None = Field(None, ge=1900, le=2200, description="Année de diffusion.")
    order: DatedOrder | None = Field(None, description="date, -date (date de diffusion), title.")


class SeasonFilters(PageFilters):
    series: int | None = Field(None, ge=1, le=2**31 - 1, description="Identifiant d'une série.")


class ExperienceFilters(ClassifiedFilters):
    pass


class ProgrammeFilters(PageFilters):
    year: int | None = Field(None, ge=1900, le=2200)


class NewsletterFilters(PageFilters):
    list: str | None = Field(None, max_length=120, pattern=SLUG, description="Identifiant d'une liste de diffusion.")
    year: int | None = Field(None, ge=1900, le=2200, description="Année du numéro.")
    order: DatedOrder | None = Field(None, description="date, -date (date du numéro), title.")


class SnippetFilters(Schema):
    limit: int = Field(100, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)


class TerritoryFilters(SnippetFilters):
    kind: Literal["region", "departement", "epci", "commune", "quartier"] | None = None
    parent: str | None = Field(None, max_length=16, pattern=CODE, description="Code du territoire parent.")


# Lookups


def theme_id_get(slug: str) -> int:
    theme = Theme.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if theme is None:
        raise UnknownValueError("theme", _("Aucune thématique n'a l'identifiant « %(slug)s ».") % {"slug": slug})
    return theme


def centre_get(slug: str) -> Centre:
    found = Centre.objects.filter(slug=slug).select_related("site__root_page").first()
    if found is None:
        raise UnknownValueError("centre", _("Aucun centre n'a l'identifiant « %(slug)s ».") % {"slug": slug})
    return found


def format_id_get(slug: str) -> int:
    found = ActionFormat.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if found is None:
        raise UnknownValueError("format", _("Aucun format d'action n'a l'identifiant « %(slug)s ».") % {"slug": slug})
    return found


def collection_id_get(slug: str) -> int:
    found = PublicationCollection.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if found is None:
        raise UnknownValueError("collection", _("Aucune collection n'a l'identifiant « %(slug)s ».") % {"slug": slug})
    return found


def territory_ids_with_code(code: str, *, field: str = "territory") -> set[int]:
    """The territories with that code and every territory beneath them, or an error naming `field`."""
    within = territory_ids_within(code=code)
    if not within:
        raise UnknownValueError(field, _("Aucun territoire n'a le code « %(code)s ».") % {"code": code})
    return within


def day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def day_end(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def search_ids(model: type[Page], query: str) -> list[int]:
    """The ids of the live public pages of ``model`` matching ``query``, best first (one query)."""
    terms = query_terms(query)
    if not terms:
        raise UnknownValueError("search", _("La recherche ne contient aucun mot à chercher."))
    scope = pages_visible_on_every_site(Page.objects.filter(content_type=ContentType.objects.get_for_model(model)))
    return [page.pk for page in scope.search(" ".join(terms), operator="and")[:SEARCH_DEPTH]]


def classified_filter(queryset: QuerySetT, filters: ClassifiedFilters, *, extra_territory: str = "") -> QuerySetT:
    """Narrow by theme slug and by territory (with everything it contains)."""
    if filters.theme:
        queryset = queryset.filter(themes=theme_id_get(filters.theme))
    if filters.territory:
        within = territory_ids_with_code(filters.territory)
        condition = Q(territories__in=within)
        if extra_territory:
            condition |= Q(**{f"{extra_territory}__in": within})
        queryset = queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))
    return queryset
