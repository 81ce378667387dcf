"""Serving uploaded media files from MEDIA_ROOT: covers, renditions, audio and video.

Only the folders Wagtail and wagtailmedia write public files to are served. Original
documents (``documents/``) never are: Wagtail's document view (``/documents/<id>/<name>``)
serves them after checking the collection's view restrictions, and a file URL would skip it.
Anything else a future feature stores under MEDIA_ROOT stays private until listed here.
"""

import mimetypes
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

from assets.ranges import ByteRange, RangeNotSatisfiableError, byte_range_parse

# Image originals, image renditions, audio/video files and their thumbnails.
PUBLIC_MEDIA_FOLDERS = frozenset({"original_images", "images", "media", "media_thumbnails"})

CHUNK_BYTES = 64 * 1024


def media_file_find(*, relative_path: str) -> Path | None:
    """The file at ``relative_path`` under MEDIA_ROOT that the public may fetch, or None.

    Refuses whatever leaves its public folder: ``..``, absolute paths, symbolic links out of it.
    """
    parts = PurePosixPath(relative_path).parts
    if len(parts) < 2 or parts[0] not in PUBLIC_MEDIA_FOLDERS:
        return None
    folder = Path(settings.MEDIA_ROOT).resolve() / parts[0]
    try:
        candidate = (folder.parent / relative_path).resolve()
    except (OSError, ValueError):
        # ValueError: an embedded NUL byte.
        return None
    if not candidate.is_relative_to(folder) or not candidate.is_file():
        return None
    return candidate


def media_response(*, request: HttpRequest, file: Path) -> HttpResponseBase:
    """Answer a GET or HEAD for ``file``: whole (200), one byte range (206 or 416), or 304/412."""
    stat = file.stat()
    size = stat.st_size
    etag = f'"{stat.st_mtime_ns:x}-{size:x}"'
    last_modified = int(stat.st_mtime)
    headers = {
        "Content-Type": mimetypes.guess_type(file.name)[0] or "application/octet-stream",
        "Accept-Ranges": "bytes",
        "Cache-Control": f"public, max-age={settings.MEDIA_CACHE_SECONDS}",
        "ETag": etag,
        "Last-Modified": http_date(last_modified),
        # A file opened on its own (an SVG, say) may run nothing, as Wagtail does for documents.
        "Content-Security-Policy": "default-src 'none'",
        "X-Content-Type-Options": "nosniff",
    }
    probe = HttpResponse(headers=headers)
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified, response=probe)
    if conditional is not probe:
        # Never None when given a response: it returns that response or a 304/412 (the stubs say Optional).
        return conditional  # type: ignore[return-value]

    byte_range = None
    range_header = request.headers.get("Range")
    if range_header and _if_range_holds(request=request, etag=etag, last_modified=last_modified):
        try:
            byte_range = byte_range_parse(header=range_header, size=size)
        except RangeNotSatisfiableError:
            return HttpResponse(status=416, headers={**headers, "Content-Range": f"bytes */{size}"})

    if byte_range is None:
        if request.method == "HEAD":
            return HttpResponse(headers={**headers, "Content-Length": str(size)})
        # FileResponse lets gunicorn send the file with sendfile(2).
        return FileResponse(file.open("rb"), headers=headers)

    partial_headers = {
        **headers,
        "Content-Range": byte_range.content_range(size=size),
        "Content-Length": str(byte_range.length),
    }
    if request.method == "HEAD":
        return HttpResponse(status=206, headers=partial_headers)
    return StreamingHttpResponse(_file_chunks(file=file, byte_range=byte_range), status=206, headers=partial_headers)


def _if_range_holds(*, request: HttpRequest, etag: str, last_modified: int) -> bool:
    """Whether the client's copy (If-Range) is still current, so that a part of the file completes it."""
    validator = request.headers.get("If-Range")
    if validator is None:
        return True
    if validator.startswith(('"', "W/")):
        return validator == etag
    return parse_http_date_safe(validator) == last_modified


def _file_chunks(*, file: Path, byte_range: ByteRange) -> Iterator[bytes]:
    with file.open("rb") as stream:
        stream.seek(byte_range.start)
        remaining = byte_range.length
        while remaining > 0:
            chunk = stream.read(min(CHUNK_BYTES, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk
