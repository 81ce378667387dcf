"""The publications app gives the editorial calendar its action sessions, through the calendar's registry."""

from editorial.calendar import EntryKind, calendar_providers
from publications.editorial_calendar import action_sessions_in_range


def test_editorial_calendar__action_sessions_are_the_registered_provider():
    assert calendar_providers()[EntryKind.ACTION_SESSION] is action_sessions_in_range
