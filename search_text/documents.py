"""What each content type gives the search index: its title, its summary and the rest of its text.

The page models index two extra fields through ``search_text.mixin.SearchTextMixin``
(``search_text_fr`` and ``search_title_fr``), which call this module, so the knowledge of which
text counts lives here rather than in every model, and no model needs a new column. Content
types are named by model label, as the rest of this table does, because the content apps
sit above this package and import it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat, Length, Substr
from modelsearch.index import Indexed
from wagtail.models import Page

from search_text.french import fold_words, normalise

# How many times the title and the summary are repeated in the normalised text. Every
# backend ranks by term frequency (BM25 on SQLite FTS5 and Elasticsearch, ts_rank on
# PostgreSQL), and SQLite's ranking ignores field boosts: repeating the title and the
# summary is what makes them weigh more than the body on all three alike.
TITLE_WEIGHT = 3
SUMMARY_WEIGHT = 2


@dataclass(frozen=True)
class SearchParts:
    """The raw text of a page, split by weight."""

    title: str
    summary: str
    body: str


def _field_text(page: models.Model, name: str) -> str:
    """The plain text of a model field, rich text and StreamField included."""
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if hasattr(field, "get_searchable_content"):
        return " ".join(str(part) for part in field.get_searchable_content(value) if part)
    return str(value or "")


def _names(objects: Iterable[Any]) -> str:
    return " ".join(str(obj) for obj in objects)


def _join(*parts: str | None) -> str:
    return " ".join(part for part in parts if part)


def _classification(page: Any) -> str:
    return _join(_names(page.themes.all()), _names(t.name for t in page.territories.all()))


def _people(items: Iterable[Any]) -> str:
    return _names(f"{item.person.first_name} {item.person.last_name}" for item in items)


def _transcript_text(webvtt: str) -> str:
    """The spoken words of a WebVTT transcript, without its header, cue timings and numbers."""
    lines = []
    for line in webvtt.splitlines():
        line = line.strip()
        if not line or line.startswith(("WEBVTT", "NOTE")) or "-->" in line or line.isdigit():
            continue
        lines.append(line)
    return " ".join(lines)


@dataclass(frozen=True)
class ContentText:
    """How one content type gives its text: summary, prose, and the names it is linked to.

    ``select`` and ``prefetch`` are the lookups that load those names in a few queries
    when many pages are indexed at once (search.indexing).
    """

    summary: Callable[[Any], str]
    prose: Callable[[Any], str]
    related: Callable[[Any], str]
    select: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    annotations: Callable[[], dict[str, Any]] = dict


def _programme_label(page: Any) -> str:
    """The title and centre of the action's programme (annotated in bulk by ``indexing_queryset``)."""
    if hasattr(page, "search_programme_label"):
        return page.search_programme_label or ""
    programme = page.get_parent().specific
    centre = getattr(programme, "centre", None)
    return _join(programme.title, *((centre.name, centre.acronym) if centre else ()))


def _programme_label_annotation() -> dict[str, Subquery]:
    programme_page = apps.get_model("publications", "ProgrammePage")
    parent = programme_page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
    label = Concat(
        "title", Value(" "), Coalesce("centre__name", Value("")), Value(" "), Coalesce("centre__acronym", Value(""))
    )
    return {"search_programme_label": Subquery(parent.annotate(label=label).values("label")[:1])}


def _action_related(page: Any) -> str:
    return _join(
        page.format.name if page.format_id else "",
        page.axis.title if page.axis_id else "",
        _classification(page),
        _names(page.audiences.all()),
        page.tentative_period,
        page.funding_note,
        page.findings,
        page.objectives,
        page.planned_work,
        _people(page.people.all()),
        _names(item.organisation.name for item in page.organisations.all()),
        _names(note.text for note in page.progress_notes.all()),
        _names(deliverable.label for deliverable in page.deliverables.all()),
        _names(_join(s.venue, s.town.name if s.town_id else "") for s in page.sessions.all()),
        _programme_label(page),
    )


def _episode_related(page: Any) -> str:
    season = page.get_parent()
    series = season.get_parent() if season else None
    return _join(
        _names(chapter.title for chapter in page.chapters.all()),
        _people(page.people.all()),
        page.place,
        _classification(page),
        season.title if season else "",
        series.title if series else "",
    )


_EXPERIENCE_SECTIONS = ("context", "objectives", "actors", "description", "results")

