"""Helpers every demo builder uses: lookups by name, idempotent pages and files."""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from html import escape
from typing import Any, TypeVar

from django.core.files.base import ContentFile
from django.db import models
from django.utils.text import slugify
from wagtail.models import Collection, Orderable, Page

from assets.models import CustomDocument, CustomImage, CustomMedia
from config.time_zone import PARIS
from demo.files import DEMO_AUDIO, pdf_bytes, png_bytes

M = TypeVar("M", bound=models.Model)
P = TypeVar("P", bound=Page)
R = TypeVar("R", bound=Orderable)


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


def ordered(rows: Iterable[R]) -> list[R]:
    """Number inline rows in the order given, as the admin's inline panels would."""
    rows = list(rows)
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows


# Relative values keep the demo current. Counted from the day of loading: « +21d 09:30 »
# is 21 days later at 9:30; « +3w tue 14:00 » the Tuesday of the third week after this one
# (weeks start on Monday), for events that belong on a working day; « -3d » three days
# before; « +0y » the year of loading.
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RELATIVE_DAY = re.compile(r"(?P<days>[+-]\d{1,4})d")
_RELATIVE_DATETIME = re.compile(
    rf"(?:(?P<days>[+-]\d{{1,4}})d|(?P<weeks>[+-]\d{{1,3}})w (?P<weekday>{'|'.join(_WEEKDAYS)})) "
    r"(?P<hour>\d{2}):(?P<minute>\d{2})"
)
_RELATIVE_YEAR = re.compile(r"(?P<years>[+-]\d{1,2})y")


def demo_today() -> dt.date:
    """The day the demo is loaded, in Paris: what relative dates count from."""
    return dt.datetime.now(PARIS).date()


def _relative_day(match: re.Match[str], today: dt.date) -> dt.date:
    if match["days"] is not None:
        return today + dt.timedelta(days=int(match["days"]))
    monday = today - dt.timedelta(days=today.weekday())
    return monday + dt.timedelta(weeks=int(match["weeks"]), days=_WEEKDAYS.index(match["weekday"]))


def local_datetime(value: str, *, today: dt.date | None = None) -> dt.datetime:
    """« 2017-03-14T09:30 », or relative to today (« +21d 09:30 », « +3w tue 09:30 »), as Paris time."""
    if not isinstance(value, str):
        raise ValueError(f"demo data: date and time must be quoted text, got {value!r}")
    relative = _RELATIVE_DATETIME.fullmatch(value.strip())
    try:
        if relative is None:
            return dt.datetime.fromisoformat(value).replace(tzinfo=PARIS)
        day = _relative_day(relative, today or demo_today())
        return dt.datetime.combine(day, dt.time(int(relative["hour"]), int(relative["minute"])), tzinfo=PARIS)
    except ValueError:
        raise ValueError(
            f"demo data: malformed date and time {value!r}: expected « 2017-03-14T09:30 », "
            "« +21d 09:30 » (days from the day of loading, then the hour, Paris time) "
            "or « +3w tue 09:30 » (a weekday of the third week from this one)"
        ) from None


def a_date(value: str | dt.date, *, today: dt.date | None = None) -> dt.date:
    """« 2017-03-24 », or « -3d » (days from today)."""
    if isinstance(value, dt.date):
        return value
    relative = _RELATIVE_DAY.fullmatch(str(value).strip())
    try:
        if relative is None:
            return dt.date.fromisoformat(value)
        return (today or demo_today()) + dt.timedelta(days=int(relative["days"]))
    except (TypeError, ValueError):
        raise ValueError(
            f"demo data: malformed date {value!r}: expected « 2017-03-24 » or « -3d » (days from the day of loading)"
        ) from None


def a_year(value: int | str, *, today: dt.date | None = None) -> int:
    """« 2017 », or « +0y » (the year of loading), « -1y » (the year before)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    relative = _RELATIVE_YEAR.fullmatch(str(value).strip())
    if relative is None:
        raise ValueError(
            f"demo data: malformed year {value!r}: expected « 2017 » or « +0y » (years from the year of loading)"
        )
    return (today or demo_today()).year + int(relative["years"])


def text_fit(text: str, limit: int) -> str:
    """The text within ``limit`` characters, cut after a whole word and closed by « … » when it had to be cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:·-—")
    return f"{cut}…"


def slug_for(title: str) -> str:
    return slugify(title)[:80].strip("-") or "page"


class Lookup:
    """Finds the rows the data files refer to by name, failing loudly on a dangling reference."""

    def __init__(self, model: type[M], key: Callable[[M], str] = str) -> None:
        self.model = model
        self.by_name = {key(obj): obj for obj in model._default_manager.all()}

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


def image_ensure(
    *,
    title: str,
    size: int,
    colour: tuple[int, int, int],
    collection: Collection,
    label: str | None = None,
    height: int | None = None,
    font_size: int | None = None,
) -> CustomImage:
    """A picture ``size`` wide (square unless ``height``), captioned with ``label`` (the title by default)."""
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        image = CustomImage(title=title, collection=collection, alt_text="")
        height = height or size
        content = png_bytes(
            width=size, height=height, colour=colour, label=title if label is None else label, font_size=font_size
        )
        image.file.save(f"{slug_for(title)}.png", ContentFile(content), save=False)
        image.width, image.height = size, height
        image.file_size = len(content)
        image.save()
    return image


def audio_ensure(*, title: str, collection: Collection) -> CustomMedia:
    """An episode's audio: the demo's MP3 tone (see demo/files.py), under the episode's title."""
    media = CustomMedia.objects.filter(title=title).first()
    if media is None:
        media = CustomMedia(title=title, type="audio", collection=collection)
        media.file.save(f"{slug_for(title)}.mp3", ContentFile(DEMO_AUDIO.read_bytes()), save=False)
        media.full_clean()
        media.save()
    return media
