"""The admin of sessions and attendance through the real views of each role: the page at the door,
the printable sheet, adding by hand, moving; forged and unknown input answered in French, never 5xx."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from registrations.models import (
    Attendance,
    Registration,
    RegistrationScope,
    RegistrationSettings,
    RegistrationStatus,
    SessionMessage,
)
from registrations.selectors import Target
from registrations.services import (
    attendance_record,
    capacity_set,
    registration_cancel,
)
from tests.factories import ActionPageFactory, ActionSessionFactory, ProgrammePageFactory
from tests.html import page_source, parse, text
from tests.pdf import pdf_pages, pdf_text
from tests.registrations.conftest import add_by_hand, in_days

pytestmark = pytest.mark.django_db

SESSIONS = "/admin/inscriptions/seances/"
ADD = "/admin/inscriptions/personnes/new/"


def add(target, email, name="", organisation=""):
    return add_by_hand(target, email, name=name, organisation=organisation, waiting_if_full=True)


@pytest.fixture
def today(action, per_session):
    session = ActionSessionFactory(
        page=action, starts_at=in_days(0, hour=0), ends_at=in_days(0, hour=23), venue="Salle Pablo Neruda"
    )
    target = Target(settings=per_session, session=session)
    capacity_set(target=target, seats=2)
    return target


def attendance_url(session):
    return reverse("registrations_attendance:attendance", args=[session.pk])


def sheet_url(session):
    return reverse("registrations_attendance:sheet", args=[session.pk])


@pytest.mark.parametrize("role", ["editor", "reviewer", "administrator"])
def test_the_team_ticks_attendance_at_the_door(clients, team, role, today):
    samia = add(today, "samia@example.org", "Samia Haddad", "Ville de Saint-Denis")
    client = getattr(clients, role)
    page = client.get(attendance_url(today.session))
    assert page.status_code == 200
    assert "Samia Haddad" in text(parse(page.content.decode()))

    response = client.post(attendance_url(today.session), {"registration": samia.pk, "attended": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#inscription-{samia.pk}")
    record = Attendance.objects.get()
    assert (record.attended, record.recorded_by) == (True, getattr(team, role))
    samia.refresh_from_db()
    assert samia.status == RegistrationStatus.ATTENDED


def test_the_board_is_refused_every_attendance_view(clients, today):
    samia = add(today, "samia@example.org")
    for path in (SESSIONS, attendance_url(today.session), sheet_url(today.session), ADD):
        response = clients.board[0].get(path)
        assert response.status_code in (302, 403), path
    response = clients.board[0].post(attendance_url(today.session), {"registration": samia.pk, "attended": "1"})
    assert response.status_code in (302, 403)
    move = reverse("registrations_attendance:move", args=[samia.pk])
    assert clients.board[0].post(move, {"session": today.session.pk}).status_code in (302, 403)
    assert not Attendance.objects.exists()


def test_search_by_name_keeps_the_search_after_a_tick(clients, today):
    samia = add(today, "samia@example.org", "Samia Haddad")
    add(today, "paul@example.org", "Paul Girard")
    page = clients.editor.get(attendance_url(today.session), {"q": "  samia "})
    body = text(parse(page.content.decode()))
    assert "Samia Haddad" in body
    assert "Paul Girard" not in body

    response = clients.editor.post(
        f"{attendance_url(today.session)}?q=samia", {"registration": samia.pk, "attended": "0"}
    )
    assert "?q=samia#" in response["Location"]


@pytest.mark.parametrize(
    "data",
    [
        {"registration": "999999", "attended": "1"},
        {"registration": "abc", "attended": "1"},
        {"registration": "-1", "attended": "1"},
        {"registration": "9" * 40, "attended": "1"},
        {"attended": "1"},
        {"registration": "{own}", "attended": "peut-être"},
        {"registration": "{other_action}", "attended": "1"},
        {"registration": "{waiting}", "attended": "1"},
        {"registration": "{cancelled}", "attended": "1"},
        {"registration": "1.5", "attended": "1"},
        {"registration": "{own}", "attended": "1" * 1000},
    ],
)
def test_forged_ticks_are_refused_in_french(clients, today, site_tree, data):
    own = add(today, "a@example.org")
    add(today, "b@example.org")
    waiting = add(today, "c@example.org")
    cancelled = add(today, "d@example.org")
    registration_cancel(registration=cancelled)
    other = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    other_session = ActionSessionFactory(page=other, starts_at=in_days(0, hour=0), ends_at=in_days(0, hour=23))
    other_settings = RegistrationSettings.objects.create(action=other)
    stranger = add(Target(settings=other_settings, session=other_session), "x@example.org")
    ids = {"{own}": own.pk, "{other_action}": stranger.pk, "{waiting}": waiting.pk, "{cancelled}": cancelled.pk}
    data = {key: str(ids.get(value, value)) for key, value in data.items()}

    response = clients.editor.post(attendance_url(today.session), data)
    assert response.status_code == 400
    assert "n'a pas de place à cette séance" in page_source(response)
    assert not Attendance.objects.exists()


def test_a_cancelled_session_is_not_ticked(clients, today):
    registration = add(today, "a@example.org")
    type(today.session).objects.filter(pk=today.session.pk).update(cancelled=True)
    response = clients.editor.post(attendance_url(today.session), {"registration": registration.pk, "attended": "1"})
    assert response.status_code == 400
    assert "Cette séance est annulée." in page_source(response)
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("session_id", ["abc", "-1", "9" * 40])
def test_a_malformed_session_address_is_404(clients, today, session_id):
    for page in ("emargement/", "feuille.pdf"):
        # APPEND_SLASH may first redirect the address that matches no route: it still ends in a 404.
        assert clients.editor.get(f"{SESSIONS}{session_id}/{page}", follow=True).status_code == 404


def test_a_session_not_taking_registrations_or_unknown_is_404(clients, action, sessions, site_tree):
    bare = ActionSessionFactory(starts_at=in_days(3), ends_at=in_days(3, hour=12))
    for session_id in (bare.pk, 987654):
        assert clients.editor.get(f"{SESSIONS}{session_id}/emargement/").status_code == 404
        assert clients.editor.get(f"{SESSIONS}{session_id}/feuille.pdf").status_code == 404


def test_ticking_a_future_session_is_refused(clients, first_target):
    registration = add(first_target, "a@example.org")
    page = clients.editor.get(attendance_url(first_target.session))
    assert "l'émargement ouvre le jour même" in page_source(page)
    response = clients.editor.post(
        attendance_url(first_target.session), {"registration": registration.pk, "attended": "1"}
    )
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_the_printable_sheet_names_everyone_with_a_signature_column(clients, today, action):
    add(today, "s@example.org", "Samia Haddad", "Ville de Saint-Denis")
    add(today, "j@example.org", "Julien <b>Morel</b>", "Conseil citoyen & co")
    add(today, "w@example.org", "Liste D'Attente")
    response = clients.editor.get(sheet_url(today.session))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    content = pdf_text(response.content)
    for expected in (
        "Feuille d'émargement",
        action.title,
        "Salle Pablo Neruda",
        "Nom et prénom",
        "Organisme",
        "Signature",
        "Samia Haddad",
        "Ville de Saint-Denis",
        "Julien <b>Morel</b>",
        "Conseil citoyen & co",
        "Page 1 sur 1",
    ):
        assert expected in content, expected
    # Only the people holding a seat sign.
    assert "Liste D'Attente" not in content


def test_a_long_sheet_repeats_its_header_and_numbers_its_pages(clients, action, per_session):
    session = ActionSessionFactory(page=action, starts_at=in_days(0, hour=0), ends_at=in_days(0, hour=23))
    target = Target(settings=per_session, session=session)
    for number in range(45):
        add(target, f"p{number}@example.org", f"Personne {number:02d}")
    pages = pdf_pages(clients.editor.get(sheet_url(session)).content)
    assert len(pages) >= 2
    for index, page in enumerate(pages, start=1):
        assert action.title in page
        assert "Signature" in page
        assert f"Page {index} sur {len(pages)}" in page


def test_adding_by_hand_goes_through_the_service_and_keeps_the_reason(clients, per_session, first_target, sessions):
    form = clients.editor.get(ADD, {"action": per_session.action.pk, "session": sessions[0].pk})
    assert form.status_code == 200
    data = {
        "action": per_session.action.pk,
        "session": sessions[0].pk,
        "email": "nadia@example.org",
        "name": "Nadia  Benali",
        "reason": "Inscrite par téléphone",
    }
    response = clients.editor.post(ADD, data)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.name, registration.added_by_hand, registration.status) == (
        "Nadia Benali",
        "Inscrite par téléphone",
        RegistrationStatus.CONFIRMED,
    )


def test_adding_by_hand_to_a_full_session_needs_the_waiting_list_ticked(clients, per_session, first_target, sessions):
    add(first_target, "a@example.org")
    add(first_target, "b@example.org")
    data = {
        "action": per_session.action.pk,
        "session": sessions[0].pk,
        "email": "c@example.org",
        "name": "C",
        "reason": "R",
    }
    refused = clients.editor.post(ADD, data)
    assert refused.status_code == 400
    assert "Plus de place" in refused.content.decode()
    assert clients.editor.post(ADD, {**data, "waiting_if_full": "on"}).status_code == 302
    assert Registration.objects.get(email="c@example.org").status == RegistrationStatus.WAITING


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"session": "{other}"}, "n'appartient pas à l'action choisie"),
        ({"session": ""}, "choisissez la séance"),
        ({"session": "999999"}, "ne prend pas d'inscription ici"),
        ({"action": "999999"}, "ne prend pas d'inscription ici"),
        ({"reason": ""}, "Champ requis"),
        ({"email": "pas-une-adresse"}, "adresse"),
        ({"name": "Nadia\r\nBcc: x@example.org"}, ""),
        ({"name": "x" * 151}, "150"),
        ({"session": "{cancelled}"}, "Cette séance est annulée."),
        ({"session": "abc"}, "ne prend pas d'inscription ici"),
        ({"action": "abc"}, "ne prend pas d'inscription ici"),
        ({"session": "9" * 40}, "ne prend pas d'inscription ici"),
    ],
)
def test_hostile_additions_are_refused_in_french(clients, per_session, sessions, site_tree, overrides, message):
    # A session of another action that takes registrations too: the form must still refuse it here.
    other = ActionSessionFactory(starts_at=in_days(4), ends_at=in_days(4, hour=12))
    RegistrationSettings.objects.create(action=other.page, scope=RegistrationScope.PER_SESSION)
    cancelled = ActionSessionFactory(
        page=per_session.action, starts_at=in_days(6), ends_at=in_days(6, 12), cancelled=True
    )
    ids = {"{other}": other.pk, "{cancelled}": cancelled.pk}
    data = {
        "action": per_session.action.pk,
        "session": sessions[0].pk,
        "email": "nadia@example.org",
        "name": "Nadia Benali",
        "reason": "Par téléphone",
        **{key: str(ids.get(value, value)) for key, value in overrides.items()},
    }
    response = clients.editor.post(ADD, data)
    assert response.status_code == 400
    assert message in page_source(response)
    assert not Registration.objects.exists()


def test_moving_through_the_admin_promotes_the_next_waiting(clients, per_session, first_target, sessions):
    moving = add(first_target, "a@example.org")
    add(first_target, "b@example.org")
    waiting = add(first_target, "c@example.org")
    move = reverse("registrations_attendance:move", args=[moving.pk])
    listing = clients.editor.get("/admin/inscriptions/personnes/", {"action": per_session.action.pk})
    assert move in listing.content.decode()
    assert clients.editor.get(move).status_code == 200

    response = clients.editor.post(move, {"session": sessions[1].pk})
    assert response.status_code == 302
    moving.refresh_from_db()
    waiting.refresh_from_db()
    assert moving.session == sessions[1]
    assert waiting.status == RegistrationStatus.CONFIRMED


MOVE_REFUSALS = {
    "same": "Choisissez une autre séance de la même action.",
    "other_action": "Choisissez une autre séance de la même action.",
    "cancelled_session": "Choisissez une autre séance de la même action.",
    "999999": "Choisissez une autre séance de la même action.",
    "abc": "Choisissez une autre séance de la même action.",
    "-1": "Choisissez une autre séance de la même action.",
    "9" * 40: "Choisissez une autre séance de la même action.",
    "": "Champ requis",
}


@pytest.mark.parametrize(("session", "message"), MOVE_REFUSALS.items())
def test_forged_moves_are_refused_in_french(clients, per_session, first_target, sessions, site_tree, session, message):
    moving = add(first_target, "a@example.org")
    other = ActionSessionFactory(starts_at=in_days(4), ends_at=in_days(4, hour=12))
    RegistrationSettings.objects.create(action=other.page, scope=RegistrationScope.PER_SESSION)
    cancelled = ActionSessionFactory(
        page=per_session.action, starts_at=in_days(5), ends_at=in_days(5, 12), cancelled=True
    )
    value = {"same": sessions[0].pk, "other_action": other.pk, "cancelled_session": cancelled.pk}.get(session, session)
    response = clients.editor.post(reverse("registrations_attendance:move", args=[moving.pk]), {"session": value})
    assert response.status_code == 400
    assert message in page_source(response)
    moving.refresh_from_db()
    assert (moving.session, moving.status) == (sessions[0], RegistrationStatus.CONFIRMED)


def test_moving_to_a_full_session_is_refused_unless_the_waiting_list_is_ticked(clients, per_session, sessions):
    second = Target(settings=per_session, session=sessions[1])
    capacity_set(target=second, seats=1)
    add(second, "full@example.org")
    moving = add(Target(settings=per_session, session=sessions[0]), "a@example.org")
    move = reverse("registrations_attendance:move", args=[moving.pk])
    refused = clients.editor.post(move, {"session": sessions[1].pk})
    assert refused.status_code == 400
    assert "La séance choisie est complète" in page_source(refused)
    moving.refresh_from_db()
    assert moving.session == sessions[0]
    assert clients.editor.post(move, {"session": sessions[1].pk, "waiting_if_full": "on"}).status_code == 302
    moving.refresh_from_db()
    assert (moving.session, moving.status) == (sessions[1], RegistrationStatus.WAITING)


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("cancelled", "Seule une inscription confirmée ou en liste d'attente change de séance"),
        ("attended", "Seule une inscription confirmée ou en liste d'attente change de séance"),
        ("cycle", "Une inscription au cycle vaut pour toutes ses séances"),
    ],
)
def test_a_registration_that_cannot_move_is_refused_in_french(clients, action, sessions, team, state, message):
    if state == "cycle":
        settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
        registration = add(Target(settings=settings), "a@example.org")
    else:
        settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.PER_SESSION)
        held = ActionSessionFactory(page=action, starts_at=in_days(0, hour=0), ends_at=in_days(0, hour=23))
        registration = add(Target(settings=settings, session=held), "a@example.org")
        if state == "cancelled":
            registration_cancel(registration=registration)
        else:
            attendance_record(registration=registration, session=held, attended=True, by=team.editor)
    before = Registration.objects.values_list("session_id", "status").get(pk=registration.pk)
    move = reverse("registrations_attendance:move", args=[registration.pk])
    response = clients.editor.post(move, {"session": sessions[1].pk})
    assert response.status_code == 400
    assert message in page_source(response)
    assert Registration.objects.values_list("session_id", "status").get(pk=registration.pk) == before


@pytest.mark.parametrize("pk", ["424242", "abc", "-1", "9" * 40])
def test_moving_an_unknown_registration_is_404(clients, per_session, pk):
    assert clients.editor.post(f"{SESSIONS}changer-de-seance/{pk}/", {"session": 1}).status_code == 404


def _session_row(page, session):
    for row in parse(page.content.decode()).select("table.listing tbody tr"):
        cells = row.find_all("td")
        if text(cells[1]).startswith(date_format(localtime(session.starts_at), "l j F Y")):
            return cells
    raise AssertionError(f"no row for {session}")


def _session_row_links(page, session) -> dict[str, str]:
    """The links of the sessions listing's row of ``session``: text -> address."""
    return {text(anchor): anchor["href"] for anchor in _session_row(page, session)[-1].find_all("a")}


