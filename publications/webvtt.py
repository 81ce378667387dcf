"""Parsing and validating WebVTT transcripts (the RGAA's text alternative for audio)."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING_START = re.compile(r"^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}\s*-")
_CUE_TIMING = re.compile(rf"^{_TIMESTAMP}\s+-->\s+{_TIMESTAMP}(?:\s+.*)?$")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def webvtt_parse(text: str) -> list[Cue]:
    """Return the cues of a WebVTT document, or raise a ValidationError in French naming the line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not re.match(r"^\ufeff?WEBVTT(?:[ \t].*)?$", lines[0]):
        raise ValidationError(_("Une transcription WebVTT commence par la ligne « WEBVTT »."), code="no_header")
    cues: list[Cue] = []
    index = 1
    while index < len(lines):
        line = lines[index].strip()
        # A line that starts like a timestamp is a cue timing line, even with a typo in its arrow.
        if "-->" not in line and not _TIMING_START.match(line):
            index += 1
            continue
        match = _CUE_TIMING.match(line)
        if not match:
            raise ValidationError(
                _("Ligne %(line)d : horodatage invalide (attendu « 00:01.000 --> 00:04.000 »).") % {"line": index + 1},
                code="bad_timing",
            )
        start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
        if end <= start:
            raise ValidationError(
                _("Ligne %(line)d : la fin du sous-titre doit suivre son début.") % {"line": index + 1},
                code="bad_order",
            )
        index += 1
        body = []
        while index < len(lines) and lines[index].strip():
            body.append(lines[index])
            index += 1
        cues.append(Cue(start=start, end=end, text="\n".join(body)))
    return cues


def validate_webvtt(value: str) -> None:
    if value.strip():
        webvtt_parse(value)
