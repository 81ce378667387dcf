"""The legal pages, at the same French addresses on every site; matched before Wagtail's page tree."""

from django.urls import path

from legal import views

app_name = "legal"

urlpatterns = [
    path("mentions-legales/", views.legal_notice, name="legal_notice"),
    path("donnees-personnelles/", views.privacy, name="privacy"),
    path("accessibilite/", views.accessibility, name="accessibility"),
    path("plan-du-site/", views.plan, name="plan"),
    path("contact/", views.contact, name="contact"),
]
