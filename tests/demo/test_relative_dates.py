"""Dates in the demo data may count from the day of loading, so that the agenda always has a future."""

import datetime as dt

import pytest

from config.time_zone import PARIS
from demo.builders.common import a_date, a_year, local_datetime

# A Sunday: the weekday forms count weeks from the Monday before.
TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+21d 09:30", dt.datetime(2026, 12, 13, 9, 30, tzinfo=PARIS)),
        ("+0d 18:00", dt.datetime(2026, 11, 22, 18, 0, tzinfo=PARIS)),
        ("-2d 08:15", dt.datetime(2026, 11, 20, 8, 15, tzinfo=PARIS)),
        ("+3w tue 14:00", dt.datetime(2026, 12, 8, 14, 0, tzinfo=PARIS)),
        ("+0w mon 10:00", dt.datetime(2026, 11, 16, 10, 0, tzinfo=PARIS)),
        ("+10w sat 09:30", dt.datetime(2027, 1, 30, 9, 30, tzinfo=PARIS)),
        (" +21d 09:30 ", dt.datetime(2026, 12, 13, 9, 30, tzinfo=PARIS)),
        ("2017-03-14T09:30", dt.datetime(2017, 3, 14, 9, 30, tzinfo=PARIS)),
    ],
)
def test_local_datetime__relative_and_absolute_values(value, expected):
    assert local_datetime(value, today=TODAY) == expected


def test_local_datetime__relative_value_keeps_paris_wall_time_across_dst():
    starts_at = local_datetime("+150d 09:30", today=TODAY)
    assert (starts_at.date(), starts_at.hour, starts_at.utcoffset()) == (
        dt.date(2027, 4, 21),
        9,
        dt.timedelta(hours=2),
    )


def test_local_datetime__counts_from_today_in_paris_by_default():
    today = dt.datetime.now(PARIS).date()
    assert local_datetime("+21d 09:30").date() == today + dt.timedelta(days=21)


@pytest.mark.parametrize(
    "value",
    [
        "+21 09:30",
        "21d 09:30",
        "+21d",
        "+21d 9:30",
        "+21d 25:00",
        "+21d 09:60",
        "+3w tues 09:30",
        "+3w 09:30",
        "+3x 09:30",
        "dans trois semaines",
        "2017-02-30T09:30",
        "",
    ],
)
def test_local_datetime__malformed_value_is_refused_clearly(value):
    with pytest.raises(ValueError, match=r"malformed date and time .*\+21d 09:30"):
        local_datetime(value, today=TODAY)


def test_local_datetime__unquoted_value_is_refused_clearly():
    with pytest.raises(ValueError, match="quoted text"):
        local_datetime(dt.datetime(2017, 3, 14, 9, 30), today=TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("-3d", dt.date(2026, 11, 19)), ("+10d", dt.date(2026, 12, 2)), ("2017-03-24", dt.date(2017, 3, 24))],
)
def test_a_date__relative_and_absolute_values(value, expected):
    assert a_date(value, today=TODAY) == expected


@pytest.mark.parametrize("value", ["3d", "-3 d", "+3w", "2017-13-01", 17])
def test_a_date__malformed_value_is_refused_clearly(value):
    with pytest.raises(ValueError, match="malformed date"):
        a_date(value, today=TODAY)


@pytest.mark.parametrize(("value", "expected"), [(2017, 2017), ("+0y", 2026), ("-1y", 2025), ("+1y", 2027)])
def test_a_year__relative_and_absolute_values(value, expected):
    assert a_year(value, today=TODAY) == expected


@pytest.mark.parametrize("value", ["0y", "+y", "2017", "l'an prochain", True, None])
def test_a_year__malformed_value_is_refused_clearly(value):
    with pytest.raises(ValueError, match="malformed year"):
        a_year(value, today=TODAY)
