"""The demo's institution facts: loaded for the centres that exist, once, and an About page per centre site."""

import pytest

from centres.models import Centre
from demo.builders.institution import about_page_ensure, institution_load
from demo.loader import demo_data_read
from publications.models import AboutPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    return demo_data_read("institution")


def test_institution_load__seed_002_for_the_val_d_oise_centre(data):
    centre = factories.CentreFactory(name="Pôle de ressources Val d'Oise", slug="val-d-oise")
    for name in {row["organisation"] for row in data["val-d-oise"]["funders"]}:
        factories.OrganisationFactory(name=name)

    institution_load(data)

    bureau = list(centre.governance_mandates.order_by("sort_order"))
    assert [(m.person_name, m.office) for m in bureau[:2]] == [
        ("Emmanuel Potier", "president"),
        ("Gilles Jeanmougin", "tresorier"),
    ]
    assert {m.as_of.isoformat() for m in bureau} == {"2015-01-01"}
    assert centre.staff.count() == 5
    assert centre.funders.filter(year=2015).count() == 9
    figures = {
        service.name: [(count.year, count.count) for count in service.counts.all()]
        for service in centre.information_services.all()
    }
    assert figures["Service Info doc"] == [(2014, 124)]
    assert figures["Le site internet"] == [(2014, 75000)]
    assert figures["Résonances"] == [(2014, 2300)]
    assert figures["Les publications"] == [(2014, 6)]


def test_institution_load__absent_centres_skipped_and_a_second_load_adds_nothing(data):
    centre = factories.CentreFactory(name="Institut régional de la ville", slug="irev")
    for name in {row["organisation"] for row in data["irev"]["funders"]}:
        factories.OrganisationFactory(name=name)
    institution_load(data)
    centre.external_mandates.filter(since=2005).update(role="membre depuis l'origine")

    institution_load(data)

    assert Centre.objects.count() == 1
    assert centre.external_mandates.count() == 3
    assert centre.external_mandates.filter(role="membre depuis l'origine").exists()
    assert centre.funders.count() == 3


def test_about_page_ensure__one_page_in_the_menu_of_the_home(site_tree):
    centre = factories.CentreFactory()

    page = about_page_ensure(site_tree.home, centre)
    again = about_page_ensure(site_tree.home, centre)

    assert page.pk == again.pk
    assert page.live
    assert page.show_in_menus
    assert AboutPage.objects.child_of(site_tree.home).count() == 1
