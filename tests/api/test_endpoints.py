"""The typed API per content type: lists, details and every filter fronts use."""

import datetime

import pytest
from django.utils import timezone

from tests.api.helpers import get_json, ids
from tests.factories import ActionFormatFactory, ActionPageFactory, ActionSessionFactory, PublicationCollectionFactory

pytestmark = pytest.mark.django_db


def test_actions__list_holds_format_themes_sessions_and_territories(client, content):
    data = get_json(client, "/api/actions/")
    assert data["count"] == 2
    action = next(item for item in data["results"] if item["id"] == content.action.pk)
    assert action["title"] == "Séminaire des élu·e·s : santé mentale"
    assert action["format"]["slug"] == "atelier"
    assert [theme["slug"] for theme in action["themes"]] == ["sante"]
    assert action["sessions"][0]["town"]["code"] == "93066"
    assert action["status_label"] == "Programmée"


def test_actions__detail_expands_people_body_and_programme_axis(client, content):
    data = get_json(client, f"/api/actions/{content.action.pk}")
    assert data["people"][0]["role_label"] == "Animation"
    assert data["people"][0]["person"]["last_name"]
    assert data["body"][0]["type"] == "paragraph"
    assert data["funding_note"] == "Financement IREV + CDC"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"territory": "93"}, "action"),
        ({"territory": "11"}, "action"),
        ({"territory": "93066"}, "action"),
        ({"territory": "59"}, "past_action"),
        ({"theme": "sante"}, "action"),
        ({"theme": "education-et-jeunesse"}, "past_action"),
        ({"format": "atelier"}, "action"),
        ({"year": "2017"}, "past_action"),
        ({"year": "2024"}, "action"),
        ({"upcoming": "true"}, "action"),
        ({"upcoming": "false"}, "past_action"),
        ({"from": "2017-03-01", "to": "2017-03-31"}, "past_action"),
        ({"search": "élus santé"}, "action"),
        ({"search": "roubaix"}, "past_action"),
    ],
)
def test_actions__filters(client, content, params, expected):
    data = get_json(client, "/api/actions/", params)
    assert ids(data) == {getattr(content, expected).pk}


def test_actions__upcoming__an_action_whose_only_future_session_is_cancelled_is_past(client, content):
    soon = timezone.now() + datetime.timedelta(days=3)
    ActionSessionFactory(
        page=content.past_action, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2), cancelled=True
    )

    assert ids(get_json(client, "/api/actions/", {"upcoming": "true"})) == {content.action.pk}
    assert ids(get_json(client, "/api/actions/", {"upcoming": "false"})) == {content.past_action.pk}


def test_actions__status_and_ordering_by_session_date(client, content):
    assert get_json(client, "/api/actions/", {"status": "annulee"})["count"] == 0
    ascending = [item["id"] for item in get_json(client, "/api/actions/", {"order": "date"})["results"]]
    descending = [item["id"] for item in get_json(client, "/api/actions/", {"order": "-date"})["results"]]
    assert ascending == [content.past_action.pk, content.action.pk]
    assert descending == list(reversed(ascending))


def test_actions__without_a_session__last_in_either_order_on_every_database(client, content):
    undated = ActionPageFactory(parent=content.action.get_parent(), title="Action sans date arrêtée")
    for order in ("date", "-date"):
        listed = [item["id"] for item in get_json(client, "/api/actions/", {"order": order})["results"]]
        assert listed[-1] == undated.pk, order


def test_actions__pagination_with_limit_and_offset(client, content):
    first = get_json(client, "/api/actions/", {"limit": 1, "order": "date"})
    second = get_json(client, "/api/actions/", {"limit": 1, "offset": 1, "order": "date"})
    assert first["count"] == second["count"] == 2
    assert ids(first) | ids(second) == {content.action.pk, content.past_action.pk}
    assert get_json(client, "/api/actions/", {"offset": 50})["results"] == []


def test_publications__filters_collection_year_territory_and_files(client, content):
    collection = content.publication.collection.slug
    data = get_json(client, "/api/publications/", {"collection": collection, "year": 2024, "territory": "11"})
    assert ids(data) == {content.publication.pk}
    document = data["results"][0]["documents"][0]
    assert document["url"].startswith("http")
    assert document["file_extension"] == "pdf"
    assert "file_size" in document
    other = PublicationCollectionFactory()
    assert get_json(client, "/api/publications/", {"collection": other.slug})["count"] == 0
    assert get_json(client, "/api/publications/", {"year": 2023})["count"] == 0


def test_podcasts__series_season_and_episode_filters(client, content):
    by_series = get_json(client, "/api/podcasts/episodes/", {"series": content.series.pk})
    by_season = get_json(client, "/api/podcasts/episodes/", {"season": content.season.pk})
    assert ids(by_series) == ids(by_season) == {content.episode.pk}
    episode = get_json(client, f"/api/podcasts/episodes/{content.episode.pk}")
    assert episode["audio"]["duration"] > 0
    assert episode["audio"]["url"].startswith("http")
    assert episode["chapters"][0]["title"] == "Introduction"
    seasons = get_json(client, "/api/podcasts/seasons/", {"series": content.series.pk})
    assert seasons["results"][0]["series"]["id"] == content.series.pk


def test_experiences__territory_includes_the_town(client, content):
    assert ids(get_json(client, "/api/experiences/", {"territory": "59"})) == {content.experience.pk}
    assert get_json(client, "/api/experiences/", {"territory": "93"})["count"] == 0
    detail = get_json(client, f"/api/experiences/{content.experience.pk}")
    assert detail["town"]["name"] == "Roubaix"
    assert "<p>" in detail["context"]


def test_newsletters__filter_by_list(client, content):
    slug = content.issue.newsletter_list.slug
    assert ids(get_json(client, "/api/newsletters/", {"list": slug})) == {content.issue.pk}
    assert get_json(client, "/api/lists/")["results"][0]["slug"] == slug


def test_snippets__themes_formats_territories_people_organisations(client, content):
    ActionFormatFactory(name="Webinaire")
    assert {item["slug"] for item in get_json(client, "/api/themes/")["results"]} >= {"sante"}
    assert "webinaire" in {item["slug"] for item in get_json(client, "/api/formats/")["results"]}
    inside = get_json(client, "/api/territories/", {"parent": "93"})
    assert {item["name"] for item in inside["results"]} == {"Plaine Commune", "Saint-Denis"}
    assert get_json(client, "/api/territories/", {"kind": "region"})["count"] == 2
    assert get_json(client, "/api/people/")["count"] >= 1
    centres = get_json(client, "/api/organisations/", {"kind": "centre_ressources"})
    assert all(item["kind"] == "centre_ressources" for item in centres["results"])


def test_details__unknown_id_is_a_french_404(client, content):
    data = get_json(client, "/api/actions/999999", status=404)
    assert data["detail"] == "Aucun contenu publié n'a cet identifiant."
    assert get_json(client, f"/api/publications/{content.action.pk}", status=404)


def test_inclusive_writing_survives_as_is(client, content):
    response = client.get(f"/api/actions/{content.action.pk}", HTTP_HOST="localhost")
    assert "élu·e·s" in response.content.decode()
