"""Each role of a centre confined to its centre, through the real admin views: a second centre's matrix.

Centre A is the default centre (the team's, tests/users.py); centre B has its own site, pages, media,
list, subscriber and send. Every role of A is refused on B's objects and keeps what it may do on A's;
the instance's administrators reach both. A refusal is DENIED (the view refuses) or HIDDEN (a listing
answers without the other centre's item).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site, TaskState

from centres.models import Centre
from centres.selectors import user_centres
from editorial.models import BoardVote
from editorial.notifications import task_reviewers
from editorial.roles import BOARD, CENTRE_ADMINISTRATORS, EDITORS, REVIEWERS
from publications.models import ExperienceIndexPage
from registrations.models import Registration, RegistrationScope, RegistrationSettings, RegistrationStatus
from reports.models import ReportRequest
from sending.models import Send
from tests import factories
from tests.editorial.helpers import current_task_state, edit_url, is_denied, post_edit, submit, workflow_action
from tests.factories.centres import CentreFactory, default_centre
from tests.factories.subscribers import SubscriptionFactory
from tests.users import user_with_role

ALLOWED = "allowed"
DENIED = "denied"
HIDDEN = "hidden"


@dataclass(frozen=True)
class CentreObjects:
    centre: Centre
    home: Page
    page: Page
    image: Any
    document: Any
    newsletter_list: Any
    subscriber: Any
    send: Send
    registration: Registration
    report: ReportRequest


def centre_objects(centre: Centre, home: Page) -> CentreObjects:
    programmes = factories.ProgrammeIndexPageFactory(parent=home)
    programme = factories.ProgrammePageFactory(parent=programmes)
    action = factories.ActionPageFactory(parent=programme, live=False)
    RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    if not ExperienceIndexPage.objects.descendant_of(home).exists():
        factories.ExperienceIndexPageFactory(parent=home)
    newsletters = factories.NewsletterIndexPageFactory(parent=home)
    newsletter_list = factories.NewsletterListFactory(centre=centre, name=f"La Lettre de {centre}")
    issue = factories.NewsletterIssuePageFactory(parent=newsletters, newsletter_list=newsletter_list)
    return CentreObjects(
        centre=centre,
        home=home,
        page=action,
        image=factories.CustomImageFactory(collection=centre.collection, title=f"Visuel de {centre}"),
        document=factories.CustomDocumentFactory(collection=centre.collection, title=f"Actes de {centre}"),
        newsletter_list=newsletter_list,
        subscriber=SubscriptionFactory(newsletter_list=newsletter_list).subscriber,
        send=Send.objects.create(
            issue=issue, newsletter_list=newsletter_list, scheduled_at=timezone.now(), rate_per_second=1, batch_size=1
        ),
        registration=Registration.objects.create(
            action=action,
            status=RegistrationStatus.CONFIRMED,
            email=f"inscrite@{centre.slug}.example.org",
            name="Inès Garnier",
            consent_text="Texte d'information",
        ),
        report=ReportRequest.objects.create(kind="programme", file_format="pdf", programme=programme),
    )


@pytest.fixture
def centre_a(site_tree) -> CentreObjects:
    return centre_objects(default_centre(), site_tree.home)


@pytest.fixture
def centre_b(site_root) -> CentreObjects:
    home = factories.HomePageFactory(parent=site_root, default_site=False, title="IREV")
    site = Site.objects.create(hostname="irev.localhost", port=80, root_page=home, site_name="IREV")
    centre = CentreFactory(name="Institut régional de la ville", acronym="IREV", slug="irev", site=site)
    return centre_objects(Centre.objects.get(pk=centre.pk), home)


@pytest.fixture
def centre_administrator(centre_a) -> Any:
    return user_with_role("nadia.roux", CENTRE_ADMINISTRATORS)


def _view(client: Client, url: str) -> str:
    response = client.get(url)
    if is_denied(response) or response.status_code == 404:  # refused, or out of the user's reach
        return DENIED
    assert response.status_code == 200, response
    return ALLOWED


def _listed(client: Client, url: str, text: str) -> str:
    response = client.get(url)
    if is_denied(response):
        return DENIED
    assert response.status_code == 200
    return ALLOWED if text in response.content.decode() else HIDDEN


def do_edit(client: Client, objects: CentreObjects) -> str:
    return _view(client, edit_url(objects.page))


def do_add(client: Client, objects: CentreObjects) -> str:
    return _view(client, reverse("wagtailadmin_pages:add_subpage", args=[objects.home.pk]))


def do_publish(client: Client, objects: CentreObjects) -> str:
    response = post_edit(client, objects.page, "action-publish")
    if is_denied(response):
        return DENIED
    return ALLOWED if Page.objects.get(pk=objects.page.pk).live else HIDDEN


def do_explore(client: Client, objects: CentreObjects) -> str:
    response = client.get(reverse("wagtailadmin_explore", args=[objects.page.get_parent().pk]))
    if is_denied(response):
        return DENIED
    if response.status_code == 302:  # Wagtail sends a user outside their explorable root back to it
        return HIDDEN
    assert response.status_code == 200
    return ALLOWED if objects.page.pk in {child.pk for child in response.context["pages"]} else HIDDEN


def do_edit_registration_settings(client: Client, objects: CentreObjects) -> str:
    settings = RegistrationSettings.objects.get(action=objects.page)
    return _view(client, reverse("registrationsettings:edit", args=[settings.pk]))


# Views of one object: (URL name, the object's id).
OBJECT_VIEWS: dict[str, tuple[str, Callable[[CentreObjects], Any]]] = {
    "choose an image": ("wagtailimages_chooser:chosen", lambda o: o.image.pk),
    "choose a document": ("wagtaildocs_chooser:chosen", lambda o: o.document.pk),
    "edit a list": ("wagtailsnippets_newsletters_newsletterlist:edit", lambda o: o.newsletter_list.pk),
    "edit a subscriber": ("subscribers_subscriber:edit", lambda o: o.subscriber.pk),
    "export a subscriber's data": ("subscribers_subscriber:data_export", lambda o: o.subscriber.pk),
    "see a send": ("sending_detail", lambda o: o.send.pk),
    "edit a registration": ("registrations_registration:edit", lambda o: o.registration.pk),
    "see a report": ("reports_detail", lambda o: o.report.pk),
    "export experience records": ("experiences_exchange_export", lambda o: o.centre.site_id),
}
# Listings: (URL name, what shows the centre's item there).
LISTINGS: dict[str, tuple[str, Callable[[CentreObjects], str]]] = {
    "list images": ("wagtailimages:index", lambda o: o.image.title),
    "list documents": ("wagtaildocs:index", lambda o: o.document.title),
    "list lists": ("wagtailsnippets_newsletters_newsletterlist:list", lambda o: o.newsletter_list.name),
    "list subscribers": ("subscribers_subscriber:index", lambda o: o.subscriber.email),
    "list sends": ("sending_index", lambda o: str(o.send.issue.title)),
    "list registrations": ("registrations_registration:index", lambda o: o.registration.email),
}


def _object_view(action: str) -> Callable[[Client, CentreObjects], str]:
    url_name, object_id = OBJECT_VIEWS[action]
    return lambda client, objects: _view(client, reverse(url_name, args=[object_id(objects)]))


def _listing(action: str) -> Callable[[Client, CentreObjects], str]:
    url_name, text = LISTINGS[action]
    return lambda client, objects: _listed(client, reverse(url_name), text(objects))


ACTIONS: dict[str, Callable[[Client, CentreObjects], str]] = {
    "edit": do_edit,
    "add": do_add,
    "publish": do_publish,
    "explore": do_explore,
    "edit an action's registration settings": do_edit_registration_settings,
    **{action: _object_view(action) for action in OBJECT_VIEWS},
    **{action: _listing(action) for action in LISTINGS},
}
_PAGES = {"edit", "add", "explore"}
_LIBRARY = {"list images", "choose an image", "list documents", "choose a document"}
_CHOOSE = {"choose an image", "choose a document"}
_REGISTRATIONS = {"list registrations", "edit a registration", "edit an action's registration settings"}
_NEWSLETTERS = {"list lists", "edit a list", "list subscribers", "edit a subscriber", "export a subscriber's data"}
_NEWSLETTERS |= {"see a send", "list sends"}
_WRITING = _PAGES | _LIBRARY | _REGISTRATIONS | {"see a report", "export experience records"}
# What each role of centre A may do on A's own objects (the main matrix, tests/editorial, has the detail).
OWN_CENTRE = {
    EDITORS: _WRITING,
    REVIEWERS: _WRITING | {"publish"},
    BOARD: _CHOOSE | {"see a report"},
    CENTRE_ADMINISTRATORS: _NEWSLETTERS | _REGISTRATIONS | _CHOOSE | {"see a report"},
}
ROLE_IDS = {EDITORS: "editor", REVIEWERS: "reviewer", BOARD: "board", CENTRE_ADMINISTRATORS: "centre-administrator"}


def _user(role: str, team: Any, centre_administrator: Any) -> Any:
    return centre_administrator if role == CENTRE_ADMINISTRATORS else team.by_role(role)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", OWN_CENTRE, ids=ROLE_IDS.get)
def test_role_of_centre_a__refused_on_centre_b(
    team, centre_administrator, centre_a, centre_b, client_for, role, action
):
    outcome = ACTIONS[action](client_for(_user(role, team, centre_administrator)), centre_b)

    assert outcome in (DENIED, HIDDEN)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", OWN_CENTRE, ids=ROLE_IDS.get)
def test_role_of_centre_a__keeps_its_own_centre(
    team, centre_administrator, centre_a, centre_b, client_for, role, action
):
    outcome = ACTIONS[action](client_for(_user(role, team, centre_administrator)), centre_a)

    assert (outcome == ALLOWED) == (action in OWN_CENTRE[role]), outcome


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("centre", ["centre_a", "centre_b"])
def test_instance_administrator__allowed_in_every_centre(team, centre_a, centre_b, client_for, centre, action):
    objects = {"centre_a": centre_a, "centre_b": centre_b}[centre]

    assert ACTIONS[action](client_for(team.administrator), objects) == ALLOWED


def test_user_centres__a_role_acts_for_its_centre_only_an_administrator_for_all(team, centre_a, centre_b):
    assert list(user_centres(team.editor)) == [centre_a.centre]
    assert set(user_centres(team.administrator)) == {centre_a.centre, centre_b.centre}
    assert set(user_centres(team.superuser)) == {centre_a.centre, centre_b.centre}


def test_subscriber_of_both_centres__each_administrator_changes_only_its_own_subscription(
    centre_administrator, centre_a, centre_b, client_for
):
    subscriber = centre_b.subscriber
    SubscriptionFactory(subscriber=subscriber, newsletter_list=centre_a.newsletter_list)
    url = reverse("subscribers_subscriber:edit", args=[subscriber.pk])
    data = {
        "email": subscriber.email,
        "name": subscriber.name,
        "organisation": "",
        "role": "",
        "territory": "",
        "lists": [str(centre_b.newsletter_list.pk)],  # another centre's list: not offered, so refused
        "legal_basis": "",
    }

    response = client_for(centre_administrator).post(url, data)

    assert response.status_code == 200
    assert "lists" in response.context["form"].errors
    data["lists"] = []
    assert client_for(centre_administrator).post(url, data).status_code == 302
    statuses = dict(subscriber.subscriptions.values_list("newsletter_list_id", "status"))
    assert statuses[centre_a.newsletter_list.pk] == "unsubscribed"
    assert statuses[centre_b.newsletter_list.pk] == "confirmed"
    erase = client_for(centre_administrator).get(reverse("subscribers_subscriber:delete", args=[subscriber.pk]))
    assert is_denied(erase)


# The board and the review step


def _programme_of(objects: CentreObjects) -> Page:
    return factories.ProgrammePageFactory(parent=objects.page.get_parent().get_parent(), live=False)


def _at_bureau(page: Page, *, editor: Any, reviewer: Any) -> Page:
    submit(page, editor)
    current_task_state(page).approve(user=reviewer)
    assert current_task_state(page).task.name == "Validation du Bureau"
    return page


@pytest.fixture
def board_b(centre_b) -> list[Any]:
    """Five board members in B: B's validations need three of them, A's still two of A's three."""
    return [user_with_role(f"membre{n}.irev", BOARD, centre_b.centre) for n in range(5)]