def _session_row_counts(page, session) -> list[str]:
    """Seats taken, waiting, present."""
    return [text(cell) for cell in _session_row(page, session)[2:5]]


def test_the_sessions_page_counts_seats_waiting_and_present(clients, team, today, action, sessions):
    came = add(today, "a@example.org")
    add(today, "b@example.org")
    add(today, "c@example.org")
    attendance_record(registration=came, session=today.session, attended=True, by=team.editor)
    assert _session_row_counts(clients.editor.get(SESSIONS), today.session) == ["2", "1", "1"]


def test_a_cycle_registration_takes_a_seat_at_each_session_of_the_listing(clients, action, sessions):
    settings = RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    add(Target(settings=settings), "a@example.org")
    page = clients.editor.get(SESSIONS)
    assert [_session_row_counts(page, session) for session in sessions] == [["1", "0", "0"], ["1", "0", "0"]]


def test_the_sessions_page_links_each_session_to_its_pages(clients, today, first_target):
    add(today, "a@example.org")
    page = clients.editor.get(SESSIONS)
    assert page.status_code == 200
    session, action_id = today.session, today.settings.action_id
    links = _session_row_links(page, session)
    assert links == {
        "Inscrit·e·s": f"/admin/inscriptions/personnes/?action={action_id}&session={session.pk}",
        "Émargement": attendance_url(session),
        "Feuille d'émargement (PDF)": sheet_url(session),
        "Écrire aux inscrit·e·s": f"/admin/inscriptions/message/{action_id}/{session.pk}/",
        "Ajouter": f"{ADD}?action={action_id}&session={session.pk}",
    }
    for label, url in links.items():
        response = clients.editor.get(url)
        assert response.status_code == 200, label
    assert "a@example.org" in text(parse(clients.editor.get(links["Inscrit·e·s"]).content.decode()))
    assert clients.editor.get(links["Feuille d'émargement (PDF)"])["Content-Type"] == "application/pdf"
    assert "1 personne" in text(parse(clients.editor.get(links["Écrire aux inscrit·e·s"]).content.decode()))


