"""The editorial permission matrix, through the real admin views: every role × every action.

How a refusal shows in Wagtail's admin (read from its views):

- DENIED: the view raises PermissionDenied, which the admin turns into a redirect to its home page
  with « Désolé, vous n'avez pas les autorisations pour accéder à cette zone. »;
- NO_BUTTON: the edit view offers no such button in its action menu, and a forged POST of the button
  falls back to saving a draft: nothing is published or scheduled;
- LOCKED: the page is locked by its workflow step (the edit view shows « Page verrouillée » in place of
  the buttons): a POST is answered 200 with « La page n'a pu être enregistrée car elle est verrouillée. »;
- NOT_GRANTED: a permission with no view yet, checked with user.has_perm.

The library (images, documents, media) rows list, upload through the admin's add views and take
an existing item through its chooser's « chosen » step, as a page form does.

Pages: « Relecture simple » is an action (ActionPage); « Circuit éditorial » a programme (ProgrammePage).
"""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState

from assets.models import CustomDocument, CustomImage, CustomMedia
from editorial.models import BoardVote
from editorial.roles import ADMINISTRATORS as ADMIN
from editorial.roles import BOARD
from editorial.roles import EDITORS as EDITOR
from editorial.roles import REVIEWERS as REVIEWER
from tests import factories
from tests.editorial.helpers import (
    admin_datetime,
    current_task_state,
    edit_url,
    is_denied,
    menu_buttons,
    post_edit,
    submit,
    workflow_action,
)
from tests.factories.assets import MINIMAL_PDF
from tests.factories.centres import default_centre

ALLOWED = "allowed"
DENIED = "denied"
NO_BUTTON = "no button"
LOCKED = "locked"
NOT_GRANTED = "not granted"

