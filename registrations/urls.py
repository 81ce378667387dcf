"""Public registration routes, outside the page tree."""

from django.urls import path

from config.response_cache import public_cache_with_form
from registrations import views

app_name = "registrations"

urlpatterns = [
    # The form of an action is the same for everyone (its CSRF token aside); a person's own
    # registration pages are never shared.
    path("inscriptions/action/<id:action_id>/", public_cache_with_form(views.register), name="register"),
    path("inscriptions/<str:key>/", views.detail, name="detail"),
    path("inscriptions/<str:key>/annuler/", views.cancel, name="cancel"),
]
