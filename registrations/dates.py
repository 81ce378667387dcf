"""How a session's date reads in French, the same on the public form and in every email."""

import datetime

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime

from publications.models import ActionSession


def _time(moment: datetime.datetime) -> str:
    return f"{moment:%H}h{moment:%M}"


def session_when(session: ActionSession, *, with_end: bool = True) -> str:
    """« Mardi 12 mai 2026, 17h00 – 19h00 » (Paris time); without the end for a short label."""
    start = localtime(session.starts_at)
    label = capfirst(f"{date_format(start, 'l j F Y')}, {_time(start)}")
    if with_end:
        label = f"{label} – {_time(localtime(session.ends_at))}"
    return label
