"""Shared fixtures: isolated media, an admin client, the editorial team and an editor's client, the site's page tree,
a cache of the process's own, the demo site once per module and a real SMTP server."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Page, Site

from centres.models import Centre
from newsletters.models import NewsletterIndexPage
from publications.models import (
    ExperienceIndexPage,
    HomePage,
    PodcastIndexPage,
    ProgrammeIndexPage,
    PublicationIndexPage,
)
from tests.factories import (
    ExperienceIndexPageFactory,
    HomePageFactory,
    NewsletterIndexPageFactory,
    PodcastIndexPageFactory,
    ProgrammeIndexPageFactory,
    PublicationIndexPageFactory,
)
from tests.factories.centres import CentreFactory, default_centre
from tests.smtp import SmtpServer
from tests.users import Team, team_create

# django-axes' backend comes first in AUTHENTICATION_BACKENDS and cannot load a user from a session.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and marker.kwargs.get("transaction")) or "transactional_db" in fixtures or "live_server" in fixtures
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """Put back the migrations' data (root page, roles, workflows) once a transactional test has flushed it.

    Like Django's TransactionTestCase, a transactional test empties the database when it ends, and
    serialized_rollback only restores it when the *next* such test starts. Django runs those tests
    last; xdist's file scheduling may hand a worker ordinary tests after one, which would then find
    no Wagtail root page.
    """
    result = yield
    # After the session's last test the test database is already dropped (nextitem is None).
    if nextitem is not None and _is_transactional(item):
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        serialized = getattr(connection, "_test_serialized_contents", None)
        if serialized:
            with item.config.stash[blocking_manager_key].unblock():
                connection.creation.deserialize_db_from_string(serialized)
    return result


def pytest_configure(config):
    # Whitenoise looks for collected static files the tests never need.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never to var/."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """The configured cache (Redis when REDIS_URL is set) under a key prefix of this test's own,
    so that no answer cached by one test is served to another.

    Clearing it instead would flush the whole Redis database under the other xdist workers' feet.
    """
    caches = {alias: dict(config) for alias, config in settings.CACHES.items()}
    caches["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES = caches


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="camille.admin",
        email="camille.admin@example.org",
        password="mot-de-passe-de-test",
        first_name="Camille",
        last_name="Martin",
    )


@pytest.fixture
def admin_client(client, admin_user):
    """A test client logged in as a superuser."""
    client.force_login(admin_user, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def site_root(db) -> Page:
    """Wagtail's root page (depth 1), the parent of each site's home page."""
    return Page.get_first_root_node()


@dataclass(frozen=True)
class SiteTree:
    home: HomePage
    programmes: ProgrammeIndexPage
    publications: PublicationIndexPage
    podcasts: PodcastIndexPage
    experiences: ExperienceIndexPage
    newsletters: NewsletterIndexPage


@pytest.fixture
def site_tree(site_root) -> SiteTree:
    """Root → HomePage (the default site's root) → one index page of each kind."""
    return site_tree_build(HomePageFactory(parent=site_root))


def site_tree_build(home: HomePage) -> SiteTree:
    """One index page of each kind under ``home``."""
    return SiteTree(
        home=home,
        programmes=ProgrammeIndexPageFactory(parent=home),
        publications=PublicationIndexPageFactory(parent=home),
        podcasts=PodcastIndexPageFactory(parent=home),
        experiences=ExperienceIndexPageFactory(parent=home),
        newsletters=NewsletterIndexPageFactory(parent=home),
    )


@dataclass(frozen=True)
class CentreSite:
    centre: Centre
    site: Site
    tree: SiteTree

    @property
    def host(self) -> dict[str, str]:
        """The test client's keyword that sends a request to this site."""
        return {"HTTP_HOST": self.site.hostname}


@dataclass(frozen=True)
class CentreSites:
    first: CentreSite
    second: CentreSite
    network: Site


@pytest.fixture
def centre_sites(site_tree, settings) -> CentreSites:
    """Three sites of one instance: the first centre's (the default site, ``site_tree``), the
    second centre's on centre-b.localhost (a tree of its own) and the network's on reseau.localhost
    (a site of no centre, a bare home page)."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]
    default = Site.objects.get(is_default_site=True)
    first = CentreSite(centre=default_centre(), site=default, tree=site_tree)
    home = HomePageFactory(default_site=False, slug="centre-b", title="Accueil du centre B")
    site = Site.objects.create(hostname="centre-b.localhost", port=80, root_page=home, site_name="Centre B")
    centre = CentreFactory(name="Centre B", acronym="CB", slug="centre-b", site=site)
    network_home = HomePageFactory(default_site=False, slug="reseau", title="Accueil du réseau")
    network = Site.objects.create(hostname="reseau.localhost", port=80, root_page=network_home, site_name="Réseau")
    return CentreSites(
        first=first, second=CentreSite(centre=centre, site=site, tree=site_tree_build(home)), network=network
    )


@pytest.fixture
def home_page(site_tree) -> HomePage:
    return site_tree.home


@pytest.fixture
def smtp_refusals() -> dict[str, str]:
    """Recipient address fragments ``smtp_server`` refuses, and its replies: none unless a folder overrides it."""
    return {}


@pytest.fixture
def smtp_server(settings, smtp_refusals):
    """Django sends through SMTP to a local aiosmtpd server (tests/smtp.py) for the test's duration."""
    with SmtpServer(refusals=smtp_refusals) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = server.host
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        yield server


@pytest.fixture
def team(db) -> Team:
    """The editorial team (tests/users.py): the groups and their permissions come from the migrations."""
    return team_create()


@pytest.fixture
def client_for() -> Callable[[Any], Client]:
    """A fresh test client logged in as the given user (each keeps its own session)."""

    def login(user: Any) -> Client:
        client = Client()
        client.force_login(user, backend=MODEL_BACKEND)
        return client

    return login


@pytest.fixture
def editor_client(team, client_for) -> Client:
    """A client of its own logged in as the team's editor (Rédaction: writes, submits, never publishes or sends)."""
    return client_for(team.editor)


@pytest.fixture
def local_cache(settings) -> None:
    """An empty cache of this process's own, for tests that count queries or serve renditions.

    With REDIS_URL, xdist workers share one Redis cache under one key prefix: another worker saving a
    site clears Wagtail's cached site root paths (a request queries them again, or reads another
    worker's database), and cached renditions point at files in another test's media folder.
    """
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    caches["default"].clear()


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site (load_demo, indexed as it loads), once for the module, rolled back at the end; its media folder."""
    media = str(tmp_path_factory.mktemp("demo-media"))
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield media
        transaction.set_rollback(True)
