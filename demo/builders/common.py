"""Helpers every demo builder uses: lookups by name, idempotent pages and files."""

import datetime as dt
from collections.abc import Callable, Iterable
from html import escape
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import models
from django.utils.text import slugify
from wagtail.models import Collection, Page

from assets.models import CustomDocument, CustomImage, CustomMedia
from demo.files import pdf_bytes, png_bytes, wav_bytes

PARIS = ZoneInfo("Europe/Paris")
M = TypeVar("M", bound=models.Model)
P = TypeVar("P", bound=Page)


def paragraphs_html(paragraphs: str | Iterable[str] | None) -> str:
    if not paragraphs:
        return ""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return "".join(f"<p>{escape(p.strip())}</p>" for p in paragraphs)


def plain(paragraphs: str | Iterable[str] | None) -> str:
    if not paragraphs:
        return ""
    return paragraphs if isinstance(paragraphs, str) else "\n\n".join(paragraphs)


def ordered(rows: Iterable[M]) -> list[M]:
    """Number inline rows in the order given, as the admin's inline panels would."""
    rows = list(rows)
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows


def local_datetime(value: str) -> dt.datetime:
    """« 2017-03-14T09:30 » read as Paris time."""
    return dt.datetime.fromisoformat(value).replace(tzinfo=PARIS)


def a_date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def slug_for(title: str) -> str:
    return slugify(title)[:80].strip("-") or "page"


class Lookup:
    """Finds the rows the data files refer to by name, failing loudly on a dangling reference."""

    def __init__(self, model: type[M], key: Callable[[M], str] = str) -> None:
        self.model = model
        self.by_name = {key(obj): obj for obj in model.objects.all()}

    def __call__(self, name: str) -> Any:
        try:
            return self.by_name[name]
        except KeyError:
            raise KeyError(f"demo data refers to an unknown {self.model.__name__}: {name!r}") from None

    def many(self, names: Iterable[str] | None) -> list[Any]:
        return [self(name) for name in names or []]


def page_ensure(parent: Page, page: P, *, children: Callable[[P], None] | None = None) -> tuple[P, bool]:
    """Add ``page`` under ``parent`` and publish it, unless a sibling already has its slug.

    An existing page is left as it is: editors may have changed the demo.
    """
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific, False
    if children:
        children(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def collection_ensure(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def document_ensure(*, title: str, paragraphs: list[str], pages: int, collection: Collection) -> CustomDocument:
    document = CustomDocument.objects.filter(title=title).first()
    if document is None:
        document = CustomDocument(title=title, collection=collection)
        content = pdf_bytes(title=title, paragraphs=paragraphs, pages=pages)
        document.file.save(f"{slug_for(title)}.pdf", ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
    return document


def image_ensure(*, title: str, size: int, colour: tuple[int, int, int], collection: Collection) -> CustomImage:
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        image = CustomImage(title=title, collection=collection, alt_text="")
        content = png_bytes(width=size, height=size, colour=colour, label=title)
        image.file.save(f"{slug_for(title)}.png", ContentFile(content), save=False)
        image.width = image.height = size
        image.file_size = len(content)
        image.save()
    return image


def audio_ensure(*, title: str, seconds: float, frequency: float, collection: Collection) -> CustomMedia:
    media = CustomMedia.objects.filter(title=title).first()
    if media is None:
        media = CustomMedia(title=title, type="audio", collection=collection)
        media.file.save(
            f"{slug_for(title)}.wav", ContentFile(wav_bytes(seconds=seconds, frequency=frequency)), save=False
        )
        media.full_clean()
        media.save()
    return media
