"""Public subscription views (being written: see issue 4)."""

from django.http import Http404, HttpRequest, HttpResponse


def subscribe(request: HttpRequest, list_slug: str | None = None) -> HttpResponse:
    raise Http404


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


def preferences(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
