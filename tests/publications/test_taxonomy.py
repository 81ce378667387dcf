"""Territories form a hierarchy: a parent is always of a larger kind, and never a descendant."""

import pytest

from tests import factories
from tests.validation import assert_refused

pytestmark = pytest.mark.django_db

LARGER_KIND = "Le territoire parent doit être d'un niveau plus large (par exemple une commune dans un département)."


@pytest.mark.parametrize(
    ("kind", "parent_trait"),
    [
        pytest.param("departement", {}, id="departement-in-a-commune"),
        pytest.param("region", {"departement": True}, id="region-in-a-departement"),
        pytest.param("epci", {"quartier": True}, id="epci-in-a-quartier"),
    ],
)
def test_territory__parent_of_a_smaller_kind_is_refused(kind, parent_trait):
    parent = factories.TerritoryFactory(**parent_trait)
    territory = factories.TerritoryFactory.build(kind=kind, parent=parent)

    assert_refused(territory.full_clean, "parent", LARGER_KIND)


@pytest.mark.parametrize("kind", ["region", "departement", "epci", "commune", "quartier"])
def test_territory__parent_of_the_same_kind_is_refused(kind):
    parent = factories.TerritoryFactory(kind=kind)
    territory = factories.TerritoryFactory.build(kind=kind, parent=parent)

    assert_refused(territory.full_clean, "parent", LARGER_KIND)


def test_territory__commune_in_a_departement_is_accepted():
    seine_saint_denis = factories.TerritoryFactory(departement=True)
    saint_denis = factories.TerritoryFactory.build(name="Saint-Denis", kind="commune", parent=seine_saint_denis)

    saint_denis.full_clean()


def test_territory__cycle_is_refused():
    departement = factories.TerritoryFactory(departement=True)
    commune = factories.TerritoryFactory(parent=departement)
    # Demoted to a quartier, the département passes the level check but would descend from its own commune.
    departement.kind = "quartier"
    departement.parent = commune

    assert_refused(departement.full_clean, "parent", "Un territoire ne peut pas être son propre ancêtre.")


def test_named_snippet__slug_is_derived_from_the_name():
    theme = factories.ThemeFactory.build(name="Égalité et lutte contre les discriminations", slug="")

    theme.full_clean()

    assert theme.slug == "egalite-et-lutte-contre-les-discriminations"
