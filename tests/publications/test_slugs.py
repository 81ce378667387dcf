"""Slugs made on the server from a title are ASCII, and an accented slug typed by hand is refused."""

import pytest
from django.core.exceptions import ValidationError

from publications.models import ActionPage

pytestmark = pytest.mark.django_db


def test_slug__made_from_an_accented_title_is_ascii(home_page):
    page = ActionPage(title="Atelier santé des élu·e·s à Évry")

    with pytest.raises(ValidationError):  # the action's own required fields
        page.full_clean()

    assert page.slug == "atelier-sante-des-elues-a-evry"


def test_slug__typed_with_accents_is_refused(home_page):
    page = ActionPage(title="Atelier santé", slug="atelier-santé")

    with pytest.raises(ValidationError) as refused:
        page.full_clean()

    assert "slug" in refused.value.message_dict
