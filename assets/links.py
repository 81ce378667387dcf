"""Absolute addresses of media and documents, for fronts and clients on another host."""

from django.conf import settings


def absolute(url: str) -> str:
    """Media URLs are absolute, so that a front on another host can use them as they are."""
    return url if "://" in url else f"{settings.BASE_URL}{url}"
