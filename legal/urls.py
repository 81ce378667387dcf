"""The legal pages, at the same French addresses on every site; matched before Wagtail's page tree."""

from django.urls import path

from config.response_cache import public_cache, public_cache_with_form
from legal import views

app_name = "legal"

# The same for every visitor of a site (the contact form's CSRF token aside): shared like the pages,
# purged when a page or a site setting changes.
urlpatterns = [
    path("mentions-legales/", public_cache(views.legal_notice), name="legal_notice"),
    path("donnees-personnelles/", public_cache(views.privacy), name="privacy"),
    path("accessibilite/", public_cache(views.accessibility), name="accessibility"),
    path("plan-du-site/", public_cache(views.plan), name="plan"),
    path("contact/", public_cache_with_form(views.contact), name="contact"),
]
