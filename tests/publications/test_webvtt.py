"""WebVTT transcripts: parsed into cues, or refused with a French message naming the line."""

import pytest
from django.core.exceptions import ValidationError

from publications.webvtt import Cue, TranscriptLine, cue_turns, transcript_lines, validate_webvtt, webvtt_parse


def refusal(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        webvtt_parse(text)
    return excinfo.value


def test_webvtt__missing_header_is_refused():
    error = refusal("00:00.000 --> 00:04.000\nBienvenue.\n")

    assert error.code == "no_header"
    assert error.messages == ["Une transcription WebVTT commence par la ligne « WEBVTT »."]


def test_webvtt__header_not_on_the_first_line_is_refused():
    error = refusal("\nWEBVTT\n\n00:00.000 --> 00:04.000\nBienvenue.\n")

    assert error.code == "no_header"


@pytest.mark.parametrize(
    "timing",
    [
        pytest.param("00:00 --> 00:04.000", id="no-milliseconds"),
        pytest.param("00:00.000 --> 4s", id="end-not-a-timestamp"),
        pytest.param("00:61.000 --> 01:04.000", id="seconds-over-59"),
        pytest.param("0:00.000 --> 00:04.000", id="one-digit-minutes"),
        pytest.param("00:00.000 -> 00:04.000", id="short-arrow"),
        pytest.param("00:00.000 - 00:04.000", id="dash-for-arrow"),
    ],
)
def test_webvtt__bad_timestamp_is_refused(timing):
    error = refusal(f"WEBVTT\n\n{timing}\nBienvenue.\n")

    assert error.code == "bad_timing"
    assert error.messages == ["Ligne 3 : horodatage invalide (attendu « 00:01.000 --> 00:04.000 »)."]


@pytest.mark.parametrize(
    "timing",
    [
        pytest.param("00:04.000 --> 00:01.000", id="end-before-start"),
        pytest.param("00:04.000 --> 00:04.000", id="end-equal-start"),
    ],
)
def test_webvtt__end_before_start_is_refused(timing):
    error = refusal(f"WEBVTT\n\n1\n00:00.000 --> 00:01.000\nBonjour.\n\n2\n{timing}\nAu revoir.\n")

    assert error.code == "bad_order"
    assert error.messages == ["Ligne 8 : la fin du sous-titre doit suivre son début."]


def test_webvtt__valid_transcript_is_parsed_into_cues():
    text = (
        "\ufeffWEBVTT - Penser le 9-3, épisode 1\r\n"
        "\r\n"
        "NOTE transcription relue par l'équipe\r\n"
        "\r\n"
        "intro\r\n"
        "00:00.000 --> 00:04.500 align:start\r\n"
        "Bienvenue dans Penser le 9-3.\r\n"
        "\r\n"
        "01:02:03.250 --> 01:02:07.000\r\n"
        "<v Nadia>Les élu·e·s et les habitant·e·s\r\n"
        "en parlent ensemble.\r\n"
    )

    assert webvtt_parse(text) == [
        Cue(start=0.0, end=4.5, text="Bienvenue dans Penser le 9-3."),
        Cue(start=3723.25, end=3727.0, text="<v Nadia>Les élu·e·s et les habitant·e·s\nen parlent ensemble."),
    ]


def test_webvtt__header_only_has_no_cues():
    assert webvtt_parse("WEBVTT\n") == []


def test_validate_webvtt__blank_transcript_is_accepted():
    validate_webvtt("")
    validate_webvtt("  \n ")


def test_transcript_lines__voice_tags_become_speakers_named_when_they_start():
    cues = webvtt_parse(
        "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Nadège Ribeiro>Bienvenue, élu·e·s &amp; habitant·e·s.</v>\n\n"
        "00:02.000 --> 00:04.000\n<v.loud Nadège Ribeiro>Nous sommes à <i>Bobigny</i>.\n\n"
        "00:04.000 --> 00:06.000\n<v Marc Delaunay>Merci.\n<v Nadège Ribeiro>Commençons.\n\n"
        "00:06.000 --> 00:07.000\nMusique\n"
    )
    assert transcript_lines(cues) == [
        TranscriptLine(
            start=0.0, speaker="Nadège Ribeiro", text="Bienvenue, élu·e·s & habitant·e·s.", speaker_changed=True
        ),
        TranscriptLine(start=2.0, speaker="Nadège Ribeiro", text="Nous sommes à Bobigny.", speaker_changed=False),
        TranscriptLine(start=4.0, speaker="Marc Delaunay", text="Merci.", speaker_changed=True),
        TranscriptLine(start=4.0, speaker="Nadège Ribeiro", text="Commençons.", speaker_changed=True),
        TranscriptLine(start=6.0, speaker="", text="Musique", speaker_changed=False),
    ]


def test_cue_turns__hostile_markup_is_dropped_as_text():
    [cue] = webvtt_parse("WEBVTT\n\n00:00.000 --> 00:01.000\n<v <script>x>Texte<b onclick=1>gras</b>\n")
    assert all("<" not in turn.text and "<" not in turn.speaker for turn in cue_turns(cue))
