"""The password form of a restricted page or document: in the site's layout, in French, revealing nothing."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import html
from tests.factories import CustomDocumentFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def test_password_form__page_is_in_the_site_layout_and_hides_what_it_protects(client, site_tree) -> None:
    page = PublicationPageFactory(parent=site_tree.publications, title="Bilan confidentiel du conseil citoyen")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    response = client.get(page.url)

    document = html.parse(response)
    assert response.status_code == 200
    assert html.headings(html.main(document)) == ["Accès protégé par un mot de passe"]
    assert html.landmark(document, "banner").find(class_="site-name")
    assert html.meta_content(document, "robots") == "noindex"
    # Nowhere in the source: not in the text, the title, a meta tag or structured data.
    assert "Bilan confidentiel" not in response.content.decode()
    assert html.main(document).find("form").find("input", attrs={"name": "password"})


def test_password_form__wrong_password_is_refused_in_french_and_the_right_one_opens(client, site_tree) -> None:
    page = PublicationPageFactory(parent=site_tree.publications, title="Bilan confidentiel du conseil citoyen")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    action_url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    refused = client.post(action_url, {"password": "wrong", "return_url": page.url})
    opened = client.post(action_url, {"password": "s3cret", "return_url": page.url}, follow=True)

    assert refused.status_code == 200
    assert "mot de passe" in html.main_text(refused).lower()
    assert "Bilan confidentiel" not in refused.content.decode()
    assert html.headings(html.main(html.parse(opened)), "h1") == ["Bilan confidentiel du conseil citoyen"]


def test_password_form__document_of_a_password_collection_says_document(client, site_tree) -> None:
    collection = Collection.get_first_root_node().add_child(name="Documents du bureau")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="s3cret"
    )
    document = CustomDocumentFactory(collection=collection, title="Compte rendu du bureau")

    response = client.get(document.url)

    assert response.status_code == 200
    assert "Ce document est réservé" in html.main_text(response)
    assert "Compte rendu du bureau" not in response.content.decode()
