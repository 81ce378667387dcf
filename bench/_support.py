"""What the benchmarks share: the import path, a free port, a throw-away PostgreSQL database.

Import it first: bench/http.py shadows the standard library's http package for scripts run from
this folder, so the folder leaves ``sys.path`` and the repository root takes its place.
"""

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != BENCH]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import os  # noqa: E402
import secrets  # noqa: E402
import socket  # noqa: E402

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def django_migrate(database_url: str | None, workdir: str) -> None:
    """Set Django up (test settings) on ``database_url``, else a throw-away SQLite file in
    ``workdir``, with its media in ``workdir`` too, and migrate it."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir}/bench.sqlite3"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.MEDIA_ROOT = f"{workdir}/media"
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)


def database_create(server_url: str, workdir: str, *, name: str) -> str:
    """Set Django up (test settings) on a throw-away database ``name`` of the PostgreSQL server.

    Tables come straight from the models, as the test runner does without migrations (seconds, not
    a minute), plus what search/migrations/0001 and 0002 add: the French text search configuration
    and the table searches match. Returns
    the original database name, for ``connection.creation.destroy_test_db`` at the end.
    """
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = server_url
    import importlib

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.MEDIA_ROOT = f"{workdir}/media"
    connection.settings_dict["TEST"].update(NAME=name, MIGRATE=False)
    original = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    configuration = importlib.import_module("search.migrations.0001_french_text_search")
    documents = importlib.import_module("search.migrations.0002_page_documents")
    try:
        with connection.cursor() as cursor:
            cursor.execute(configuration.CREATE + configuration.CREATE_INDEX + documents.CREATE)
    except BaseException:
        connection.creation.destroy_test_db(original, verbosity=0)
        raise
    return original


def production_environment(
    *, workdir: Path, port: int, database_url: str, redis_url: str, name: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """The production settings with local values for the required variables (DEBUG off, no TLS here,
    the cache under a key prefix of the benchmark's own)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost,.localhost",  # .localhost: the demo centres' sites
            "BASE_URL": f"http://{HOST}:{port}",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": f"bench-{name}-{os.getpid()}",
            "EMAIL_URL": "smtp://127.0.0.1:1025",
            "DEFAULT_FROM_EMAIL": "Bench <bench@example.org>",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
            **(extra or {}),
        }
    )
    return env