# fmt: off
MATRIX = [
    # role      action                           expected
    (EDITOR,    "edit",                          ALLOWED),
    (REVIEWER,  "edit",                          ALLOWED),
    (BOARD,     "edit",                          DENIED),
    (ADMIN,     "edit",                          ALLOWED),

    (EDITOR,    "edit at Relecture",             LOCKED),
    (REVIEWER,  "edit at Relecture",             ALLOWED),
    (BOARD,     "edit at Relecture",             DENIED),
    (ADMIN,     "edit at Relecture",             ALLOWED),

    (EDITOR,    "edit at Bureau",                LOCKED),
    (REVIEWER,  "edit at Bureau",                LOCKED),
    (BOARD,     "edit at Bureau",                ALLOWED),
    (ADMIN,     "edit at Bureau",                ALLOWED),

    (EDITOR,    "submit",                        ALLOWED),
    (REVIEWER,  "submit",                        ALLOWED),
    (BOARD,     "submit",                        DENIED),
    (ADMIN,     "submit",                        ALLOWED),

    (EDITOR,    "approve at Relecture",          DENIED),
    (REVIEWER,  "approve at Relecture",          ALLOWED),
    (BOARD,     "approve at Relecture",          DENIED),
    (ADMIN,     "approve at Relecture",          ALLOWED),

    (EDITOR,    "reject at Relecture",           DENIED),
    (REVIEWER,  "reject at Relecture",           ALLOWED),
    (BOARD,     "reject at Relecture",           DENIED),
    (ADMIN,     "reject at Relecture",           ALLOWED),

    (EDITOR,    "approve at Bureau",             DENIED),
    (REVIEWER,  "approve at Bureau",             DENIED),
    (BOARD,     "approve at Bureau",             ALLOWED),
    (ADMIN,     "approve at Bureau",             DENIED),

    (EDITOR,    "reject at Bureau",              DENIED),
    (REVIEWER,  "reject at Bureau",              DENIED),
    (BOARD,     "reject at Bureau",              ALLOWED),
    (ADMIN,     "reject at Bureau",              DENIED),

    (EDITOR,    "publish (Relecture simple)",    NO_BUTTON),
    (REVIEWER,  "publish (Relecture simple)",    ALLOWED),
    (BOARD,     "publish (Relecture simple)",    DENIED),
    (ADMIN,     "publish (Relecture simple)",    ALLOWED),

    (EDITOR,    "publish (Circuit éditorial)",   NO_BUTTON),
    (REVIEWER,  "publish (Circuit éditorial)",   NO_BUTTON),
    (BOARD,     "publish (Circuit éditorial)",   DENIED),
    (ADMIN,     "publish (Circuit éditorial)",   ALLOWED),

    (EDITOR,    "schedule (Relecture simple)",   NO_BUTTON),
    (REVIEWER,  "schedule (Relecture simple)",   ALLOWED),
    (BOARD,     "schedule (Relecture simple)",   DENIED),
    (ADMIN,     "schedule (Relecture simple)",   ALLOWED),

    (EDITOR,    "schedule (Circuit éditorial)",  NO_BUTTON),
    (REVIEWER,  "schedule (Circuit éditorial)",  NO_BUTTON),
    (BOARD,     "schedule (Circuit éditorial)",  DENIED),
    (ADMIN,     "schedule (Circuit éditorial)",  ALLOWED),

    (EDITOR,    "unpublish",                     DENIED),
    (REVIEWER,  "unpublish",                     ALLOWED),
    (BOARD,     "unpublish",                     DENIED),
    (ADMIN,     "unpublish",                     ALLOWED),

    (EDITOR,    "delete a live page",            DENIED),
    (REVIEWER,  "delete a live page",            ALLOWED),
    (BOARD,     "delete a live page",            DENIED),
    (ADMIN,     "delete a live page",            ALLOWED),

    (EDITOR,    "delete a draft",                ALLOWED),
    (REVIEWER,  "delete a draft",                ALLOWED),
    (BOARD,     "delete a draft",                DENIED),
    (ADMIN,     "delete a draft",                ALLOWED),

    (EDITOR,    "lock",                          ALLOWED),
    (REVIEWER,  "lock",                          ALLOWED),
    (BOARD,     "lock",                          DENIED),
    (ADMIN,     "lock",                          ALLOWED),

    (EDITOR,    "list pages",                    ALLOWED),
    (REVIEWER,  "list pages",                    ALLOWED),
    (BOARD,     "list pages",                    DENIED),
    (ADMIN,     "list pages",                    ALLOWED),

    (EDITOR,    "send a newsletter",             NOT_GRANTED),
    (REVIEWER,  "send a newsletter",             NOT_GRANTED),
    (BOARD,     "send a newsletter",             NOT_GRANTED),
    (ADMIN,     "send a newsletter",             ALLOWED),

    (EDITOR,    "list images",                   ALLOWED),
    (REVIEWER,  "list images",                   ALLOWED),
    (BOARD,     "list images",                   DENIED),
    (ADMIN,     "list images",                   ALLOWED),

    (EDITOR,    "upload an image",               ALLOWED),
    (REVIEWER,  "upload an image",               ALLOWED),
    (BOARD,     "upload an image",               DENIED),
    (ADMIN,     "upload an image",               ALLOWED),

    (EDITOR,    "choose an image",               ALLOWED),
    (REVIEWER,  "choose an image",               ALLOWED),
    (BOARD,     "choose an image",               ALLOWED),
    (ADMIN,     "choose an image",               ALLOWED),

    (EDITOR,    "list documents",                ALLOWED),
    (REVIEWER,  "list documents",                ALLOWED),
    (BOARD,     "list documents",                DENIED),
    (ADMIN,     "list documents",                ALLOWED),

    (EDITOR,    "upload a document",             ALLOWED),
    (REVIEWER,  "upload a document",             ALLOWED),
    (BOARD,     "upload a document",             DENIED),
    (ADMIN,     "upload a document",             ALLOWED),

    (EDITOR,    "choose a document",             ALLOWED),
    (REVIEWER,  "choose a document",             ALLOWED),
    (BOARD,     "choose a document",             ALLOWED),
    (ADMIN,     "choose a document",             ALLOWED),

    (EDITOR,    "list media",                    ALLOWED),
    (REVIEWER,  "list media",                    ALLOWED),
    (BOARD,     "list media",                    DENIED),
    (ADMIN,     "list media",                    ALLOWED),

    (EDITOR,    "upload an audio file",          ALLOWED),
    (REVIEWER,  "upload an audio file",          ALLOWED),
    (BOARD,     "upload an audio file",          DENIED),
    (ADMIN,     "upload an audio file",          ALLOWED),

    (EDITOR,    "choose a media",                ALLOWED),
    (REVIEWER,  "choose a media",                ALLOWED),
    (BOARD,     "choose a media",                DENIED),
    (ADMIN,     "choose a media",                ALLOWED),
]
# fmt: on


