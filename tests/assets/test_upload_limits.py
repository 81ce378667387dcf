"""Uploads larger than their setting are refused in the admin with a French message, nothing stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.models import Collection

from assets.models import CustomDocument, CustomImage, CustomMedia
from tests.factories import wav_bytes
from tests.factories.assets import MINIMAL_PDF

pytestmark = pytest.mark.django_db

# A real PNG of 1×1 pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def too_large(*, size: int, limit: int) -> str:
    with translation.override("fr"):
        return (
            f"Ce fichier est trop gros ({filesizeformat(size)}). "
            f"La taille de fichier maximale est de {filesizeformat(limit)}."
        )


def document_data(content: bytes) -> dict:
    return {
        "title": "Actes de la journée d'étude",
        "file": SimpleUploadedFile("actes.pdf", content, content_type="application/pdf"),
        "collection": Collection.get_first_root_node().pk,
        "description": "",
        "language": "fr",
    }


def test_document_add__larger_than_the_limit__refused_in_french(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = len(MINIMAL_PDF) - 1

    response = admin_client.post("/admin/documents/add/", document_data(MINIMAL_PDF))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        too_large(size=len(MINIMAL_PDF), limit=settings.DOCUMENTS_MAX_UPLOAD_BYTES)
    ]
    assert not CustomDocument.objects.exists()


def test_document_add__at_the_limit__accepted(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = len(MINIMAL_PDF)

    response = admin_client.post("/admin/documents/add/", document_data(MINIMAL_PDF))

    assert response.status_code == 302
    assert CustomDocument.objects.count() == 1


def test_document_multiple_upload__larger_than_the_limit__refused_in_french(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 100

    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("actes.pdf", MINIMAL_PDF), "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": too_large(size=len(MINIMAL_PDF), limit=100)}
    assert not CustomDocument.objects.exists()


def audio_add(client, **files):
    """Post wagtailmedia's audio form as an editor does, with these files."""
    return client.post(
        "/admin/media/audio/add/",
        {"title": "Penser le 9-3, épisode 1", "collection": Collection.get_first_root_node().pk, **files},
    )


def test_media_add__audio_larger_than_the_limit__refused_in_french(admin_client, settings):
    audio = wav_bytes(seconds=1.0)
    settings.MEDIA_MAX_UPLOAD_BYTES = 1000

    response = audio_add(admin_client, file=SimpleUploadedFile("episode.wav", audio, content_type="audio/wav"))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [too_large(size=len(audio), limit=1000)]
    assert not CustomMedia.objects.exists()


def test_media_add__thumbnail_larger_than_the_image_limit__refused_in_french(admin_client, settings):
    settings.IMAGES_MAX_UPLOAD_BYTES = 10

    response = audio_add(
        admin_client,
        file=SimpleUploadedFile("episode.wav", wav_bytes(seconds=1.0), content_type="audio/wav"),
        thumbnail=SimpleUploadedFile("vignette.png", PNG, content_type="image/png"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["thumbnail"] == [too_large(size=len(PNG), limit=10)]
    assert not CustomMedia.objects.exists()


def test_image_add__larger_than_the_limit__refused_in_french(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10

    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Visuel de la rencontre",
            "file": SimpleUploadedFile("visuel.png", PNG, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [too_large(size=len(PNG), limit=10)]
    assert not CustomImage.objects.exists()


def test_upload_limits__defaults(settings):
    assert settings.DOCUMENTS_MAX_UPLOAD_BYTES == 50 * 1024 * 1024
    assert settings.MEDIA_MAX_UPLOAD_BYTES == 300 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == settings.IMAGES_MAX_UPLOAD_BYTES == 20 * 1024 * 1024
