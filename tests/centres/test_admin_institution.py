"""The centre's edit form in the admin: every kind of institution row, and hostile or inconsistent input
refused in French on the row at fault, never echoed as markup."""

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from centres.models import Centre
from tests import factories
from tests.publications.test_admin_hostile_input import SCRIPT, assert_nothing_unescaped

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/centres/centre/add/"
ROWS = ("governance_mandates", "external_mandates", "staff", "members", "funders", "information_services")


def centre_data(**rows: list[dict]) -> dict[str, str]:
    """The add form's data: the profile, and each kind of row (none unless given)."""
    return nested_form_data(
        {
            "name": SCRIPT,
            "acronym": "PRVO",
            "slug": "val-d-oise",
            "legal_form": "association",
            "mission": SCRIPT,
            "territory_served": "Val d'Oise",
            "region": "",
            "site": "",
            "collection": "",
            "organisation": "",
            **{name: inline_formset(rows.get(name, [])) for name in ROWS},
        }
    )


def mandate(**fields: str) -> dict[str, str]:
    return {"body": "bureau", "office": "president", "person_name": SCRIPT, "organisation": "", **fields}


def service(*counts: dict[str, str], **fields: str) -> dict:
    return {
        "kind": "demandes",
        "name": "Service Info doc",
        "description": SCRIPT,
        "access_terms": "Sur rendez-vous",
        "count_unit": "demandes",
        "counts": inline_formset(list(counts)),
        **fields,
    }


def funder(organisation: int, **fields: str) -> dict[str, str]:
    return {"organisation": str(organisation), "year": "2015", "kind": "fonctionnement", "amount": "", **fields}


def row_errors(response, relation: str, index: int = 0) -> dict[str, list[str]]:
    return response.context["form"].formsets[relation].forms[index].errors


def test_centre_add__every_row_saved(admin_client):
    organisation = factories.OrganisationFactory()
    data = centre_data(
        governance_mandates=[mandate(start_date="2014-06-01", as_of="2015-01-01")],
        external_mandates=[
            {"body_name": "Question de Ville", "role": "coprésidence", "person_name": "", "since": "2015"}
        ],
        staff=[{"name": "Anne Fontaine", "job_title": "directrice", "email": "af@example.org"}],
        members=[{"organisation": "", "name": "Ville de Cergy", "category": "collectivite", "member_since": "2010"}],
        funders=[funder(organisation.pk, amount="15000")],
        information_services=[service({"year": "2014", "count": "124"}, {"year": "2013", "count": "98"})],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302, response.context["form"].errors
    centre = Centre.objects.get(slug="val-d-oise")
    assert centre.governance_mandates.get().as_of.isoformat() == "2015-01-01"
    assert centre.external_mandates.get().since == 2015
    assert centre.staff.get().email == "af@example.org"
    assert centre.members.get().name == "Ville de Cergy"
    assert centre.funders.get().amount == 15000
    assert [(c.year, c.count) for c in centre.information_services.get().counts.all()] == [(2014, 124), (2013, 98)]


def test_centre_edit__every_tab_shown(admin_client):
    centre = factories.CentreFactory()

    response = admin_client.get(f"/admin/snippets/centres/centre/edit/{centre.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    for tab in ("Profil", "Gouvernance", "Équipe", "Adhérents", "Financeurs", "Services d&#x27;information"):
        assert tab in content


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        pytest.param(
            {"start_date": "2015-01-01", "end_date": "2014-12-31"},
            "end_date",
            "La fin du mandat ne peut précéder son début.",
            id="end-before-start",
        ),
        pytest.param(
            {"start_date": "2015-01-01", "as_of": "2014-01-01"},
            "as_of",
            "La date de situation ne peut précéder le début du mandat.",
            id="as-of-before-start",
        ),
        pytest.param(
            {"end_date": "2015-01-01", "as_of": "2016-01-01"},
            "as_of",
            "La date de situation ne peut suivre la fin du mandat.",
            id="as-of-after-end",
        ),
        pytest.param(
            {"office": SCRIPT}, "office", f"Sélectionnez un choix valide. {SCRIPT} n’en fait pas partie.", id="office"
        ),
        pytest.param({"start_date": SCRIPT}, "start_date", "Saisissez une date valide.", id="date"),
    ],
)
def test_centre_add__inconsistent_mandate_is_refused(admin_client, fields, field, message):
    response = admin_client.post(ADD_URL, centre_data(governance_mandates=[mandate(**fields)]))

    assert response.status_code == 200
    assert row_errors(response, "governance_mandates")[field] == [message]
    assert not Centre.objects.exists()
    assert_nothing_unescaped(response.content.decode())


