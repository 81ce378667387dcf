"""The agenda page: sessions by date, filters by format, theme, territory (with descendants) and month."""

import re

import pytest
from icalendar import Calendar

from publications.models import ActionStatus

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [session.page.title for session in response.context["results"]]


def test_agenda__lists_upcoming_sessions_first_to_come(client, agenda, agenda_content):
    response = client.get(agenda.url)
    assert response.status_code == 200
    assert titles(response) == [
        "Séminaire des élu·e·s : la santé",
        "Atelier des conseils citoyens",
        "Séminaire des élu·e·s : la santé",
    ]
    html = response.content.decode()
    assert "Séance annulée" in html
    assert "En visioconférence" in html


def test_agenda__past_sessions_latest_first(client, agenda, agenda_content):
    response = client.get(agenda.url, {"quand": "passees"})
    assert titles(response) == ["Journée d'étude passée"]
    assert "Rendez-vous passés" in response.content.decode()


def test_agenda__filter_by_format_and_theme(client, agenda, agenda_content):
    assert set(titles(client.get(agenda.url, {"format": "atelier"}))) == {"Atelier des conseils citoyens"}
    assert set(titles(client.get(agenda.url, {"thematique": "sante"}))) == {"Séminaire des élu·e·s : la santé"}


def test_agenda__territory_includes_its_descendants(client, agenda, agenda_content, places):
    response = client.get(agenda.url, {"territoire": places.departement.pk})
    assert set(titles(response)) == {"Séminaire des élu·e·s : la santé"}
    past = client.get(agenda.url, {"territoire": places.elsewhere.pk, "quand": "passees"})
    assert titles(past) == ["Journée d'étude passée"]


def test_agenda__filter_by_month_in_paris_time(client, agenda, agenda_content):
    session = agenda_content.workshop.sessions.get()
    month = session.starts_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Paris")).strftime("%Y-%m")
    response = client.get(agenda.url, {"mois": month})
    assert "Atelier des conseils citoyens" in titles(response)
    assert all(s.starts_at.strftime("%Y-%m") == month for s in response.context["results"])


def test_agenda__the_form_keeps_the_chosen_filter(client, agenda, agenda_content):
    html = client.get(agenda.url, {"format": "atelier"}).content.decode()
    assert '<option value="atelier" selected>' in html
    assert '<label for="filtre-format">Format</label>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"format": "inconnu"},
        {"thematique": "<script>alert(1)</script>"},
        {"territoire": "1 OR 1=1"},
        {"territoire": "999999999999999999999"},
        {"mois": "2024-13"},
        {"mois": "x" * 5000},
        {"quand": "'; DROP TABLE publications_actionsession; --"},
    ],
)
def test_agenda__hostile_filter_is_reported_in_french_and_ignored(client, agenda, agenda_content, params):
    response = client.get(agenda.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Certains filtres n'ont pas pu être appliqués" in html
    assert "Cette valeur n&#x27;existe pas : le filtre a été ignoré." in html
    assert "<script>alert(1)</script>" not in html
    assert "x" * 200 not in html
    # The bad filter is dropped, the others (none here) still apply: every upcoming session is listed.
    if "quand" not in params:
        assert len(titles(response)) == 3
    assert agenda_content.seminar.sessions.count() == 2


@pytest.mark.parametrize("number", ["0", "-1", "abc", "99999999999", "2"])
def test_agenda__any_page_number_gives_a_page(client, agenda, agenda_content, number):
    response = client.get(agenda.url, {"page": number})
    assert response.status_code == 200
    assert response.context["results"].number == 1


def test_agenda__drafts_and_private_actions_never_appear(client, agenda, agenda_content):
    from wagtail.models import PageViewRestriction

    agenda_content.workshop.unpublish()
    PageViewRestriction.objects.create(page=agenda_content.seminar, restriction_type="login")
    response = client.get(agenda.url)
    assert titles(response) == []


def test_agenda__cancelled_action_is_marked(client, agenda, agenda_content):
    agenda_content.workshop.status = ActionStatus.CANCELLED
    agenda_content.workshop.save()
    html = client.get(agenda.url, {"format": "atelier"}).content.decode()
    assert "Action annulée" in html


def test_agenda__paginates_and_keeps_filters(client, agenda, agenda_content):
    from tests.factories import ActionSessionFactory
    from tests.site.conftest import in_days

    for day in range(1, 15):
        ActionSessionFactory(page=agenda_content.workshop, starts_at=in_days(day + 60), ends_at=in_days(day + 60, 19))
    response = client.get(agenda.url, {"format": "atelier"})
    assert response.context["results"].paginator.num_pages == 2
    assert "?format=atelier&amp;page=2" in response.content.decode()


def test_agenda__ics_link_keeps_the_filters_and_serves_the_same_sessions(client, agenda, agenda_content, places):
    response = client.get(agenda.url, {"territoire": places.departement.pk, "thematique": "sante"})

    link = re.search(r'<a class="ics-link" href="([^"]+)"', response.content.decode()).group(1)
    link = link.replace("&amp;", "&")
    calendar = client.get(link.removeprefix("http://testserver"))
    assert calendar.status_code == 200
    summaries = {str(event["SUMMARY"]) for event in Calendar.from_ical(calendar.content).walk("VEVENT")}
    assert summaries == {"Séminaire des élu·e·s : la santé"}
