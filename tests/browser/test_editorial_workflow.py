"""The editors' day in a real browser: an action goes through review, a programme through the board.

The editor writes and submits, the reviewer approves, two board members validate; at the end the
pages are live on the public site. Roles come from the editorial migration (Rédaction, Relecture,
Bureau); a board of two needs both votes.
"""

import re

import pytest

from publications.models import ActionPage, ProgrammePage
from tests import factories
from tests.browser.conftest import CHROMIUM

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    # The live server needs committed data; the migration's groups and workflows are
    # restored for this test and the next ones.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ACTION_TITLE = "Atelier « Habiter le quartier » avec les conseils citoyens"
PROGRAMME_TITLE = "Orientations de travail 2025, version validée par le Bureau"


@pytest.fixture
def programme(site_root):
    home = factories.HomePageFactory(parent=site_root)
    index = factories.ProgrammeIndexPageFactory(parent=home)
    programme = factories.ProgrammePageFactory(parent=index, year=2025, title="Orientations de travail 2025")
    # A live page has its live revision (factories save the row only).
    programme.save_revision().publish()
    return programme


def action_menu(page):
    """Open the footer's action menu (the arrow next to « Enregistrer le brouillon »)."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    return page


def click_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.click()
    page.wait_for_load_state("networkidle")


def public_heading(page, url: str):
    response = page.goto(url)
    assert response.status == 200
    return page.locator("h1").first


def open_from_dashboard(page, title: str) -> None:
    """Follow the « À traiter » panel's link to the page's edit view."""
    panel = page.locator("#a-traiter-section")
    click_and_wait(page, panel.get_by_role("link", name=title))
    assert re.search(r"/admin/pages/\d+/edit/(\?next=/admin/)?$", page.url)


def test_action__editor_submits__reviewer_approves__page_is_live(sign_in, team, programme):
    from playwright.sync_api import expect

    action_format = factories.ActionFormatFactory(name="Atelier participatif")

    editor = sign_in(team.editor)
    editor.goto(f"/admin/pages/add/publications/actionpage/{programme.pk}/")
    editor.get_by_role("textbox", name=re.compile(r"^Titre")).fill(ACTION_TITLE)
    editor.get_by_role("textbox", name="Résumé").fill(
        "Trois ateliers avec les conseiller·e·s citoyen·ne·s du quartier."
    )
    editor.get_by_role("button", name="Choisir format d'action").click()
    editor.get_by_role("dialog").get_by_role("link", name="Atelier participatif").click()
    expect(editor.locator("#id_format-title")).to_have_text("Atelier participatif")
    click_and_wait(editor, editor.get_by_role("button", name="Enregistrer le brouillon"))
    assert re.search(r"/admin/pages/\d+/edit/$", editor.url)
    click_and_wait(editor, action_menu(editor).get_by_role("button", name="Soumettre à Relecture simple"))

    action = ActionPage.objects.get(title=ACTION_TITLE)
    assert action.format == action_format
    assert not action.live

    reviewer = sign_in(team.reviewer)
    open_from_dashboard(reviewer, ACTION_TITLE)
    click_and_wait(reviewer, action_menu(reviewer).get_by_role("button", name="Approuver", exact=True))

    action.refresh_from_db()
    assert action.live
    expect(public_heading(reviewer, action.url)).to_have_text(ACTION_TITLE)


def test_programme__review_then_two_board_votes__page_is_live(sign_in, team, programme):
    from playwright.sync_api import expect

    editor = sign_in(team.editor)
    editor.goto(f"/admin/pages/{programme.pk}/edit/")
    editor.get_by_role("textbox", name=re.compile(r"^Titre")).fill(PROGRAMME_TITLE)
    click_and_wait(editor, action_menu(editor).get_by_role("button", name="Soumettre à Circuit éditorial"))

    reviewer = sign_in(team.reviewer)
    open_from_dashboard(reviewer, PROGRAMME_TITLE)
    click_and_wait(reviewer, action_menu(reviewer).get_by_role("button", name="Approuver", exact=True))

    board_1 = sign_in(team.board[0])
    expect(board_1.locator("#a-traiter-section")).to_contain_text("Validations : 0 sur 2")
    open_from_dashboard(board_1, PROGRAMME_TITLE)
    click_and_wait(board_1, action_menu(board_1).get_by_role("button", name="Valider (0 sur 2)"))

    expect(public_heading(board_1, programme.url)).to_have_text("Orientations de travail 2025")

    board_2 = sign_in(team.board[1])
    expect(board_2.locator("#a-traiter-section")).to_contain_text("Validations : 1 sur 2")
    open_from_dashboard(board_2, PROGRAMME_TITLE)
    click_and_wait(board_2, action_menu(board_2).get_by_role("button", name="Valider (1 sur 2)"))

    programme = ProgrammePage.objects.get(pk=programme.pk)
    assert programme.live
    assert programme.title == PROGRAMME_TITLE
    expect(public_heading(board_2, programme.url)).to_have_text(PROGRAMME_TITLE)
