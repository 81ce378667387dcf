"""Redis down, as cache: the public site answers without cache, through HTTP, on a closed port."""

import logging

import pytest
from django.core.cache import cache
from wagtail.models import Page

from tests import outages
from tests.editorial.helpers import post_edit
from tests.factories import ActionPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

PUBLIC_READS = [
    "/",
    "/api/actions/",
    "/api/actions/{action}",
    "/api/v2/pages/",
    "/api/v2/pages/{action}/",
    "/flux/publications.xml",
    "/recherche/?q=jardins",
]


@pytest.fixture
def cache_down(settings) -> None:
    outages.cache_down(settings)


@pytest.fixture
def content(site_tree):
    return {
        "action": ActionPageFactory(title="Les jardins familiaux"),
        "publication": PublicationPageFactory(title="Les jardins partagés en quartier prioritaire"),
    }


@pytest.mark.parametrize("path", PUBLIC_READS)
def test_public_read__cache_down__answers_200(client, content, cache_down, path):
    response = client.get(path.format(action=content["action"].pk), HTTP_HOST="localhost")

    assert response.status_code == 200


def test_cache_down__reads_miss_writes_are_dropped_and_one_warning(content, cache_down, client, caplog):
    with caplog.at_level(logging.WARNING, logger="config.cache_backends"):
        cache.set("outage-probe", "valeur")
        assert cache.get("outage-probe", "absent") == "absent"
        assert cache.add("outage-probe", "valeur") is False
        for _ in range(3):
            assert client.get("/api/actions/", HTTP_HOST="localhost").status_code == 200

    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 1, [record.getMessage() for record in warnings]


def test_publish__cache_down__the_page_goes_live(admin_client, site_tree, cache_down):
    action = ActionPageFactory(title="Séminaire des élu·e·s", live=False)

    response = post_edit(admin_client, action, "action-publish")

    assert response.status_code == 302
    assert Page.objects.get(pk=action.pk).live
