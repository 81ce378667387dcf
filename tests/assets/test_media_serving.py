"""Uploaded media served by the app itself, with the production URLconf (DEBUG off).

Covers, renditions and audio answer with byte ranges, conditional GET and long cache headers;
original documents are never served by their file URL, only through Wagtail's document view.
"""

import os
from pathlib import Path

import pytest
from django.utils.http import http_date
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories
from tests.factories.assets import MINIMAL_PDF

pytestmark = pytest.mark.django_db

MONTH = 30 * 24 * 3600


@pytest.fixture(autouse=True)
def _production_urlconf(settings):
    """DEBUG off, as under gunicorn with the production settings: no DEBUG-only route may help."""
    settings.DEBUG = False


@pytest.fixture
def audio():
    return factories.CustomMediaFactory(seconds=1.0)


def audio_bytes(audio) -> bytes:
    return Path(audio.file.path).read_bytes()


def test_media_serve__audio_whole_file_with_cache_headers(client, audio):
    response = client.get(audio.file.url)

    content = audio_bytes(audio)
    assert response.status_code == 200
    assert response.getvalue() == content
    assert response["Content-Length"] == str(len(content))
    assert response["Content-Type"] == "audio/x-wav"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"] == f"public, max-age={MONTH}"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"] == http_date(int(os.stat(audio.file.path).st_mtime))


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        pytest.param("bytes=0-99", 0, 99, id="first-bytes"),
        pytest.param("bytes=100-", 100, None, id="open-ended"),
        pytest.param("bytes=-10", -10, None, id="suffix"),
        pytest.param("bytes=1000-99999999", 1000, None, id="end-past-the-file"),
        pytest.param("bytes=-99999999", 0, None, id="suffix-longer-than-the-file"),
        pytest.param("Bytes = 5-5", 5, 5, id="spaces-and-case"),
    ],
)
def test_media_serve__audio_single_range_is_partial_content(client, audio, header, start, end):
    response = client.get(audio.file.url, headers={"Range": header})

    content = audio_bytes(audio)
    size = len(content)
    first = start % size
    last = size - 1 if end is None else end
    assert response.status_code == 206
    assert response.getvalue() == content[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{size}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Type"] == "audio/x-wav"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"] == f"public, max-age={MONTH}"


@pytest.mark.parametrize("header", ["bytes=99999999-", "bytes=-0"])
def test_media_serve__range_past_the_end_is_416(client, audio, header):
    response = client.get(audio.file.url, headers={"Range": header})

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(audio_bytes(audio))}"


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("bytes=50-10", id="reversed"),
        pytest.param("lines=0-10", id="other-unit"),
        pytest.param("bytes=0-1,5-6", id="several-ranges"),
        pytest.param("bytes=abc-", id="not-a-number"),
        pytest.param("bytes=\u0661-\u0662", id="non-ascii-digits"),
        pytest.param("bytes=" + "9" * 5000 + "-", id="huge-number"),
        pytest.param("bytes=-", id="empty"),
    ],
)
def test_media_serve__malformed_or_multiple_range__whole_file(client, audio, header):
    response = client.get(audio.file.url, headers={"Range": header})

    assert response.status_code == 200
    assert response.getvalue() == audio_bytes(audio)


def test_media_serve__head__headers_without_body(client, audio):
    whole = client.head(audio.file.url)
    part = client.head(audio.file.url, headers={"Range": "bytes=10-19"})

    size = len(audio_bytes(audio))
    assert (whole.status_code, whole.content, whole["Content-Length"]) == (200, b"", str(size))
    assert whole["Accept-Ranges"] == "bytes"
    assert (part.status_code, part.content, part["Content-Length"]) == (206, b"", "10")
    assert part["Content-Range"] == f"bytes 10-19/{size}"


