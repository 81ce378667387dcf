"""Slugs are ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS off): made from a title on the server, or typed in the admin."""

import pytest

from publications.models import ActionPage
from tests import factories
from tests.publications.test_admin_forms import action_form_data

pytestmark = pytest.mark.django_db


def test_slug__made_from_an_accented_title_is_ascii(home_page):
    action = home_page.add_child(
        instance=ActionPage(title="Atelier santé des élu·e·s à Évry", format=factories.ActionFormatFactory())
    )

    assert action.slug == "atelier-sante-des-elues-a-evry"


def test_slug__typed_with_accents_in_the_admin_is_saved_ascii(admin_client, home_page):
    action = factories.ActionPageFactory()

    response = admin_client.post(
        f"/admin/pages/{action.pk}/edit/", action_form_data(action, slug="atelier-santé-des-élues-à-évry")
    )

    assert response.status_code == 302
    assert ActionPage.objects.get(pk=action.pk).get_latest_revision_as_object().slug == "atelier-sante-des-elues-a-evry"


def test_slug__typed_without_any_latin_letter_is_refused_in_french(admin_client, home_page):
    action = factories.ActionPageFactory()

    response = admin_client.post(f"/admin/pages/{action.pk}/edit/", action_form_data(action, slug="квартал"))

    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        "Ce slug ne garde aucune lettre latine ni aucun chiffre : écrivez-le en lettres sans accent."
    ]
