"""The password forms of restricted pages and document collections: guesses are throttled per client address."""

import pytest
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import factories, html

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def restricted(site_tree):
    page = factories.PublicationPageFactory(parent=site_tree.publications, title="Compte rendu du comité")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="quartiers-2026"
    )
    return page, restriction


def _guess(client, restricted, password: str, address: str):
    page, restriction = restricted
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


def test_page_password__too_many_guesses__refused_in_french_even_the_right_one(client, restricted, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PAGE_PASSWORD_RATE_LIMIT = 3
    guesses = [_guess(client, restricted, f"essai-{number}", "203.0.113.66") for number in range(3)]
    assert [guess.status_code for guess in guesses] == [200, 200, 200]

    throttled = _guess(client, restricted, "quartiers-2026", "203.0.113.66")

    assert throttled.status_code == 429
    assert "Trop de tentatives de mot de passe pour ce contenu" in html.page_source(throttled)
    assert client.get(restricted[0].url).status_code == 200
    assert "quartiers-2026" not in throttled.content.decode()
    assert "Compte rendu du comité" not in html.page_source(client.get(restricted[0].url))


def test_page_password__another_visitor_behind_the_proxy__still_gets_in(client, restricted, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PAGE_PASSWORD_RATE_LIMIT = 3
    for number in range(4):
        _guess(client, restricted, f"essai-{number}", "203.0.113.66")

    visitor = Client()
    answer = _guess(visitor, restricted, "quartiers-2026", "198.51.100.5")

    assert answer.status_code == 302
    assert html.headings(html.main(html.parse(visitor.get(restricted[0].url))), "h1") == ["Compte rendu du comité"]


def test_document_password__too_many_guesses__refused_in_french_even_the_right_one(client, db, settings):
    settings.PAGE_PASSWORD_RATE_LIMIT = 3
    collection = Collection.get_first_root_node().add_child(name="Comité de pilotage")
    document = factories.CustomDocumentFactory(title="Relevé de décisions", collection=collection)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="quartiers-2026"
    )

    def guess(client, password: str, address: str):
        return client.post(
            f"/documents/authenticate_with_password/{restriction.pk}/",
            {"password": password, "return_url": document.url},
            REMOTE_ADDR=address,
        )

    guesses = [guess(client, f"essai-{number}", "203.0.113.66") for number in range(3)]
    assert [answer.status_code for answer in guesses] == [200, 200, 200]

    throttled = guess(client, "quartiers-2026", "203.0.113.66")
    other_client = guess(Client(), "quartiers-2026", "198.51.100.5")

    assert throttled.status_code == 429
    assert "Trop de tentatives de mot de passe pour ce contenu" in html.page_source(throttled)
    assert other_client.status_code == 302
