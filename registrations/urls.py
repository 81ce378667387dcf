"""Public registration routes, outside the page tree."""

from django.urls import path

from registrations import views

app_name = "registrations"

urlpatterns = [
    path("inscriptions/action/<id:action_id>/", views.register, name="register"),
    path("inscriptions/<str:key>/", views.detail, name="detail"),
    path("inscriptions/<str:key>/annuler/", views.cancel, name="cancel"),
]
