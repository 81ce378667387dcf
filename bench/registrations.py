"""No overbooking under a crowd: N concurrent clients register for a session of 100 seats over HTTP.

Run from the repository root: `.venv/bin/python bench/registrations.py [--quick]`.
It creates a throw-away PostgreSQL database (models straight to tables, bench/_support.py), one
live action with one session of 100 seats and a waiting list, then serves the project with
gunicorn (gthread workers) under `config.settings.production`: Redis db 7 for the cache and the
broker (no worker runs: the emails wait in the queue, which is emptied at the end), rate limits
raised through the environment. Each client first GETs the form (its CSRF token, off the clock),
then all POST at once; the same clients then GET the action page at once, in the same run.

It prints confirmed, waiting and overbooked (confirmed beyond the seats: must be 0), the p50/p95
latency of a registration next to a plain GET of the action page, and last
`ratio: <p95 registration / p95 page GET>`.
"""

from _support import (  # first: bench/http.py shadows http
    DEFAULT_SERVER,
    HOST,
    database_create,
    free_port,
    production_environment,
)

# isort: split
import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

PYTHON = sys.executable
ROOT = Path(__file__).resolve().parent.parent
SEATS = 100
DATABASE = "bench_crpv_registrations"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _content() -> tuple[int, int, str]:
    """One live action with one session of SEATS seats: the action's id, the session's, the page path."""
    import datetime

    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Collection, Locale, Page

    from registrations.models import RegistrationScope, RegistrationSettings, SessionCapacity
    from tests import factories

    # What Wagtail's data migrations would have created.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.add_root(instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)))
    Collection.add_root(name="Root")
    home = factories.HomePageFactory(parent=root)
    programmes = factories.ProgrammeIndexPageFactory(parent=home)
    programme = factories.ProgrammePageFactory(parent=programmes)
    action = factories.ActionPageFactory(parent=programme, title="Journée régionale des conseils citoyens")
    starts = timezone.now() + datetime.timedelta(days=20)
    session = factories.ActionSessionFactory(
        page=action, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3)
    )
    RegistrationSettings.objects.create(action=action, scope=RegistrationScope.PER_SESSION)
    SessionCapacity.objects.create(session=session, seats=SEATS)
    return action.pk, session.pk, action.url


def _environment(port: int, database_url: str, redis_url: str, workdir: Path) -> dict[str, str]:
    extra = {
        "CELERY_BROKER_URL": redis_url,
        # Every client comes from 127.0.0.1: the per-address limit would stop the crowd at 20.
        "REGISTRATIONS_RATE_LIMIT_PER_IP": "1000000",
        "REGISTRATIONS_RATE_LIMIT_PER_EMAIL": "1000000",
    }
    return production_environment(
        workdir=workdir, port=port, database_url=database_url, redis_url=redis_url, name="registrations", extra=extra
    )


def _serve(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        f"--bind={HOST}:{port}",
        "--workers=2",
        "--worker-class=gthread",
        "--threads=4",
        "--backlog=2048",
        "--timeout=900",
        "--log-level=warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=5)
            connection.request("GET", "/", headers={"Host": HOST})
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


class Client:
    """One person: their connection, their CSRF cookie and token."""

    def __init__(self, port: int, number: int) -> None:
        self.connection = http.client.HTTPConnection(HOST, port, timeout=900)
        self.number = number
        self.cookie = ""
        self.token = ""

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = {"Host": HOST}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        # A new connection per request, as separate people would open: none idles out between steps.
        self.connection.close()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("csrftoken="):
                self.cookie = value.split(";", 1)[0]
        return response.status, content

    def prepare(self, form_path: str) -> None:
        status, content = self.request("GET", form_path)
        match = TOKEN.search(content.decode())
        if status != 200 or match is None:
            raise RuntimeError(f"{form_path}: HTTP {status}, no CSRF token")
        self.token = match.group(1)

    def register(self, form_path: str, session_id: int) -> int:
        data = {
            "csrfmiddlewaretoken": self.token,
            "email": f"personne.{self.number}@example.org",
            "session": str(session_id),
            "name": f"Personne {self.number}",
            "organisation": "Ville de Saint-Denis",
            "role": "professional",
            "consent": "on",
            "website": "",
        }
        status, _content = self.request("POST", form_path, urlencode(data))
        return status


def _crowd(clients: list[Client], job) -> tuple[list[float], list]:  # type: ignore[no-untyped-def]
    """Run ``job(client)`` in every client at the same instant; latencies (ms) and results."""
    latencies: list[float] = []
    results: list = []
    lock = threading.Lock()
    ready = threading.Barrier(len(clients))

    def run(client: Client) -> None:
        ready.wait()
        start = time.perf_counter()
        try:
            result = job(client)
        except OSError as error:
            print(f"client {client.number}: {error}", file=sys.stderr)
            result = -1
        elapsed = (time.perf_counter() - start) * 1000
        with lock:
            latencies.append(elapsed)
            results.append(result)

    threads = [threading.Thread(target=run, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return latencies, results


def _p95(latencies: list[float]) -> float:
    return latencies[max(int(len(latencies) * 0.95) - 1, 0)]


def _queue_empty(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url).flushdb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="150 clients instead of 500")
    parser.add_argument("--clients", type=int, default=None)
    parser.add_argument("--server", default=os.environ.get("BENCH_DATABASE_SERVER", DEFAULT_SERVER))
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    args = parser.parse_args()
    count = args.clients or (150 if args.quick else 500)

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        original = database_create(args.server, tmp, name=DATABASE)
        from django.db import connection

        try:
            action_id, session_id, page_path = _content()
            connection.close()
            parts = urlsplit(args.server)
            database_url = urlunsplit((parts.scheme, parts.netloc, f"/{DATABASE}", "", ""))
            port = free_port()
            env = _environment(port, database_url, args.redis_url, workdir)
            # Pages name their static files through the manifest, as in production.
            subprocess.run(  # noqa: S603
                [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity=0"], cwd=ROOT, env=env, check=True
            )
            server = _serve(env, port)
            try:
                form_path = f"/inscriptions/action/{action_id}/"
                clients = [Client(port, number) for number in range(count)]
                for client in clients:
                    client.prepare(form_path)
                registered, statuses = _crowd(clients, lambda client: client.register(form_path, session_id))
                viewed, views = _crowd(clients, lambda client: client.request("GET", page_path)[0])
            finally:
                server.terminate()
                try:
                    server.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
            from registrations.models import Registration, RegistrationStatus

            confirmed = Registration.objects.filter(session_id=session_id, status=RegistrationStatus.CONFIRMED).count()
            waiting = Registration.objects.filter(session_id=session_id, status=RegistrationStatus.WAITING).count()
            connection.close()
        finally:
            connection.creation.destroy_test_db(original, verbosity=0)
            _queue_empty(args.redis_url)

    errors = sum(status != 200 for status in statuses) + sum(status != 200 for status in views)
    ratio = _p95(registered) / _p95(viewed)
    print(f"{count} concurrent clients, {SEATS} seats, gunicorn gthread 2×4, production settings, PostgreSQL")
    print(f"confirmed: {confirmed}")
    print(f"waiting: {waiting}")
    print(f"overbooked: {max(confirmed - SEATS, 0)}")
    print(f"HTTP errors: {errors}")
    print(f"registration (POST): p50 {statistics.median(registered):.0f} ms, p95 {_p95(registered):.0f} ms")
    print(f"action page (GET):   p50 {statistics.median(viewed):.0f} ms, p95 {_p95(viewed):.0f} ms")
    print(f"ratio: {ratio:.2f}")


if __name__ == "__main__":
    main()
