"""The RSS feed of a podcast series, as Apple Podcasts, Spotify and Podcasting 2.0 apps read it.

Written with ElementTree rather than feedgen: feedgen 1.0 writes itunes:explicit as yes/no, which
Apple now rejects, and has no Podcasting 2.0 tags.
"""

import datetime
import logging
import mimetypes
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from email.utils import format_datetime

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from assets.models import CustomImage
from config.public_url import absolute_url
from config.time_zone import PARIS
from feeds.links import page_absolute_url, request_site
from publications.models import EpisodeChapter, EpisodePerson, PodcastEpisodePage, PodcastSeasonPage, PodcastSeriesPage
from publications.models.podcasts import COVER_MAX_PX, COVER_MIN_PX, EpisodeRole

logger = logging.getLogger(__name__)

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"
NAMESPACES = {"itunes": ITUNES, "podcast": PODCAST, "content": CONTENT, "atom": ATOM}
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)

RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
CHAPTERS_CONTENT_TYPE = "application/json+chapters"

# Podcasting 2.0 person taxonomy (group "cast"): https://podcasttaxonomy.com
PERSON_ROLES: dict[str, str] = {EpisodeRole.HOST: "host", EpisodeRole.GUEST: "guest"}


def _sub(parent: ET.Element, tag: str, content: str | None = None, /, **attributes: str) -> ET.Element:
    """A child element; positional-only parameters leave every name free for attributes (itunes' `text`)."""
    element = ET.SubElement(parent, tag, attributes)
    if content is not None:
        element.text = content
    return element


def _tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def podcast_cover_url(image: CustomImage | None) -> str | None:
    """A square JPEG between 1400 and 3000 px, or None when the image cannot give one."""
    if image is None:
        return None
    side = min(image.width, image.height, COVER_MAX_PX)
    if side < COVER_MIN_PX:
        logger.warning("Podcast cover %s is %dx%d, under the 1400 px apps require", image.pk, image.width, image.height)
        return None
    rendition = image.get_rendition(f"fill-{side}x{side}|format-jpeg|jpegquality-85")
    return absolute_url(rendition.url)


def release_datetime(date: datetime.date) -> datetime.datetime:
    """Episodes carry a release date; apps need an instant: midnight in Paris."""
    return datetime.datetime.combine(date, datetime.time(0), tzinfo=PARIS)


def episode_transcript_url(episode: PodcastEpisodePage, *, site: Site | None) -> str:
    return absolute_url(reverse("feeds:podcast_transcript", kwargs={"guid": episode.guid}), site=site)


def episode_chapters_url(episode: PodcastEpisodePage, *, site: Site | None) -> str:
    return absolute_url(reverse("feeds:podcast_chapters", kwargs={"guid": episode.guid}), site=site)


def podcast_feed_url(series: PodcastSeriesPage, *, site: Site | None) -> str:
    """The series' feed on ``site``, the one that holds it (its feed answers there only)."""
    return absolute_url(reverse("feeds:podcast", kwargs={"guid": series.guid}), site=site)


def chapters_document(episode: PodcastEpisodePage, chapters: Iterable[EpisodeChapter]) -> dict:
    """The Podcasting 2.0 JSON chapters document (version 1.2.0)."""
    return {
        "version": "1.2.0",
        "title": episode.title,
        "chapters": [
            {"startTime": round(chapter.start.total_seconds(), 3), "title": chapter.title} for chapter in chapters
        ],
    }


