"""Publications with generated PDF files and covers."""

from typing import Any

from wagtail.models import Collection

from demo.builders.common import (
    Lookup,
    a_date,
    document_ensure,
    image_ensure,
    ordered,
    page_ensure,
    paragraphs_html,
    plain,
    slug_for,
)
from publications.models import (
    ActionPage,
    Organisation,
    Person,
    PublicationAuthor,
    PublicationCollection,
    PublicationDocument,
    PublicationIndexPage,
    PublicationPage,
    Territory,
    Theme,
)

_COVER_COLOURS = [(33, 64, 154), (160, 40, 60), (20, 110, 90), (120, 70, 150), (200, 110, 20), (60, 60, 60)]


def publications_load(index: PublicationIndexPage, rows: list[dict[str, Any]], *, collection: Collection) -> None:
    collections = Lookup(PublicationCollection)
    themes, territories = Lookup(Theme), Lookup(Territory, key=lambda t: t.name)
    organisations = Lookup(Organisation, key=lambda o: o.name)
    people = Lookup(Person, key=lambda p: f"{p.first_name} {p.last_name}")
    actions = {page.title: page for page in ActionPage.objects.all()}
    for number, row in enumerate(rows):
        abstract = row.get("abstract") or []
        page = PublicationPage(
            title=row["title"],
            slug=slug_for(row["title"]),
            collection=collections(row["collection"]),
            number=str(row.get("number") or ""),
            publication_date=a_date(row["date"]),
            summary=plain(abstract[:1]),
            abstract=paragraphs_html(abstract),
        )
        page.themes = themes.many(row.get("themes"))
        page.territories = territories.many(row.get("territories"))
        page.co_publishers = organisations.many(row.get("co_publishers"))
        page.related_actions = [actions[title] for title in row.get("related_actions", [])]

        def children(publication: PublicationPage, row: dict[str, Any] = row, number: int = number) -> None:
            document = document_ensure(
                title=row["title"],
                paragraphs=row.get("abstract") or [],
                pages=row.get("pages", 2),
                collection=collection,
            )
            publication.documents.set(ordered([PublicationDocument(document=document, label="Version PDF")]))
            publication.authors.set(
                ordered(
                    [
                        PublicationAuthor(person=people(a["person"]), role=a.get("role", "auteur"))
                        for a in row.get("authors", [])
                    ]
                )
            )
            publication.cover = image_ensure(
                title=f"Couverture — {row['title']}",
                size=600,
                colour=_COVER_COLOURS[number % len(_COVER_COLOURS)],
                collection=collection,
            )

        page_ensure(index, page, children=children)
