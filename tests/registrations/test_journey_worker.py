"""Issue 12's « Done when » as one journey, through the real admin, site, worker and SMTP server.

An editor opens registrations on an action (one session of one seat, a waiting list); two visitors
register through the public form, one gets the seat, the other waits; the first cancels through the
signed link of their email and the second is promoted; beat's reminder task reaches them; the editor
ticks them present at the door; the action page and the typed API show the count, and no name.

Every email goes the production way: queued in the outbox, published to Redis when the request's
transaction commits, sent by a real Celery worker (another process, on the test database) through a
real SMTP server running here. Only meaningful on PostgreSQL and Redis, as in production.
"""

import contextlib
import datetime
import re
import time
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.celery import app
from registrations import tasks
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from tests import workers
from tests.factories.pages import ActionPageFactory, ActionSessionFactory, ProgrammePageFactory
from tests.html import page_source, parse, section, text
from tests.outages import celery_broker
from tests.public_cache import csrf_tokens
from tests.registrations.conftest import form_data, settings_data
from tests.smtp import Received, SmtpServer

WAIT_SECONDS = 60
SKIP_REASON = workers.skip_reason()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SKIP_REASON is not None, reason=SKIP_REASON or "")]

TITLE = "Atelier des conseils citoyens"
FIRST = "nadia.benali@example.org"
SECOND = "julien.morel@example.org"
LINK = re.compile(r"https?://[^/\s]+(/inscriptions/[^\s/]+/)")


@contextlib.contextmanager
def published_to(queue: str) -> Iterator[None]:
    """This process publishes for real to Redis, every task on ``queue`` (the worker's own)."""
    saved_routes = app.conf.task_routes
    app.conf.task_routes = {"*": {"queue": queue}}
    # Celery builds its router once from the routes: rebuilt now, and again after the block.
    app.amqp.__dict__.pop("router", None)
    app.amqp.flush_routes()
    try:
        with celery_broker(url=settings.CELERY_BROKER_URL, transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS):
            yield
    finally:
        app.conf.task_routes = saved_routes
        app.amqp.__dict__.pop("router", None)
        app.amqp.flush_routes()


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def worker(smtp, tmp_path):
    """A worker on a queue of its own, sending through ``smtp``; without beat, whose task the test
    sends itself (the reminders are due at once here: beat's own run would race the journey)."""
    queue = workers.queue_name("crpv-journey")
    log_path = tmp_path / "worker.log"
    process = workers.worker_start(
        db_url=workers.database_url(connection.settings_dict),
        queue=queue,
        log_path=log_path,
        schedule_path=tmp_path / "beat-schedule",
        settings_module="tests.sending.worker_settings",  # mail over real SMTP
        extra_env={"EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}"},
        beat=False,
    )
    try:
        with published_to(queue):
            yield process, log_path
    finally:
        workers.worker_stop(process)


def later_today() -> datetime.datetime:
    """A start later today (Paris time): the reminder is due, and the door's page open the same day."""
    now = timezone.localtime()
    last_minute = now.replace(hour=23, minute=59, second=0, microsecond=0)
    return min(now + datetime.timedelta(hours=1), last_minute)


@pytest.fixture
def action(site_tree):
    programme = ProgrammePageFactory(parent=site_tree.programmes)
    page = ActionPageFactory(parent=programme, title=TITLE)
    starts_at = later_today()
    if starts_at <= timezone.now() + datetime.timedelta(seconds=WAIT_SECONDS * 4):
        pytest.skip("too close to midnight in Paris for a session later today")
    ActionSessionFactory(page=page, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2))
    return page


def subject(received: Received) -> str:
    # Django folds a long encoded subject right after « Subject: »; a mail client drops that space.
    return str(received.message["Subject"]).strip()


