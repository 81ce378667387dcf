"""/api/v2/ (Wagtail's API v2) and /api/ (the typed API, its schema and docs)."""

from django.urls import path

from api.ninja import api
from api.v2 import router as v2_router

urlpatterns = [
    path("api/v2/", v2_router.urls),
    path("api/", api.urls),
]
