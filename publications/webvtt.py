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


# <v Nadège Ribeiro> or <v.loud Nadège Ribeiro>: a voice span opens with its speaker's name.
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*(?:[ \t]+([^>]*))?>")
# Every other cue-text tag (<i>, <b>, <c.class>, </v>, inline timestamps <00:01.000>) is markup, not words.
_TAG = re.compile(r"</?[^>]*>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e", "&rlm;": "\u200f"}


@dataclass(frozen=True)
class Turn:
    """What one speaker says in a cue, as plain text."""

    speaker: str
    text: str


def _plain(text: str) -> str:
    # A bracket left over from broken markup is markup too; &lt; and &gt; stand for the characters.
    text = _TAG.sub("", text).replace("<", "").replace(">", "")
    for entity, character in _ENTITIES.items():
        text = text.replace(entity, character)
    return " ".join(text.split())


def cue_turns(cue: Cue) -> list[Turn]:
    """The cue's words by speaker: each <v Name> starts a turn; words before any voice tag have no speaker."""
    turns: list[Turn] = []
    speaker, position = "", 0
    for match in _VOICE.finditer(cue.text):
        if text := _plain(cue.text[position : match.start()]):
            turns.append(Turn(speaker=speaker, text=text))
        speaker, position = _plain(match.group(1) or ""), match.end()
    if text := _plain(cue.text[position:]):
        turns.append(Turn(speaker=speaker, text=text))
    return turns


@dataclass(frozen=True)
class TranscriptLine:
    start: float
    speaker: str
    text: str
    # The speaker's name is shown when the voice changes, not on each of their cues.
    speaker_changed: bool


def transcript_lines(cues: list[Cue]) -> list[TranscriptLine]:
    """The transcript as a reader follows it: one line per turn, each speaker named when they start."""
    lines: list[TranscriptLine] = []
    previous = ""
    for cue in cues:
        for turn in cue_turns(cue):
            changed = bool(turn.speaker) and turn.speaker != previous
            lines.append(TranscriptLine(start=cue.start, speaker=turn.speaker, text=turn.text, speaker_changed=changed))
            previous = turn.speaker or previous
    return lines
