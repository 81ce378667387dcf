"""docker-compose.yml and the Dockerfile agree with what the production settings require.

No Docker engine is needed: the files are read (YAML anchors and merge keys
resolved by PyYAML), and the app services' environment is tried against
config.settings.production in a child process.
"""

import re
import secrets
from importlib.metadata import version
from urllib.parse import urlsplit

import pytest
import yaml

from config.env import PRODUCTION_REQUIRED_ENV
from tests.config.helpers import ROOT, read_settings

APP_SERVICES = ("web", "worker", "beat")
BACKING_SERVICES = ("postgres", "redis", "elasticsearch")
APP_VARIABLES = (*PRODUCTION_REQUIRED_ENV, "ELASTICSEARCH_URL")

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}
INTERPOLATION = re.compile(r"\$\{(?P<name>\w+)(?:(?P<operator>:?[-?])(?P<argument>[^}]*))?\}")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def environment(service: dict) -> dict[str, str]:
    """A service's environment, written as a mapping or as a list of NAME=value."""
    variables = service.get("environment") or {}
    if isinstance(variables, list):
        variables = dict(item.split("=", 1) for item in variables)
    return {name: "" if value is None else str(value) for name, value in variables.items()}


def interpolate(value: str, variables: dict[str, str]) -> str:
    """Compose's ${...} interpolation, with ``variables`` as the shell environment."""

    def replace(match: re.Match) -> str:
        name, operator, argument = match["name"], match["operator"], match["argument"]
        if name in variables:
            return variables[name]
        if operator and operator.endswith("-"):
            return argument
        if operator and operator.endswith("?"):
            raise AssertionError(f"compose would refuse to start without {name}: {argument}")
        return ""

    return INTERPOLATION.sub(replace, value)


def command(service: dict) -> str:
    value = service.get("command") or service.get("entrypoint") or ""
    return " ".join(value) if isinstance(value, list) else value