def test_media_serve__conditional_get__304_keeps_cache_headers(client, audio):
    first = client.get(audio.file.url)

    by_etag = client.get(audio.file.url, headers={"If-None-Match": first["ETag"]})
    by_date = client.get(audio.file.url, headers={"If-Modified-Since": first["Last-Modified"]})

    for response in (by_etag, by_date):
        assert response.status_code == 304
        assert response.content == b""
        assert response["ETag"] == first["ETag"]
        assert response["Cache-Control"] == f"public, max-age={MONTH}"


def test_media_serve__changed_file__new_etag_and_200(client, audio):
    etag = client.get(audio.file.url)["ETag"]
    stat = os.stat(audio.file.path)
    os.utime(audio.file.path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))

    response = client.get(audio.file.url, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_media_serve__if_range__part_only_while_the_copy_is_current(client, audio):
    etag = client.get(audio.file.url)["ETag"]

    current = client.get(audio.file.url, headers={"Range": "bytes=0-9", "If-Range": etag})
    stale = client.get(audio.file.url, headers={"Range": "bytes=0-9", "If-Range": '"ancienne-version"'})

    assert current.status_code == 206
    assert stale.status_code == 200
    assert stale.getvalue() == audio_bytes(audio)


def test_media_serve__cover_original_and_rendition(client):
    image = factories.CustomImageFactory()
    rendition = image.get_rendition("fill-120x90")

    original = client.get(image.file.url)
    resized = client.get(rendition.url)

    assert original.status_code == 200
    assert original.getvalue() == Path(image.file.path).read_bytes()
    assert resized.status_code == 200
    assert resized.getvalue() == Path(rendition.file.path).read_bytes()
    for response in (original, resized):
        assert response["Content-Type"] == "image/png"
        assert response["Cache-Control"] == f"public, max-age={MONTH}"
        assert response["Content-Security-Policy"] == "default-src 'none'"


def test_media_serve__document_file_url__404_even_for_an_admin(admin_client):
    document = factories.CustomDocumentFactory()

    by_file_url = admin_client.get(document.file.url)
    by_document_view = admin_client.get(document.url)

    assert document.file.url.startswith("/media/documents/")
    assert by_file_url.status_code == 404
    assert by_document_view.status_code == 200
    assert by_document_view.getvalue() == MINIMAL_PDF


def test_media_serve__restricted_document__file_url_404_and_view_asks_the_password(client):
    board = Collection.get_first_root_node().add_child(name="Conseil d'administration")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.PASSWORD, password="conseil-2026"
    )
    document = factories.CustomDocumentFactory(collection=board)

    by_file_url = client.get(document.file.url)
    by_document_view = client.get(document.url)

    assert by_file_url.status_code == 404
    assert by_document_view.status_code == 200
    assert 'name="password"' in by_document_view.content.decode()
    assert MINIMAL_PDF not in by_document_view.content


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/media/images/../documents/{document}", id="dot-dot"),
        pytest.param("/media/images/%2e%2e/documents/{document}", id="encoded-dot-dot"),
        pytest.param("/media/images/..%2fdocuments/{document}", id="encoded-slash"),
        pytest.param("/media//etc/passwd", id="absolute"),
        pytest.param("/media/media/%00.wav", id="nul-byte"),
        pytest.param("/media/images/", id="folder"),
        pytest.param("/media/images/nothing-here.png", id="missing"),
        pytest.param("/media/documents", id="documents-folder"),
    ],
)
def test_media_serve__path_outside_public_folders__404(client, media_root, path):
    document = factories.CustomDocumentFactory()
    (media_root / "images").mkdir(parents=True, exist_ok=True)

    response = client.get(path.format(document=Path(document.file.name).name))

    assert response.status_code == 404
    assert MINIMAL_PDF not in response.content


def test_media_serve__symbolic_link_out_of_its_folder__404(client, media_root):
    document = factories.CustomDocumentFactory()
    (media_root / "media").mkdir(parents=True, exist_ok=True)
    (media_root / "media" / "lien.pdf").symlink_to(document.file.path)

    response = client.get("/media/media/lien.pdf")

    assert response.status_code == 404


def test_media_serve__post__405(client, audio):
    response = client.post(audio.file.url)

    assert response.status_code == 405
