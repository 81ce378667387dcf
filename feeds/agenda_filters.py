"""The query parameters of the subscribable agenda: ?thematique=<slug>&territoire=<id>&format=<slug>.

The names are the agenda page's own, so that its filtered view links to the same calendar;
`theme` and `territory` (the search API's names) are accepted too.

Unlike the search page, a calendar subscription must not silently widen to everything: an unknown
value is an error (400) with a French message, so that a mistyped link is noticed when subscribing.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.models import PageQuerySet

from config.parsing import positive_int
from publications.models import ActionFormat, Territory, Theme
from publications.territories import territory_ids_within

THEME_PARAMETERS = ("thematique", "theme")
TERRITORY_PARAMETERS = ("territoire", "territory")
FORMAT_PARAMETERS = ("format",)
MAX_VALUES = 20
MAX_LENGTH = 150
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@dataclass(frozen=True)
class AgendaFilters:
    themes: tuple[Theme, ...] = ()
    territories: tuple[Territory, ...] = ()
    formats: tuple[ActionFormat, ...] = ()

    def apply(self, actions: PageQuerySet) -> PageQuerySet:
        """Any value within a facet, every facet together; a territory includes its descendants."""
        if self.themes:
            actions = actions.filter(themes__in=self.themes)
        if self.territories:
            ids = territory_ids_within(ids=[t.pk for t in self.territories])
            actions = actions.filter(Q(territories__in=ids) | Q(sessions__town__in=ids))
        if self.formats:
            actions = actions.filter(format__in=self.formats)
        return actions.distinct()

    def calendar_name_suffix(self) -> str:
        names = [*(t.name for t in self.themes), *(t.name for t in self.territories), *(f.name for f in self.formats)]
        return f" — {', '.join(names)}" if names else ""


def _values(query: QueryDict, names: tuple[str, ...], label: str) -> list[str]:
    values = [value.strip() for name in names for value in query.getlist(name)]
    if len(values) > MAX_VALUES:
        raise ValidationError(
            _("Trop de valeurs pour le filtre « %(label)s » (%(max)d au plus).") % {"label": label, "max": MAX_VALUES}
        )
    for value in values:
        if not value or len(value) > MAX_LENGTH:
            raise ValidationError(_("Valeur vide ou trop longue pour le filtre « %(label)s ».") % {"label": label})
    return values


def _by_slug(model: type[Theme] | type[ActionFormat], values: list[str], label: str) -> tuple:
    # Only slug-shaped values reach the database (PostgreSQL refuses NUL characters, for one).
    wellformed = [value for value in values if SLUG.fullmatch(value)]
    found = {item.slug: item for item in model.objects.filter(slug__in=wellformed)}
    unknown = [value for value in values if value not in found]
    if unknown:
        raise ValidationError(
            _("Filtre « %(label)s » inconnu : %(value)s.") % {"label": label, "value": unknown[0][:MAX_LENGTH]}
        )
    return tuple(found[value] for value in dict.fromkeys(values))


def _territories(values: list[str]) -> tuple[Territory, ...]:
    ids = [positive_int(value) for value in values]
    if None in ids:
        raise ValidationError(_("Le filtre « territoire » attend le numéro d'un territoire."))
    found = Territory.objects.in_bulk(ids)
    unknown = [value for value in ids if value not in found]
    if unknown:
        raise ValidationError(_("Territoire inconnu : %(value)s.") % {"value": unknown[0]})
    return tuple(found[value] for value in dict.fromkeys(ids))


def agenda_filters_parse(query: QueryDict) -> AgendaFilters:
    """Read the filters or raise a ValidationError whose message is shown to the visitor."""
    return AgendaFilters(
        themes=_by_slug(Theme, _values(query, THEME_PARAMETERS, _("thématique")), _("thématique")),
        territories=_territories(_values(query, TERRITORY_PARAMETERS, _("territoire"))),
        formats=_by_slug(ActionFormat, _values(query, FORMAT_PARAMETERS, _("format")), _("format")),
    )
