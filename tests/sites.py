"""Requests on the site a page belongs to: the demo serves each centre under its own host name.

Django's test client sends every request to one host whatever the address, so a page of a centre's
site is asked for with its site's host; Wagtail finds the site by name (the port is BASE_URL's).
"""

from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.test import Client
from wagtail.models import Page, Site


def centre_site(slug: str) -> Site:
    """The site of the centre of that slug."""
    return Site.objects.select_related("root_page").get(centre__slug=slug)


def page_host(page: Page) -> str:
    """The host name of the site whose root holds the page."""
    _, root_url, _ = page.get_url_parts()
    return urlsplit(root_url).hostname or ""


def page_path(page: Page) -> str:
    """The page's path on its own site."""
    _, _, path = page.get_url_parts()
    return path


def page_get(client: Client, page: Page, **extra: Any) -> HttpResponse:
    """GET the page through its own site's host."""
    return client.get(page_path(page), HTTP_HOST=page_host(page), **extra)
