"""The admin's page form refuses an accented slug (WAGTAIL_ALLOW_UNICODE_SLUGS off) and takes its ASCII twin."""

import pytest

from publications.models import ActionPage

pytestmark = pytest.mark.django_db


def slug_errors(*, slug: str, parent, user) -> list[str]:
    form_class = ActionPage.get_edit_handler().get_form_class()
    form = form_class(
        data={"title": "Atelier santé", "slug": slug}, instance=ActionPage(), parent_page=parent, for_user=user
    )
    form.is_valid()
    return form.errors.get("slug", [])


def test_admin_page_form__refuses_an_accented_slug(home_page, admin_user):
    assert slug_errors(slug="atelier-santé", parent=home_page, user=admin_user)


def test_admin_page_form__accepts_the_ascii_slug(home_page, admin_user):
    assert slug_errors(slug="atelier-sante", parent=home_page, user=admin_user) == []
