"""Absolute addresses for feeds: podcast apps and calendars keep them, so they use BASE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

from config.public_url import absolute_url


def page_absolute_url(page: Page, request: HttpRequest | None = None) -> str:
    return absolute_url(page.get_url(request=request) or "/")


def calendar_uid_domain() -> str:
    """The domain after '@' in iCalendar UIDs: set once (CALENDAR_UID_DOMAIN), never changed."""
    configured = getattr(settings, "CALENDAR_UID_DOMAIN", "")
    return configured or urlsplit(settings.BASE_URL).hostname or "localhost"