def _channel(
    rss: ET.Element, series: PodcastSeriesPage, episodes: list[PodcastEpisodePage], request: HttpRequest
) -> ET.Element:
    channel = _sub(rss, "channel")
    link = page_absolute_url(series, request)
    author = series.producer.name if series.producer else settings.WAGTAIL_SITE_NAME
    _sub(channel, "title", series.title)
    _sub(channel, "link", link)
    _sub(channel, "description", series.summary)
    _sub(channel, "language", "fr")
    _sub(channel, "copyright", f"© {author}")
    _sub(channel, "generator", "CMS des centres de ressources politique de la ville")
    published = [e.last_published_at for e in episodes if e.last_published_at]
    last_build = max([*published, series.last_published_at or timezone.now()])
    _sub(channel, "lastBuildDate", format_datetime(last_build))
    self_url = podcast_feed_url(series, site=request_site(request))
    _sub(channel, _tag(ATOM, "link"), href=self_url, rel="self", type="application/rss+xml")

    cover_url = podcast_cover_url(series.cover)
    if cover_url:
        image = _sub(channel, "image")
        _sub(image, "url", cover_url)
        _sub(image, "title", series.title)
        _sub(image, "link", link)
        _sub(channel, _tag(ITUNES, "image"), href=cover_url)
    category, _separator, subcategory = series.category.partition(" > ")
    category_element = _sub(channel, _tag(ITUNES, "category"), text=category)
    if subcategory:
        _sub(category_element, _tag(ITUNES, "category"), text=subcategory)
    _sub(channel, _tag(ITUNES, "explicit"), "true" if series.explicit else "false")
    _sub(channel, _tag(ITUNES, "author"), author)
    owner = _sub(channel, _tag(ITUNES, "owner"))
    _sub(owner, _tag(ITUNES, "name"), author)
    _sub(owner, _tag(ITUNES, "email"), series.owner_email)
    _sub(channel, _tag(ITUNES, "type"), "episodic")
    _sub(channel, _tag(PODCAST, "guid"), str(series.guid))
    _sub(channel, _tag(PODCAST, "locked"), "no", owner=series.owner_email)
    return channel


def _people(item: ET.Element, people: Iterable[EpisodePerson]) -> None:
    for credit in people:
        role = PERSON_ROLES.get(credit.role)
        if role:
            _sub(item, _tag(PODCAST, "person"), credit.person.full_name, role=role, group="cast")


def _item(
    channel: ET.Element,
    episode: PodcastEpisodePage,
    season: PodcastSeasonPage | None,
    request: HttpRequest,
) -> None:
    audio = episode.audio
    if audio is None:  # Not listed (`podcast_episodes_list`): an item needs its enclosure.
        return
    item = _sub(channel, "item")
    _sub(item, "title", episode.title)
    _sub(item, "link", page_absolute_url(episode, request))
    _sub(item, "description", episode.summary or episode.title)
    if episode.show_notes:
        _sub(item, _tag(CONTENT, "encoded"), expand_db_html(episode.show_notes))
    _sub(item, "guid", str(episode.guid), isPermaLink="false")
    _sub(item, "pubDate", format_datetime(release_datetime(episode.release_date)))
    mime_type = audio.mime_type or mimetypes.guess_type(audio.file.name)[0] or "audio/mpeg"
    length = audio.file_size if audio.file_size is not None else audio.file.size
    _sub(item, "enclosure", url=absolute_url(audio.file.url), length=str(length), type=mime_type)
    _sub(item, _tag(ITUNES, "title"), episode.title)
    if audio.duration:
        _sub(item, _tag(ITUNES, "duration"), str(round(audio.duration)))
    _sub(item, _tag(ITUNES, "episodeType"), episode.episode_type)
    if season is not None:
        _sub(item, _tag(ITUNES, "season"), str(season.number))
        _sub(item, _tag(PODCAST, "season"), str(season.number), name=season.title)
    if episode.episode_number:
        _sub(item, _tag(ITUNES, "episode"), str(episode.episode_number))
        _sub(item, _tag(PODCAST, "episode"), str(episode.episode_number))
    _sub(item, _tag(ITUNES, "explicit"), "false")
    if episode.transcript.strip():
        _sub(
            item,
            _tag(PODCAST, "transcript"),
            url=episode_transcript_url(episode, site=request_site(request)),
            type="text/vtt",
            language="fr",
        )
    if episode.chapters.all():
        _sub(
            item,
            _tag(PODCAST, "chapters"),
            url=episode_chapters_url(episode, site=request_site(request)),
            type=CHAPTERS_CONTENT_TYPE,
        )
    _people(item, episode.people.all())


def podcast_rss_build(
    *,
    series: PodcastSeriesPage,
    seasons: dict[str, PodcastSeasonPage],
    episodes: list[PodcastEpisodePage],
    request: HttpRequest,
) -> bytes:
    """The series' RSS document; `seasons` maps a season's tree path to the season."""
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _channel(rss, series, episodes, request)
    for episode in episodes:
        season = seasons.get(episode.path[: -PodcastEpisodePage.steplen])
        _item(channel, episode, season, request)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)