def mail_to(smtp: SmtpServer, worker, recipient: str, subject_start: str) -> Received:
    """The message to ``recipient`` whose subject starts so, once it reaches the SMTP server."""
    process, log_path = worker
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        for received in smtp.received:
            if received.recipient == recipient and subject(received).startswith(subject_start):
                return received
        assert process.poll() is None, f"the worker stopped:\n{log_path.read_text()[-3000:]}"
        time.sleep(0.2)
    seen = [(received.recipient, subject(received)) for received in smtp.received]
    pytest.fail(f"no « {subject_start} » to {recipient} in {seen}; worker log:\n{log_path.read_text()[-3000:]}")


def plain_text(received: Received) -> str:
    return received.message.get_body(preferencelist=("plain",)).get_content()


def calendar_parts(received: Received) -> list[str]:
    return [part.get_content() for part in received.message.walk() if part.get_content_type() == "text/calendar"]


def registration_link(received: Received) -> str:
    """The signed link to the person's registration page, which every email carries."""
    return LINK.search(plain_text(received)).group(1)


def state_seen(received: Received) -> str:
    """What the person's registration page, opened from their email, says of it."""
    response = Client().get(registration_link(received))
    assert response.status_code == 200
    return re.search(r"État : (.+?) \(adresse", text(parse(response))).group(1)


def posted(client: Client, url: str, data: dict[str, str], *, form_page: str | None = None):
    """A POST as the browser makes it: the token read from the form's page (``url`` by default)."""
    [token, *_others] = csrf_tokens(client.get(form_page or url))
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def register(action, email: str, name: str) -> str:
    """A visitor fills the form of the action page; the answer's text."""
    visitor = Client(enforce_csrf_checks=True)
    session = action.sessions.get()
    response = posted(
        visitor,
        reverse("registrations:register", args=[action.pk]),
        form_data(session, email=email, name=name),
        form_page=action.url,
    )
    assert response.status_code == 200, response.content.decode()[-2000:]
    return response.content.decode()


def editor_opens_registrations(editor: Client, action) -> None:
    session = action.sessions.get()
    response = editor.post("/admin/inscriptions/actions/new/", settings_data(action))
    assert response.status_code == 302, response.content.decode()[-2000:]
    edit = f"/admin/inscriptions/actions/edit/{RegistrationSettings.objects.get(action=action).pk}/"
    response = editor.post(edit, settings_data(action, **{f"seats_{session.pk}": "1"}))
    assert response.status_code == 302, response.content.decode()[-2000:]


def availability_seen(action) -> tuple[str, dict]:
    """The action page's « Inscription » section, and the registration state of its session in the typed API."""
    page = text(section(parse(Client().get(action.url)), "Inscription"))
    body = Client().get(f"/api/actions/{action.pk}", HTTP_HOST="localhost").json()
    [session] = body["sessions"]
    return page, {key: session["registration"][key] for key in ("state", "seats", "seats_left")}


def public_facts(action) -> tuple[str, dict, str]:
    """The action page's « Participation » section, the typed API's body and the page's whole source."""
    response = Client().get(action.url)
    body = Client().get(f"/api/actions/{action.pk}", HTTP_HOST="localhost").json()
    return text(section(parse(response), "Participation")), body, page_source(response)


