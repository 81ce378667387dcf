"""When an action's session counts as upcoming: one rule, three intended variants.

Every surface composes `session_upcoming_q`; the variants differ on purpose, and only here:

| variant                     | cancelled | in progress | surfaces                                        |
| --------------------------- | --------- | ----------- | ----------------------------------------------- |
| `cancelled=True`            | count     | count       | agenda page « À venir » (marked « annulée »)    |
| default                     | no        | count       | home page's next sessions, API `upcoming=`      |
| `started=False`             | no        | no          | newsletter proposals (sessions to announce)     |

A session in progress counts until it ends, so that today's afternoon event stays listed.
The agenda's calendar feed is not an « upcoming » view: it keeps sessions that ended in the last
30 days (feeds/views.py), so that subscribed calendars keep recent events.
"""

import datetime

from django.db.models import Q


def session_upcoming_q(*, now: datetime.datetime, prefix: str = "", cancelled: bool = False, started: bool = True) -> Q:
    """Sessions still to come at `now` (see the table above); `prefix` is "sessions__" to filter actions."""
    condition = Q(**{f"{prefix}ends_at__gte": now}) if started else Q(**{f"{prefix}starts_at__gte": now})
    if not cancelled:
        condition &= Q(**{f"{prefix}cancelled": False})
    return condition