def test_board_of_b__cannot_vote_on_a_page_of_a(team, centre_a, board_b, client_for):
    page = _at_bureau(_programme_of(centre_a), editor=team.editor, reviewer=team.reviewer)
    task_state = current_task_state(page)

    response = workflow_action(client_for(board_b[0]), page, "approve", task_state=task_state)

    assert is_denied(response)
    assert not BoardVote.objects.filter(task_state=task_state).exists()
    assert set(task_reviewers(task_state)) == set(team.board)


def test_board__k_of_n_counts_the_page_centre_board_only(team, centre_a, centre_b, board_b, client_for):
    page_a = _at_bureau(_programme_of(centre_a), editor=team.editor, reviewer=team.reviewer)
    editor_b = user_with_role("redaction.irev", EDITORS, centre_b.centre)
    reviewer_b = user_with_role("relecture.irev", REVIEWERS, centre_b.centre)
    page_b = _at_bureau(_programme_of(centre_b), editor=editor_b, reviewer=reviewer_b)
    task = current_task_state(page_a).task.specific

    assert (task.approvals_needed(page_a), task.approvals_needed(page_b)) == (2, 3)
    for member in team.board[:2]:
        workflow_action(client_for(member), page_a, "approve")
    assert current_task_state(page_a) is None
    assert TaskState.objects.filter(pk__in=BoardVote.objects.values("task_state")).get().status == "approved"


def test_reviewer_of_b__cannot_review_a_page_of_a_nor_is_told_of_it(team, centre_a, centre_b, client_for):
    reviewer_b = user_with_role("relecture.irev", REVIEWERS, centre_b.centre)
    submit(centre_a.page, team.editor)
    task_state = current_task_state(centre_a.page)

    response = workflow_action(client_for(reviewer_b), centre_a.page, "approve", task_state=task_state)

    assert is_denied(response)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert reviewer_b not in task_reviewers(task_state)
    assert team.reviewer in task_reviewers(task_state)
    awaiting = reverse("wagtailadmin_home")
    assert centre_a.page.title not in client_for(reviewer_b).get(awaiting).content.decode()
