"""RSS and Atom feeds of the latest publications and of everything new (« actualités »)."""

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageQuerySet, Site

from config.public_url import absolute_url
from feeds.links import page_absolute_url
from feeds.selectors import site_for_request
from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, PublicationPage
from publications.selectors import site_name_for
from publications.visibility import pages_visible

FEED_LENGTH = 30
NEWS_TYPES = (ActionPage, PublicationPage, PodcastEpisodePage, ExperiencePage, NewsletterIssuePage)


class FrenchRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class PageFeed(Feed):
    """Items are pages; their guid is the page's translation key, a UUID that never changes.

    One instance serves every request (it lives in the URLconf), so nothing is stored on it.
    """

    feed_type: type[SyndicationFeed] = FrenchRssFeed
    language = "fr"
    url_name = ""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Site:
        site = site_for_request(request)
        if site is None:
            raise Http404
        return site

    def link(self, site: Site) -> str:
        return absolute_url("/", site=site)

    def feed_url(self, site: Site) -> str:
        return absolute_url(reverse(self.url_name), site=site)

    def feed_guid(self, site: Site) -> str:
        return f"urn:uuid:{site.root_page.translation_key}"

    def item_title(self, page: Page) -> str:
        return page.title

    def item_link(self, page: Page) -> str:
        # No request here: with several sites Wagtail gives the page's own site's address.
        return page_absolute_url(page)

    def item_guid(self, page: Page) -> str:
        return f"urn:uuid:{page.translation_key}"

    item_guid_is_permalink = False

    def item_description(self, page: Page) -> str:
        return getattr(page, "summary", "") or page.search_description or page.title

    def item_pubdate(self, page: Page) -> datetime.datetime | None:
        return page.first_published_at

    def item_updateddate(self, page: Page) -> datetime.datetime | None:
        return page.last_published_at


class PublicationsFeed(PageFeed):
    description = _("Les dernières publications : actes, cahiers, repères pour agir, notes.")
    url_name = "feeds:publications_rss"

    def title(self, site: Site) -> str:
        return gettext("%(site)s — publications") % {"site": site_name_for(site=site)}

    def items(self, site: Site) -> PageQuerySet:
        return (
            pages_visible(PublicationPage.objects.all(), site=site)
            .select_related("collection")
            .order_by("-publication_date", F("first_published_at").desc(nulls_last=True))[:FEED_LENGTH]
        )

    def item_categories(self, page: PublicationPage) -> list[str]:
        return [page.collection.name]

    def item_pubdate(self, page: PublicationPage) -> datetime.datetime:
        published = page.first_published_at
        if published and published.date() == page.publication_date:
            return published
        return datetime.datetime.combine(page.publication_date, datetime.time(0), tzinfo=datetime.UTC)


class PublicationsAtomFeed(PublicationsFeed):
    feed_type = Atom1Feed
    subtitle = PublicationsFeed.description
    url_name = "feeds:publications_atom"


class NewsFeed(PageFeed):
    description = _("Ce qui vient de paraître : actions, publications, podcasts, fiches d'expérience, lettres.")
    url_name = "feeds:news_rss"

    def title(self, site: Site) -> str:
        return gettext("%(site)s — actualités") % {"site": site_name_for(site=site)}

    def items(self, site: Site) -> list[Page]:
        pages = pages_visible(Page.objects.type(*NEWS_TYPES), site=site)
        newest_first = F("first_published_at").desc(nulls_last=True)
        return list(pages.order_by(newest_first, "-pk").specific()[:FEED_LENGTH])

    def item_categories(self, page: Page) -> list[str]:
        return [str(page.specific_class._meta.verbose_name).capitalize()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
    url_name = "feeds:news_atom"
