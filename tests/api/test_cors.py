"""CORS: the origins of CORS_ALLOWED_ORIGINS may read /api/, and nothing else is opened."""

import pytest

pytestmark = pytest.mark.django_db

FRONT = "https://portail.example.org"


@pytest.fixture(autouse=True)
def _allowed(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT]


def test_allowed_origin__may_read_the_api(client, content):
    response = client.get("/api/actions/", HTTP_HOST="localhost", HTTP_ORIGIN=FRONT)
    assert response["Access-Control-Allow-Origin"] == FRONT
    v2 = client.get("/api/v2/pages/", HTTP_HOST="localhost", HTTP_ORIGIN=FRONT)
    assert v2["Access-Control-Allow-Origin"] == FRONT


def test_preflight__answers_get_only(client, content):
    response = client.options(
        "/api/actions/", HTTP_HOST="localhost", HTTP_ORIGIN=FRONT, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_other_origin__refused(client, content):
    response = client.get("/api/actions/", HTTP_HOST="localhost", HTTP_ORIGIN="https://malveillant.example.com")
    assert "Access-Control-Allow-Origin" not in response


def test_outside_the_api__no_cors(client, content):
    response = client.get("/recherche/", HTTP_HOST="localhost", HTTP_ORIGIN=FRONT)
    assert "Access-Control-Allow-Origin" not in response


def test_setting_read_from_the_environment(monkeypatch):
    import importlib

    import config.settings.api as api_settings

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "https://a.example.org,https://b.example.org")
    assert importlib.reload(api_settings).CORS_ALLOWED_ORIGINS == ["https://a.example.org", "https://b.example.org"]
    monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
    importlib.reload(api_settings)