@pytest.mark.django_db(transaction=True, serialized_rollback=SKIP_REASON is None)
def test_registrations_journey__admin_site_worker_and_smtp(
    action, team, client_for: Callable, smtp: SmtpServer, worker
):
    editor = client_for(team.editor)
    session = action.sessions.get()

    # 1. The editor opens registrations: one session, one seat, a waiting list.
    editor_opens_registrations(editor, action)
    page, api = availability_seen(action)
    assert "1 place restante" in page
    assert api == {"state": "ouvertes", "seats": 1, "seats_left": 1}

    # 2. Two visitors register: the first gets the seat, the second waits; each gets their email.
    first_answer = register(action, FIRST, "Nadia Benali")
    second_answer = register(action, SECOND, "Julien Morel")
    assert first_answer == second_answer, "the answer tells nobody who got a seat"
    confirmed = mail_to(smtp, worker, FIRST, f"Inscription confirmée : {TITLE}")
    [invitation] = calendar_parts(confirmed)
    assert "METHOD:REQUEST" in invitation
    assert f"UID:{session.uid}" in invitation.replace("\r\n ", "")
    waiting = mail_to(smtp, worker, SECOND, f"Liste d'attente : {TITLE}")
    assert calendar_parts(waiting) == []
    assert (state_seen(confirmed), state_seen(waiting)) == ("Confirmée", "Liste d'attente")
    full = availability_seen(action)
    assert "Liste d'attente" in full[0]
    assert "restante" not in full[0]
    assert full[1] == {"state": "liste_attente", "seats": 1, "seats_left": 0}

    # 3. The first cancels through the signed link of their email (a POST): the second is promoted.
    link = registration_link(confirmed)
    visitor = Client(enforce_csrf_checks=True)
    assert visitor.get(f"{link}annuler/").status_code == 405, "a GET never cancels"
    response = posted(visitor, f"{link}annuler/", {}, form_page=link)
    assert response.status_code == 200
    assert f"Votre inscription à « {TITLE} » est annulée" in text(parse(response))
    cancelled = mail_to(smtp, worker, FIRST, f"Inscription annulée : {TITLE}")
    assert "METHOD:CANCEL" in calendar_parts(cancelled)[0]
    promoted = mail_to(smtp, worker, SECOND, f"Une place s'est libérée : {TITLE}")
    assert "METHOD:REQUEST" in calendar_parts(promoted)[0]
    assert (state_seen(cancelled), state_seen(promoted)) == ("Annulée", "Confirmée")
    assert availability_seen(action) == full, "the promoted person holds the seat freed"
    replayed = posted(visitor, f"{link}annuler/", {}, form_page=action.url)
    assert "Cette inscription était déjà annulée." in text(parse(replayed))
    assert dict(Registration.objects.values_list("email", "status")) == {
        FIRST: RegistrationStatus.CANCELLED,
        SECOND: RegistrationStatus.CONFIRMED,
    }

    # 4. Beat's reminder task, sent to the broker as beat sends it: the seated person only.
    tasks.reminders_send.apply_async()
    mail_to(smtp, worker, SECOND, f"Rappel : {TITLE}")
    reminders = [received.recipient for received in smtp.received if subject(received).startswith("Rappel")]
    assert reminders == [SECOND]

    # 5. At the door, the editor ticks the promoted person present.
    attendance = reverse("registrations_attendance:attendance", args=[session.pk])
    promoted_registration = Registration.objects.get(email=SECOND)
    response = posted(editor, attendance, {"registration": str(promoted_registration.pk), "attended": "1"})
    assert response.status_code == 302
    door = text(parse(editor.get(attendance)))
    assert "Julien Morel" in door
    assert "✓ présent·e" in door
    assert "Nadia Benali" not in door

    # 6. The public sees the count, never a name.
    participation, body, source = public_facts(action)
    assert "1 participant·e présent·e" in participation
    assert "Professionnel·le : 1" in participation
    assert body["attendance"]["total"] == 1
    assert {line["code"]: line["count"] for line in body["attendance"]["by_role"]} == {"professional": 1}
    for secret in ("Julien", "Morel", "Nadia", "Benali", "@example.org"):
        assert secret not in source
        assert secret not in str(body)

    # Each email once: the replayed cancellation and the tick at the door sent nothing.
    assert sorted((received.recipient, subject(received).split(" : ")[0]) for received in smtp.received) == [
        (SECOND, "Liste d'attente"),
        (SECOND, "Rappel"),
        (SECOND, "Une place s'est libérée"),
        (FIRST, "Inscription annulée"),
        (FIRST, "Inscription confirmée"),
    ]
