"""Wagtail's add form in a real browser: ASCII slugs from accented titles, and no page behind an abandoned form."""

import re

import pytest

from publications.models import ActionPage
from tests import factories
from tests.browser.conftest import CHROMIUM, PASSWORD

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Atelier santé des élu·e·s"


@pytest.fixture
def add_url(site_root) -> str:
    home = factories.HomePageFactory(parent=site_root)
    programme = factories.ProgrammePageFactory(parent=factories.ProgrammeIndexPageFactory(parent=home), year=2025)
    return f"/admin/pages/add/publications/actionpage/{programme.pk}/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("alix", "alix@example.org", PASSWORD)


def type_title(tab, title: str) -> None:
    field = tab.get_by_role("textbox", name=re.compile(r"^Titre"))
    field.press_sequentially(title)
    field.blur()


def fill_action(tab, title: str) -> None:
    """The title and the format, the one field a draft action needs: what autosave could save."""
    from playwright.sync_api import expect

    type_title(tab, title)
    tab.get_by_role("button", name="Choisir format d'action").click()
    tab.get_by_role("dialog").get_by_role("link", name="Atelier participatif").click()
    expect(tab.locator("#id_format-title")).to_have_text("Atelier participatif")


def test_add_form__accented_title_gives_an_ascii_slug(sign_in, editor, add_url):
    from playwright.sync_api import expect

    tab = sign_in(editor)
    tab.goto(add_url)
    type_title(tab, "Atelier santé")

    expect(tab.locator("#id_slug")).to_have_value("atelier-sante")


def test_add_form__left_after_typing__creates_no_page_and_the_title_stays_free(sign_in, editor, add_url):
    factories.ActionFormatFactory(name="Atelier participatif")
    tab = sign_in(editor)
    tab.goto(add_url)
    fill_action(tab, TITLE)
    # Wagtail's autosave would have posted the form 500 ms after the last keystroke.
    tab.wait_for_timeout(2_000)
    tab.once("dialog", lambda dialog: dialog.accept())  # « modifications non enregistrées »
    tab.goto("/admin/")

    assert not ActionPage.objects.filter(title=TITLE).exists()

    tab.goto(add_url)
    fill_action(tab, TITLE)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Enregistrer le brouillon").click()

    assert re.search(r"/admin/pages/\d+/edit/$", tab.url)
    assert ActionPage.objects.get(title=TITLE).slug == "atelier-sante-des-elues"
