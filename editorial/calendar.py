"""The editorial calendar: its entries, the periods it shows, and the providers other apps plug in.

Days are Paris days whatever the server's or the user's time zone: a session at 23:30 in Paris
sits on that evening, not on the next UTC day.

Extension point: an app with dated things to show (the sending app and its scheduled sends, the
publications app and its action sessions) registers a provider for its kind, once, from its
``AppConfig.ready()``, so that editorial, below them, imports neither::

    from editorial.calendar import EntryKind, calendar_provider_register

    calendar_provider_register(EntryKind.NEWSLETTER_SEND, newsletter_sends_in_range)

A provider is called as ``provider(start=..., end=...)`` with aware datetimes (``start`` included,
``end`` excluded) and returns ``CalendarEntry`` objects of its kind, in a constant number of
queries whatever their number. Registering again for a kind replaces the provider.
"""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.time_zone import PARIS

# Dates the calendar accepts: far enough for any archive or plan, and far enough from
# datetime.date.min/max that a week or month around them never overflows.
FIRST_DATE = datetime.date(1900, 1, 1)
LAST_DATE = datetime.date(2999, 12, 31)


class EntryKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication programmée")
    NEWSLETTER_SEND = "newsletter_send", _("Envoi de lettre programmé")
    ACTION_SESSION = "action_session", _("Séance d'action")


# Shown in the month grid, where the full label does not fit (the full one is read out).
KIND_SHORT_LABELS = {
    EntryKind.PUBLICATION: _("Publication"),
    EntryKind.NEWSLETTER_SEND: _("Envoi"),
    EntryKind.ACTION_SESSION: _("Séance"),
}

# Entries at the same minute: what goes online first, then what is sent, then what happens.
KIND_ORDER = {EntryKind.PUBLICATION: 0, EntryKind.NEWSLETTER_SEND: 1, EntryKind.ACTION_SESSION: 2}


class CalendarView(models.TextChoices):
    WEEK = "semaine", _("Semaine")
    MONTH = "mois", _("Mois")


@dataclass(frozen=True)
class CalendarEntry:
    """Something dated the editors plan around, with the page it belongs to."""

    kind: EntryKind
    starts_at: datetime.datetime
    title: str
    page: Any = None
    ends_at: datetime.datetime | None = None
    detail: str = ""
    cancelled: bool = False

    @property
    def kind_label(self) -> str:
        return str(EntryKind(self.kind).label)

    @property
    def kind_short_label(self) -> str:
        return str(KIND_SHORT_LABELS.get(self.kind, self.kind_label))

    @property
    def day(self) -> datetime.date:
        return self.starts_at.astimezone(PARIS).date()

    def sort_key(self) -> tuple[datetime.datetime, int, str]:
        return (self.starts_at, KIND_ORDER.get(self.kind, len(KIND_ORDER)), self.title)


class CalendarProvider(Protocol):
    def __call__(self, *, start: datetime.datetime, end: datetime.datetime) -> Iterable[CalendarEntry]: ...


def _newsletter_sends_none(*, start: datetime.datetime, end: datetime.datetime) -> list[CalendarEntry]:
    """No send model exists yet: the newsletters app replaces this provider when it adds one."""
    return []


_providers: dict[str, CalendarProvider] = {
    EntryKind.NEWSLETTER_SEND: _newsletter_sends_none,
}


def calendar_provider_register(kind: EntryKind, provider: CalendarProvider) -> None:
    """Make ``provider`` the source of the calendar's entries of ``kind`` (see the module's docstring)."""
    _providers[EntryKind(kind)] = provider


def calendar_providers() -> dict[str, CalendarProvider]:
    """The registered providers by kind (a copy)."""
    return dict(_providers)


# Periods


def paris_midnight(day: datetime.date) -> datetime.datetime:
    """The aware instant a Paris day begins (midnight always exists in Paris: DST changes at 2–3 h)."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=PARIS)


def paris_today() -> datetime.date:
    return timezone.localdate(timezone=PARIS)


def _month_shift(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class CalendarPeriod:
    """A week (Monday to Sunday) or a month, around the day asked for."""

    view: str
    anchor: datetime.date
    first_day: datetime.date
    last_day: datetime.date

    @classmethod
    def around(cls, *, view: str, day: datetime.date) -> "CalendarPeriod":
        if view == CalendarView.MONTH:
            first = day.replace(day=1)
            last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        else:
            view = CalendarView.WEEK
            first = day - datetime.timedelta(days=day.weekday())
            last = first + datetime.timedelta(days=6)
        return cls(view=str(view), anchor=day, first_day=first, last_day=last)

    @property
    def start(self) -> datetime.datetime:
        return paris_midnight(self.first_day)

    @property
    def end(self) -> datetime.datetime:
        """The first instant after the period (excluded)."""
        return paris_midnight(self.last_day + datetime.timedelta(days=1))

    @property
    def days(self) -> list[datetime.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + datetime.timedelta(days=n) for n in range(count)]

    @property
    def previous_day(self) -> datetime.date | None:
        """A day of the period before, or None before the first accepted date."""
        if self.view == CalendarView.MONTH:
            day = _month_shift(self.first_day, -1)
            return day if day >= FIRST_DATE.replace(day=1) else None
        day = self.first_day - datetime.timedelta(days=7)
        return day if day + datetime.timedelta(days=6) >= FIRST_DATE else None

    @property
    def next_day(self) -> datetime.date | None:
        """A day of the period after, or None past the last accepted date."""
        if self.view == CalendarView.MONTH:
            day = _month_shift(self.first_day, 1)
        else:
            day = self.last_day + datetime.timedelta(days=1)
        return day if day <= LAST_DATE else None


class Dated(Protocol):
    @property
    def day(self) -> datetime.date: ...


@dataclass
class CalendarDay:
    date: datetime.date
    entries: list[Any] = field(default_factory=list)
    is_today: bool = False
    in_period: bool = True


def calendar_days(*, period: CalendarPeriod, entries: Iterable[Dated], today: datetime.date) -> list[CalendarDay]:
    """Each day of the period with its entries (entries, or anything with a ``day``), in the order given."""
    days = {day: CalendarDay(date=day, is_today=day == today) for day in period.days}
    for entry in entries:
        if entry.day in days:
            days[entry.day].entries.append(entry)
    return list(days.values())


def calendar_weeks(*, period: CalendarPeriod, days: list[CalendarDay]) -> list[list[CalendarDay]]:
    """The month as rows of seven days, Monday first; days of the neighbouring months are blank."""
    leading = [
        CalendarDay(date=period.first_day - datetime.timedelta(days=n), in_period=False)
        for n in range(period.first_day.weekday(), 0, -1)
    ]
    trailing = [
        CalendarDay(date=period.last_day + datetime.timedelta(days=n), in_period=False)
        for n in range(1, 7 - period.last_day.weekday())
    ]
    cells = [*leading, *days, *trailing]
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]