def test_centre_add__year_out_of_range_is_refused(admin_client):
    organisation = factories.OrganisationFactory()
    next_but_one = timezone.localdate().year + 2
    data = centre_data(
        funders=[funder(organisation.pk, year=str(next_but_one))],
        external_mandates=[{"body_name": SCRIPT, "role": "membre", "person_name": "", "since": "1800"}],
        members=[{"organisation": "", "name": "Ville", "category": "collectivite", "member_since": str(next_but_one)}],
    )

    response = admin_client.post(ADD_URL, data)

    this_year = timezone.localdate().year
    assert response.status_code == 200
    assert row_errors(response, "funders")["year"] == [f"Indiquez une année entre 1901 et {this_year + 1}."]
    assert row_errors(response, "external_mandates")["since"] == [f"Indiquez une année entre 1901 et {this_year}."]
    assert row_errors(response, "members")["member_since"] == [f"Indiquez une année entre 1901 et {this_year}."]
    assert not Centre.objects.exists()
    assert_nothing_unescaped(response.content.decode())


def test_centre_add__negative_amount_and_count_are_refused(admin_client):
    organisation = factories.OrganisationFactory()
    data = centre_data(
        funders=[funder(organisation.pk, amount="-10")],
        information_services=[service({"year": "2014", "count": "-124"})],
    )

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert row_errors(response, "funders")["amount"] == ["Un montant ne peut être négatif."]
    count_form = response.context["form"].formsets["information_services"].forms[0].formsets["counts"].forms[0]
    assert count_form.errors["count"] == ["Assurez-vous que cette valeur est supérieure ou égale à 0."]
    assert not Centre.objects.exists()


def test_centre_add__duplicates_per_year_are_refused_in_french(admin_client):
    organisation = factories.OrganisationFactory()
    data = centre_data(
        funders=[funder(organisation.pk), funder(organisation.pk)],
        information_services=[service({"year": "2014", "count": "124"}, {"year": "2014", "count": "125"})],
    )

    response = admin_client.post(ADD_URL, data)

    content = response.content.decode()
    form = response.context["form"]
    assert response.status_code == 200
    assert form.formsets["funders"].non_form_errors() == [
        "Ce financeur figure déjà pour cette année et cette nature de soutien."
    ]
    assert form.formsets["information_services"].forms[0].formsets["counts"].non_form_errors() == [
        "Une seule valeur par année : cette année figure déjà pour ce service."
    ]
    assert "Ce financeur figure déjà pour cette année et cette nature de soutien." in content
    assert not Centre.objects.exists()


@pytest.mark.parametrize(
    ("member", "message"),
    [
        pytest.param({"name": ""}, "Choisissez une structure de l'annuaire ou saisissez un nom.", id="neither"),
        pytest.param(
            {"name": SCRIPT, "organisation": "self"},
            "Choisissez une structure de l'annuaire ou saisissez un nom, pas les deux.",
            id="both",
        ),
    ],
)
def test_centre_add__member_names_one_structure(admin_client, member, message):
    organisation = factories.OrganisationFactory()
    fields = {"organisation": "", "category": "association", "member_since": "", **member}
    if fields["organisation"] == "self":
        fields["organisation"] = str(organisation.pk)

    response = admin_client.post(ADD_URL, centre_data(members=[fields]))

    assert response.status_code == 200
    assert row_errors(response, "members")["name"] == [message]
    assert not Centre.objects.exists()
