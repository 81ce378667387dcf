"""Podcast episodes need an audio file, a number when full, chapters within the audio; series need square art."""

import datetime

import pytest

from publications.models import EpisodeChapter
from tests import factories
from tests.validation import NON_FIELD_ERRORS, assert_refused

pytestmark = pytest.mark.django_db


def test_episode__without_audio_is_refused():
    assert_refused(
        lambda: factories.PodcastEpisodePageFactory(audio=None), "audio", "Un épisode doit avoir un fichier audio."
    )


def test_episode__with_a_video_is_refused():
    video = factories.CustomMediaFactory(video=True)

    assert_refused(
        lambda: factories.PodcastEpisodePageFactory(audio=video),
        "audio",
        "Choisissez un fichier audio, pas une vidéo.",
    )


def test_episode__full_episode_without_number_is_refused():
    assert_refused(
        lambda: factories.PodcastEpisodePageFactory(episode_type="full", episode_number=None),
        "episode_number",
        "Un épisode complet a un numéro.",
    )


@pytest.mark.parametrize("episode_type", ["trailer", "bonus"])
def test_episode__trailer_or_bonus_without_number_is_accepted(episode_type):
    episode = factories.PodcastEpisodePageFactory(
        episode_type=episode_type, episode_number=None, title="Bande-annonce de la saison"
    )

    episode.full_clean()


@pytest.mark.parametrize(
    "start",
    [
        pytest.param(datetime.timedelta(minutes=5), id="after-the-end"),
        pytest.param(datetime.timedelta(seconds=2), id="at-the-end"),
    ],
)
def test_episode__chapter_starting_after_the_audio_end_is_refused(start):
    episode = factories.PodcastEpisodePageFactory(audio__seconds=2.0)
    episode.chapters = [EpisodeChapter(start=start, title="Conclusion")]

    assert_refused(episode.full_clean, NON_FIELD_ERRORS, "Le chapitre « Conclusion » commence après la fin de l'audio.")


def test_episode__chapter_within_the_audio_is_accepted():
    episode = factories.PodcastEpisodePageFactory(audio__seconds=2.0)
    episode.chapters = [EpisodeChapter(start=datetime.timedelta(seconds=1.5), title="Introduction")]

    episode.full_clean()
    episode.save()
    assert episode.chapters.get().title == "Introduction"


def test_episode__duration_is_the_audio_duration():
    episode = factories.PodcastEpisodePageFactory(audio__seconds=3.25)

    assert episode.duration == pytest.approx(3.25)


def test_episode__transcript_without_header_is_refused_on_its_field():
    assert_refused(
        lambda: factories.PodcastEpisodePageFactory(transcript="00:00.000 --> 00:01.000\nBonjour"),
        "transcript",
        "Une transcription WebVTT commence par la ligne « WEBVTT ».",
    )


def cover(width: int, height: int):
    return factories.CustomImageFactory(file__width=width, file__height=height)


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(1400, 1500, id="not-square"),
        pytest.param(1000, 1000, id="too-small"),
        pytest.param(1399, 1399, id="one-pixel-too-small"),
    ],
)
def test_series__cover_not_square_or_too_small_is_refused(width, height):
    image = cover(width, height)

    assert_refused(
        lambda: factories.PodcastSeriesPageFactory(cover=image),
        "cover",
        f"Le visuel doit être carré et mesurer entre 1400 et 3000 pixels de côté (ici {width} × {height}).",
    )


def test_series__square_cover_of_1400_pixels_is_accepted():
    series = factories.PodcastSeriesPageFactory(cover=cover(1400, 1400))

    series.full_clean()
    assert (series.cover.width, series.cover.height) == (1400, 1400)


def test_season__duplicate_number_in_the_series_is_refused_when_edited():
    season = factories.PodcastSeasonPageFactory(number=1)
    other = factories.PodcastSeasonPageFactory(parent=season.get_parent(), number=2)
    other.number = 1

    assert_refused(other.full_clean, "number", "Cette série a déjà une saison numéro 1.")
