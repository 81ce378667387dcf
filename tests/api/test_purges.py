"""Every change the public sees purges the shared cache of pages (api/invalidation.py), made the way
editors and visitors make it: the admin's edit view, the registration service, a publication."""

import pytest
from django.test import Client
from wagtail.models import Page

from config.response_cache import CACHE_HEADER
from publications.models import AgendaPage
from registrations.models import RegistrationScope, RegistrationSettings, SessionCapacity
from registrations.selectors import Target
from registrations.services import Applicant, registration_cancel, registration_create
from tests.editorial.helpers import action_form_data, edit_url
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
    NewsletterIssuePageFactory,
    ProgrammePageFactory,
    ThemeFactory,
)
from tests.public_cache import cached_text
from tests.registrations.conftest import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(site_tree):
    return ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes), title="Atelier des élu·e·s")


@pytest.fixture
def agenda(site_tree) -> AgendaPage:
    page = AgendaPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=page)
    return page


def test_publish_through_the_admin__page_and_home_purged(admin_client, action, site_tree):
    # admin_client is pytest-django's client, logged in: the visitor is another.
    client = Client()
    assert "Atelier des élu·e·s" in cached_text(client, action.url)
    cached_text(client, site_tree.home.url)

    data = action_form_data(action, title="Séminaire des élu·e·s", **{"action-publish": "1"})
    assert admin_client.post(edit_url(action), data).status_code == 302

    response = client.get(action.url)
    assert response[CACHE_HEADER] == "miss"
    assert "Séminaire des élu·e·s" in response.content.decode()


def test_unpublish__the_page_is_gone_at_once(client, action):
    cached_text(client, action.url)
    Page.objects.get(pk=action.pk).specific.unpublish()
    assert client.get(action.url).status_code == 404


def test_draft_saved__the_public_page_stayscached_text(admin_client, action):
    client = Client()
    cached_text(client, action.url)
    data = action_form_data(action, title="Brouillon du titre")
    assert admin_client.post(edit_url(action), data).status_code == 302
    response = client.get(action.url)
    assert response[CACHE_HEADER] == "hit"
    assert "Brouillon du titre" not in response.content.decode()


def test_session_date_changed__agenda_purged(client, action, agenda):
    session = ActionSessionFactory(page=action, starts_at=in_days(10), ends_at=in_days(10, hour=12))
    assert "Atelier des élu·e·s" in cached_text(client, agenda.url)
    session.starts_at, session.ends_at = in_days(-60), in_days(-60, hour=12)
    session.save()
    assert "Atelier des élu·e·s" not in client.get(agenda.url).content.decode()


def test_registration_and_cancellation__seats_left_purged(client, action):
    session = ActionSessionFactory(page=action, starts_at=in_days(10), ends_at=in_days(10, hour=12))
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.PER_SESSION)
    SessionCapacity.objects.create(session=session, seats=2)
    assert "2 places restantes" in cached_text(client, action.url)

    result = registration_create(
        target=Target(settings=settings, session=session),
        applicant=Applicant(email="nadia.benali@example.org", name="Nadia Benali"),
        consent_text="J'accepte",
    )
    assert "1 place restante" in client.get(action.url).content.decode()

    registration_cancel(registration=result.registration)
    assert "2 places restantes" in client.get(action.url).content.decode()


def test_issue_published__archive_purged(client, site_tree):
    archive = site_tree.newsletters.url
    cached_text(client, archive)
    NewsletterIssuePageFactory(parent=site_tree.newsletters, title="Résonances n° 42")
    assert "Résonances n° 42" in client.get(archive).content.decode()


def test_snippet_edited__pages_showing_it_purged(client, action):
    theme = ThemeFactory(name="Santé")
    action.themes.add(theme)
    action.save_revision().publish()
    assert "Santé" in cached_text(client, action.url)
    theme.name = "Santé mentale"
    theme.save()
    assert "Santé mentale" in client.get(action.url).content.decode()
