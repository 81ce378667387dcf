"""What API v2 reads of each page type's relations, fetched for a whole page of results at once.

Left to the serializers, every result of a listing with ``fields=`` costs queries for each
relation it shows (its themes, sessions, people, cover rendition…), so 50 results cost 50 times
more than one. Here each relation an ``api_fields`` entry reads is one prefetch for the whole
page, and only when that field is asked for.

Relations that point to pages or documents are prefetched already narrowed to what the public
may read (`publications.visibility`): a hidden page becomes ``None``, a restricted file is left
out. `publications.serializers.PUBLIC_RELATIONS` in the serializer context says so, and the serializers then read what
was prefetched instead of checking each link with a query of its own (`publications.serializers`).
"""

from collections.abc import Callable

from django.db.models import Model, Prefetch, QuerySet
from wagtail.images import get_image_model

from newsletters.models import NewsletterIssuePage
from publications.models import (
    ActionDeliverable,
    ActionFunding,
    ActionOrganisation,
    ActionPage,
    ActionPerson,
    ActionSession,
    EpisodePerson,
    ExperiencePage,
    PodcastEpisodePage,
    PodcastSeriesPage,
    ProgrammePage,
    PublicationAuthor,
    PublicationDocument,
    PublicationPage,
    SeriesPerson,
)
from publications.visibility import pages_visible, without_restricted_documents

# Narrowed lookups are built per request: the visibility rule reads the clock and the tree.
Relation = str | Callable[[], Prefetch]
# A field reading several relations names them all.
Relations = Relation | tuple[Relation, ...]


def _with(name: str, model: type[Model], *related: str) -> Callable[[], Prefetch]:
    return lambda: Prefetch(name, queryset=model._default_manager.select_related(*related))


def _visible(name: str, model: type[Model]) -> Callable[[], Prefetch]:
    return lambda: Prefetch(name, queryset=pages_visible(model._default_manager.all()))


def _cover(rendition: str) -> Callable[[], Prefetch]:
    """The cover and the one rendition ``cover_thumbnail`` shows (`ImageRenditionField`)."""
    return lambda: Prefetch("cover", queryset=get_image_model().objects.prefetch_renditions(rendition))


def _deliverables() -> Prefetch:
    publications = Prefetch("publication", queryset=pages_visible(PublicationPage.objects.all()))
    return Prefetch("deliverables", queryset=ActionDeliverable.objects.prefetch_related(publications))


def _documents() -> Prefetch:
    files = without_restricted_documents(PublicationDocument.objects.select_related("document"))
    return Prefetch("documents", queryset=files)


CLASSIFIED: dict[str, Relation] = {"themes": "themes", "territories": "territories"}
PUBLICATION_COVER = _cover("fill-400x566")
SERIES_COVER = _cover("fill-600x600")

# For each page type, the relation each of its api_fields reads.
RELATIONS: dict[type, dict[str, Relations]] = {
    ActionPage: {
        "format": "format",
        "audiences": "audiences",
        # Each session's registration state reads its action's settings (None: not taken here).
        "sessions": (_with("sessions", ActionSession, "town"), "registration_settings"),
        "attendance": "registration_settings",
        "people": _with("people", ActionPerson, "person__organisation"),
        "organisations": _with("organisations", ActionOrganisation, "organisation"),
        "progress_notes": "progress_notes",
        "other_axes": "other_axes",
        "cycle": "cycle",
        "fundings": _with("fundings", ActionFunding, "funder"),
        "indicators": "indicators",
        "deliverables": _deliverables,
        "continues": _visible("continues", ActionPage),
        **CLASSIFIED,
    },
    ProgrammePage: {
        "centre": "centre",
        "axes": "axes",
        "cycles": "cycles",
        "progress_points": "progress_points",
    },
    PublicationPage: {
        "collection": "collection",
        "cover": PUBLICATION_COVER,
        "cover_thumbnail": PUBLICATION_COVER,
        "authors": _with("authors", PublicationAuthor, "person__organisation"),
        "co_publishers": "co_publishers",
        "documents": _documents,
        "related_actions": _visible("related_actions", ActionPage),
        **CLASSIFIED,
    },
    PodcastSeriesPage: {
        "cover": SERIES_COVER,
        "cover_thumbnail": SERIES_COVER,
        "producer": "producer",
        "committee": _with("committee", SeriesPerson, "person__organisation"),
    },
    PodcastEpisodePage: {
        "audio": "audio",
        "people": _with("people", EpisodePerson, "person__organisation"),
        "co_producer": "co_producer",
        "chapters": "chapters",
        **CLASSIFIED,
    },
    ExperiencePage: {
        "town": "town",
        "organisations": "organisations",
        **CLASSIFIED,
    },
    NewsletterIssuePage: {
        "newsletter_list": "newsletter_list",
    },
}


def _each(relations: Relations) -> tuple[Relation, ...]:
    return relations if isinstance(relations, tuple) else (relations,)


def page_relations_prefetch(queryset: QuerySet, *, fields: list[str]) -> QuerySet:
    """``queryset`` with the relations of ``fields`` prefetched, narrowed to what the public may read."""
    relations = RELATIONS.get(queryset.model, {})
    # ``cover`` and ``cover_thumbnail`` read the same relation: one prefetch for both.
    chosen = dict.fromkeys(relation for field in fields if field in relations for relation in _each(relations[field]))
    lookups = [relation if isinstance(relation, str) else relation() for relation in chosen]
    # Every page's locale is a meta field of the listing.
    return queryset.select_related("locale").prefetch_related(*lookups)
