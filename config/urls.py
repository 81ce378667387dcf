"""URL routes: admin, documents, media and the Wagtail page tree."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from assets.views import media_serve
from editorial.page_create import PageCreateView
from publications.restriction_passwords import document_password_view, page_password_view

urlpatterns = [
    # Wagtail's add form without autosave (editorial/page_create.py), matched before Wagtail's at the same
    # path: reverse("wagtailadmin_pages:add") still gives it.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        never_cache(require_admin_access(PageCreateView.as_view())),
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, throttled: the same paths and names, matched before Wagtail's own.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password_view,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Search: the public page /recherche/ (its JSON twins are in the typed API).
    path("", include("search.urls")),
    # Read API: Wagtail's API v2 at /api/v2/, the typed API at /api/ (schema /api/schema/).
    path("", include("api.urls")),
    path("", include("subscribers.urls")),
    path("", include("registrations.urls")),
    # The legal pages of the footer (mentions légales, données personnelles, accessibilité, plan, contact).
    path("", include("legal.urls")),
    # Feeds: podcast RSS, RSS/Atom, iCalendar, sitemap.xml and robots.txt.
    path("", include("feeds.urls")),
    # Email providers' tracking webhooks (bounces, complaints), each closed until its
    # authentication is configured (subscribers/webhook_views.py).
    path("webhooks/anymail/", include("subscribers.webhook_urls")),
]

if settings.SERVE_MEDIA:
    # In every environment, production included; a CDN pulling from this origin keeps it on.
    media_prefix = urlsplit(settings.MEDIA_URL).path.strip("/")
    urlpatterns += [path(f"{media_prefix}/<path:path>", media_serve, name="media_serve")]

urlpatterns += [
    # The page-password form, throttled (see the documents' above).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password_view,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
]