def relecture_page(**kwargs: Any) -> Page:
    """An action: by type, it goes through « Relecture simple »."""
    return factories.ActionPageFactory(live=False, **kwargs)


def circuit_page(**kwargs: Any) -> Page:
    """A programme: by type, it goes through « Circuit éditorial » (Relecture, then the Bureau)."""
    return factories.ProgrammePageFactory(live=False, **kwargs)


def _refresh(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def _edit(client: Client, page: Page) -> str:
    response = post_edit(client, page, title="Titre revu en séance")
    if is_denied(response):
        return DENIED
    saved = _refresh(page).get_latest_revision_as_object().title == "Titre revu en séance"
    if response.status_code == 200 and not saved and "elle est verrouillée" in response.content.decode():
        return LOCKED
    assert response.status_code == 302, response.context and response.context.get("errors_debug")
    return ALLOWED if saved else "not saved"


def do_edit(client: Client, user: Any, team: Any) -> str:
    return _edit(client, relecture_page())


def do_edit_at_relecture(client: Client, user: Any, team: Any) -> str:
    return _edit(client, _at_relecture(team))


def do_edit_at_bureau(client: Client, user: Any, team: Any) -> str:
    return _edit(client, _at_bureau(team))


def do_submit(client: Client, user: Any, team: Any) -> str:
    page = relecture_page()
    if is_denied(post_edit(client, page, "action-submit")):
        return DENIED
    return ALLOWED if _refresh(page).workflow_in_progress else "not submitted"


def _button_outcome(*, shown: bool, done: bool) -> str:
    if shown and done:
        return ALLOWED
    if not shown and not done:
        return NO_BUTTON
    return f"inconsistent: button shown={shown}, action done={done}"


def _at_relecture(team: Any) -> Page:
    page = relecture_page()
    submit(page, team.editor)
    return page


def _at_bureau(team: Any) -> Page:
    page = circuit_page()
    submit(page, team.editor)
    current_task_state(page).approve(user=team.reviewer)
    assert current_task_state(page).task.name == "Validation du Bureau"
    return page


def _workflow_step(client: Client, page: Page, action: str, done: Callable[[TaskState], bool]) -> str:
    task_state = current_task_state(page)
    response = workflow_action(client, page, action, comment="Vu en comité", task_state=task_state)
    if is_denied(response):
        return DENIED
    assert response.status_code == 302
    task_state.refresh_from_db()
    return ALLOWED if done(task_state) else "not done"


def do_approve_relecture(client: Client, user: Any, team: Any) -> str:
    return _workflow_step(client, _at_relecture(team), "approve", lambda ts: ts.status == TaskState.STATUS_APPROVED)


def do_reject_relecture(client: Client, user: Any, team: Any) -> str:
    return _workflow_step(client, _at_relecture(team), "reject", lambda ts: ts.status == TaskState.STATUS_REJECTED)


def do_approve_bureau(client: Client, user: Any, team: Any) -> str:
    # One vote of the two needed: the vote is recorded, the task stays open.
    return _workflow_step(
        client, _at_bureau(team), "approve", lambda ts: BoardVote.objects.filter(task_state=ts, approved=True).exists()
    )


def do_reject_bureau(client: Client, user: Any, team: Any) -> str:
    return _workflow_step(client, _at_bureau(team), "reject", lambda ts: ts.status == TaskState.STATUS_REJECTED)


def _publish(client: Client, page: Page, go_live_at: datetime.datetime | None = None) -> str:
    if is_denied(response := client.get(edit_url(page))):
        return DENIED
    shown = "action-publish" in menu_buttons(response)
    post_edit(client, page, "action-publish", go_live_at=admin_datetime(go_live_at))
    page = _refresh(page)
    done = page.scheduled_revision is not None and not page.live if go_live_at else page.live
    return _button_outcome(shown=shown, done=done)


def do_publish_relecture(client: Client, user: Any, team: Any) -> str:
    return _publish(client, relecture_page())


def do_publish_circuit(client: Client, user: Any, team: Any) -> str:
    return _publish(client, circuit_page())


def _tomorrow() -> datetime.datetime:
    return (timezone.now() + datetime.timedelta(days=1)).replace(second=0, microsecond=0)


def do_schedule_relecture(client: Client, user: Any, team: Any) -> str:
    return _publish(client, relecture_page(), go_live_at=_tomorrow())


def do_schedule_circuit(client: Client, user: Any, team: Any) -> str:
    return _publish(client, circuit_page(), go_live_at=_tomorrow())


def do_unpublish(client: Client, user: Any, team: Any) -> str:
    page = factories.ActionPageFactory(live=True)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    if is_denied(response):
        return DENIED
    assert response.status_code == 302
    return ALLOWED if not _refresh(page).live else "still live"


def _delete(client: Client, page: Page) -> str:
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    if is_denied(response):
        return DENIED
    assert response.status_code == 302
    return ALLOWED if not Page.objects.filter(pk=page.pk).exists() else "still there"


def do_delete_live(client: Client, user: Any, team: Any) -> str:
    return _delete(client, factories.ActionPageFactory(live=True))


def do_delete_draft(client: Client, user: Any, team: Any) -> str:
    return _delete(client, relecture_page())


def do_lock(client: Client, user: Any, team: Any) -> str:
    page = relecture_page()
    response = client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    if is_denied(response):
        return DENIED
    assert response.status_code == 302
    return ALLOWED if _refresh(page).locked else "not locked"


def do_list(client: Client, user: Any, team: Any) -> str:
    page = relecture_page()
    response = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    if is_denied(response):
        return DENIED
    assert response.status_code == 200
    return ALLOWED if page.pk in {child.pk for child in response.context["pages"]} else "not listed"


def do_send_newsletter(client: Client, user: Any, team: Any) -> str:
    # No send view yet (issue #4 adds it): the permission is what that view will check.
    return ALLOWED if user.has_perm("newsletters.send_newsletter") else NOT_GRANTED


def _library_list(client: Client, url_name: str) -> str:
    response = client.get(reverse(url_name))
    if is_denied(response):
        return DENIED
    assert response.status_code == 200
    return ALLOWED


def _library_upload(client: Client, url: str, model: type[Model], upload: SimpleUploadedFile, **fields: str) -> str:
    title = f"Téléversé en séance : {upload.name}"
    data = {"title": title, "file": upload, "collection": str(default_centre().collection_id), **fields}
    response = client.post(url, data)
    if is_denied(response):
        return DENIED
    assert response.status_code == 302, response.context and response.context["form"].errors
    return ALLOWED if model.objects.filter(title=title).exists() else "not created"


def _library_choose(client: Client, url: str) -> str:
    """The chooser's « chosen » step, which answers the item to the page form that asked."""
    response = client.get(url)
    if is_denied(response):
        return DENIED
    assert response.status_code == 200
    return ALLOWED


def do_list_images(client: Client, user: Any, team: Any) -> str:
    return _library_list(client, "wagtailimages:index")


def do_upload_image(client: Client, user: Any, team: Any) -> str:
    upload = SimpleUploadedFile("atelier.png", factories.png_bytes(), content_type="image/png")
    return _library_upload(client, reverse("wagtailimages:add"), CustomImage, upload, alt_text="Une salle")


def do_choose_image(client: Client, user: Any, team: Any) -> str:
    image = factories.CustomImageFactory()
    return _library_choose(client, reverse("wagtailimages_chooser:chosen", args=[image.pk]))


def do_list_documents(client: Client, user: Any, team: Any) -> str:
    return _library_list(client, "wagtaildocs:index")


def do_upload_document(client: Client, user: Any, team: Any) -> str:
    upload = SimpleUploadedFile("actes.pdf", MINIMAL_PDF, content_type="application/pdf")
    return _library_upload(client, reverse("wagtaildocs:add"), CustomDocument, upload, language="fr")


def do_choose_document(client: Client, user: Any, team: Any) -> str:
    document = factories.CustomDocumentFactory()
    return _library_choose(client, reverse("wagtaildocs_chooser:chosen", args=[document.pk]))


def do_list_media(client: Client, user: Any, team: Any) -> str:
    return _library_list(client, "wagtailmedia:index")


def do_upload_audio(client: Client, user: Any, team: Any) -> str:
    upload = SimpleUploadedFile("episode.mp3", factories.mp3_bytes(), content_type="audio/mpeg")
    return _library_upload(client, reverse("wagtailmedia:add", args=["audio"]), CustomMedia, upload)


def do_choose_media(client: Client, user: Any, team: Any) -> str:
    media = factories.CustomMediaFactory()
    return _library_choose(client, reverse("wagtailmedia:media_chosen", args=[media.pk]))


ACTIONS: dict[str, Callable[[Client, Any, Any], str]] = {
    "edit": do_edit,
    "edit at Relecture": do_edit_at_relecture,
    "edit at Bureau": do_edit_at_bureau,
    "submit": do_submit,
    "approve at Relecture": do_approve_relecture,
    "reject at Relecture": do_reject_relecture,
    "approve at Bureau": do_approve_bureau,
    "reject at Bureau": do_reject_bureau,
    "publish (Relecture simple)": do_publish_relecture,
    "publish (Circuit éditorial)": do_publish_circuit,
    "schedule (Relecture simple)": do_schedule_relecture,
    "schedule (Circuit éditorial)": do_schedule_circuit,
    "unpublish": do_unpublish,
    "delete a live page": do_delete_live,
    "delete a draft": do_delete_draft,
    "lock": do_lock,
    "list pages": do_list,
    "send a newsletter": do_send_newsletter,
    "list images": do_list_images,
    "upload an image": do_upload_image,
    "choose an image": do_choose_image,
    "list documents": do_list_documents,
    "upload a document": do_upload_document,
    "choose a document": do_choose_document,
    "list media": do_list_media,
    "upload an audio file": do_upload_audio,
    "choose a media": do_choose_media,
}


def test_matrix__covers_every_role_and_action():
    cells = {(role, action) for role, action, _ in MATRIX}
    assert len(cells) == len(MATRIX)
    assert cells == {(role, action) for role in (EDITOR, REVIEWER, BOARD, ADMIN) for action in ACTIONS}


ROLE_IDS = {EDITOR: "editor", REVIEWER: "reviewer", BOARD: "board", ADMIN: "administrator"}


@pytest.mark.parametrize(
    ("role", "action", "expected"), MATRIX, ids=[f"{ROLE_IDS[role]}-{action}" for role, action, _ in MATRIX]
)
def test_permission__role_action_gives_expected_outcome(team, client_for, role, action, expected):
    user = team.by_role(role)

    outcome = ACTIONS[action](client_for(user), user, team)

    assert outcome == expected
