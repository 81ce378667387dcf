"""Preview of drafts by an external front: a signed token that expires."""

from urllib.parse import unquote

import pytest
from django.core import signing
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Revision

from api.preview import SALT, preview_revision_ensure, preview_token_create
from tests.api.helpers import get_json
from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def token_for(page) -> str:
    return preview_token_create(revision=preview_revision_ensure(page=page, user=None))


def test_valid_token__returns_the_draft_not_the_live_version(client, content):
    page = content.action
    page.title = "Séminaire des élu·e·s : version en cours de relecture"
    page.save_revision()
    token = token_for(page)
    data = get_json(client, "/api/preview/", {"token": token})
    assert data["type"] == "action"
    assert data["title"] == "Séminaire des élu·e·s : version en cours de relecture"
    assert data["data"]["format"]["slug"] == "atelier"
    assert get_json(client, f"/api/actions/{page.pk}")["title"] == "Séminaire des élu·e·s : santé mentale"
    response = client.get("/api/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response["Cache-Control"] == "private, no-store"


def test_never_published_page__previewable(client, content):
    draft = PublicationPageFactory(live=False, title="Cahier à paraître")
    data = get_json(client, "/api/preview/", {"token": token_for(draft)})
    assert data["type"] == "publication"
    assert data["title"] == "Cahier à paraître"


def test_expired_token__401_in_french(client, content):
    token = token_for(content.action)
    with override_settings(API_PREVIEW_TOKEN_MAX_AGE=-1):
        data = get_json(client, "/api/preview/", {"token": token}, status=401)
    assert data["errors"][0]["message"].startswith("Ce lien d'aperçu a expiré")


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps({"page": 1, "revision": 1}, salt=SALT, key="une-autre-cle-secrete" * 3),
        lambda token: signing.dumps({"page": 1, "revision": 1}, salt="autre-sel"),
        lambda token: "n'importe quoi",
        lambda token: "x" * 999,
        lambda token: "' OR 1=1 --",
    ],
)
def test_forged_token__401_in_french(client, content, forge):
    token = forge(token_for(content.action))
    data = get_json(client, "/api/preview/", {"token": token}, status=401)
    assert data["errors"] == [{"field": "token", "message": "Ce lien d'aperçu n'est pas valide."}]


def test_token_of_a_deleted_revision__401(client, content):
    token = signing.dumps({"page": content.action.pk, "revision": 999_999}, salt=SALT, compress=True)
    data = get_json(client, "/api/preview/", {"token": token}, status=401)
    assert data["errors"][0]["message"] == "Ce brouillon n'existe plus."


def test_admin_link__redirects_to_the_front_with_a_token(admin_client, content, settings):
    settings.API_PREVIEW_CLIENT_URL = "https://front.example.org/apercu"
    content.action.save_revision()
    response = admin_client.get(f"/admin/apercu-front/{content.action.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://front.example.org/apercu?token=")
    token = response["Location"].split("token=", 1)[1]
    assert get_json(admin_client, "/api/preview/", {"token": unquote(token)})["id"] == content.action.pk


def _revisions(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


@pytest.fixture
def front(settings):
    settings.API_PREVIEW_CLIENT_URL = "https://front.example.org/apercu"


def _front_button(response) -> bool:
    return "/admin/apercu-front/" in response.content.decode()


def test_admin_button__shown_when_a_front_is_configured(admin_client, content, front):
    assert _front_button(admin_client.get(reverse("wagtailadmin_pages:edit", args=[content.action.pk])))


def test_admin_button__hidden_and_the_link_explains_without_a_front(admin_client, content, settings):
    settings.API_PREVIEW_CLIENT_URL = ""

    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[content.action.pk]))
    response = admin_client.get(f"/admin/apercu-front/{content.action.pk}/")

    assert not _front_button(edit)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Aucun site externe n'est relié à ce CMS" in response.content.decode()


def _token(response) -> str:
    return unquote(response["Location"].split("token=", 1)[1])


def test_admin_link__get_of_a_page_without_revision_saves_none(admin_client, site_tree, front):
    page = PublicationPageFactory(parent=site_tree.publications, live=False, title="Cahier importé")
    assert _revisions(page) == 0
    response = admin_client.get(f"/admin/apercu-front/{page.pk}/")
    assert response.status_code == 200
    assert _revisions(page) == 0
    html = response.content.decode()
    assert 'method="post"' in html
    assert "Enregistrer un brouillon et ouvrir l" in html


def test_admin_link__get_reads_the_latest_revision_without_writing(admin_client, content, front):
    page = content.action
    page.title = "Brouillon relu"
    revision = page.save_revision()
    before = _revisions(page)
    response = admin_client.get(f"/admin/apercu-front/{page.pk}/")
    assert response.status_code == 302
    assert _revisions(page) == before
    data = get_json(admin_client, "/api/preview/", {"token": _token(response)})
    assert (data["revision_id"], data["title"]) == (revision.pk, "Brouillon relu")


def test_admin_link__post_saves_a_first_revision_once_then_redirects(admin_client, site_tree, front):
    page = PublicationPageFactory(parent=site_tree.publications, live=False, title="Cahier importé")
    response = admin_client.post(f"/admin/apercu-front/{page.pk}/")
    assert response.status_code == 302
    [revision] = Revision.page_revisions.filter(object_id=str(page.pk))
    data = get_json(admin_client, "/api/preview/", {"token": _token(response)})
    assert (data["revision_id"], data["title"]) == (revision.pk, "Cahier importé")
    admin_client.post(f"/admin/apercu-front/{page.pk}/")
    assert _revisions(page) == 1


def test_admin_link__refused_to_anonymous_visitors(client, content):
    response = client.get(f"/admin/apercu-front/{content.action.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
