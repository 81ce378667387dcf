"""Integers read from outside: query strings, URL paths and the payloads of signed tokens.

One parser for all of them, because the obvious ones are wrong: ``str.isdigit()`` accepts « ² »
and « ٣ », which ``int()`` then refuses or reads; ``int()`` accepts « 1_000 », spaces and signs;
and a well-formed 30-digit id overflows PostgreSQL's integer columns (a 500 on PostgreSQL, a
quiet miss on SQLite). What comes out is an ``int`` the database can store, or ``None``.
"""

import re
from typing import Any, overload

# PostgreSQL's ``integer``, the id of Wagtail's tables (pages, revisions, images, documents).
# The project's own tables have ``bigint`` ids, but none will hold two billion rows, and one
# bound for every id keeps one rule.
MAX_ID = 2**31 - 1
# The deepest page of a public listing or of the search (10 per page: 100,000 results).
MAX_PAGE_NUMBER = 10_000
# The furthest ``offset`` of the APIs, as the typed API's filters already state.
MAX_OFFSET = 100_000

# ASCII digits only, and few enough that no id can be longer than the column allows.
_DIGITS = re.compile(r"[0-9]{1,10}")


@overload
def positive_int(value: Any, *, default: int, maximum: int = ..., minimum: int = ...) -> int: ...
@overload
def positive_int(value: Any, *, default: None = None, maximum: int = ..., minimum: int = ...) -> int | None: ...
def positive_int(value: Any, *, default: int | None = None, maximum: int = MAX_ID, minimum: int = 1) -> int | None:
    """``value`` read as a whole number between ``minimum`` and ``maximum``, otherwise ``default``.

    Accepts a ``str`` of ASCII digits (no sign, space or underscore) or an ``int`` (not a
    ``bool``), as JSON payloads carry; anything else, empty or out of range gives ``default``.
    """
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return default
    return number if minimum <= number <= maximum else default


class IdConverter:
    """``<id:name>`` in URL patterns: a database id, or no match (a 404) for anything the column cannot hold.

    Django's ``<int:…>`` accepts any number of digits, and the query then overflows on PostgreSQL.
    """

    regex = _DIGITS.pattern

    def to_python(self, value: str) -> int:
        number = positive_int(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value: int) -> str:
        return str(value)


def page_number(value: Any) -> int:
    """A listing's page number from the query string: past the deepest page is the deepest page
    (the paginator then serves its last), anything that is not a page number is page 1."""
    return min(positive_int(value, default=1), MAX_PAGE_NUMBER)
