"""A territory and its descendants: one query whatever the tree's depth, by id or by code."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications.territories import territory_ids_within
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """Île-de-France > 93 > Plaine Commune > Saint-Denis > Franc-Moisin, and Paris (75) beside."""
    region = factories.TerritoryFactory(region=True, name="Île-de-France")
    seine_saint_denis = factories.TerritoryFactory(departement=True, name="Seine-Saint-Denis", code="93", parent=region)
    plaine_commune = factories.TerritoryFactory(epci=True, name="Plaine Commune", parent=seine_saint_denis)
    saint_denis = factories.TerritoryFactory(name="Saint-Denis", code="93066", parent=plaine_commune)
    franc_moisin = factories.TerritoryFactory(quartier=True, name="Franc-Moisin", code="QN09301M", parent=saint_denis)
    paris = factories.TerritoryFactory(departement=True, name="Paris", code="75", parent=region)
    return {t.name: t.pk for t in (region, seine_saint_denis, plaine_commune, saint_denis, franc_moisin, paris)}


def test_territory_ids_within__by_id__the_territory_and_every_level_beneath(tree):
    with CaptureQueriesContext(connection) as queries:
        within = territory_ids_within(ids=[tree["Seine-Saint-Denis"]])

    assert within == {tree[name] for name in ("Seine-Saint-Denis", "Plaine Commune", "Saint-Denis", "Franc-Moisin")}
    assert len(queries) == 1


def test_territory_ids_within__by_code__any_case(tree):
    assert territory_ids_within(code="93066") == {tree["Saint-Denis"], tree["Franc-Moisin"]}
    assert territory_ids_within(code="qn09301m") == {tree["Franc-Moisin"]}
    assert territory_ids_within(code="93") == territory_ids_within(ids=[tree["Seine-Saint-Denis"]])


def test_territory_ids_within__deeper_tree__still_one_query(tree):
    with CaptureQueriesContext(connection) as queries:
        within = territory_ids_within(ids=[tree["Île-de-France"]])

    assert within == set(tree.values())
    assert len(queries) == 1


def test_territory_ids_within__unknown_territory__empty(tree):
    assert territory_ids_within(ids=[max(tree.values()) + 1]) == set()
    assert territory_ids_within(code="2A") == set()
