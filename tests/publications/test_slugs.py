"""Slugs Wagtail makes from a title on the server are ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS off), as in the admin."""

import pytest

from publications.models import ActionPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_slug__made_from_an_accented_title_is_ascii(home_page):
    action = home_page.add_child(
        instance=ActionPage(title="Atelier santé des élu·e·s à Évry", format=factories.ActionFormatFactory())
    )

    assert action.slug == "atelier-sante-des-elues-a-evry"
