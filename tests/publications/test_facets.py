"""The public filters' one parser: a bad value is left out with a French message, an empty one is no filter."""

import pytest
from django.http import QueryDict

from publications.facets import MAX_VALUES, FacetNames, facets_parse
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def known():
    return {
        "theme": factories.ThemeFactory(name="Santé", slug="sante"),
        "format": factories.ActionFormatFactory(name="Atelier", slug="atelier"),
        "territory": factories.TerritoryFactory(name="Saint-Denis"),
    }


def test_facets_parse__known_values(known):
    query = QueryDict(f"theme=sante&territory={known['territory'].pk}&format=atelier&theme=sante")

    facets = facets_parse(query)

    assert facets.themes == (known["theme"],)
    assert facets.territories == (known["territory"],)
    assert facets.formats == (known["format"],)
    assert facets.errors == ()


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("theme=inconnue", "Filtre « thématique » inconnu : inconnue."),
        ("theme=%27%20OR%201%3D1--", "Filtre « thématique » inconnu : ' OR 1=1--."),
        ("format=%3Cscript%3E", "Filtre « format » inconnu : <script>."),
        ("theme=" + "a" * 151, "Valeur trop longue pour le filtre « thématique »."),
        ("territory=abc", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=%D9%A3", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=99999999999999999999", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=999999", "Territoire inconnu : 999999."),
    ],
)
def test_facets_parse__a_bad_value_is_left_out_with_a_french_message(known, query, error):
    facets = facets_parse(QueryDict(f"{query}&theme=sante"))

    assert facets.errors == (error,)
    assert facets.themes == (known["theme"],)
    assert facets.territories == facets.formats == ()


def test_facets_parse__too_many_values__the_first_are_kept(known):
    facets = facets_parse(QueryDict("&".join(["theme=sante"] * (MAX_VALUES + 1))))

    assert facets.errors == ("Trop de valeurs pour le filtre « thématique » (20 au plus).",)
    assert facets.themes == (known["theme"],)


def test_facets_parse__empty_values_and_other_names(known):
    names = FacetNames(themes=("thematique", "theme"))

    assert facets_parse(QueryDict("theme=&territory=%20&format="), names=names).errors == ()
    assert facets_parse(QueryDict("thematique=sante"), names=names).themes == (known["theme"],)
    assert facets_parse(QueryDict("thematique=sante")).themes == ()
