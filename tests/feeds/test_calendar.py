"""iCalendar files: one per action, the agenda, filtered subscriptions; parsed with icalendar."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from publications.models import ActionSession, ActionStatus
from tests.factories import ActionFormatFactory, ActionPageFactory, ActionSessionFactory, TerritoryFactory
from tests.feeds.conftest import aware, events_by_uid, ics_get

pytestmark = pytest.mark.django_db

BASE = "https://crpv.example.org"
PARIS = ZoneInfo("Europe/Paris")


def _uid(session: ActionSession) -> str:
    return f"{session.uid}@agenda.crpv.example.org"


def _republish_with(action, **changes) -> None:
    """Edit the first session the way the editor's form does: a new revision of the page, published."""
    page = action.get_latest_revision_as_object() if action.latest_revision else action
    sessions = list(page.sessions.all())
    for name, value in changes.items():
        setattr(sessions[0], name, value)
    page.sessions = sessions
    page.save_revision().publish()


def test_action_ics__one_event_per_session_with_every_property(client, agenda):
    calendar = ics_get(client, f"/flux/actions/{agenda.action.pk}.ics")

    assert calendar["VERSION"] == "2.0"
    assert calendar["METHOD"] == "PUBLISH"
    assert str(calendar["PRODID"]).startswith("-//")
    events = events_by_uid(calendar)
    assert set(events) == {_uid(agenda.session), _uid(agenda.online_session)}
    event = events[_uid(agenda.session)]
    assert event["SUMMARY"] == "Séminaire des élu·e·s : la gestion urbaine de proximité"
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event.start == agenda.session.starts_at
    assert event.end == agenda.session.ends_at
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event["DTEND"].params["TZID"] == "Europe/Paris"
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert event["LOCATION"] == "Bourse du travail, 9-11 rue Génin, 93200 Saint-Denis"
    assert event["URL"] == f"{BASE}{agenda.action.url}"
    assert f"{BASE}{agenda.action.url}" in event["DESCRIPTION"]
    assert "élu·e·s" in event["DESCRIPTION"]


def test_action_ics__vtimezone_europe_paris_is_included(client, agenda):
    calendar = ics_get(client, f"/flux/actions/{agenda.action.pk}.ics")

    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert calendar.get_missing_tzids() == set()
    (comment,) = [str(tz["COMMENT"]) for tz in calendar.walk("VTIMEZONE")]
    assert comment.startswith("Ce fuseau horaire n'est décrit que du ")
    assert "timezone" not in comment


def test_action_ics__online_session_gives_its_link(client, agenda):
    event = events_by_uid(ics_get(client, f"/flux/actions/{agenda.action.pk}.ics"))[_uid(agenda.online_session)]

    assert event["LOCATION"] == "https://visio.example.org/seminaire-des-elus"
    assert event["CONFERENCE"] == "https://visio.example.org/seminaire-des-elus"
    assert event["URL"] == f"{BASE}{agenda.action.url}"


def test_action_ics__uid_is_the_stored_uuid_not_an_id_nor_url(client, agenda):
    uids = set(events_by_uid(ics_get(client, f"/flux/actions/{agenda.action.pk}.ics")))

    for uid in uids:
        local, domain = uid.split("@")
        assert domain == "agenda.crpv.example.org"
        assert local in {str(agenda.session.uid), str(agenda.online_session.uid)}
        assert "/" not in uid


def test_session_change__uid_stays_and_sequence_increases(client, agenda):
    url = f"/flux/actions/{agenda.action.pk}.ics"
    before = events_by_uid(ics_get(client, url))[_uid(agenda.session)]

    _republish_with(agenda.action, starts_at=agenda.session.starts_at + datetime.timedelta(hours=1))

    after = events_by_uid(ics_get(client, url))
    assert set(after) == {_uid(agenda.session), _uid(agenda.online_session)}
    moved = after[_uid(agenda.session)]
    assert moved["SEQUENCE"] > before["SEQUENCE"]
    assert moved.start == agenda.session.starts_at + datetime.timedelta(hours=1)
    assert after[_uid(agenda.online_session)]["SEQUENCE"] == 0


def test_session_republished_unchanged__sequence_stays(client, agenda):
    _republish_with(agenda.action)
    _republish_with(agenda.action)

    event = events_by_uid(ics_get(client, f"/flux/actions/{agenda.action.pk}.ics"))[_uid(agenda.session)]

    assert event["SEQUENCE"] == 0


def test_session_change__old_draft_published_later_never_lowers_sequence(agenda):
    stale_draft = agenda.action.save_revision()
    _republish_with(agenda.action, venue="Maison de l'emploi")
    _republish_with(agenda.action, venue="Salle des fêtes")
    raised = ActionSession.objects.get(pk=agenda.session.pk).sequence

    stale_draft.publish()

    session = ActionSession.objects.get(pk=agenda.session.pk)
    assert session.venue == "Bourse du travail"
    assert session.sequence > raised


