"""Redis outages in tests: a closed port, and the production settings that point at it.

No mock: the cache and the broker are configured as in production (the settings modules read
under REDIS_URL / CELERY_BROKER_URL) and talk to a local port where nothing listens.
"""

import contextlib
import functools
import socket
from collections.abc import Iterator

from config.celery import app
from tests.config.helpers import read_settings

# Outside Redis' default port; the range 6391-6399 is kept free of servers for these tests.
CLOSED_PORTS = range(6391, 6400)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def closed_redis_url() -> str:
    """A Redis URL on a local port where nothing answers."""
    port = next(port for port in CLOSED_PORTS if not _listening(port))
    return f"redis://127.0.0.1:{port}/0"


@functools.cache
def unreachable_settings() -> dict:
    """CACHES and the broker's settings as a deployment reads them with REDIS_URL on a closed port.

    Read once per run, in a child process (config.settings.dev under that environment).
    """
    names = ["CACHES", "CELERY_BROKER_URL", "CELERY_BROKER_TRANSPORT_OPTIONS"]
    return read_settings("config.settings.dev", names, REDIS_URL=closed_redis_url())


def cache_down(settings) -> None:
    """Point Django's cache at the closed port, as production would be configured (pytest-django's ``settings``)."""
    from config import cache_backends

    settings.CACHES = unreachable_settings()["CACHES"]
    # The outage starts with the caller (an earlier test's outage would silence its warning).
    cache_backends._down_until.clear()


def broker_down() -> contextlib.AbstractContextManager[None]:
    """``with broker_down():`` tasks are published to the closed port; after the block, eager again."""
    values = unreachable_settings()
    return celery_broker(url=values["CELERY_BROKER_URL"], transport_options=values["CELERY_BROKER_TRANSPORT_OPTIONS"])


@contextlib.contextmanager
def celery_broker(*, url: str, transport_options: dict, eager: bool = False) -> Iterator[None]:
    """Point the Celery app at ``url`` (tasks really published, not run in-process) for the block.

    The app reads Django's settings once; its connection pools are dropped so that the next
    publish connects to the new broker, and again after the block.
    """
    keys = ("broker_url", "broker_write_url", "broker_transport_options", "task_always_eager")
    saved = {key: app.conf[key] for key in keys}
    app.conf.update(
        broker_url=url, broker_write_url=None, broker_transport_options=transport_options, task_always_eager=eager
    )
    app._after_fork()
    try:
        yield
    finally:
        app.conf.update(saved)
        app._after_fork()
