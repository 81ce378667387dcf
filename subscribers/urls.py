"""Public subscription routes, outside the page tree (the archive page lives at /lettres/)."""

from django.urls import path

from config.response_cache import public_cache_with_form
from subscribers import views

app_name = "subscribers"

urlpatterns = [
    # The form is the same for everyone (its CSRF token aside): shared like the pages.
    path("abonnement/", public_cache_with_form(views.subscribe), name="subscribe"),
    path("abonnement/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/preferences/<str:token>/", views.preferences, name="preferences"),
    path("abonnement/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("abonnement/<slug:list_slug>/", public_cache_with_form(views.subscribe), name="subscribe_list"),
]
