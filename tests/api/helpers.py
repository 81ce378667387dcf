"""Small helpers of the API tests."""

import json
from typing import Any

from django.test import Client

# Every list endpoint of the typed API.
TYPED_LISTS = [
    "/api/actions/",
    "/api/programmes/",
    "/api/publications/",
    "/api/podcasts/series/",
    "/api/podcasts/seasons/",
    "/api/podcasts/episodes/",
    "/api/experiences/",
    "/api/newsletters/",
    "/api/themes/",
    "/api/formats/",
    "/api/collections/",
    "/api/audiences/",
    "/api/territories/",
    "/api/people/",
    "/api/organisations/",
    "/api/lists/",
    "/api/centres/",
]
# Every content page type API v2 lists with ``type=``.
V2_PAGE_TYPES = [
    "publications.ProgrammePage",
    "publications.ActionPage",
    "publications.PublicationPage",
    "publications.PodcastSeriesPage",
    "publications.PodcastSeasonPage",
    "publications.PodcastEpisodePage",
    "publications.ExperiencePage",
    "newsletters.NewsletterIssuePage",
]


def get_json(client: Client, url: str, params: dict[str, Any] | None = None, status: int = 200) -> Any:
    response = client.get(url, params or {}, HTTP_HOST="localhost")
    assert response.status_code == status, response.content[:500]
    return json.loads(response.content)


def ids(data: dict[str, Any]) -> set[int]:
    return {item["id"] for item in data["results"]}