def test_session_cancelled__status_cancelled_and_sequence_raised(client, agenda):
    _republish_with(agenda.action, cancelled=True)

    events = events_by_uid(ics_get(client, f"/flux/actions/{agenda.action.pk}.ics"))

    assert events[_uid(agenda.session)]["STATUS"] == "CANCELLED"
    assert events[_uid(agenda.session)]["SEQUENCE"] == 1
    assert events[_uid(agenda.online_session)]["STATUS"] == "CONFIRMED"


def test_action_cancelled__every_session_cancelled_with_a_higher_sequence(client, agenda):
    page = agenda.action
    page.status = ActionStatus.CANCELLED
    page.sessions = list(page.sessions.all())
    page.save_revision().publish()

    events = events_by_uid(ics_get(client, f"/flux/actions/{agenda.action.pk}.ics"))

    assert {event["STATUS"] for event in events.values()} == {"CANCELLED"}
    assert {event["SEQUENCE"] for event in events.values()} == {1}


def test_action_title_change__raises_the_sequence(client, agenda):
    page = agenda.action
    page.title = "Séminaire des élu·e·s (nouvelle date)"
    page.sessions = list(page.sessions.all())
    page.save_revision().publish()

    event = events_by_uid(ics_get(client, f"/flux/actions/{agenda.action.pk}.ics"))[_uid(agenda.session)]

    assert event["SUMMARY"] == "Séminaire des élu·e·s (nouvelle date)"
    assert event["SEQUENCE"] == 1


def test_sequence__direct_save_of_a_changed_session_raises_it(agenda):
    session = ActionSession.objects.get(pk=agenda.session.pk)
    session.address = "2 place du Caquet, 93200 Saint-Denis"
    session.save()
    session.save()

    assert ActionSession.objects.get(pk=session.pk).sequence == 1


def test_agenda_ics__upcoming_sessions_of_every_visible_action(client, agenda):
    past_action = ActionPageFactory(title="Atelier de l'an passé")
    past = ActionSessionFactory(page=past_action, starts_at=aware(2020, 3, 1, 9), ends_at=aware(2020, 3, 1, 12))

    calendar = ics_get(client, "/flux/agenda.ics")

    uids = set(events_by_uid(calendar))
    assert uids == {_uid(agenda.session), _uid(agenda.online_session), _uid(agenda.other_session)}
    assert _uid(past) not in uids
    assert "Agenda" in str(calendar["X-WR-CALNAME"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_agenda_ics__empty_agenda_is_still_a_valid_calendar(client, site_tree):
    response = client.get("/flux/agenda.ics")

    calendar = Calendar.from_ical(response.content)
    assert response.status_code == 200
    assert calendar.walk("VEVENT") == []
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_agenda_ics__filter_by_theme(client, agenda):
    uids = set(events_by_uid(ics_get(client, "/flux/agenda.ics?theme=numerique")))

    assert uids == {_uid(agenda.other_session)}


def test_agenda_ics__filter_by_format(client, agenda):
    webinaire = ActionFormatFactory(name="Webinaire en ligne", slug="webinaire-en-ligne")
    action = ActionPageFactory(title="Webinaire sur l'emploi des jeunes", format=webinaire)
    session = ActionSessionFactory(page=action, starts_at=agenda.session.starts_at, ends_at=agenda.session.ends_at)

    uids = set(events_by_uid(ics_get(client, "/flux/agenda.ics?format=webinaire-en-ligne")))

    assert uids == {_uid(session)}


def test_agenda_ics__filter_by_territory_includes_descendants(client, agenda):
    quartier = TerritoryFactory(quartier=True, name="Franc-Moisin", parent=agenda.saint_denis)
    action = ActionPageFactory(title="Marche exploratoire au Franc-Moisin")
    action.territories.set([quartier])
    action.save()
    session = ActionSessionFactory(page=action, starts_at=agenda.session.starts_at, ends_at=agenda.session.ends_at)

    uids = set(events_by_uid(ics_get(client, f"/flux/agenda.ics?territory={agenda.seine_saint_denis.pk}")))

    assert uids == {_uid(agenda.session), _uid(agenda.online_session), _uid(session)}


def test_agenda_ics__facets_combine_and_values_within_a_facet_add_up(client, agenda):
    both = set(events_by_uid(ics_get(client, "/flux/agenda.ics?theme=numerique&theme=sante")))
    crossed = set(events_by_uid(ics_get(client, f"/flux/agenda.ics?theme=numerique&territory={agenda.saint_denis.pk}")))

    assert both == {_uid(agenda.session), _uid(agenda.online_session), _uid(agenda.other_session)}
    assert crossed == set()


def test_agenda_ics__times_are_paris_wall_clock(client, agenda):
    session = ActionSessionFactory(
        page=agenda.other_action,
        starts_at=datetime.datetime(2031, 7, 1, 18, 30, tzinfo=PARIS),
        ends_at=datetime.datetime(2031, 7, 1, 20, 0, tzinfo=PARIS),
    )

    response = client.get("/flux/agenda.ics")
    event = events_by_uid(Calendar.from_ical(response.content))[_uid(session)]

    assert b"DTSTART;TZID=Europe/Paris:20310701T183000" in response.content
    assert event.start.utcoffset() == datetime.timedelta(hours=2)
