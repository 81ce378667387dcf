"""The add view's « Soumettre à … » button names the workflow the new page will go through.

Wagtail labels it with the *parent's* workflow while the page has no pk, but submitting starts
``page.get_workflow()``, which ``EditorialPageMixin`` chooses by content type: editorial/action_menu.py
relabels it. An action added under a programme goes to « Relecture simple », not to the programme's
« Circuit éditorial ».
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowState

from publications.models import ActionPage
from tests import factories


def test_add_action__submitting_starts_the_review_workflow(editor_client, programme):
    action_format = factories.ActionFormatFactory()
    data = {
        "title": "Atelier « Habiter le quartier »",
        "slug": "atelier-habiter-le-quartier",
        "summary": "",
        "format": str(action_format.pk),
        "status": "programmee",
        "body-count": "0",
        "action-submit": "Soumettre",
    }
    for formset in ("sessions", "people", "organisations", "progress_notes", "deliverables", "fundings", "indicators"):
        data |= {f"{formset}-TOTAL_FORMS": "0", f"{formset}-INITIAL_FORMS": "0", f"{formset}-MAX_NUM_FORMS": "1000"}
    data |= {"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MAX_NUM_FORMS": "1000"}

    response = editor_client.post(f"/admin/pages/add/publications/actionpage/{programme.pk}/", data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    action = ActionPage.objects.get(slug="atelier-habiter-le-quartier")
    state = WorkflowState.objects.get(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(action.pk)
    )
    assert state.workflow.name == "Relecture simple"


def test_add_action__submit_button_names_the_review_workflow(editor_client, programme):
    response = editor_client.get(f"/admin/pages/add/publications/actionpage/{programme.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Soumettre à Relecture simple" in content
    assert "Soumettre à Circuit éditorial" not in content


def test_add_programme__submit_button_names_the_board_circuit(editor_client, site_tree):
    response = editor_client.get(f"/admin/pages/add/publications/programmepage/{site_tree.programmes.pk}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Soumettre à Circuit éditorial" in content
    assert "Soumettre à Relecture simple" not in content