def healthcheck_test(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return " ".join(test) if isinstance(test, list) else test


def test_compose__every_service_defined(services):
    assert {*APP_SERVICES, *BACKING_SERVICES, "migrate"} <= services.keys()


@pytest.mark.parametrize("service_name", APP_SERVICES)
def test_app_service__production_environment(services, service_name):
    variables = environment(services[service_name])

    assert variables.get("DJANGO_SETTINGS_MODULE") == "config.settings.production"
    for name in APP_VARIABLES:
        assert variables.get(name, "").strip(), f"{service_name} lacks {name}"


def test_app_services__same_environment(services):
    web = environment(services["web"])

    assert environment(services["worker"]) == web
    assert environment(services["beat"]) == web
    assert environment(services["migrate"]) == web


def test_app_environment__secret_key_not_committed(services):
    secret_key = environment(services["web"])["SECRET_KEY"]

    # Taken from the environment or .env, with no default written here.
    assert re.fullmatch(r"\$\{SECRET_KEY(:?\?[^}]*)?\}", secret_key), secret_key


@pytest.mark.parametrize(
    ("variable", "service_name"),
    [
        ("DATABASE_URL", "postgres"),
        ("REDIS_URL", "redis"),
        ("ELASTICSEARCH_URL", "elasticsearch"),
    ],
)
def test_app_environment__url_points_at_service(services, variable, service_name):
    url = interpolate(environment(services["web"])[variable], {})

    assert urlsplit(url).hostname == service_name


def test_app_environment__email_to_a_service(services):
    url = urlsplit(environment(services["web"])["EMAIL_URL"])

    assert url.scheme.startswith("smtp")
    assert url.hostname in services


def test_app_environment__database_credentials_match_postgres(services):
    database = urlsplit(interpolate(environment(services["web"])["DATABASE_URL"], {}))
    postgres = {name: interpolate(value, {}) for name, value in environment(services["postgres"]).items()}

    assert database.username == postgres["POSTGRES_USER"]
    assert database.password == postgres["POSTGRES_PASSWORD"]
    assert database.path == f"/{postgres['POSTGRES_DB']}"


def test_app_environment__accepted_by_production_settings(services):
    """The compose environment loads config.settings.production as it is."""
    secret_key = secrets.token_urlsafe(48)
    variables = {
        name: interpolate(value, {"SECRET_KEY": secret_key})
        for name, value in environment(services["web"]).items()
        if name != "DJANGO_SETTINGS_MODULE"
    }

    values = read_settings(
        "config.settings.production",
        ["DATABASES", "CACHES", "CELERY_BROKER_URL", "WAGTAILSEARCH_BACKENDS", "EMAIL_BACKEND"],
        **variables,
    )

    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert values["CACHES"]["default"]["BACKEND"] == "config.cache_backends.DegradingRedisCache"
    assert values["CELERY_BROKER_URL"].startswith("redis://redis:")
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize("service_name", BACKING_SERVICES)
def test_backing_service__healthcheck_and_volume(compose, services, service_name):
    service = services[service_name]

    assert healthcheck_test(service)
    volume_names = [volume.split(":", 1)[0] for volume in service["volumes"]]
    assert volume_names
    assert set(volume_names) <= set(compose["volumes"]), "named volumes, declared at the top level"


@pytest.mark.parametrize(
    ("service_name", "words"),
    [
        ("postgres", ["pg_isready"]),
        ("redis", ["redis-cli", "ping"]),
        ("elasticsearch", ["curl", "_cluster/health"]),
    ],
)
def test_backing_service__healthcheck_command(services, service_name, words):
    test = healthcheck_test(services[service_name])

    for word in words:
        assert word in test


def test_postgres__version_16(services):
    assert services["postgres"]["image"].split(":")[1].split(".")[0] == "16"


def test_redis__version_7(services):
    assert services["redis"]["image"].split(":")[1].split(".")[0] == "7"


def test_elasticsearch__major_matches_python_client(services):
    image = services["elasticsearch"]["image"]
    client_major = version("elasticsearch").split(".")[0]

    assert image.startswith("docker.elastic.co/elasticsearch/elasticsearch:")
    assert image.rsplit(":", 1)[1].split(".")[0] == client_major


def test_elasticsearch__single_node_without_security(services):
    variables = environment(services["elasticsearch"])

    assert variables["discovery.type"] == "single-node"
    assert variables["xpack.security.enabled"] == "false"


@pytest.mark.parametrize("service_name", APP_SERVICES)
@pytest.mark.parametrize("dependency", BACKING_SERVICES)
def test_app_service__waits_for_healthy(services, service_name, dependency):
    depends_on = services[service_name]["depends_on"]

    assert depends_on[dependency]["condition"] == "service_healthy"


@pytest.mark.parametrize("service_name", APP_SERVICES)
def test_app_service__waits_for_migrations(services, service_name):
    depends_on = services[service_name]["depends_on"]

    assert depends_on["migrate"]["condition"] == "service_completed_successfully"


def test_migrate__runs_migrations_once(services):
    migrate = services["migrate"]

    assert "manage.py migrate" in command(migrate)
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_web__gunicorn_and_healthcheck(services):
    web = services["web"]

    assert command(web).startswith("gunicorn config.wsgi:application")
    assert "0.0.0.0:8000" in command(web)
    test = healthcheck_test(web)
    assert "urllib" in test
    assert "/admin/login/" in test


def test_worker__celery_worker(services):
    assert command(services["worker"]).startswith("celery -A config worker")


def test_beat__database_scheduler(services):
    beat = command(services["beat"])

    assert beat.startswith("celery -A config beat")
    assert "django_celery_beat.schedulers:DatabaseScheduler" in beat


@pytest.mark.parametrize("service_name", ["migrate", *APP_SERVICES])
def test_app_service__built_from_dockerfile(services, service_name):
    assert services[service_name]["build"] == "."


def test_dockerfile__gunicorn_as_non_root():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    instructions = [line.strip() for line in dockerfile.splitlines() if line.strip() and not line.startswith("#")]

    assert re.match(r"FROM python:3\.1[1-4]-slim", instructions[0])
    assert "pip install ." in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert users
    assert users[-1] not in ("root", "0")
    commands = [line for line in instructions if line.startswith(("CMD ", "ENTRYPOINT "))]
    assert commands
    assert "config.wsgi:application" in commands[-1]
    assert "EXPOSE 8000" in instructions


def test_dockerignore__keeps_local_state_out():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()

    assert {".git", ".venv", ".env", "var", "media"} <= set(ignored)
