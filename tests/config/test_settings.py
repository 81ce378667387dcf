"""Settings by environment (each in a child process), and the Celery task backend."""

import secrets
import stat
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import task
from django_tasks.exceptions import InvalidTaskError
from wagtail.models import Page, ReferenceIndex
from wagtail.tasks import update_reference_index_task

from config.env import PRODUCTION_REQUIRED_ENV
from tests.config.helpers import clean_env, read_settings, run_python

DEV = "config.settings.dev"
PRODUCTION = "config.settings.production"

# Loads the settings and nothing else; fails with the ImproperlyConfigured traceback.
LOAD_SETTINGS = "from django.conf import settings; settings.DEBUG"


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """A complete, valid production environment (no server is contacted by these tests)."""
    return {
        "SECRET_KEY": secrets.token_urlsafe(48),  # 64 characters
        "ALLOWED_HOSTS": "crpv.example.org",
        "BASE_URL": "https://crpv.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "redis://redis.example.org:6379/0",
        "EMAIL_URL": "smtp+tls://crpv:password@mail.example.org:587",
        "DEFAULT_FROM_EMAIL": "Centre de ressources <ne-pas-repondre@example.org>",
        "ELASTICSEARCH_URL": "http://elasticsearch.example.org:9200",
    }


def load_production(variables: dict[str, str]):
    return run_python(["-c", LOAD_SETTINGS], clean_env(PRODUCTION, **variables))


# --- Development defaults --------------------------------------------------------


def test_dev_settings__empty_environment():
    values = read_settings(
        DEV,
        ["DEBUG", "DATABASES", "WAGTAILSEARCH_BACKENDS", "CELERY_BROKER_URL", "CACHES", "EMAIL_BACKEND", "TASKS"],
    )

    assert values["DEBUG"] is True
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DATABASES"]["default"]["NAME"].endswith("var/db.sqlite3")
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "search.backend"
    assert values["CELERY_BROKER_URL"].startswith("filesystem://")
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["TASKS"]["default"]["BACKEND"] == "config.task_backends.CeleryBackend"


def test_dev_settings__secret_key_made_once_per_checkout_mode_0600(tmp_path):
    key_file = tmp_path / "var" / "secret_key"
    first = read_settings(DEV, ["SECRET_KEY"], SECRET_KEY_FILE=str(key_file))["SECRET_KEY"]
    assert key_file.read_text() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= 50
    assert not first.startswith(("dev-", "django-insecure"))
    assert read_settings(DEV, ["SECRET_KEY"], SECRET_KEY_FILE=str(key_file))["SECRET_KEY"] == first
    other_checkout = tmp_path / "autre" / "secret_key"
    assert read_settings(DEV, ["SECRET_KEY"], SECRET_KEY_FILE=str(other_checkout))["SECRET_KEY"] != first
    assert sorted(path.name for path in key_file.parent.iterdir()) == ["secret_key"]


def test_dev_settings__secret_key_from_the_environment_writes_no_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key = secrets.token_urlsafe(50)
    assert read_settings(DEV, ["SECRET_KEY"], SECRET_KEY=key, SECRET_KEY_FILE=str(key_file))["SECRET_KEY"] == key
    assert not key_file.exists()


