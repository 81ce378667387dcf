"""No overbooking, ever: many people registering at the same second for the last seats, through HTTP.

Each client is a real HTTP client of the live server (one thread per request on the server side, one
database connection each): the seats' row lock serialises them, so exactly as many get a seat as
there are seats and the others wait, in order of arrival.
"""

import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import pytest
from django.db import connection

from registrations.models import Registration, RegistrationStatus, SessionCapacity

pytestmark = [
    # The live server needs committed data; the migration's groups and workflows are restored after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.slow,
    # The test database of SQLite is in shared memory, where concurrent writers get « table is
    # locked » at once instead of waiting: the file database of the quick start waits (IMMEDIATE, timeout).
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL here"),
]

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _register(base_url: str, action_id: int, session_id: int, number: int) -> int:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    form_url = f"{base_url}/inscriptions/action/{action_id}/"
    token = CSRF_INPUT.search(opener.open(form_url, timeout=60).read().decode()).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "email": f"personne{number}@example.org",
            "session": session_id,
            "name": f"Personne {number}",
            "consent": "on",
        }
    ).encode()
    # The live server's own http:// address.
    request = urllib.request.Request(form_url, data=data, headers={"Referer": form_url})  # noqa: S310
    return opener.open(request, timeout=120).status


def test_concurrent_registrations_never_overbook(live_server, settings, first_target):
    settings.REGISTRATIONS_RATE_LIMIT_PER_IP = 10_000
    clients, seats = 40, 15
    SessionCapacity.objects.filter(session=first_target.session).update(seats=seats)

    # Ten at a time: what the test server's listen queue takes (bench/registrations.py sends more to gunicorn).
    with ThreadPoolExecutor(max_workers=10) as pool:
        futures = [
            pool.submit(_register, live_server.url, first_target.settings.action_id, first_target.session.pk, number)
            for number in range(clients)
        ]
        answers = [future.result() for future in futures]

    assert answers == [200] * clients
    registrations = Registration.objects.filter(session=first_target.session)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == seats
    assert registrations.filter(status=RegistrationStatus.WAITING).count() == clients - seats
    # The waiting list keeps the order in which the database took them: confirmed ones all came first.
    ordered = list(registrations.order_by("created_at", "pk").values_list("status", flat=True))
    assert ordered == [RegistrationStatus.CONFIRMED] * seats + [RegistrationStatus.WAITING] * (clients - seats)
