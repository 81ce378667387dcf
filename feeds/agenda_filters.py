"""The query parameters of the subscribable agenda: ?thematique=<slug>&territoire=<id>&format=<slug>.

The names are the agenda page's own, so that its filtered view links to the same calendar;
`theme` and `territory` (the search's names) are accepted too. They are read by the one parser of
the public filters (publications/facets.py). Unlike the search page, a calendar subscription must
not silently widen to everything: a value that names nothing is an error (400) with the parser's
French message, so that a mistyped link is noticed when subscribing.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import QueryDict
from wagtail.models import PageQuerySet

from publications.facets import FacetNames, Facets, facets_parse
from publications.territories import territory_ids_within

NAMES = FacetNames(themes=("thematique", "theme"), territories=("territoire", "territory"), formats=("format",))


@dataclass(frozen=True)
class AgendaFilters:
    facets: Facets

    def apply(self, actions: PageQuerySet) -> PageQuerySet:
        """Any value within a facet, every facet together; a territory includes its descendants."""
        if self.facets.themes:
            actions = actions.filter(themes__in=self.facets.themes)
        if self.facets.territories:
            ids = territory_ids_within(ids=[t.pk for t in self.facets.territories])
            actions = actions.filter(Q(territories__in=ids) | Q(sessions__town__in=ids))
        if self.facets.formats:
            actions = actions.filter(format__in=self.facets.formats)
        return actions.distinct()

    def calendar_name_suffix(self) -> str:
        facets = self.facets
        names = [*(t.name for t in facets.themes), *(t.name for t in facets.territories)]
        names += [f.name for f in facets.formats]
        return f" — {', '.join(names)}" if names else ""


def agenda_filters_parse(query: QueryDict) -> AgendaFilters:
    """Read the filters or raise a ValidationError whose messages are shown to the visitor."""
    facets = facets_parse(query, names=NAMES)
    if facets.errors:
        raise ValidationError(list(facets.errors))
    return AgendaFilters(facets=facets)
