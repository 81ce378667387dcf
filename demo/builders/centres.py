"""The demo's centres: each owns its site, its home page and sections, its media collection, its lists."""

from dataclasses import dataclass
from typing import Any

from django.core.management.base import CommandError
from wagtail.models import Collection

from centres.models import Centre
from demo.builders.common import Lookup, collection_ensure
from demo.builders.site import SiteTree, centre_site_ensure
from publications.models import Organisation, Territory


@dataclass
class CentreSite:
    centre: Centre
    collection: Collection
    tree: SiteTree


def demo_database_check() -> None:
    """Refuse a database loaded by the single-site demo: its one centre owns the default site.

    That site is the network's now, and moving its pages to four centres would guess at what an
    administrator changed since; a new database costs one start.
    """
    if Centre.objects.filter(site__is_default_site=True).exists():
        raise CommandError(
            "Cette base de démonstration date d'avant les sites des centres (un seul centre y occupe le site "
            "par défaut). Supprimez var/db.sqlite3, puis relancez « python3 dev.py start »."
        )


def _centre_ensure(row: dict[str, Any]) -> Centre:
    """The centre of the row's slug with its profile, made once; a centre an administrator edited is left alone."""
    centre = Centre.objects.filter(slug=row["slug"]).first()
    if centre is None:
        centre = Centre(
            slug=row["slug"],
            name=row["name"],
            acronym=row.get("acronym") or "",
            legal_form=row["legal_form"],
            mission=row["mission"],
            territory_served=row["territory_served"],
            region=Lookup(Territory, key=lambda t: t.name)(row["region"]),
            organisation=Lookup(Organisation, key=lambda o: o.name)(row["name"]),
        )
        centre.full_clean(exclude=["site", "collection"])
        centre.save()
    return centre


def centre_load(row: dict[str, Any]) -> CentreSite:
    """The centre, its media collection (named after it) and its site with the sections."""
    centre = _centre_ensure(row)
    collection = centre.collection
    if collection is None:
        collection = centre.collection = collection_ensure(centre.name)
        centre.save(update_fields=["collection"])
    tree = centre_site_ensure(centre, introduction=row["introduction"])
    return CentreSite(centre=centre, collection=collection, tree=tree)
