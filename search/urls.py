from django.urls import path

from search import views

urlpatterns = [
    path("recherche/", views.search, name="search"),
    path("api/search/", views.api_search, name="api_search"),
    path("api/search/autocomplete/", views.api_autocomplete, name="api_search_autocomplete"),
]
