"""Feed URLs: stable addresses that podcast apps and calendars keep for years.

Podcast files are addressed by the series' and episodes' stored UUIDs, so that renaming or
moving a page never breaks a subscription.
"""

from django.urls import path

from feeds import views
from feeds.syndication import NewsAtomFeed, NewsFeed, PublicationsAtomFeed, PublicationsFeed

app_name = "feeds"

urlpatterns = [
    path("flux/podcasts/<uuid:guid>.xml", views.podcast_feed, name="podcast"),
    path("flux/podcasts/episodes/<uuid:guid>/transcription.vtt", views.podcast_transcript, name="podcast_transcript"),
    path("flux/podcasts/episodes/<uuid:guid>/chapitres.json", views.podcast_chapters, name="podcast_chapters"),
    path("flux/publications.xml", PublicationsFeed(), name="publications_rss"),
    path("flux/publications.atom", PublicationsAtomFeed(), name="publications_atom"),
    path("flux/actualites.xml", NewsFeed(), name="news_rss"),
    path("flux/actualites.atom", NewsAtomFeed(), name="news_atom"),
    path("flux/agenda.ics", views.agenda_calendar, name="agenda_ics"),
    path("flux/actions/<id:page_id>.ics", views.action_calendar, name="action_ics"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
