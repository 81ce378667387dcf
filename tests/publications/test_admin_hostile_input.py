"""Hostile input in the admin forms of territories and people: refused cleanly, never echoed as markup."""

import pytest
from django.utils.html import escape

from publications.models import Person, Territory
from tests import factories

SCRIPT = '<script>alert("élu·e·s")</script>'
ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT, ATTRIBUTE_BREAKOUT)


def too_long(max_length: int) -> str:
    """A script payload padded past `max_length` characters."""
    return SCRIPT + "é" * max_length


def max_length_message(limit: int, actual: int) -> str:
    return f"Assurez-vous que cette valeur comporte au plus {limit} caractères (actuellement {actual})."


def assert_nothing_unescaped(content: str) -> None:
    for payload in PAYLOADS:
        assert payload not in content
    assert escape(SCRIPT) in content


def territory_data(**overrides: str) -> dict[str, str]:
    return {"name": "Saint-Denis", "kind": "commune", "code": "93066", "parent": "", **overrides}


def person_data(**overrides: str) -> dict[str, str]:
    return {
        "first_name": "Nadia",
        "last_name": "Benali",
        "position": ATTRIBUTE_BREAKOUT,
        "organisation": "",
        "biography": SCRIPT,
        "photo": "",
        **overrides,
    }


@pytest.mark.parametrize(
    ("data", "field", "max_length"),
    [
        pytest.param(territory_data(name=too_long(150), code='"><b>93</b>'), "name", 150, id="name"),
        pytest.param(territory_data(name=SCRIPT, code=too_long(16)), "code", 16, id="code"),
    ],
)
def test_territory_add__too_long_value_is_refused(admin_client, data, field, max_length):
    response = admin_client.post("/admin/snippets/publications/territory/add/", data)

    content = response.content.decode()
    message = max_length_message(max_length, len(data[field]))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert escape(message) in content
    assert not Territory.objects.exists()
    assert_nothing_unescaped(content)


def test_territory_add__script_as_kind_is_refused(admin_client):
    data = territory_data(name=SCRIPT, kind=SCRIPT)

    response = admin_client.post("/admin/snippets/publications/territory/add/", data)

    assert response.status_code == 200
    assert response.context["form"].errors["kind"] == [f"Sélectionnez un choix valide. {SCRIPT} n’en fait pas partie."]
    assert not Territory.objects.exists()
    assert_nothing_unescaped(response.content.decode())


@pytest.mark.parametrize("kind", [pytest.param("", id="missing-kind"), pytest.param(SCRIPT, id="script-kind")])
def test_territory_add__parent_without_a_valid_kind_is_refused(admin_client, kind):
    departement = factories.TerritoryFactory(departement=True)
    data = territory_data(name=SCRIPT, kind=kind, parent=str(departement.pk))

    response = admin_client.post("/admin/snippets/publications/territory/add/", data)

    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert Territory.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "max_length"),
    [
        pytest.param("first_name", 100, id="first_name"),
        pytest.param("last_name", 100, id="last_name"),
        pytest.param("position", 255, id="position"),
    ],
)
def test_person_add__too_long_value_is_refused(admin_client, field, max_length):
    value = too_long(max_length)

    response = admin_client.post("/admin/snippets/publications/person/add/", person_data(**{field: value}))

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [max_length_message(max_length, len(value))]
    assert escape(max_length_message(max_length, len(value))) in content
    assert not Person.objects.exists()
    assert_nothing_unescaped(content)


CHOOSER_FIELDS = [
    pytest.param("territory", territory_data, "parent", id="territory-parent"),
    pytest.param("person", person_data, "organisation", id="person-organisation"),
    pytest.param("person", person_data, "photo", id="person-photo"),
]


@pytest.mark.parametrize(("model", "data_function", "field"), CHOOSER_FIELDS)
def test_chooser_field__unknown_id_is_refused(admin_client, model, data_function, field):
    response = admin_client.post(f"/admin/snippets/publications/{model}/add/", data_function(**{field: "999999"}))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [
        "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."
    ]
    assert not Territory.objects.exists()
    assert not Person.objects.exists()


@pytest.mark.xfail(
    strict=True,
    raises=ValueError,
    reason=(
        "Wagtail's chooser widgets (BaseChooser.get_instance, wagtail/admin/widgets/chooser.py) run "
        "objects.get(pk=value) on the submitted value when the invalid form is re-rendered, and only catch "
        "DoesNotExist: a non-numeric id is a server error instead of the form error"
    ),
)
@pytest.mark.parametrize(("model", "data_function", "field"), CHOOSER_FIELDS)
def test_chooser_field__script_as_id_is_refused(admin_client, model, data_function, field):
    response = admin_client.post(f"/admin/snippets/publications/{model}/add/", data_function(**{field: SCRIPT}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Territory.objects.exists()
    assert not Person.objects.exists()
    assert_nothing_unescaped(response.content.decode())


def test_person_edit__too_long_value_leaves_the_person_unchanged(admin_client):
    person = factories.PersonFactory(first_name="Nadia", last_name="Benali")

    response = admin_client.post(
        f"/admin/snippets/publications/person/edit/{person.pk}/", person_data(last_name=too_long(100))
    )

    assert response.status_code == 200
    assert "last_name" in response.context["form"].errors
    person.refresh_from_db()
    assert (person.last_name, person.biography) == ("Benali", factories.PersonFactory.biography)
    assert_nothing_unescaped(response.content.decode())


def test_person_add__markup_of_valid_length_is_kept_as_text_and_listed_escaped(admin_client):
    response = admin_client.post("/admin/snippets/publications/person/add/", person_data(last_name=SCRIPT[:100]))

    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.last_name, person.position, person.biography) == (SCRIPT, ATTRIBUTE_BREAKOUT, SCRIPT)
    listing = admin_client.get("/admin/snippets/publications/person/")
    assert listing.status_code == 200
    assert_nothing_unescaped(listing.content.decode())
