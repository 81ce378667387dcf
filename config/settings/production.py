"""Production: refuses to start misconfigured, and passes ``manage.py check --deploy`` without a warning.

Every required variable is listed in ``config.env.PRODUCTION_REQUIRED_ENV``.
Served over HTTPS by a TLS-terminating reverse proxy in front of gunicorn.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from config.env import (
    PRODUCTION_REQUIRED_ENV,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
    env,
    missing_env,
)

from .base import *  # noqa: F403
from .base import BASE_URL, DATABASES, DEBUG, SECRET_KEY

# --- Refuse to start misconfigured ------------------------------------------

if DEBUG:
    raise ImproperlyConfigured(
        "DEBUG must be off in production: unset DEBUG or set DEBUG=false "
        "(use DJANGO_SETTINGS_MODULE=config.settings.dev to develop)."
    )

_missing = missing_env(PRODUCTION_REQUIRED_ENV)
if _missing:
    raise ImproperlyConfigured(
        f"Missing required environment variable(s) for production: {', '.join(_missing)}. "
        f"Production needs all of {', '.join(PRODUCTION_REQUIRED_ENV)} (see config/env.py)."
    )

if (
    len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH
    or len(set(SECRET_KEY)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS
    or SECRET_KEY.startswith(("dev-", "test-", "django-insecure"))
):
    raise ImproperlyConfigured(
        f"SECRET_KEY must be a random value of at least {SECRET_KEY_MIN_LENGTH} characters in production, "
        "not a development default; generate one with: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

_base_url = urlsplit(BASE_URL)
if _base_url.scheme not in ("http", "https") or not _base_url.netloc:
    raise ImproperlyConfigured(
        f"BASE_URL must be an absolute http(s) URL such as https://example.org, not {BASE_URL!r}."
    )

# --- HTTPS -------------------------------------------------------------------

# SECURE_SSL_REDIRECT=false only where nothing speaks HTTPS (the local
# docker-compose stack); `check --deploy` then warns, as it should.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The proxy terminates TLS and says so in this header. It must set (overwrite)
# it on every request, or a client could claim HTTPS itself.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# The site's own origin is always trusted for CSRF; CSRF_TRUSTED_ORIGINS adds others
# (e.g. a second domain). An origin is scheme://host[:port], without BASE_URL's path.
CSRF_TRUSTED_ORIGINS = list(
    dict.fromkeys(
        [f"{_base_url.scheme}://{_base_url.netloc}", *env.list("CSRF_TRUSTED_ORIGINS", default=[])],
    )
)

# --- Login throttling and the client's address -------------------------------

AXES_ENABLED = True
# gunicorn is reached through one TLS-terminating proxy (see the README's deployment note): the
# client's address is the last one that proxy appended to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# --- Database ------------------------------------------------------------------

# Persistent connections (seconds), checked before reuse; CONN_MAX_AGE=0 closes
# them after every request (e.g. behind a transaction-mode PgBouncer).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
