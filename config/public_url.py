"""Absolute addresses on the public sites: ``BASE_URL`` for the default (network) site, a centre's site its own.

Emails, feeds, calendars, structured data and the API keep or pass on these addresses, so none
of them follows the host a request happened to use: the default site answers at ``BASE_URL``
(``publications.site_address`` keeps its Wagtail ``Site`` there) and a centre's site at its
``Site``'s host and port, which its administrator sets. Media and documents are the instance's
and stay on ``BASE_URL`` whatever the site.
"""

from typing import Any

from django.conf import settings


def site_address(site: Any = None) -> str:
    """The public address of a Wagtail site (``BASE_URL`` for the default site and for none)."""
    if site is None or site.is_default_site:
        return settings.BASE_URL
    return site.root_url


def absolute_url(url: str, *, site: Any = None) -> str:
    """Prefix a site-relative path with the site's public address; absolute URLs (a CDN's) stay as they are."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return f"https:{url}"
    return f"{site_address(site)}{url}"
