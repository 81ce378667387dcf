"""Absolute addresses for feeds: podcast apps and calendars keep them, so they use the site's public address.

A feed answers for the site the request came through (`config.public_url`): ``BASE_URL`` on the
default site, a centre's own address on its site.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page, Site

from config.public_url import absolute_url


def request_site(request: HttpRequest | None) -> Site | None:
    """The site answering the request (Wagtail memoises it on the request)."""
    return Site.find_for_request(request) if request is not None else None


def site_absolute_url(path: str, request: HttpRequest | None) -> str:
    """A path of this site (a feed, the sitemap) at the public address of the request's site."""
    return absolute_url(path, site=request_site(request))


def page_absolute_url(page: Page, request: HttpRequest | None = None) -> str:
    """The page's address; Wagtail gives a page of another site with that site's own address already."""
    return site_absolute_url(page.get_url(request=request) or "/", request)


def calendar_uid_domain() -> str:
    """The domain after '@' in iCalendar UIDs: set once (CALENDAR_UID_DOMAIN), never changed."""
    configured = getattr(settings, "CALENDAR_UID_DOMAIN", "")
    return configured or urlsplit(settings.BASE_URL).hostname or "localhost"
