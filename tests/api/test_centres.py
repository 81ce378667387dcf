"""The centres' route: each profile in a list, one centre's institution by its slug, French refusals."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.api.helpers import get_json
from tests.factories.institution import institution_rows_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(db):
    region = factories.TerritoryFactory(region=True, name="Île-de-France", code="11")
    centre = factories.CentreFactory(
        name="Pôle de ressources Val d'Oise", acronym="PRVO", slug="val-d-oise", region=region, legal_form="association"
    )
    factories.GovernanceMandateFactory(centre=centre, person_name="Emmanuel Potier", office="president")
    factories.GovernanceMandateFactory(
        centre=centre, person_name="Ancien Trésorier", office="tresorier", end_date=datetime.date(2014, 12, 31)
    )
    factories.ExternalMandateFactory(centre=centre)
    factories.StaffMemberFactory(centre=centre)
    factories.MemberFactory(centre=centre, name="Ville de Cergy")
    factories.MemberFactory(centre=centre, name="Dominique Adhérente", category="individuel")
    factories.CentreFunderFactory(centre=centre, organisation__name="Préfecture du Val d'Oise", amount=15000)
    service = factories.InformationServiceFactory(centre=centre)
    factories.InformationServiceCountFactory(service=service, year=2014, count=124)
    factories.InformationServiceCountFactory(service=service, year=2013, count=98)
    return centre


def test_centre_list__profiles(client, centre):
    data = get_json(client, "/api/centres/")

    assert data["count"] == 1
    [item] = data["results"]
    assert item["slug"] == "val-d-oise"
    assert item["legal_form_label"] == "Association loi 1901"
    assert item["region"]["name"] == "Île-de-France"
    assert item["site_url"] == ""
    assert "governance" not in item


def test_centre_detail__every_institution_fact(client, centre):
    data = get_json(client, "/api/centres/val-d-oise")

    assert [(m["person_name"], m["office_label"], m["end_date"]) for m in data["governance"]] == [
        ("Emmanuel Potier", "Président·e", None),
        ("Ancien Trésorier", "Trésorier·e", "2014-12-31"),
    ]
    assert data["governance"][0]["as_of"] == "2015-01-01"
    assert data["external_mandates"] == [
        {"body_name": "Question de Ville", "role": "coprésidence", "person_name": "", "since": 2015}
    ]
    assert data["staff"] == [{"name": "Anne Fontaine", "job_title": "directrice", "email": ""}]
    assert [member["name"] for member in data["members"]] == ["Ville de Cergy"]
    assert data["individual_member_count"] == 1
    [funder] = data["funders"]
    assert (funder["organisation"]["name"], funder["year"], funder["amount"]) == (
        "Préfecture du Val d'Oise",
        2015,
        15000.0,
    )
    [service] = data["information_services"]
    assert service["kind_label"] == "Réponse aux demandes d'information"
    assert service["counts"] == [{"year": 2014, "count": 124}, {"year": 2013, "count": 98}]


def test_centre_detail__unknown_slug_is_a_french_404(client, centre):
    data = get_json(client, "/api/centres/inconnu", status=404)

    assert data["detail"] == "Aucun centre n'a cet identifiant."


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        pytest.param("%3Cscript%3E", "Caractères non permis dans cette valeur.", id="script"),
        pytest.param("val%00oise", "Caractères non permis dans cette valeur.", id="nul"),
        pytest.param("a" * 61, "Trop long : 60 caractères au plus.", id="too-long"),
    ],
)
def test_centre_detail__malformed_slug_is_a_french_422(client, centre, slug, message):
    data = get_json(client, f"/api/centres/{slug}", status=422)

    assert data["errors"][0]["field"] == "slug"
    assert data["errors"][0]["message"] == message


def _queries(client, url: str) -> int:
    cache.clear()  # the shared cache of answers
    with CaptureQueriesContext(connection) as queries:
        get_json(client, url)
    return len(queries)


def test_centre_detail__queries_do_not_grow_with_the_rows(client, centre):
    few = _queries(client, "/api/centres/val-d-oise")
    institution_rows_add(centre, 5)

    # The centre with its site and region, then one query per kind of row (counts included): 8.
    assert _queries(client, "/api/centres/val-d-oise") == few <= 10
