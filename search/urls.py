from django.urls import path

from search import views

# The JSON twins, /api/search/ and /api/search/autocomplete/, are operations of the typed
# API (api/routers/search.py), so that the OpenAPI schema describes them.
urlpatterns = [
    path("recherche/", views.search, name="search"),
]
