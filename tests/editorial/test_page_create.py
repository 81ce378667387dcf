"""The page add form carries no autosave (a page exists once saved); the edit form keeps it."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_add_form__has_no_autosave_but_the_edit_form_does(admin_client, site_tree):
    action = factories.ActionPageFactory()

    add_form = admin_client.get(f"/admin/pages/add/publications/actionpage/{action.get_parent().pk}/")
    edit_form = admin_client.get(f"/admin/pages/{action.pk}/edit/")

    assert add_form.status_code == edit_form.status_code == 200
    # The form's autosave controller carries its interval (Wagtail's pages/create.html and edit.html).
    assert b"data-w-autosave-interval-value" not in add_form.content
    assert b"data-w-autosave-interval-value" in edit_form.content


def test_add_form__still_needs_an_admin_login(client, site_tree):
    response = client.get(f"/admin/pages/add/publications/actionpage/{site_tree.programmes.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
