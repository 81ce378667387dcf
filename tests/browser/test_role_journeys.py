"""A normal day of each role in Chromium, uploads included; a role never meets a refusal it should not.

Every tab is watched by the guard (tests/browser/conftest.py): a 5xx or 403 response, Wagtail's
« Désolé, vous n'avez pas les autorisations » or a console error fails the journey. The
editors' circuit end to end (submit, approve, two board votes) is test_editorial_workflow.py's.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from wagtail.models import TaskState

from assets.models import CustomDocument, CustomImage, CustomMedia
from editorial import roles
from editorial.models import BoardVote
from newsletters.models import NewsletterList
from publications.models import ActionPage
from subscribers.links import unsubscribe_url
from subscribers.models import ConsentAction, ConsentRecord, Subscription, SubscriptionStatus
from tests import factories
from tests.browser.conftest import CHROMIUM
from tests.browser.test_editorial_workflow import action_menu, click_and_wait, open_from_dashboard
from tests.editorial.helpers import current_task_state
from tests.editorial.workflow import page_submit, task_act
from tests.factories.assets import MINIMAL_PDF
from tests.site import conftest as site_fixtures
from tests.users import user_with_role

# The site tests' fixtures: pytest finds fixtures by module attribute.
agenda = site_fixtures.agenda
agenda_content = site_fixtures.agenda_content
places = site_fixtures.places

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    # The live server needs committed data; the migration's groups and workflows are restored after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def autosave_off(settings) -> None:
    """No autosave: Wagtail posts the whole page form after 500 ms of typing; a script types and
    clicks within milliseconds, so those posts overlap its clicks (on SQLite « database table is
    locked », elsewhere « Vous avez enregistré une nouvelle version dans une autre fenêtre »)."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


ACTION_TITLE = "Atelier « Habiter le quartier » avec les conseils citoyens"


@pytest.fixture
def programme(site_tree):
    programme = factories.ProgrammePageFactory(parent=site_tree.programmes, year=2025, title="Orientations 2025")
    programme.save_revision().publish()
    return programme


def upload(name: str, mime_type: str, content: bytes) -> dict:
    return {"name": name, "mimeType": mime_type, "buffer": content}


def test_journey__editor_uploads_writes_an_action_with_an_image_and_submits(guarded_tab, programme):
    from playwright.sync_api import expect

    editor_user = user_with_role("nadia.benali", roles.EDITORS)
    factories.ActionFormatFactory(name="Atelier participatif")
    editor = guarded_tab(editor_user)

    editor.goto("/admin/documents/add/")
    editor.get_by_role("textbox", name=re.compile(r"^Titre")).fill("Actes de la rencontre")
    editor.locator("#id_file").set_input_files(upload("actes.pdf", "application/pdf", MINIMAL_PDF))
    click_and_wait(editor, editor.get_by_role("button", name="Transférer"))
    assert CustomDocument.objects.filter(title="Actes de la rencontre", uploaded_by_user=editor_user).exists()

    editor.goto("/admin/media/audio/add/")
    editor.get_by_role("textbox", name=re.compile(r"^Titre")).fill("Penser le 9-3, épisode 4")
    editor.locator("#id_file").set_input_files(upload("episode-4.mp3", "audio/mpeg", factories.mp3_bytes()))
    click_and_wait(editor, editor.get_by_role("button", name="Transférer"))
    assert CustomMedia.objects.get(title="Penser le 9-3, épisode 4").duration > 0

    editor.goto(f"/admin/pages/add/publications/actionpage/{programme.pk}/")
    editor.get_by_role("textbox", name=re.compile(r"^Titre")).fill(ACTION_TITLE)
    editor.get_by_role("textbox", name="Résumé").fill("Trois ateliers avec les conseiller·e·s citoyen·ne·s.")
    editor.get_by_role("button", name="Choisir format d'action").click()
    editor.get_by_role("dialog").get_by_role("link", name="Atelier participatif").click()
    expect(editor.locator("#id_format-title")).to_have_text("Atelier participatif")
    # The body's first block: an image uploaded from the chooser.
    editor.locator("#panel-child-contenu-body-section").get_by_role("button", name="Insérer un bloc").first.click()
    editor.get_by_role("option", name="Image").click()
    editor.locator("#panel-child-contenu-body-section").get_by_role("button", name="Choisir une image").click()
    dialog = editor.get_by_role("dialog")
    dialog.get_by_role("tab", name="Transférer").click()
    dialog.locator("input[type=file]").set_input_files(upload("atelier.png", "image/png", factories.png_bytes()))
    dialog.get_by_role("textbox", name=re.compile(r"^Titre")).fill("Atelier à la Maison de quartier")
    dialog.get_by_role("button", name="Transférer").click()
    expect(dialog).to_be_hidden()
    editor.get_by_role("textbox", name=re.compile("Texte alternatif")).fill("Des habitant·e·s autour d'une table")
    click_and_wait(editor, editor.get_by_role("button", name="Enregistrer le brouillon"))
    assert re.search(r"/admin/pages/\d+/edit/$", editor.url)
    click_and_wait(editor, action_menu(editor).get_by_role("button", name="Soumettre à Relecture simple"))

    action = ActionPage.objects.get(title=ACTION_TITLE)
    # The chooser fills the title from the file name as it reads the file: the title typed may be prefixed.
    image = CustomImage.objects.get(uploaded_by_user=editor_user)
    assert image.title.endswith("Atelier à la Maison de quartier")
    [block] = action.get_latest_revision_as_object().body
    assert block.block_type == "image"
    assert block.value.id == image.pk
    assert action.workflow_in_progress
    assert not action.live


