"""The production stack of docker-compose.yml, minus Docker: gunicorn on PostgreSQL and Redis.

What the containers would run is read from docker-compose.yml (the app services' environment and
the web service's command, which repeats the Dockerfile's CMD), so that the suite follows the file
rather than a copy of it. Only what points at the compose network changes: the database is a fresh
one on the machine's PostgreSQL (``DATABASE_URL`` names the server), Redis is ``REDIS_URL``, mail
goes to a local SMTP sink, static and media files live in a temporary folder, gunicorn binds a
local port, and Elasticsearch (optional in production) is left out: search uses PostgreSQL.

Preparing the database runs, as compose and the Dockerfile do, ``migrate`` (the one-shot
``migrate`` service) and ``collectstatic`` (the image build), then ``load_demo`` (the quick
start's content, without its accounts) so that every page type exists.
"""

import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import yaml
from psycopg import sql

from tests.config.test_docker_compose import environment, interpolate
from tests.workers import redis_reachable

ROOT = Path(__file__).resolve().parents[2]
# The interpreter running the suite (the project's venv) and its gunicorn: what the image installs.
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# The ports this suite's servers try first (then any free one).
PORTS = range(8160, 8170)
# Nothing listens there: the address a server is given for a Redis that is down.
CLOSED_REDIS_URL = "redis://127.0.0.1:6397/0"
# Port 1 (tcpmux) is never served on a development or CI machine: connections are refused at once.
CLOSED_DATABASE_URL = "postgres://crpv@127.0.0.1:1/crpv"
START_TIMEOUT = 90
REQUEST_TIMEOUT = 30
# What the TLS-terminating proxy in front of gunicorn adds to every request it passes on.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
# The proxy's view of the client when a test does not name one (TEST-NET-3, RFC 5737).
DEFAULT_CLIENT = "203.0.113.1"


def skip_reason() -> str | None:
    """Why the production suite cannot run here (it needs the PostgreSQL and Redis it runs on), or None."""
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        return "production suite: needs DATABASE_URL on PostgreSQL (a database is created there for gunicorn)"
    if not redis_url:
        return "production suite: needs REDIS_URL (production's cache and broker)"
    if not redis_reachable(redis_url):
        return f"production suite: Redis at REDIS_URL ({redis_url}) does not answer"
    try:
        psycopg.connect(database_url, connect_timeout=3).close()
    except psycopg.Error as error:
        return f"production suite: PostgreSQL at DATABASE_URL does not answer ({error})"
    return None


