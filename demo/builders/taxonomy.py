"""Managed lists, organisations and people: created or updated by their natural key."""

from typing import Any

from publications.models import (
    ActionFormat,
    Audience,
    Organisation,
    Person,
    PublicationCollection,
    Territory,
    Theme,
)
from publications.models.taxonomy import NamedSnippet


def _named(model: type[NamedSnippet], rows: list[dict[str, Any]], **extra: Any) -> None:
    for order, row in enumerate(rows):
        obj = model.objects.filter(name=row["name"]).first() or model(name=row["name"])
        obj.description = row.get("description") or row.get("definition") or ""
        for field, value in extra.items():
            setattr(obj, field, value(order) if callable(value) else value)
        obj.full_clean()
        obj.save()


def taxonomy_load(data: dict[str, Any]) -> None:
    _named(Theme, data["themes"])
    _named(ActionFormat, data["formats"], sort_order=lambda order: order)
    _named(Audience, data["audiences"])
    _named(PublicationCollection, data["collections"])
    for row in data["territories"]:
        territory = Territory.objects.filter(name=row["name"]).first() or Territory(name=row["name"])
        territory.kind = row["kind"]
        territory.code = str(row.get("code") or "")
        territory.parent = Territory.objects.get(name=row["parent"]) if row.get("parent") else None
        territory.full_clean()
        territory.save()


def people_load(data: dict[str, Any]) -> None:
    for row in data["organisations"]:
        organisation = Organisation.objects.filter(name=row["name"]).first() or Organisation(name=row["name"])
        organisation.acronym = row.get("acronym") or ""
        organisation.kind = row["kind"]
        organisation.website = row.get("website") or ""
        organisation.territory = Territory.objects.get(name=row["territory"]) if row.get("territory") else None
        organisation.full_clean()
        organisation.save()
    for row in data["people"]:
        person = Person.objects.filter(first_name=row["first_name"], last_name=row["last_name"]).first() or Person(
            first_name=row["first_name"], last_name=row["last_name"]
        )
        person.position = row.get("position") or ""
        person.organisation = Organisation.objects.get(name=row["organisation"]) if row.get("organisation") else None
        person.full_clean()
        person.save()
