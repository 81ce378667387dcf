"""The password form of a restricted page or document: in the site's layout, in French, revealing nothing."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import CustomDocumentFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def test_password_form__page_is_in_the_site_layout_and_hides_what_it_protects(client, site_tree) -> None:
    page = PublicationPageFactory(parent=site_tree.publications, title="Bilan confidentiel du conseil citoyen")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Accès protégé par un mot de passe</h1>" in html
    assert 'class="site-header"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Bilan confidentiel" not in html
    assert 'name="password"' in html


def test_password_form__wrong_password_is_refused_in_french_and_the_right_one_opens(client, site_tree) -> None:
    page = PublicationPageFactory(parent=site_tree.publications, title="Bilan confidentiel du conseil citoyen")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    action_url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    refused = client.post(action_url, {"password": "wrong", "return_url": page.url})
    opened = client.post(action_url, {"password": "s3cret", "return_url": page.url}, follow=True)

    assert refused.status_code == 200
    assert "mot de passe" in refused.content.decode().lower()
    assert "Bilan confidentiel" not in refused.content.decode()
    assert "Bilan confidentiel" in opened.content.decode()


def test_password_form__document_of_a_password_collection_says_document(client, site_tree) -> None:
    collection = Collection.get_first_root_node().add_child(name="Documents du bureau")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret"
    )
    document = CustomDocumentFactory(collection=collection, title="Compte rendu du bureau")

    response = client.get(document.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce document est réservé" in html
    assert "Compte rendu du bureau" not in html
