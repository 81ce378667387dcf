"""Public views of the media library."""

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe

from assets.serving import media_file_find, media_response


@require_safe
def media_serve(request: HttpRequest, path: str) -> HttpResponseBase:
    """An uploaded cover, rendition or audio file, with byte ranges and conditional GET."""
    file = media_file_find(relative_path=path)
    if file is None:
        raise Http404
    return media_response(request=request, file=file)