def test_journey__reviewer_opens_from_a_traiter_and_requests_changes(guarded_tab, programme):
    editor = user_with_role("nadia.benali", roles.EDITORS)
    reviewer = guarded_tab(user_with_role("louis.moreau", roles.REVIEWERS))
    action = factories.ActionPageFactory(parent=programme, live=False, title=ACTION_TITLE)
    page_submit(action, user=editor)
    task_state = current_task_state(action)

    reviewer.goto("/admin/")
    open_from_dashboard(reviewer, ACTION_TITLE)
    action_menu(reviewer).get_by_role("button", name="Demander des modifications").click()
    dialog = reviewer.get_by_role("dialog")
    dialog.get_by_role("textbox").fill("Préciser les dates des trois ateliers, s'il vous plaît.")
    click_and_wait(reviewer, dialog.get_by_role("button", name=re.compile("Demander des modifications")))

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "Préciser les dates des trois ateliers, s'il vous plaît."


def test_journey__board_member_votes_on_a_flagged_page_then_reads_its_history(guarded_tab, programme):
    editor = user_with_role("nadia.benali", roles.EDITORS)
    reviewer = user_with_role("louis.moreau", roles.REVIEWERS)
    member = user_with_role("claire.dubois", roles.BOARD)
    user_with_role("samir.haddad", roles.BOARD)
    action = factories.ActionPageFactory(parent=programme, live=False, title=ACTION_TITLE, engages_editorial_line=True)
    # Submitted from the admin, as every page is: a page saved by code (a factory, an import) does
    # not survive the edit form's round trip unchanged, so a vote posted from that form would save a
    # new revision and send the page back to Relecture (the votes voided).
    author = guarded_tab(editor)
    author.goto(f"/admin/pages/{action.pk}/edit/")
    click_and_wait(author, action_menu(author).get_by_role("button", name="Soumettre à Circuit éditorial"))
    task_act(action, user=reviewer, action="approve")
    board = guarded_tab(member)

    open_from_dashboard(board, ACTION_TITLE)
    click_and_wait(board, action_menu(board).get_by_role("button", name="Valider (0 sur 2)"))
    # Back on the dashboard (not Wagtail's explorer, closed to the board).
    assert urlsplit(board.url).path == "/admin/"
    board.get_by_text("a été mise à jour").wait_for()

    assert board.goto(f"/admin/pages/{action.pk}/history/").status == 200
    assert urlsplit(board.url).path == f"/admin/pages/{action.pk}/history/"
    assert BoardVote.objects.filter(user=member, approved=True).count() == 1
    assert not ActionPage.objects.get(pk=action.pk).live


