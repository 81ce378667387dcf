from django.urls import path

from config.response_cache import public_search_cache
from search import views

# The JSON twins, /api/search/ and /api/search/autocomplete/, are operations of the typed
# API (api/routers/search.py), so that the OpenAPI schema describes them.
urlpatterns = [
    path("recherche/", public_search_cache(views.search), name="search"),
]
