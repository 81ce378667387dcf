"""Actions and their sessions: dates in order, attendance mode consistent with the connection link."""

import datetime

import pytest

from publications.models import ActionSession
from tests import factories
from tests.validation import assert_refused

pytestmark = pytest.mark.django_db

START = datetime.datetime(2024, 5, 11, 17, 0, tzinfo=datetime.UTC)


@pytest.fixture
def action():
    return factories.ActionPageFactory()


def session(action, **fields) -> ActionSession:
    return factories.ActionSessionFactory.build(page=action, starts_at=START, **fields)


@pytest.mark.parametrize(
    "ends_at",
    [
        pytest.param(START - datetime.timedelta(hours=1), id="end-before-start"),
        pytest.param(START, id="end-equal-start"),
    ],
)
def test_session__end_not_after_start_is_refused(action, ends_at):
    refused = session(action, ends_at=ends_at)

    assert_refused(refused.full_clean, "ends_at", "La séance doit se terminer après son début.")


def test_session__end_after_start_is_accepted(action):
    session(action, ends_at=START + datetime.timedelta(minutes=1)).full_clean()


def test_session__in_person_with_an_online_url_is_refused(action):
    refused = session(action, attendance_mode="in_person", online_url="https://visio.example.org/elus")

    assert_refused(
        refused.full_clean,
        "attendance_mode",
        "Un lien de connexion est indiqué : choisissez « en visioconférence » ou « sur place et en visioconférence ».",
    )


@pytest.mark.parametrize("mode", ["online", "mixed"])
def test_session__online_or_mixed_with_an_online_url_is_accepted(action, mode):
    accepted = session(action, attendance_mode=mode, online_url="https://visio.example.org/elus")

    accepted.full_clean()
    assert accepted.is_online


def test_action__open_registration_without_a_link_is_refused(action):
    action.registration_open = True
    action.registration_url = ""

    assert_refused(
        action.full_clean, "registration_url", "Indiquez le lien d'inscription si les inscriptions sont ouvertes."
    )


def test_action__continuing_itself_is_refused(action):
    action.continues = action

    assert_refused(action.full_clean, "continues", "Une action ne peut pas être la suite d'elle-même.")


def test_action__continuing_last_years_action_is_accepted(action):
    action.continues = factories.ActionPageFactory()

    action.full_clean()


def test_deliverable__without_title_or_publication_is_refused(action):
    deliverable = factories.ActionDeliverableFactory.build(page=action, title="", publication=None)

    assert_refused(deliverable.full_clean, "__all__", "Un livrable a un intitulé ou renvoie vers une publication.")


def test_deliverable__pointing_to_a_publication_takes_its_title(action):
    publication = factories.PublicationPageFactory(title="Repères pour agir : les conseils citoyens")
    deliverable = factories.ActionDeliverableFactory.build(page=action, title="", publication=publication, url="")

    deliverable.full_clean()
    assert deliverable.label == "Repères pour agir : les conseils citoyens"
