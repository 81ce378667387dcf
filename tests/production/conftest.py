"""The production suite: the settings of docker-compose.yml under gunicorn, checked through HTTP.

Every test here is marked ``production`` and ``slow``, and skipped with the reason when PostgreSQL
or Redis is missing. The database is prepared once per session; each server configuration starts
once (the harness is tests/production/server.py).
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.production.server import CLOSED_DATABASE_URL, CLOSED_REDIS_URL, Server, Stack, skip_reason, stack_prepare
from tests.smtp import SmtpServer

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    ours = [item for item in items if HERE in Path(item.fspath).parents]
    if not ours:
        return
    reason = skip_reason()
    for item in ours:
        item.add_marker(pytest.mark.production)
        item.add_marker(pytest.mark.slow)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def smtp_sink() -> Iterator[SmtpServer]:
    """Where the servers' mail goes (docker-compose.yml's Mailpit)."""
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="session")
def stack(tmp_path_factory, smtp_sink) -> Iterator[Stack]:
    with stack_prepare(
        state_dir=tmp_path_factory.mktemp("production"), smtp_url=f"smtp://{smtp_sink.host}:{smtp_sink.port}"
    ) as prepared:
        yield prepared


@pytest.fixture(scope="session")
def server(stack) -> Server:
    """gunicorn as docker-compose.yml's web service runs it."""
    return stack.server_start(name="web")


@pytest.fixture(scope="session")
def server_without_redis(stack) -> Iterator[Server]:
    """The same, its Redis (cache and broker) down: REDIS_URL points at a closed port."""
    server = stack.server_start(name="redis-down", REDIS_URL=CLOSED_REDIS_URL)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server_without_database(stack) -> Iterator[Server]:
    """The same, its PostgreSQL unreachable (DATABASE_URL at a closed port): every page fails for real."""
    server = stack.server_start(name="database-down", DATABASE_URL=CLOSED_DATABASE_URL)
    yield server
    server.stop()
