"""The pages an issue's items point to, loaded for the whole issue at once.

A linked item shows its page's title, summary, link and cover, and only while the public may
read the page. Asked item by item, that is two or three queries per item (the page's
visibility, its specific row, its cover and rendition); here it is a fixed number per issue:
one for visibility, one per page type, one for the covers and one for their renditions.
"""

from typing import Any

from wagtail.images import get_image_model
from wagtail.models import Page

from publications.visibility import visible_page_ids


def issue_chosen_pages(sections: Any) -> list[Page]:
    """Every page an item or the experience section of ``sections`` (the issue's StreamField) chose."""
    chosen: list[Page] = []
    for section in sections:
        value = section.value
        if section.block_type == "experience" and value.get("experience") is not None:
            chosen.append(value["experience"])
        for item in value.get("items", []) if hasattr(value, "get") else []:
            linked = item.get("page") if hasattr(item, "get") else None
            if linked is not None:
                chosen.append(linked)
    return chosen


def _covers_load(pages: list[Page], rendition: str) -> None:
    ids = {page.cover_id for page in pages if getattr(page, "cover_id", None)}
    if not ids:
        return
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(rendition).in_bulk()
    for page in pages:
        if getattr(page, "cover_id", None) in images:
            page.cover = images[page.cover_id]


def issue_linked_pages_load(sections: Any, *, cover_rendition: str | None = None) -> set[int]:
    """Fill the ``specific`` of every chosen page (Wagtail caches it on the instance), with its
    cover and that rendition when asked; return the ids of those the public may read."""
    chosen = issue_chosen_pages(sections)
    if not chosen:
        return set()
    specific = list(Page.objects.filter(pk__in={page.pk for page in chosen}).specific())
    if cover_rendition:
        _covers_load(specific, cover_rendition)
    by_id = {page.pk: page for page in specific}
    for page in chosen:
        if page.pk in by_id:
            page.__dict__["specific"] = by_id[page.pk]
    return visible_page_ids(chosen)
