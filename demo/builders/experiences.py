"""Experience records in the network's shared template."""

from typing import Any

from demo.builders.common import Lookup, page_ensure, paragraphs_html, plain, slug_for
from publications.models import ExperienceIndexPage, ExperiencePage, Organisation, Territory, Theme


def experiences_load(index: ExperienceIndexPage, rows: list[dict[str, Any]]) -> None:
    territories = Lookup(Territory, key=lambda t: t.name)
    themes, organisations = Lookup(Theme), Lookup(Organisation, key=lambda o: o.name)
    for row in rows:
        contact = row.get("contact") or {}
        page = ExperiencePage(
            title=row["title"],
            slug=slug_for(row["title"]),
            summary=plain((row.get("objectives") or row.get("context") or [])[:1])[:600],
            town=territories(row["town"]),
            period=row["period"],
            context=paragraphs_html(row.get("context")),
            objectives=paragraphs_html(row.get("objectives")),
            actors=paragraphs_html(row.get("actors")),
            description=paragraphs_html(row.get("description")),
            results=paragraphs_html(row.get("results")),
            contact_name=contact.get("name", ""),
            contact_role=contact.get("role", ""),
            contact_email=contact.get("email", ""),
            contact_phone=contact.get("phone", ""),
        )
        page.themes = themes.many(row.get("themes"))
        page.territories = territories.many(row.get("territories"))
        page.organisations = organisations.many(row.get("organisations"))
        page_ensure(index, page)
