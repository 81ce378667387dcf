"""Public subscription routes, outside the page tree (the archive page lives at /lettres/)."""

from django.urls import path

from subscribers import views

app_name = "subscribers"

urlpatterns = [
    path("abonnement/", views.subscribe, name="subscribe"),
    path("abonnement/confirmer/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/preferences/<str:token>/", views.preferences, name="preferences"),
    path("abonnement/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("abonnement/<slug:list_slug>/", views.subscribe, name="subscribe_list"),
]
