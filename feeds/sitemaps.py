"""sitemap.xml: every live, public, not expired page of the requested site, at that site's public address."""

import datetime
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from wagtail.models import Page, PageQuerySet, Site

from config.public_url import site_address
from publications.visibility import pages_visible


class PageSitemap(Sitemap):
    limit = 5000

    def __init__(self, *, site: Site, request: HttpRequest) -> None:
        self.site = site
        self.request = request
        public = urlsplit(site_address(site))
        self.protocol = public.scheme
        self.domain = public.netloc

    def get_domain(self, site: object = None) -> str:
        return self.domain

    def items(self) -> PageQuerySet:
        return pages_visible(Page.objects.all(), site=self.site).order_by("path").defer_streamfields().specific()

    def location(self, page: Page) -> str:
        parts = page.get_url_parts(self.request)
        return parts[2] if parts else "/"

    def lastmod(self, page: Page) -> datetime.datetime | None:
        return page.last_published_at