def test_a_cycle_session_links_to_the_whole_action_registrations_and_message(clients, action, sessions):
    RegistrationSettings.objects.create(action=action, scope=RegistrationScope.WHOLE_ACTION)
    links = _session_row_links(clients.editor.get(SESSIONS), sessions[0])
    assert links["Inscrit·e·s"] == f"/admin/inscriptions/personnes/?action={action.pk}"
    assert links["Écrire aux inscrit·e·s"] == f"/admin/inscriptions/message/{action.pk}/"
    assert links["Ajouter"] == f"{ADD}?action={action.pk}"
    for label, url in links.items():
        assert clients.editor.get(url).status_code == 200, label


def _refused(response) -> bool:
    """Wagtail's refusal: a 403, or the redirect to the admin's home with its message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_a_role_without_registrations_is_refused_every_page_of_the_listing(clients, today, first_target):
    registration = add(today, "a@example.org")
    links = _session_row_links(clients.editor.get(SESSIONS), today.session)
    board = clients.board[0]
    assert _refused(board.get(SESSIONS))
    for label, url in links.items():
        assert _refused(board.get(url)), label
    message = links["Écrire aux inscrit·e·s"]
    assert _refused(board.post(message, {"subject": "Objet", "body": "Texte"}))
    assert _refused(board.post(links["Émargement"], {"registration": registration.pk, "attended": "1"}))
    assert not Attendance.objects.exists()
    assert not SessionMessage.objects.exists()


def test_the_view_only_role_sees_the_listing_without_the_pages_that_write(clients, team, today, client_for):
    add(today, "a@example.org")
    viewer = team.board[1]
    viewer.user_permissions.add(
        Permission.objects.get(codename="view_registration"),
        Permission.objects.get(codename="access_admin"),
    )
    links = _session_row_links(client_for(viewer).get(SESSIONS), today.session)
    assert set(links) == {"Inscrit·e·s", "Feuille d'émargement (PDF)"}