def test_dev_settings__empty_key_file_is_refused_with_the_remedy(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text("\n")
    result = run_python(["-c", LOAD_SETTINGS], clean_env(DEV, SECRET_KEY_FILE=str(key_file)))
    assert result.returncode != 0
    assert "delete it to get a new key" in result.stderr


# --- Each service switched on by its variable ---------------------------------


def test_database__postgres_url():
    values = read_settings(DEV, ["DATABASES"], DATABASE_URL="postgres://crpv:s3cret@db.example.org:5433/crpv")

    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example.org", 5433, "crpv")
    assert (database["USER"], database["PASSWORD"]) == ("crpv", "s3cret")


def test_broker_and_cache__redis_url():
    redis_url = "redis://redis.example.org:6379/2"

    values = read_settings(DEV, ["CELERY_BROKER_URL", "CELERY_BROKER_TRANSPORT_OPTIONS", "CACHES"], REDIS_URL=redis_url)

    assert values["CELERY_BROKER_URL"] == redis_url
    assert "visibility_timeout" in values["CELERY_BROKER_TRANSPORT_OPTIONS"]
    assert values["CACHES"]["default"]["BACKEND"] == "config.cache_backends.DegradingRedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == redis_url


def test_search_backend__elasticsearch_url():
    values = read_settings(DEV, ["WAGTAILSEARCH_BACKENDS"], ELASTICSEARCH_URL="http://es.example.org:9200")

    backend = values["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert backend["URLS"] == ["http://es.example.org:9200"]


@pytest.mark.parametrize(
    ("email_url", "port", "use_tls", "use_ssl"),
    [
        ("smtp+tls://crpv:p%40ss@mail.example.org:587", 587, True, False),
        ("smtp+ssl://crpv:p%40ss@mail.example.org:465", 465, False, True),
        ("smtp://crpv:p%40ss@mail.example.org:25", 25, False, False),
    ],
)
def test_email__email_url(email_url, port, use_tls, use_ssl):
    names = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD"]

    values = read_settings(DEV, [*names, "EMAIL_USE_TLS", "EMAIL_USE_SSL"], EMAIL_URL=email_url)

    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["EMAIL_HOST"] == "mail.example.org"
    assert values["EMAIL_PORT"] == port
    assert (values["EMAIL_HOST_USER"], values["EMAIL_HOST_PASSWORD"]) == ("crpv", "p@ss")
    assert (values["EMAIL_USE_TLS"], values["EMAIL_USE_SSL"]) == (use_tls, use_ssl)


# --- Production refuses to start misconfigured ------------------------------------


def test_production__debug_on(production_env):
    result = load_production({**production_env, "DEBUG": "true"})

    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG must be off in production" in result.stderr


@pytest.mark.parametrize("name", PRODUCTION_REQUIRED_ENV)
def test_production__required_variable_missing(production_env, name):
    del production_env[name]

    result = load_production(production_env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: Missing required environment variable(s) for production" in result.stderr
    assert f"production: {name}." in result.stderr


def test_production__an_email_provider_replaces_email_url(production_env):
    del production_env["EMAIL_URL"]

    result = load_production({**production_env, "EMAIL_PROVIDER": "brevo", "ANYMAIL_BREVO_API_KEY": "xkeysib-test"})

    assert result.returncode == 0, result.stderr


def test_production__required_variables_blank(production_env):
    result = load_production({**production_env, "REDIS_URL": " ", "EMAIL_URL": ""})

    assert result.returncode != 0
    assert "Missing required environment variable(s) for production: REDIS_URL, EMAIL_URL." in result.stderr


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param("too-short-0123456789", id="short"),
        pytest.param("dev-only-insecure-key-never-used-in-production-0123456789", id="dev-default"),
        pytest.param("django-insecure-" + secrets.token_urlsafe(48), id="django-insecure"),
        pytest.param("ab" * 40, id="few-distinct-characters"),
    ],
)
def test_production__weak_secret_key(production_env, secret_key):
    result = load_production({**production_env, "SECRET_KEY": secret_key})

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be a random value of at least 50 characters" in result.stderr


def test_production__base_url_not_absolute(production_env):
    result = load_production({**production_env, "BASE_URL": "crpv.example.org"})

    assert result.returncode != 0
    assert "ImproperlyConfigured: BASE_URL must be an absolute http(s) URL" in result.stderr


# --- Production with a valid environment -----------------------------------------


def test_production__valid_environment(production_env):
    values = read_settings(
        PRODUCTION,
        [
            "DEBUG",
            "ALLOWED_HOSTS",
            "CSRF_TRUSTED_ORIGINS",
            "SECURE_SSL_REDIRECT",
            "SECURE_PROXY_SSL_HEADER",
            "SECURE_HSTS_SECONDS",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS",
            "SECURE_HSTS_PRELOAD",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "AXES_ENABLED",
            "AXES_CLIENT_IP_CALLABLE",
            "TRUSTED_PROXY_COUNT",
            "DATABASES",
            "WAGTAILADMIN_BASE_URL",
            "WAGTAILSEARCH_BACKENDS",
        ],
        **{**production_env, "BASE_URL": "https://crpv.example.org/"},
    )

    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["crpv.example.org"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://crpv.example.org"]
    assert values["WAGTAILADMIN_BASE_URL"] == "https://crpv.example.org"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["AXES_ENABLED"] is True
    assert values["AXES_CLIENT_IP_CALLABLE"] == "config.client_address.client_address"
    assert values["TRUSTED_PROXY_COUNT"] == 1
    assert values["DATABASES"]["default"]["CONN_MAX_AGE"] == 60
    assert values["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"


def test_production__without_elasticsearch_url(production_env):
    del production_env["ELASTICSEARCH_URL"]

    values = read_settings(PRODUCTION, ["WAGTAILSEARCH_BACKENDS"], **production_env)

    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "search.backend"


def test_production__extra_csrf_trusted_origins(production_env):
    values = read_settings(
        PRODUCTION, ["CSRF_TRUSTED_ORIGINS"], **production_env, CSRF_TRUSTED_ORIGINS="https://www.example.org"
    )

    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://crpv.example.org", "https://www.example.org"]


def test_check_deploy__production_valid_environment(production_env):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], clean_env(PRODUCTION, **production_env)
    )
    output = result.stdout + result.stderr

    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues" in output


# --- Django tasks handed to Celery -------------------------------------------------

# What record_call received, in order (the eager Celery task runs in this process).
calls: list[tuple] = []


@task()
def record_call(value: str, *, times: int = 1) -> None:
    calls.append((value, times))


@task(takes_context=True)
def needs_context(context) -> None:
    """A task the Celery backend cannot run: it does not pass a context."""


@pytest.fixture
def celery_backend(settings):
    """Django tasks go through config.task_backends.CeleryBackend, Celery runs them eagerly."""
    from config.celery import app

    settings.TASKS = {"default": {"BACKEND": "config.task_backends.CeleryBackend"}}
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # The Celery app copied its configuration from the settings when it first
    # read it: give it the override too, and take it back afterwards.
    previous = {key: app.conf[key] for key in ("task_always_eager", "task_eager_propagates")}
    app.conf.update(task_always_eager=True, task_eager_propagates=True)
    calls.clear()
    yield
    app.conf.update(previous)
    calls.clear()


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_backend")
def test_celery_backend__enqueue_runs_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = record_call.enqueue("bonjour", times=2)
        # Enqueued on commit only: the worker must see the rows the task refers to.
        assert calls == []

    assert len(callbacks) == 1
    assert calls == [("bonjour", 2)]
    assert result.backend == "default"


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_backend")
def test_celery_backend__wagtail_task(django_capture_on_commit_callbacks, monkeypatch):
    indexed = []
    monkeypatch.setattr(
        ReferenceIndex, "create_or_update_for_object", classmethod(lambda cls, obj: indexed.append(obj))
    )
    root = Page.get_first_root_node()

    with django_capture_on_commit_callbacks(execute=True):
        # As Wagtail's post_save handler does it.
        update_reference_index_task.enqueue("wagtailcore", "page", str(root.pk))
        assert indexed == []

    assert indexed == [root]


@pytest.mark.django_db
@pytest.mark.usefixtures("celery_backend")
def test_celery_backend__run_after_becomes_eta(django_capture_on_commit_callbacks, monkeypatch):
    from config.tasks import run_django_task

    sent = []
    monkeypatch.setattr(run_django_task, "apply_async", lambda **kwargs: sent.append(kwargs))
    run_after = timezone.now() + timedelta(hours=1)

    with django_capture_on_commit_callbacks(execute=True):
        result = record_call.using(run_after=run_after).enqueue("plus tard")

    assert sent == [
        {
            "args": [f"{__name__}.record_call", ["plus tard"], {}],
            "kwargs": {},
            "retry": False,
            "task_id": result.id,
            "eta": run_after,
        }
    ]
    assert calls == []


@pytest.mark.usefixtures("celery_backend")
def test_celery_backend__task_taking_context():
    with pytest.raises(InvalidTaskError, match="does not pass a task context"):
        needs_context.enqueue()


# Which view answers an audio file's URL under the production settings.
RESOLVE_MEDIA_URL = """
import django
from django.urls import Resolver404, resolve
django.setup()
try:
    print(resolve("/media/media/penser-le-9-3.mp3").url_name)
except Resolver404:
    print("none")
"""


@pytest.mark.parametrize(("serve_media", "view"), [(None, "media_serve"), ("false", "none")])
def test_production__media_route(production_env, serve_media, view):
    variables = production_env if serve_media is None else {**production_env, "SERVE_MEDIA": serve_media}

    result = run_python(["-c", RESOLVE_MEDIA_URL], clean_env(PRODUCTION, **variables))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == view