# The content types search covers, by model label.
TEXTS: dict[str, ContentText] = {
    "publications.actionpage": ContentText(
        summary=lambda page: page.summary,
        prose=lambda page: _field_text(page, "body"),
        related=_action_related,
        select=("format", "axis"),
        prefetch=(
            "themes",
            "territories",
            "audiences",
            "people__person",
            "organisations__organisation",
            "progress_notes",
            "deliverables__publication",
            "sessions__town",
        ),
        annotations=_programme_label_annotation,
    ),
    "publications.publicationpage": ContentText(
        summary=lambda page: page.summary,
        prose=lambda page: _field_text(page, "abstract"),
        related=lambda page: _join(
            page.collection.name if page.collection_id else "",
            page.number,
            _people(page.authors.all()),
            _names(organisation.name for organisation in page.co_publishers.all()),
            _classification(page),
        ),
        select=("collection",),
        prefetch=("authors__person", "co_publishers", "themes", "territories"),
    ),
    "publications.podcastepisodepage": ContentText(
        summary=lambda page: page.summary,
        prose=lambda page: _join(_field_text(page, "show_notes"), _transcript_text(page.transcript)),
        related=_episode_related,
        prefetch=("chapters", "people__person", "themes", "territories"),
    ),
    "publications.experiencepage": ContentText(
        summary=lambda page: page.summary,
        prose=lambda page: _join(*(_field_text(page, name) for name in _EXPERIENCE_SECTIONS)),
        related=lambda page: _join(
            page.town.name if page.town_id else "",
            page.period,
            _names(organisation.name for organisation in page.organisations.all()),
            page.contact_role,
            _classification(page),
        ),
        select=("town",),
        prefetch=("organisations", "themes", "territories"),
    ),
    "newsletters.newsletterissuepage": ContentText(
        summary=lambda page: page.preheader,
        prose=lambda page: _field_text(page, "sections"),
        related=lambda page: _join(page.newsletter_list.name if page.newsletter_list_id else "", f"n° {page.number}"),
        select=("newsletter_list",),
    ),
    "publications.programmepage": ContentText(
        summary=lambda page: _join(page.centre.name if page.centre_id else "", str(page.year)),
        prose=lambda page: _join(
            _field_text(page, "introduction"),
            _names(_join(axis.title, axis.question, axis.stance) for axis in page.axes.all()),
            _names(_join(point.title, _field_text(point, "summary")) for point in page.progress_points.all()),
        ),
        related=lambda page: "",
        select=("centre",),
        prefetch=("axes", "progress_points"),
    ),
}
_OTHER = ContentText(summary=lambda page: getattr(page, "summary", ""), prose=lambda page: "", related=lambda page: "")


def _text(page: models.Model) -> ContentText:
    return TEXTS.get(page._meta.label_lower, _OTHER)


def page_summary(page: models.Model) -> str:
    """The short text that says what the page is about (summary, preheader…)."""
    return _text(page).summary(page) or ""


def page_prose(page: models.Model) -> str:
    """The page's own running text, for excerpts (no names of linked objects)."""
    return _text(page).prose(page)


def page_search_parts(page: Page) -> SearchParts:
    text = _text(page)
    return SearchParts(
        title=page.title, summary=text.summary(page) or "", body=_join(text.prose(page), text.related(page))
    )


def page_search_text(page: models.Model) -> str:
    """The French-normalised text indexed for ``page``, title and summary weighted by repetition.

    Kept on the instance: the backends' indexers ask for each field several times per
    object, and an instance is indexed as loaded (the index task loads a fresh one).
    """
    cached = page.__dict__.get("_search_text_fr")
    if cached is None:
        parts = page_search_parts(page)
        title, summary = normalise(parts.title), normalise(parts.summary)
        cached = " ".join([title] * TITLE_WEIGHT + [summary] * SUMMARY_WEIGHT + [normalise(parts.body)])
        page.__dict__["_search_text_fr"] = cached
    return cached


def page_search_title(page: Page) -> str:
    """The title folded (no accents, plain inclusive writing), for accent-blind autocomplete."""
    return " ".join(fold_words(page.title))


def indexing_queryset(model: type[Indexed]) -> models.QuerySet:
    """``model``'s indexed objects with the relations its search text reads, for bulk indexing."""
    queryset = model.get_indexed_objects()
    text = TEXTS.get(model._meta.label_lower)
    if text is None:
        return queryset
    return queryset.select_related(*text.select).prefetch_related(*text.prefetch).annotate(**text.annotations())
