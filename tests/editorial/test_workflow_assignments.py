"""Which circuit a page goes through, as the edit view offers it, and how administrators change it."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from editorial.models import ContentTypeWorkflow
from editorial.workflows import BOARD_WORKFLOW, REVIEW_WORKFLOW
from publications.models import ActionPage, PodcastSeasonPage
from tests import factories
from tests.editorial.helpers import action_form_data, edit_url, is_denied, post_edit

PAGE_TYPES = [
    pytest.param(factories.ProgrammePageFactory, BOARD_WORKFLOW, id="ProgrammePage"),
    pytest.param(factories.NewsletterIssuePageFactory, BOARD_WORKFLOW, id="NewsletterIssuePage"),
    pytest.param(factories.PublicationPageFactory, BOARD_WORKFLOW, id="PublicationPage"),
    pytest.param(factories.ActionPageFactory, REVIEW_WORKFLOW, id="ActionPage"),
    pytest.param(factories.PodcastEpisodePageFactory, REVIEW_WORKFLOW, id="PodcastEpisodePage"),
    pytest.param(factories.ExperiencePageFactory, REVIEW_WORKFLOW, id="ExperiencePage"),
    pytest.param(
        lambda **kw: factories.ActionPageFactory(engages_editorial_line=True, **kw),
        BOARD_WORKFLOW,
        id="ActionPage engaging the editorial line",
    ),
    # Pages of no listed type follow the tree: the root's « Relecture simple ».
    pytest.param(factories.PodcastSeasonPageFactory, REVIEW_WORKFLOW, id="PodcastSeasonPage"),
    pytest.param(factories.ProgrammeIndexPageFactory, REVIEW_WORKFLOW, id="ProgrammeIndexPage"),
    pytest.param(lambda **kw: factories.HomePageFactory(**kw), REVIEW_WORKFLOW, id="HomePage"),
]


def submit_label(client, page) -> str:
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    labels = {name for name in (BOARD_WORKFLOW, REVIEW_WORKFLOW) if f"Soumettre à {name}" in html}
    assert len(labels) == 1, labels
    return labels.pop()


@pytest.mark.parametrize(("factory", "workflow"), PAGE_TYPES)
def test_default_workflow__by_content_type(team, client_for, factory, workflow):
    page = factory(live=False)

    assert submit_label(client_for(team.editor), page) == workflow
    assert page.get_workflow().name == workflow


def test_engages_editorial_line__ticked_in_the_admin_sends_an_action_to_the_board(team, client_for):
    action = factories.ActionPageFactory(live=False)

    post_edit(client_for(team.editor), action, "action-submit", engages_editorial_line="on")

    action = ActionPage.objects.get(pk=action.pk)
    assert action.engages_editorial_line
    assert action.current_workflow_state.workflow.name == BOARD_WORKFLOW


def _content_type_workflow_edit(client, assignment, workflow):
    url = reverse("editorial_contenttypeworkflow_modeladmin_edit", args=[assignment.pk])
    return client.post(url, {"content_type": assignment.content_type_id, "workflow": workflow.pk})


def test_content_type_workflow__administrators_change_a_types_circuit(team, client_for):
    action = factories.ActionPageFactory(live=False)
    assignment = ContentTypeWorkflow.objects.get(content_type=ContentType.objects.get_for_model(ActionPage))
    board = Workflow.objects.get(name=BOARD_WORKFLOW)
    admin = client_for(team.administrator)
    assert admin.get(reverse("editorial_contenttypeworkflow_modeladmin_index")).status_code == 200

    response = _content_type_workflow_edit(admin, assignment, board)

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.workflow == board
    assert submit_label(client_for(team.editor), action) == BOARD_WORKFLOW


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_content_type_workflow__refused_to_other_roles(team, client_for, role):
    assignment = ContentTypeWorkflow.objects.get(content_type=ContentType.objects.get_for_model(ActionPage))
    board = Workflow.objects.get(name=BOARD_WORKFLOW)

    response = _content_type_workflow_edit(client_for(getattr(team, role)), assignment, board)

    assert is_denied(response)
    assignment.refresh_from_db()
    assert assignment.workflow.name == REVIEW_WORKFLOW


def _workflow_edit_data(workflow, pages):
    tasks = [
        {"id": str(wt.pk), "task": str(wt.task_id), "ORDER": str(order), "DELETE": ""}
        for order, wt in enumerate(workflow.workflow_tasks.order_by("sort_order"), start=1)
    ]
    return nested_form_data(
        {
            "name": workflow.name,
            "workflow_tasks": inline_formset(tasks, initial=len(tasks)),
            "pages": inline_formset([{"page": str(page.pk), "id": ""} for page in pages]),
        }
    )


def test_workflow_assignment_ui__administrators_send_one_page_through_the_board(team, client_for):
    chosen = factories.ActionPageFactory(live=False)
    sibling = factories.ActionPageFactory(live=False, parent=chosen.get_parent())
    board = Workflow.objects.get(name=BOARD_WORKFLOW)

    response = client_for(team.administrator).post(
        reverse("wagtailadmin_workflows:edit", args=[board.pk]), _workflow_edit_data(board, [chosen])
    )

    assert response.status_code == 302, response.context and response.context.get("error_message")
    assert WorkflowPage.objects.get(page=chosen).workflow == board
    assert list(board.workflow_tasks.values_list("task__name", flat=True)) == ["Relecture", "Validation du Bureau"]
    editor = client_for(team.editor)
    assert submit_label(editor, chosen) == BOARD_WORKFLOW
    assert submit_label(editor, sibling) == REVIEW_WORKFLOW


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_workflow_assignment_ui__refused_to_other_roles(team, client_for, role):
    chosen = factories.ActionPageFactory(live=False)
    board = Workflow.objects.get(name=BOARD_WORKFLOW)

    response = client_for(getattr(team, role)).post(
        reverse("wagtailadmin_workflows:edit", args=[board.pk]), _workflow_edit_data(board, [chosen])
    )

    assert is_denied(response)
    assert not WorkflowPage.objects.filter(page=chosen).exists()


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_engages_editorial_line__only_administrators_may_untick_it(team, client_for, role):
    action = factories.ActionPageFactory(live=False, engages_editorial_line=True)
    data = action_form_data(action, **{"action-submit": "1"})
    data.pop("engages_editorial_line")

    response = client_for(getattr(team, role)).post(edit_url(action), data)

    assert response.status_code == 200
    assert "Seule l&#x27;administration peut retirer ce marquage" in response.content.decode()
    action = ActionPage.objects.get(pk=action.pk)
    assert action.engages_editorial_line
    assert action.current_workflow_state is None


def test_engages_editorial_line__an_administrator_may_untick_it(team, client_for):
    action = factories.ActionPageFactory(live=False, engages_editorial_line=True)
    data = action_form_data(action, **{"action-submit": "1"})
    data.pop("engages_editorial_line")

    client_for(team.administrator).post(edit_url(action), data)

    action = ActionPage.objects.get(pk=action.pk)
    assert action.get_latest_revision_as_object().engages_editorial_line is False
    assert action.current_workflow_state.workflow.name == REVIEW_WORKFLOW


def test_engages_editorial_line__an_editor_may_tick_it(team, client_for):
    action = factories.ActionPageFactory(live=False)
    data = action_form_data(action, engages_editorial_line="on", **{"action-submit": "1"})

    client_for(team.editor).post(edit_url(action), data)

    action = ActionPage.objects.get(pk=action.pk)
    assert action.current_workflow_state.workflow.name == BOARD_WORKFLOW


def _submit_label_on_add(client, page_class, parent) -> str:
    meta = page_class._meta
    response = client.get(reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk)))
    assert response.status_code == 200
    html = response.content.decode()
    labels = {name for name in (BOARD_WORKFLOW, REVIEW_WORKFLOW) if f"Soumettre à {name}" in html}
    assert len(labels) == 1, labels
    return labels.pop()


def test_add_season__under_a_flagged_series_the_button_names_the_workflow_submitting_starts(team, client_for):
    series = factories.PodcastSeriesPageFactory(engages_editorial_line=True)
    editor = client_for(team.editor)
    assert series.get_workflow().name == BOARD_WORKFLOW

    label = _submit_label_on_add(editor, PodcastSeasonPage, series)
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=("publications", "podcastseasonpage", series.pk)),
        nested_form_data(
            {
                "title": "Saison 2",
                "slug": "saison-2",
                "number": "2",
                "description": rich_text(""),
                "comments": inline_formset([]),
                "action-submit": "Soumettre",
            }
        ),
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    season = PodcastSeasonPage.objects.get(slug="saison-2")
    assert season.current_workflow_state.workflow.name == label
    # The flag is the series' own: the season goes through the tree's « Relecture simple ».
    assert label == REVIEW_WORKFLOW
