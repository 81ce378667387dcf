"""The classification filters of the public surfaces, read one way: thématique, territoire, format.

One parser for the agenda's calendar feed (feeds/agenda_filters.py) and the search page and its
JSON twin (search/selectors.py), with one error behaviour: a value that names nothing (an unknown
slug, a territory that is not a number or does not exist, a value too long, values beyond
MAX_VALUES) is left out and reported by a French message; an empty value (the « Tous » choice) is
no filter. Nothing reaches the database unless it is shaped like what it names. What each surface
does with the messages is its own and differs on purpose:

| surface                            | parameters (repeatable unless said)    | the messages             |
| ---------------------------------- | -------------------------------------- | ------------------------ |
| search page, API /api/search/      | theme, territory, format               | shown beside the results |
| agenda calendar feed (.ics)        | thematique or theme, territoire or territory, format | a 400 (below) |
| agenda, library, experience pages  | thematique, territoire, format (one each) | see below |

The feed answers 400 with the messages: a subscription cannot show them, and a calendar silently
widened to everything would go unnoticed. The listing pages read a single value per facet from
their forms' choice fields (publications/filters.py), whose choices are the same rows: a bad value
is reported there and ignored, as here.
The typed API keeps its own contract (a territory by code, an unknown value is a JSON 400).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from config.parsing import positive_int
from publications.models import ActionFormat, Territory, Theme

MAX_VALUES = 20
MAX_LENGTH = 150
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@dataclass(frozen=True)
class Facets:
    themes: tuple[Theme, ...] = ()
    territories: tuple[Territory, ...] = ()
    formats: tuple[ActionFormat, ...] = ()
    # French messages about the values that were left out.
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetNames:
    """The query parameters each facet is read from, first name first."""

    themes: tuple[str, ...] = ("theme",)
    territories: tuple[str, ...] = ("territory",)
    formats: tuple[str, ...] = ("format",)


def _values(query: Mapping[str, Any], names: tuple[str, ...], label: str, errors: list[str]) -> list[str]:
    raw: list[Any] = []
    for name in names:
        found = query.getlist(name) if hasattr(query, "getlist") else query.get(name, [])
        raw.extend([found] if isinstance(found, str) else found)
    values = [value.strip() for value in raw if isinstance(value, str) and value.strip()]
    if len(values) > MAX_VALUES:
        errors.append(
            _("Trop de valeurs pour le filtre « %(label)s » (%(max)d au plus).") % {"label": label, "max": MAX_VALUES}
        )
        values = values[:MAX_VALUES]
    too_long = [value for value in values if len(value) > MAX_LENGTH]
    if too_long:
        errors.append(_("Valeur trop longue pour le filtre « %(label)s ».") % {"label": label})
    return [value for value in values if len(value) <= MAX_LENGTH]


def _by_slug(model: type[Model], values: list[str], label: str, errors: list[str]) -> tuple:
    # Only slug-shaped values reach the database (PostgreSQL refuses NUL characters, for one).
    wellformed = [value for value in values if SLUG.fullmatch(value)]
    rows = model._default_manager.filter(slug__in=wellformed) if wellformed else []
    found = {getattr(item, "slug"): item for item in rows}  # noqa: B009 (every snippet here has a slug; Model does not say so)
    for value in dict.fromkeys(values):
        if value not in found:
            errors.append(_("Filtre « %(label)s » inconnu : %(value)s.") % {"label": label, "value": value})
    return tuple(found[value] for value in dict.fromkeys(values) if value in found)


def _territories(values: list[str], errors: list[str]) -> tuple[Territory, ...]:
    ids = [positive_int(value) for value in values]
    if None in ids:
        errors.append(_("Le filtre « territoire » attend le numéro d'un territoire."))
    wanted = [pk for pk in dict.fromkeys(ids) if pk is not None]
    found = Territory.objects.in_bulk(wanted) if wanted else {}
    errors.extend(_("Territoire inconnu : %(value)s.") % {"value": pk} for pk in wanted if pk not in found)
    return tuple(found[pk] for pk in wanted if pk in found)


def facets_parse(query: Mapping[str, Any], *, names: FacetNames = FacetNames()) -> Facets:
    """The filters `query` names, without the values that name nothing (reported in `errors`)."""
    errors: list[str] = []
    theme_label, territory_label, format_label = _("thématique"), _("territoire"), _("format")
    themes = _by_slug(Theme, _values(query, names.themes, theme_label, errors), theme_label, errors)
    territories = _territories(_values(query, names.territories, territory_label, errors), errors)
    formats = _by_slug(ActionFormat, _values(query, names.formats, format_label, errors), format_label, errors)
    return Facets(themes=themes, territories=territories, formats=formats, errors=tuple(errors))
