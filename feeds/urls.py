"""Feed URLs: stable addresses that podcast apps and calendars keep for years.

Podcast files are addressed by the series' and episodes' stored UUIDs, so that renaming or
moving a page never breaks a subscription.
"""

from django.urls import path

from config.response_cache import public_cache
from feeds import views
from feeds.syndication import NewsAtomFeed, NewsFeed, PublicationsAtomFeed, PublicationsFeed

app_name = "feeds"

# Every feed is public and the same for everyone: stored and purged with the pages.
urlpatterns = [
    path("flux/podcasts/<uuid:guid>.xml", public_cache(views.podcast_feed), name="podcast"),
    path(
        "flux/podcasts/episodes/<uuid:guid>/transcription.vtt",
        public_cache(views.podcast_transcript),
        name="podcast_transcript",
    ),
    path(
        "flux/podcasts/episodes/<uuid:guid>/chapitres.json",
        public_cache(views.podcast_chapters),
        name="podcast_chapters",
    ),
    path("flux/publications.xml", public_cache(PublicationsFeed()), name="publications_rss"),
    path("flux/publications.atom", public_cache(PublicationsAtomFeed()), name="publications_atom"),
    path("flux/actualites.xml", public_cache(NewsFeed()), name="news_rss"),
    path("flux/actualites.atom", public_cache(NewsAtomFeed()), name="news_atom"),
    path("flux/agenda.ics", public_cache(views.agenda_calendar), name="agenda_ics"),
    path("flux/actions/<id:page_id>.ics", public_cache(views.action_calendar), name="action_ics"),
    path("sitemap.xml", public_cache(views.sitemap), name="sitemap"),
    path("robots.txt", public_cache(views.robots_txt), name="robots"),
]
