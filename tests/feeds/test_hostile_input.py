"""Hostile query parameters on the subscribable agenda: a clear French 400, nothing changed."""

import pytest

from publications.models import ActionPage, ActionSession, Territory, Theme
from tests.feeds.conftest import events_by_uid, ics_get

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("theme=inconnue", "Filtre « thématique » inconnu : inconnue."),
        ("format=atelier-imaginaire", "Filtre « format » inconnu : atelier-imaginaire."),
        ("theme=sante&theme=inconnue", "Filtre « thématique » inconnu : inconnue."),
        ("theme=%27%20OR%201%3D1--", "Filtre « thématique » inconnu : ' OR 1=1--."),
        ("theme=%00", "Filtre « thématique » inconnu :"),
        ("theme=" + "a" * 10_000, "Valeur trop longue pour le filtre « thématique »."),
        ("territory=abc", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=1%20OR%201%3D1", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=-1", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=%D9%A3", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=99999999999999999999999999", "Le filtre « territoire » attend le numéro d'un territoire."),
        ("territory=999999", "Territoire inconnu : 999999."),
        ("theme=" + "&theme=".join(["sante"] * 21), "Trop de valeurs pour le filtre « thématique » (20 au plus)."),
        ("format=%3Cscript%3Ealert(1)%3C/script%3E", "Filtre « format » inconnu : <script>alert(1)</script>."),
    ],
)
def test_agenda_filters__bad_values_are_400_in_french(client, agenda, query, message):
    counts = (
        ActionPage.objects.count(),
        ActionSession.objects.count(),
        Theme.objects.count(),
        Territory.objects.count(),
    )

    response = client.get(f"/flux/agenda.ics?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith(message)
    counts_after = (
        ActionPage.objects.count(),
        ActionSession.objects.count(),
        Theme.objects.count(),
        Territory.objects.count(),
    )
    assert counts_after == counts
    assert len(events_by_uid(ics_get(client, "/flux/agenda.ics"))) == 3


def test_agenda_filters__empty_values_are_no_filter(client, agenda):
    everything = set(events_by_uid(ics_get(client, "/flux/agenda.ics")))

    assert len(everything) == 3
    assert set(events_by_uid(ics_get(client, "/flux/agenda.ics?thematique=&territoire=&format="))) == everything


def test_agenda_filters__unknown_parameters_are_ignored(client, agenda):
    calendar = ics_get(client, "/flux/agenda.ics?utm_source=lettre&theme=sante")

    assert set(events_by_uid(calendar)) == {
        f"{agenda.session.uid}@agenda.crpv.example.org",
        f"{agenda.online_session.uid}@agenda.crpv.example.org",
    }


@pytest.mark.parametrize("url", ["/flux/actions/0.ics", "/flux/actions/99999999.ics", "/flux/actions/abc.ics"])
def test_action_ics__unknown_action_is_404(client, agenda, url):
    assert client.get(url).status_code == 404


def test_action_ics__other_page_types_are_404(client, agenda, site_tree):
    assert client.get(f"/flux/actions/{site_tree.home.pk}.ics").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_feeds__refuse_writes(client, agenda, method):
    for url in ("/flux/agenda.ics", f"/flux/actions/{agenda.action.pk}.ics", "/sitemap.xml", "/robots.txt"):
        assert getattr(client, method)(url).status_code == 405
