"""URL routes: admin, documents, media and the Wagtail page tree."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Search: the public page /recherche/ (its JSON twins are in the typed API).
    path("", include("search.urls")),
    # Read API: Wagtail's API v2 at /api/v2/, the typed API at /api/ (schema /api/schema/).
    path("", include("api.urls")),
    path("", include("subscribers.urls")),
    # Feeds: podcast RSS, RSS/Atom, iCalendar, sitemap.xml and robots.txt.
    path("", include("feeds.urls")),
    # Email providers' tracking webhooks (bounces, complaints), each closed until its
    # authentication is configured (subscribers/webhook_views.py).
    path("webhooks/anymail/", include("subscribers.webhook_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
