"""The content of an issue as the email shows it: sections of flat items, read once from the StreamField.

Both the HTML and the plain-text parts are rendered from these values, so they always say the same thing.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from config.public_url import absolute_url
from newsletters.linked_pages import issue_linked_pages_load

# Covers are shown small beside their item; the rendition keeps the aspect ratio.
COVER_RENDITION = "max-96x136"


@dataclass(frozen=True)
class EmailImage:
    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class EmailItem:
    title: str
    url: str = ""
    tag: str = ""
    meta: str = ""
    summary: str = ""
    image: EmailImage | None = None


@dataclass(frozen=True)
class EmailSection:
    kind: str
    heading: str
    subheading: str = ""
    items: list[EmailItem] = field(default_factory=list)


def _public_page(page: Page | None, visible: set[int]) -> Page | None:
    """The page, if a reader of the email may open it (``visible``: `newsletters.linked_pages`)."""
    return page.specific if page is not None and page.pk in visible else None


def _page_url(page: Page | None) -> str:
    """The address of a page ``_public_page`` let through."""
    return (page.full_url or "") if page else ""


def _cover(page: Page | None) -> EmailImage | None:
    """The cover of a page ``_public_page`` let through."""
    image = getattr(page, "cover", None) if page else None
    if page is None or image is None:
        return None
    rendition = image.get_rendition(COVER_RENDITION)
    alt = getattr(image, "alt_text", "") or _("Couverture : %(title)s") % {"title": page.title}
    return EmailImage(url=absolute_url(rendition.url), width=rendition.width, height=rendition.height, alt=alt)


def _linked_item(value: Any, visible: set[int]) -> EmailItem | None:
    """An item and what its page lends it; a page the public may not read lends nothing.

    Left with no title of its own, the item is left out, as the preview shows the editor.
    """
    page = _public_page(value.get("page"), visible)
    url = value.get("url") or _page_url(page)
    title = value.get("title") or (page.title if page else "")
    if not title:
        return None
    summary = value.get("summary") or (value.resolved_summary if page else "")
    return EmailItem(
        title=title,
        url=url,
        tag=value.get("tag", ""),
        meta=value.get("town", ""),
        summary=summary,
        image=_cover(page),
    )


def _joined(*parts: Any) -> str:
    return ", ".join(str(part) for part in parts if part)


def _item(kind: str, value: Any, visible: set[int]) -> EmailItem | None:
    if kind in ("centre_news", "national_news", "territory_news"):
        return _linked_item(value, visible)
    if kind == "in_brief":
        return EmailItem(title=value["title"], url=value["url"])
    if kind == "moves":
        return EmailItem(title=value["person"], meta=_joined(value["new_post"], value.get("place")))
    if kind == "press":
        when = date_format(value["date"], "j F Y") if value.get("date") else ""
        return EmailItem(title=value["title"], url=value.get("url") or "", meta=_joined(value["source"], when))
    if kind == "reading":
        pages = _("%(count)s p.") % {"count": value["pages"]} if value.get("pages") else ""
        return EmailItem(
            title=value["title"],
            url=value.get("url") or "",
            meta=_joined(value["authors"], value.get("publisher"), value.get("year"), pages),
            summary=value.get("excerpt") or "",
        )
    raise ValueError(f"Unknown section item kind: {kind}")


def _experience_item(page: Page | None, visible: set[int]) -> list[EmailItem]:
    page = _public_page(page, visible)
    if page is None:
        return []
    town = getattr(page, "town", None)
    return [
        EmailItem(
            title=page.title,
            url=_page_url(page),
            meta=_joined(town, getattr(page, "period", "")),
            summary=getattr(page, "summary", ""),
        )
    ]


def issue_sections(sections: Any) -> list[EmailSection]:
    """Flatten the issue's StreamField into the sections the email shows, empty ones left out."""
    visible = issue_linked_pages_load(sections, cover_rendition=COVER_RENDITION)
    result = []
    for block in sections:
        kind, value = block.block_type, block.value
        if kind == "experience":
            items = _experience_item(value.get("experience"), visible)
        elif kind == "website":
            items = [EmailItem(title=value["name"], url=value["url"], summary=value["description"])]
        else:
            items = [item for item in (_item(kind, raw, visible) for raw in value["items"]) if item is not None]
        if items:
            result.append(
                EmailSection(kind=kind, heading=value["heading"], subheading=value.get("theme", ""), items=items)
            )
    return result
