"""The dashboard's overview: pages per state, the coming sessions, and (for senders) the sends and lists."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sending import services
from tests import factories
from tests.editorial.helpers import submit
from tests.sending.conftest import subscribers_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree, team):
    """A programme with two actions (one submitted), a session next week, a live issue sent to three people."""
    programme = factories.ProgrammePageFactory(parent=site_tree.programmes, year=2025)
    programme.save_revision().publish()
    action = factories.ActionPageFactory(parent=programme, title="Atelier « Habiter le quartier »", live=False)
    factories.ActionPageFactory(parent=programme, title="Rencontre des conseils citoyens", live=False)
    submit(action, team.editor)
    factories.ActionSessionFactory(page=action, starts_at=timezone.now() + datetime.timedelta(days=7))
    newsletter_list = factories.NewsletterListFactory(name="Résonances", slug="resonances")
    subscribers_create(newsletter_list, 3)
    issue = factories.NewsletterIssuePageFactory(
        parent=site_tree.newsletters, newsletter_list=newsletter_list, title="Résonances n° 12", live=True
    )
    services.send_create(
        issue=issue,
        newsletter_list=newsletter_list,
        scheduled_at=timezone.now() + datetime.timedelta(days=2),
        rate_per_second=10,
        batch_size=10,
        user=team.administrator,
    )
    return SimpleNamespace(action=action, newsletter_list=newsletter_list)


def _panel(response, heading: str) -> str:
    page = response.content.decode()
    assert heading in page
    return page[page.index(heading) :]


def test_overview__counts_pages_per_state_and_lists_the_coming_sessions(clients, content):
    response = clients.reviewer.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    overview = _panel(response, 'id="vue-d-ensemble-section"')
    assert "Dans un circuit de validation</th><td>1</td>" in overview
    assert "Brouillons jamais publiés</th><td>2</td>" in overview
    assert "Atelier « Habiter le quartier »" in overview


def test_sends_panel__shows_the_next_send_with_its_audience_to_senders_only(clients, content):
    administrator = clients.administrator.get(reverse("wagtailadmin_home"))
    editor = clients.editor.get(reverse("wagtailadmin_home")).content.decode()

    panel = _panel(administrator, "Prochains envois")
    assert "Résonances n° 12" in panel
    assert "3 prévus" in panel
    assert "Prochains envois" not in editor
    assert "Inscriptions (30 jours)" not in editor


def test_dashboard__runs_a_fixed_number_of_queries(clients, content, site_tree, team, django_assert_num_queries):
    clients.administrator.get(reverse("wagtailadmin_home"))  # warm Wagtail's per-process caches
    with CaptureQueriesContext(connection) as few:
        clients.administrator.get(reverse("wagtailadmin_home"))
    for number in range(5):
        action = factories.ActionPageFactory(parent=content.action.get_parent(), title=f"Action {number}", live=False)
        factories.ActionSessionFactory(page=action, starts_at=timezone.now() + datetime.timedelta(days=number + 1))
        issue = factories.NewsletterIssuePageFactory(
            parent=site_tree.newsletters, newsletter_list=content.newsletter_list, title=f"Numéro {number}", live=True
        )
        services.send_create(
            issue=issue,
            newsletter_list=issue.newsletter_list,
            scheduled_at=timezone.now() + datetime.timedelta(days=number + 1),
            rate_per_second=10,
            batch_size=10,
            user=team.administrator,
        )

    with django_assert_num_queries(len(few.captured_queries)):
        response = clients.administrator.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
