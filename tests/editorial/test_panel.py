"""The dashboard's « À traiter » panel, for each role: my tasks, my pages sent back with a comment."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from editorial.panels import ToDoPanel
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.editorial.workflow import page_submit, task_act

NO_TASK = "Aucune page n'attend votre relecture ni votre validation."
NOTHING_RETURNED = "Aucune de vos pages ne vous a été renvoyée."


def dashboard(client, user) -> str:
    client.force_login(user, backend=MODEL_BACKEND)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def edit_link(page) -> str:
    return f'href="/admin/pages/{page.pk}/edit/'


def test_panel__empty_states(client, team, site_tree):
    content = dashboard(client, team.editor)

    assert "<span data-panel-heading-text>À traiter</span>" in content
    assert "Mes tâches" in content
    assert "Mes pages renvoyées avec commentaire" in content
    assert NO_TASK in content
    assert NOTHING_RETURNED in content
    assert 'href="/admin/calendrier/"' in content


def test_panel__replaces_wagtail_review_panel(client, team, action):
    page_submit(action, user=team.editor)

    reviewer = dashboard(client, team.reviewer)
    editor = dashboard(client, team.editor)

    assert 'id="awaiting-review-section"' not in reviewer
    assert "En attente de votre vérification" not in reviewer
    # Wagtail's « pages in a workflow » panel stays, after ours.
    assert editor.index('id="a-traiter-section"') < editor.index('id="objects-in-workflow-section"')


def test_panel__reviewer_sees_the_action_to_review(client, team, action):
    page_submit(action, user=team.editor, title="Séminaire des élu·e·s, version relue")

    content = dashboard(client, team.reviewer)

    assert edit_link(action) in content
    assert escape("Séminaire des élu·e·s, version relue") in content
    assert "Étape : Relecture" in content
    assert "Soumise par Léa Dubois" in content
    assert NOTHING_RETURNED in content


def test_panel__editor_sees_the_page_sent_back_with_its_comment(client, team, action):
    page_submit(action, user=team.editor)
    task_act(action, user=team.reviewer, action="reject", comment="Précisez le public visé.\nEt la date.")

    content = dashboard(client, team.editor)

    assert edit_link(action) in content
    assert "Renvoyée par Karim Haddad" in content
    assert "Précisez le public visé.<br>Et la date." in content
    assert NO_TASK in content


def test_panel__board_member_sees_votes_so_far(client, team, programme):
    page_submit(programme, user=team.editor)
    task_act(programme, user=team.reviewer, action="approve")
    task_act(programme, user=team.board[0], action="approve")

    board_2 = dashboard(client, team.board[1])
    board_1 = dashboard(client, team.board[0])

    assert edit_link(programme) in board_2
    assert "Étape : Validation du Bureau" in board_2
    assert "Validations : 1 sur 2" in board_2
    assert edit_link(programme) not in board_1
    assert NO_TASK in board_1


def test_panel__board_member_can_open_the_linked_edit_view(client, team, programme):
    page_submit(programme, user=team.editor)
    task_act(programme, user=team.reviewer, action="approve")
    client.force_login(team.board[0], backend=MODEL_BACKEND)

    response = client.get(f"/admin/pages/{programme.pk}/edit/")

    assert response.status_code == 200
    assert "Valider (0 sur 2)" in response.content.decode()


def test_panel__administrator_sees_every_task(client, team, action, programme):
    page_submit(action, user=team.editor)
    page_submit(programme, user=team.editor)

    content = dashboard(client, team.superuser)

    assert edit_link(action) in content
    assert edit_link(programme) in content


def test_panel__comment_and_title_are_escaped(client, team, action):
    script = '<script>alert("élu·e·s")</script>'
    page_submit(action, user=team.editor, title=script)
    task_act(action, user=team.reviewer, action="reject", comment=script)

    content = dashboard(client, team.editor)

    assert script not in content
    assert escape(script) in content


def test_panel__queries_do_not_grow_with_items(team, programme):
    request = RequestFactory().get("/admin/")
    request.user = team.superuser

    def render_count() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            html = ToDoPanel().render_html({"request": request, "csrf_token": ""})
        return len(queries), html

    def add_items(count: int) -> None:
        for _ in range(count):
            page = factories.ActionPageFactory(parent=programme)
            page_submit(page, user=team.superuser)
            returned = factories.ActionPageFactory(parent=programme)
            page_submit(returned, user=team.superuser)
            task_act(returned, user=team.reviewer, action="reject", comment="À reprendre.")

    add_items(1)
    one, html = render_count()
    assert html.count("editorial-to-do__item") == 2
    add_items(19)
    twenty, html = render_count()

    assert html.count("editorial-to-do__item") == 40
    assert twenty == one
