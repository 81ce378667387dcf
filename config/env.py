"""The environment the settings read (12-factor), with the project's embedded defaults."""

import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

# Where the embedded defaults keep their state (SQLite file, Celery's filesystem
# broker, the secret key, the demo accounts' password) when no server is configured.
# dev.py reads the same variable.
VAR_DIR = Path(os.environ.get("VAR_DIR") or BASE_DIR / "var")

env = environ.Env()

# Variables production refuses to start without (config/settings/production.py):
# there the embedded defaults (SQLite, filesystem broker, local-memory cache,
# console email, a localhost BASE_URL) would start a site that silently loses
# mail, tasks or data. docker-compose.yml sets every one of them.
#
# ELASTICSEARCH_URL is recommended but deliberately optional: without it Wagtail
# searches with its database backend (PostgreSQL full-text search), which is
# correct, only less relevant on a large corpus. A small instance can run
# without an Elasticsearch cluster; docker-compose.yml does set it.
PRODUCTION_REQUIRED_ENV = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "BASE_URL",
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "DEFAULT_FROM_EMAIL",
)
PRODUCTION_RECOMMENDED_ENV = ("ELASTICSEARCH_URL",)

# A SECRET_KEY shorter than this, or with fewer distinct characters, is refused
# in production (the thresholds of Django's own security.W009 check).
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5


# A required variable another one makes unnecessary: an email provider's API replaces SMTP.
PRODUCTION_ENV_ALTERNATIVES = {"EMAIL_URL": "EMAIL_PROVIDER"}


def missing_env(names: tuple[str, ...] | list[str]) -> list[str]:
    """The names among ``names`` that are unset or blank in the environment (and not replaced)."""

    def is_set(name: str) -> bool:
        return bool(os.environ.get(name, "").strip())

    return [
        name
        for name in names
        if not is_set(name) and not (name in PRODUCTION_ENV_ALTERNATIVES and is_set(PRODUCTION_ENV_ALTERNATIVES[name]))
    ]