def compose_services() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def port_pick(taken: set[int]) -> int:
    for port in PORTS:
        if port not in taken and port_free(port):
            return port
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def database_url_with_name(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@contextlib.contextmanager
def database_create(*, server_url: str, name: str) -> Iterator[str]:
    """A fresh, empty database on ``server_url``'s PostgreSQL for the block; its URL; dropped after."""
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield database_url_with_name(server_url, name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def app_environment(
    *, database_url: str, redis_url: str, base_url: str, smtp_url: str, state_dir: Path, cache_prefix: str
) -> dict[str, str]:
    """docker-compose.yml's web environment, pointed at this machine's services.

    Nothing of the runner's environment leaks in (PATH and the locale only): the server sees what
    a container would. ``cache_prefix`` keeps each run's cache, hence its throttling counters,
    apart from any other run on the same Redis database.
    """
    variables = environment(compose_services()["web"])
    shell = {"SECRET_KEY": secrets.token_urlsafe(50)}
    app = {name: interpolate(value, shell) for name, value in variables.items()}
    app.pop("ELASTICSEARCH_URL", None)
    app.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        BASE_URL=base_url,
        EMAIL_URL=smtp_url,
        STATIC_ROOT=str(state_dir / "static"),
        MEDIA_ROOT=str(state_dir / "media"),
        CACHE_KEY_PREFIX=cache_prefix,
        # Production's default, said here because the throttling tests depend on it.
        TRUSTED_PROXY_COUNT="1",
        # The demo's centres answer their own names (irev.localhost…) beside BASE_URL's.
        ALLOWED_HOSTS=f"{app['ALLOWED_HOSTS']},.localhost",
    )
    return {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', os.defpath)}",
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        **app,
    }


def gunicorn_command(*, port: int) -> list[str]:
    """The web service's command (the Dockerfile's CMD), bound to a local port."""
    command = list(compose_services()["web"]["command"])
    command[command.index("--bind") + 1] = f"{HOST}:{port}"
    return command


def manage(env: Mapping[str, str], *args: str, log_path: Path) -> None:
    """``python manage.py *args`` as the compose services run it; fails with the command's output."""
    with log_path.open("a") as log:
        result = subprocess.run(  # noqa: S603 (the project's own interpreter, fixed arguments)
            [shutil.which("python", path=env["PATH"]), "manage.py", *args],
            cwd=ROOT,
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
            timeout=600,
        )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{log_tail(log_path)}")


def log_tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(self.headers.get_content_charset() or "utf-8", errors="replace")

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type()


@dataclass
class Server:
    """One gunicorn running the production settings; ``request`` speaks to it as the proxy would."""

    port: int
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def origin(self) -> str:
        """The site's public origin as browsers see it, behind the TLS proxy."""
        return f"https://{HOST}:{self.port}"

    def start(self) -> None:
        log = self.log_path.open("a")
        self.process = subprocess.Popen(  # noqa: S603 (gunicorn from the project's venv, fixed arguments)
            gunicorn_command(port=self.port),
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self._wait_until_answering()

    def _wait_until_answering(self) -> None:
        """Until gunicorn answers the compose health check's request (any status: a broken
        configuration is what some tests want to see)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{log_tail(self.log_path)}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                self.request("GET", "/admin/login/", timeout=5)
                return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT} s:\n{log_tail(self.log_path)}")

    def stop(self) -> None:
        """SIGTERM (gunicorn's graceful stop) to its session, SIGKILL if it lingers."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        client: str = DEFAULT_CLIENT,
        timeout: float = REQUEST_TIMEOUT,
    ) -> Response:
        """One request through the proxy: HTTPS said in X-Forwarded-Proto, ``client`` in X-Forwarded-For.

        No redirect is followed and no status raises: the tests look at what the server said.
        """
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request(
                method,
                path,
                body=body,
                headers={**PROXY_HEADERS, "X-Forwarded-For": client, **(headers or {})},
            )
            response = connection.getresponse()
            return Response(status=response.status, headers=response.headers, body=response.read())
        finally:
            connection.close()

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def get_url(self, url: str, **kwargs) -> Response:
        """GET a URL the site printed, from the site its host names (each site answers on every port)."""
        host = urlsplit(url).netloc
        headers = {**({"Host": host} if host else {}), **kwargs.pop("headers", {})}
        return self.get(self.path_of(url), headers=headers, **kwargs)

    def path_of(self, url: str) -> str:
        """The path and query of a URL the site printed (absolute or not)."""
        parts = urlsplit(url)
        return urlunsplit(("", "", parts.path, parts.query, ""))


@dataclass
class Stack:
    """The prepared database and its environment; servers started on it with variations."""

    env: dict[str, str]
    state_dir: Path
    servers: list[Server] = field(default_factory=list)

    def server_start(self, *, name: str, **overrides: str) -> Server:
        port = port_pick({server.port for server in self.servers})
        base_url = f"http://{HOST}:{port}"
        server = Server(
            port=port,
            env={**self.env, "BASE_URL": base_url, **overrides},
            log_path=self.state_dir / f"gunicorn-{name}.log",
        )
        self.servers.append(server)
        server.start()
        return server

    def stop_all(self) -> None:
        for server in self.servers:
            server.stop()


@contextlib.contextmanager
def stack_prepare(*, state_dir: Path, smtp_url: str) -> Iterator[Stack]:
    """A fresh database, migrated, with static files collected and the demo loaded; dropped after."""
    server_url = os.environ["DATABASE_URL"]
    prefix = os.environ.get("TEST_DATABASE_NAME", "test_crpv")
    name = f"{prefix}_production_{os.getpid()}"
    with database_create(server_url=server_url, name=name) as database_url:
        env = app_environment(
            database_url=database_url,
            redis_url=os.environ["REDIS_URL"],
            base_url=f"http://{HOST}:{PORTS.start}",
            smtp_url=smtp_url,
            state_dir=state_dir,
            cache_prefix=f"crpv-production-{os.getpid()}-{secrets.token_hex(4)}",
        )
        # The image build collects static files while the database is being prepared: neither needs the other.
        with ThreadPoolExecutor(max_workers=1) as pool:
            collected = pool.submit(manage, env, "collectstatic", "--noinput", log_path=state_dir / "collectstatic.log")
            log_path = state_dir / "manage.log"
            manage(env, *compose_services()["migrate"]["command"][2:], log_path=log_path)
            manage(env, "load_demo", log_path=log_path)
            collected.result()
        stack = Stack(env=env, state_dir=state_dir)
        try:
            yield stack
        finally:
            stack.stop_all()
