"""Requests per second and p50/p95 latency of the production server, next to static files.

Run from the repository root: `.venv/bin/python bench/http.py [--quick]`.
It builds the demo in a throw-away SQLite database, collects the static files, then serves
the project with gunicorn (gthread workers, keep-alive) under `config.settings.production`
with local values for the required variables (DEBUG off, HTTPS redirect off since nothing
speaks TLS here, the cache in the local Redis under a key prefix of its own). For each of an
API list, an API detail, the home page, an action page and the agenda it measures the
first answer (cold: the measured server has a cache of its own), then a few keep-alive
connections hammering the URL, then a static file of the same size served by the same
server (whitenoise) in the same run. The figure is each URL's throughput as a ratio to
its static twin (how many times fewer requests per second); the final line is the median.
"""

from _support import (  # first: this file is named like the standard library's http package
    HOST,
    ROOT,
    free_port,
    production_environment,
)

# isort: split
import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PYTHON = sys.executable


def _redis_answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or HOST, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _environment(workdir: Path, port: int, redis_url: str) -> dict[str, str]:
    database_url = f"sqlite:///{workdir}/bench.sqlite3"
    return production_environment(
        workdir=workdir, port=port, database_url=database_url, redis_url=redis_url, name="http"
    )


def _manage(env: dict[str, str], *args: str) -> None:
    # Fixed commands of the project itself.
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


# The test settings fix MEDIA_ROOT to the repository's test folder: the demo's files must land
# where the production server reads them.
_BUILD_SCRIPT = """
import os, sys, django
django.setup()
from django.conf import settings
from django.core.management import call_command
settings.MEDIA_ROOT = os.environ["MEDIA_ROOT"]
call_command(*sys.argv[1:])
"""


def _build(workdir: Path, env: dict[str, str]) -> None:
    """Migrate and load the demo with in-process tasks (test settings), then collect static files."""
    build_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.test", "REDIS_URL": ""}
    for command in ("migrate", "load_demo"):
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 (the project's own commands)
            [PYTHON, "-c", _BUILD_SCRIPT, command, "--verbosity=0"],
            cwd=ROOT,
            env=build_env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"{command}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    _manage(env, "collectstatic", "--noinput", "--verbosity=0")


class Server:
    def __init__(self, env: dict[str, str], port: int) -> None:
        self.env, self.port = env, port
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--bind={HOST}:{self.port}",
            "--workers=2",
            "--worker-class=gthread",
            "--threads=4",
            "--keep-alive=30",
            "--log-level=warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)  # noqa: S603
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection((HOST, self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(timeout=120)


def _get(connection: http.client.HTTPConnection, url: str) -> bytes:
    """GET a path on the default site, or an absolute URL on the site its host names (a demo centre's)."""
    parts = urlsplit(url)
    path = urlunsplit(("", "", parts.path, parts.query, ""))
    connection.request("GET", path, headers={"Host": parts.netloc or HOST})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{url}: HTTP {response.status}")
    return body


def _measure(port: int, path: str, requests: int, connections: int) -> dict[str, float]:
    """Throughput and latency of ``requests`` GETs spread over keep-alive connections."""
    latencies: list[float] = []
    lock = threading.Lock()
    ready = threading.Barrier(connections + 1)

    def worker(count: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        _get(connection, path)  # open the connection and warm the cache, outside the clock
        ready.wait()
        mine = []
        for _ in range(count):
            start = time.perf_counter()
            _get(connection, path)
            mine.append(time.perf_counter() - start)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(requests // connections,)) for _ in range(connections)]
    for thread in threads:
        thread.start()
    ready.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def _targets(env: dict[str, str]) -> dict[str, str]:
    """The URLs, read from the demo database: the pages are those of the first action's centre site."""
    script = (
        "import django; django.setup()\n"
        "from publications.models import ActionPage, AgendaPage\n"
        "action = ActionPage.objects.live().public().order_by('pk').first()\n"
        "site = action.get_site()\n"
        "agenda = AgendaPage.objects.live().public().descendant_of(site.root_page).first()\n"
        "print(action.pk); print(action.full_url); print(agenda.full_url); print(site.root_url)\n"
    )
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.test", "REDIS_URL": ""},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    action_id, action_url, agenda_url, home_url = output[-4:]
    return {
        "API list": "/api/actions/?limit=20",
        "API detail": f"/api/actions/{action_id}",
        "home page": f"{home_url}/",
        "action page": action_url,
        "agenda": agenda_url,
    }


def _cold_ms(port: int, path: str) -> float:
    """The first answer for ``path`` after every cached answer was made stale (a cold cache)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    start = time.perf_counter()
    _get(connection, path)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer requests, under a minute")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    args = parser.parse_args()
    requests, connections = (200, 4) if args.quick else (2000, 4)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if not _redis_answers(args.redis_url):
            sys.exit(f"No Redis answers at {args.redis_url}: production settings require one (--redis-url).")
        env = _environment(workdir, port, args.redis_url)
        _build(workdir, env)
        targets = _targets(env)

        # Static twins of the same size as each answer, served by whitenoise from STATIC_ROOT.
        with Server(env, port):
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
            sizes = {name: len(_get(connection, path)) for name, path in targets.items()}
            connection.close()
        # A cache of its own for the measured server: each URL's first answer is rendered (cold).
        env["CACHE_KEY_PREFIX"] += "-measured"
        static_dir = workdir / "static" / "bench"
        static_dir.mkdir(parents=True, exist_ok=True)
        for index, size in enumerate(sizes.values()):
            (static_dir / f"twin-{index}.txt").write_bytes(secrets.token_hex(size // 2 + 1).encode()[:size])

        ratios = []
        print(f"gunicorn gthread 2×4, {connections} keep-alive connections, {requests} requests each")
        print(
            f"{'URL':<12} {'bytes':>7} {'cold ms':>8} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} | "
            f"static {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} | ratio"
        )
        with Server(env, port):
            for index, (name, path) in enumerate(targets.items()):
                cold = _cold_ms(port, path)
                page = _measure(port, path, requests, connections)
                static = _measure(port, f"/static/bench/twin-{index}.txt", requests, connections)
                ratio = static["rps"] / page["rps"]
                ratios.append(ratio)
                print(
                    f"{name:<12} {sizes[name]:>7} {cold:>8.1f} {page['rps']:>8.0f} {page['p50']:>7.2f} "
                    f"{page['p95']:>7.2f} | "
                    f"static {static['rps']:>8.0f} {static['p50']:>7.2f} {static['p95']:>7.2f} | {ratio:.2f}"
                )
        print(f"ratio: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