def test_journey__administrator_publishes_and_edits_a_newsletter_list(guarded_tab, programme):
    from playwright.sync_api import expect

    administrator = guarded_tab(user_with_role("sophie.bernard", roles.ADMINISTRATORS))
    action = factories.ActionPageFactory(parent=programme, live=False, title=ACTION_TITLE)
    action.save_revision()
    newsletter_list = factories.NewsletterListFactory(name="Résonances", slug="resonances")

    administrator.goto(f"/admin/pages/{action.pk}/edit/")
    click_and_wait(administrator, action_menu(administrator).get_by_role("button", name="Publier"))
    assert ActionPage.objects.get(pk=action.pk).live

    administrator.goto("/admin/")
    click_and_wait(administrator, administrator.get_by_role("link", name="Listes de diffusion").first)
    click_and_wait(administrator, administrator.get_by_role("link", name="Résonances"))
    administrator.get_by_role("textbox", name=re.compile("Présentation")).fill("La lettre des centres, chaque mois.")
    click_and_wait(administrator, administrator.get_by_role("button", name="Enregistrer"))
    expect(administrator.get_by_text("Résonances").first).to_be_visible()
    assert NewsletterList.objects.get(pk=newsletter_list.pk).description == "La lettre des centres, chaque mois."


def test_journey__subscriber_subscribes_confirms_from_the_email_then_unsubscribes(guarded_tab, live_server):
    resonances = factories.NewsletterListFactory(name="Résonances", slug="resonances")
    factories.NewsletterListFactory(name="La Lettre", slug="la-lettre")
    factories.TerritoryFactory(name="Saint-Denis", code="93066")
    page = guarded_tab()

    page.goto("/abonnement/")
    page.locator("#id_email").fill("samia.elu@example.org")
    page.locator("#id_name").fill("Samia Élu·e")
    page.locator("#id_role").select_option(label="Élu·e")
    page.locator("#id_territory").select_option(label="Saint-Denis (93066) — Commune")
    page.get_by_role("checkbox", name="Résonances", exact=True).check()
    page.locator("#id_consent").check()
    # The honeypot is out of sight for a person.
    assert not page.locator("#id_website").is_visible() or page.locator("#id_website").bounding_box()["x"] < 0
    page.get_by_role("button", name="S'abonner").click()
    page.get_by_role("heading", name="Vérifiez votre messagerie").wait_for()

    [message] = mail.outbox
    assert message.to == ["samia.elu@example.org"]
    link = re.search(r"https?://\S+/abonnement/confirmer/\S+/", message.body).group(0)
    subscription = Subscription.objects.get(newsletter_list=resonances)
    assert subscription.status == SubscriptionStatus.PENDING

    page.goto(urlsplit(link).path)
    page.get_by_role("heading", name="Confirmer votre abonnement").wait_for()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    page.get_by_role("heading", name="Abonnement confirmé").wait_for()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert ConsentRecord.objects.filter(action=ConsentAction.CONFIRMED, newsletter_list=resonances).count() == 1
    assert not Subscription.objects.exclude(newsletter_list=resonances).exists()

    # The link every issue of the list carries (List-Unsubscribe and the footer).
    page.goto(urlsplit(unsubscribe_url(subscription.subscriber_id, resonances.pk)).path)
    page.get_by_role("button", name="Me désabonner").click()
    page.get_by_role("heading", name="Désabonnement enregistré").wait_for()
    subscription.refresh_from_db()
    assert subscription.status != SubscriptionStatus.CONFIRMED


def test_journey__visitor_reads_home_agenda_an_action_searches_and_opens_an_episode(
    guarded_tab, site_tree, agenda, agenda_content
):
    from playwright.sync_api import expect

    episode = factories.PodcastEpisodePageFactory(parent__parent__parent=site_tree.podcasts)
    visitor = guarded_tab()

    assert visitor.goto(site_tree.home.url).status == 200
    click_and_wait(visitor, visitor.get_by_role("link", name="Agenda").first)
    click_and_wait(visitor, visitor.get_by_role("link", name="Atelier des conseils citoyens").first)
    expect(visitor.locator("h1").first).to_have_text("Atelier des conseils citoyens")

    assert visitor.goto("/recherche/?q=conseils+citoyens").status == 200
    expect(visitor.get_by_role("link", name="Atelier des conseils citoyens").first).to_be_visible()

    assert visitor.goto(episode.url).status == 200
    visitor.wait_for_function("() => document.getElementById('lecteur').readyState >= 1")
    source = visitor.locator("audio#lecteur").evaluate("audio => audio.currentSrc")
    assert urlsplit(source).path == episode.audio.file.url
    assert visitor.locator("audio#lecteur").evaluate("audio => audio.duration") > 0
