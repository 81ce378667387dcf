"""Wagtail's default site follows BASE_URL (after migrate and load_demo), and production refuses a bad BASE_URL."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.models import Site

from publications.site_address import base_url_check, site_address_sync
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_site(site_root) -> Site:
    Site.objects.all().delete()
    return Site.objects.create(hostname="localhost", port=80, root_page=site_root, is_default_site=True)


@pytest.mark.parametrize(
    ("base_url", "host_port"),
    [
        ("http://127.0.0.1:8642", ("127.0.0.1", 8642)),
        ("https://crpv.example.org", ("crpv.example.org", 443)),
        ("http://crpv.example.org", ("crpv.example.org", 80)),
    ],
)
def test_site_address_sync__moves_the_default_site_to_base_url(settings, default_site, base_url, host_port):
    settings.BASE_URL = base_url

    site_address_sync()

    default_site.refresh_from_db()
    assert (default_site.hostname, default_site.port) == host_port
    assert default_site.root_url == base_url


def test_site_address_sync__leaves_the_address_to_another_site_holding_it(settings, default_site, site_root):
    other = Site.objects.create(hostname="crpv.example.org", port=443, root_page=site_root)
    settings.BASE_URL = "https://crpv.example.org"

    site_address_sync()

    default_site.refresh_from_db()
    assert (default_site.hostname, default_site.port) == ("localhost", 80)
    assert Site.objects.get(pk=other.pk).hostname == "crpv.example.org"


def test_site_address_sync__moves_the_localhost_sites_to_base_url_port(settings, default_site, site_root):
    centre = Site.objects.create(hostname="irev.localhost", port=8000, root_page=site_root)
    taken = Site.objects.create(hostname="val-d-oise.localhost", port=8000, root_page=site_root)
    Site.objects.create(hostname="val-d-oise.localhost", port=8642, root_page=site_root)
    elsewhere = Site.objects.create(hostname="irev.example.org", port=443, root_page=site_root)
    settings.BASE_URL = "http://127.0.0.1:8642"

    site_address_sync()

    assert Site.objects.get(pk=centre.pk).port == 8642
    assert Site.objects.get(pk=taken.pk).port == 8000, "that name is served on the new port already"
    assert Site.objects.get(pk=elsewhere.pk).port == 443


def test_migrate__syncs_the_site_and_page_urls_follow(settings, default_site):
    home = factories.HomePageFactory(parent=default_site.root_page)
    settings.BASE_URL = "http://127.0.0.1:8642"

    call_command("migrate", verbosity=0)

    assert home.get_site().root_url == "http://127.0.0.1:8642"
    assert home.full_url == "http://127.0.0.1:8642/"


@pytest.mark.parametrize(
    ("base_url", "problem"),
    [
        ("", "BASE_URL is missing"),
        ("http://crpv.example.org", "must be an https address"),
        ("https://localhost", "names this machine"),
        ("https://127.0.0.1:8443", "names this machine"),
        ("https://crpv.localhost", "names this machine"),
    ],
)
def test_base_url_check__production_refuses_a_missing_local_or_plain_http_address(settings, base_url, problem):
    settings.SECURE_SSL_REDIRECT = True
    settings.BASE_URL = base_url

    errors = base_url_check()

    assert [error.id for error in errors] == ["publications.E001"]
    assert problem in errors[0].msg
    with pytest.raises(SystemCheckError, match=problem):
        call_command("check")


def test_base_url_check__accepts_a_public_https_address(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.BASE_URL = "https://crpv.example.org"

    assert base_url_check() == []


def test_base_url_check__leaves_a_site_without_https_alone(settings):
    """The local docker-compose stack: SECURE_SSL_REDIRECT=false and http://localhost:8000."""
    settings.SECURE_SSL_REDIRECT = False
    settings.BASE_URL = "http://localhost:8000"

    assert base_url_check() == []
