"""Audio facts (duration, size, type) are read from the file itself."""

import mimetypes

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection

from assets.models import CustomMedia
from tests.factories import wav_bytes
from tests.validation import assert_refused

pytestmark = pytest.mark.django_db

UNREADABLE = "Ce fichier n'est pas un fichier audio lisible (MP3, M4A, OGG, WAV ou FLAC)."


def audio(content: bytes, name: str = "penser-le-9-3-episode-1.wav") -> CustomMedia:
    return CustomMedia(
        title="Penser le 9-3, épisode 1",
        type="audio",
        file=ContentFile(content, name=name),
        collection=Collection.get_first_root_node(),
    )


def test_media_clean__real_wav_fills_duration_size_and_type():
    content = wav_bytes(seconds=3.5)
    media = audio(content)

    media.clean()

    assert media.duration == pytest.approx(3.5, abs=0.01)
    assert media.file_size == len(content)
    assert media.mime_type == mimetypes.guess_type("episode.wav")[0]
    assert media.mime_type.startswith("audio/")


def test_media_clean__facts_survive_the_save():
    content = wav_bytes(seconds=1.25)
    media = audio(content)

    media.full_clean()
    media.save()

    media.refresh_from_db()
    assert (media.duration, media.file_size) == (pytest.approx(1.25, abs=0.01), len(content))
    assert media.file.size == len(content)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        pytest.param(b"Ceci n'est pas un son.", "notes.mp3", id="text-named-mp3"),
        pytest.param(b"%PDF-1.4\n%%EOF\n", "programme.wav", id="pdf-named-wav"),
        pytest.param(b"", "vide.wav", id="empty"),
    ],
)
def test_media_clean__non_audio_file_is_refused_on_file(content, name):
    assert_refused(audio(content, name).clean, "file", UNREADABLE)


def test_media_clean__wav_without_samples_is_refused_on_file():
    assert_refused(audio(wav_bytes(seconds=0)).clean, "file", "La durée de ce fichier audio est introuvable.")


def test_media_clean__video_is_not_read_as_audio():
    video = CustomMedia(title="Reportage", type="video", file=ContentFile(b"not read", name="reportage.mp4"))

    video.clean()

    assert (video.duration, video.file_size, video.mime_type) == (0, None, "")


def test_media_admin_upload__audio_facts_are_read_from_the_uploaded_file(admin_client):
    content = wav_bytes(seconds=2.5)
    upload = SimpleUploadedFile("penser-le-9-3.wav", content, content_type="audio/wav")

    response = admin_client.post(
        "/admin/media/audio/add/",
        {"title": "Penser le 9-3, épisode 2", "file": upload, "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 302
    media = CustomMedia.objects.get(title="Penser le 9-3, épisode 2")
    assert media.type == "audio"
    assert media.duration == pytest.approx(2.5, abs=0.01)
    assert media.file_size == len(content)


def test_media_admin_upload__non_audio_file_is_refused_with_a_french_error(admin_client):
    upload = SimpleUploadedFile("faux-son.mp3", b"<script>alert(1)</script>", content_type="audio/mpeg")

    response = admin_client.post(
        "/admin/media/audio/add/",
        {"title": "Faux son", "file": upload, "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [UNREADABLE]
    assert not CustomMedia.objects.exists()
