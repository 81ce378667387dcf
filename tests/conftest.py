"""Shared fixtures: isolated media, an admin client, and the site's page tree."""

from dataclasses import dataclass

import pytest
from wagtail.models import Page

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

# django-axes' backend comes first in AUTHENTICATION_BACKENDS and cannot load a user from a session.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def pytest_configure(config):
    # Whitenoise looks for collected static files the tests never need.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a per-test folder, never to var/."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


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
    home = HomePageFactory(parent=site_root)
    return SiteTree(
        home=home,
        programmes=ProgrammeIndexPageFactory(parent=home),
        publications=PublicationIndexPageFactory(parent=home),
        podcasts=PodcastIndexPageFactory(parent=home),
        experiences=ExperienceIndexPageFactory(parent=home),
        newsletters=NewsletterIndexPageFactory(parent=home),
    )


@pytest.fixture
def home_page(site_tree) -> HomePage:
    return site_tree.home
