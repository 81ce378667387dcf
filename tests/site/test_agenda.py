"""The agenda page: sessions by date, filters by format, theme, territory (with descendants) and month."""

import pytest
from icalendar import Calendar

from publications.models import ActionStatus
from tests import html

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
    results = html.section(html.main(html.parse(response)), "Rendez-vous à venir")
    assert "Séance annulée" in [html.text(badge) for badge in results.find_all(class_="badge")]
    assert "En visioconférence" in [html.text(mode) for mode in results.find_all(class_="mode")]


def test_agenda__past_sessions_latest_first(client, agenda, agenda_content):
    response = client.get(agenda.url, {"quand": "passees"})
    assert titles(response) == ["Journée d'étude passée"]
    assert "Rendez-vous passés" in html.headings(html.main(html.parse(response)), "h2")


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
    form = html.main(html.parse(client.get(agenda.url, {"format": "atelier"}))).find("form", class_="filters")
    assert html.text(form.find("label", attrs={"for": "filtre-format"})) == "Format"
    chosen = form.find("select", id="filtre-format").find_all("option", selected=True)
    assert [option["value"] for option in chosen] == ["atelier"]


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
    page = html.parse(response)
    alert = html.main(page).find(role="alert")
    assert "Certains filtres n'ont pas pu être appliqués" in html.text(alert)
    assert "Cette valeur n'existe pas : le filtre a été ignoré." in html.text(alert)
    # The hostile value is neither run nor echoed: no script element, nor its text, nor the long value.
    assert not [script for script in page.find_all("script") if "alert(1)" in script.get_text()]
    assert "alert(1)" not in html.text(page)
    assert "x" * 200 not in str(page)
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
    results = html.main(html.parse(client.get(agenda.url, {"format": "atelier"})))
    assert "Action annulée" in [html.text(badge) for badge in results.find_all(class_="badge--cancelled")]


def test_agenda__paginates_and_keeps_filters(client, agenda, agenda_content):
    from tests.factories import ActionSessionFactory
    from tests.site.conftest import in_days

    for day in range(1, 15):
        ActionSessionFactory(page=agenda_content.workshop, starts_at=in_days(day + 60), ends_at=in_days(day + 60, 19))
    response = client.get(agenda.url, {"format": "atelier"})
    assert response.context["results"].paginator.num_pages == 2
    pages = html.landmark(html.parse(response), "navigation", "Pages de l'agenda")
    assert html.link_texts(pages, "?format=atelier&page=2")


def test_agenda__ics_link_keeps_the_filters_and_serves_the_same_sessions(client, agenda, agenda_content, places):
    response = client.get(agenda.url, {"territoire": places.departement.pk, "thematique": "sante"})

    link = html.main(html.parse(response)).find("a", class_="ics-link")["href"]
    calendar = client.get(link.removeprefix("http://testserver"))
    assert calendar.status_code == 200
    summaries = {str(event["SUMMARY"]) for event in Calendar.from_ical(calendar.content).walk("VEVENT")}
    assert summaries == {"Séminaire des élu·e·s : la santé"}
