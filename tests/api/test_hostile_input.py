"""Malformed, overlong or malicious parameters get a 400/422 with a French message, never a 500."""

import pytest

from publications.models import ActionPage, Theme
from tests.api.helpers import get_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params", "field", "message"),
    [
        ("/api/actions/", {"limit": "abc"}, "limit", "Un nombre entier est attendu."),
        ("/api/actions/", {"limit": "0"}, "limit", "La valeur doit être au moins 1."),
        ("/api/actions/", {"limit": "101"}, "limit", "La valeur doit être au plus 100."),
        ("/api/actions/", {"offset": "-1"}, "offset", "La valeur doit être au moins 0."),
        ("/api/actions/", {"limit": "9" * 40}, "limit", "La valeur doit être au plus 100."),
        ("/api/actions/", {"from": "2024-13-45"}, "from", "Une date au format AAAA-MM-JJ est attendue."),
        ("/api/actions/", {"to": "0001-01-01"}, "to", "La valeur doit être au moins 1900-01-01."),
        ("/api/actions/", {"upcoming": "peut-être"}, "upcoming", "« true » ou « false » est attendu."),
        ("/api/actions/", {"status": "publiée"}, "status", "Valeurs permises"),
        ("/api/actions/", {"order": "random()"}, "order", "Valeurs permises"),
        ("/api/actions/", {"theme": "' OR 1=1 --"}, "theme", "Caractères non permis dans cette valeur."),
        ("/api/actions/", {"territory": "93\x00"}, "territory", "Caractères non permis dans cette valeur."),
        ("/api/actions/", {"search": "x" * 500}, "search", "Trop long : 200 caractères au plus."),
        ("/api/actions/", {"year": "20x5"}, "year", "Un nombre entier est attendu."),
        ("/api/publications/", {"collection": "<script>"}, "collection", "Caractères non permis"),
        ("/api/podcasts/episodes/", {"season": "1e9999"}, "season", "Un nombre entier est attendu."),
        ("/api/newsletters/", {"list": "a" * 500}, "list", "Trop long : 120 caractères au plus."),
        ("/api/territories/", {"kind": "planete"}, "kind", "Valeurs permises"),
        ("/api/preview/", {}, "token", "Ce paramètre est obligatoire."),
    ],
)
def test_malformed_parameter__422_naming_it_in_french(client, content, url, params, field, message):
    data = get_json(client, url, params, status=422)
    assert data["detail"].startswith("Paramètre invalide : ")
    assert field in data["detail"]
    error = next(error for error in data["errors"] if error["field"] == field)
    assert message in error["message"]


@pytest.mark.parametrize(
    ("url", "params", "field", "message"),
    [
        ("/api/actions/", {"theme": "inconnue"}, "theme", "Aucune thématique n'a l'identifiant « inconnue »."),
        ("/api/actions/", {"territory": "99999"}, "territory", "Aucun territoire n'a le code « 99999 »."),
        ("/api/actions/", {"format": "inconnu"}, "format", "Aucun format d'action n'a l'identifiant « inconnu »."),
        ("/api/actions/", {"search": "le la les ; --"}, "search", "La recherche ne contient aucun mot à chercher."),
        ("/api/publications/", {"collection": "inconnue"}, "collection", "Aucune collection"),
        ("/api/podcasts/episodes/", {"series": "999999"}, "series", "Aucune série publiée"),
        ("/api/podcasts/episodes/", {"season": "999999"}, "season", "Aucune saison publiée"),
        ("/api/newsletters/", {"list": "inconnue"}, "list", "Aucune liste de diffusion"),
        ("/api/territories/", {"parent": "00000"}, "parent", "Aucun territoire n'a le code « 00000 »."),
    ],
)
def test_unknown_value__400_naming_it_in_french(client, content, url, params, field, message):
    data = get_json(client, url, params, status=400)
    assert data["errors"] == [{"field": field, "message": data["errors"][0]["message"]}]
    assert message in data["errors"][0]["message"]


@pytest.mark.parametrize("path", ["/api/actions/abc", "/api/actions/-1", "/api/actions/99999999999999999999"])
def test_malformed_id__never_a_server_error(client, content, path):
    response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code in (404, 422)


def test_hostile_requests__change_nothing(client, content):
    before = (ActionPage.objects.count(), Theme.objects.count())
    client.get("/api/actions/", {"theme": "x'; DROP TABLE publications_theme; --"}, HTTP_HOST="localhost")
    client.get("/api/actions/", {"search": "'; DROP TABLE wagtailcore_page; --"}, HTTP_HOST="localhost")
    assert client.post("/api/actions/", {"title": "x"}, HTTP_HOST="localhost").status_code == 405
    assert client.delete(f"/api/actions/{content.action.pk}", HTTP_HOST="localhost").status_code == 405
    assert (ActionPage.objects.count(), Theme.objects.count()) == before
