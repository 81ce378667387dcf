"""Absolute addresses on the public site, from ``BASE_URL`` alone (see ``config/settings/address.py``).

Emails, feeds, calendars, structured data and the API keep or pass on these addresses, so none
of them follows the request's host: a page seen through another name links to the public one.
"""

from django.conf import settings


def absolute_url(url: str) -> str:
    """Prefix a site-relative path with the public address; absolute URLs (a CDN's) stay as they are."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return f"https:{url}"
    return f"{settings.BASE_URL}{url}"
