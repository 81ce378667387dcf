"""A page belongs to the centre whose site holds it; a list names its centre; old data gets a default centre."""

import importlib

import pytest
from django.apps import apps
from django.test import RequestFactory
from wagtail.models import Page, Site

from centres.models import Centre
from centres.selectors import centre_for_page, centre_for_request, centre_for_site, centre_pages
from newsletters.models import NewsletterList
from tests.factories.centres import CentreFactory, default_centre
from tests.factories.newsletters import NewsletterListFactory
from tests.factories.pages import HomePageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

default_centre_migration = importlib.import_module("centres.migrations.0002_default_centre")


@pytest.fixture
def two_centres(site_tree):
    """The default site's centre and a second centre on irev.localhost with its own home page."""
    first = default_centre()
    home = HomePageFactory(default_site=False, slug="irev")
    site = Site.objects.create(hostname="irev.localhost", port=80, root_page=home, site_name="IREV")
    second = CentreFactory(name="IREV", acronym="IREV", site=site)
    return first, second, home


def test_a_page_belongs_to_the_centre_of_its_site(site_tree, two_centres):
    first, second, irev_home = two_centres
    here = PublicationPageFactory(parent=site_tree.publications)
    there = PublicationPageFactory(parent=irev_home)

    assert centre_for_page(here) == first
    assert centre_for_page(there) == second
    assert set(centre_pages(second)) == {Page.objects.get(pk=irev_home.pk), Page.objects.get(pk=there.pk)}
    assert Page.objects.get(pk=here.pk) not in centre_pages(second)


def test_a_site_of_no_centre_is_the_network_site(site_tree, two_centres):
    network_home = HomePageFactory(default_site=False, slug="reseau")
    network = Site.objects.create(hostname="reseau.localhost", port=80, root_page=network_home)

    assert centre_for_site(network) is None
    assert centre_for_page(network_home) is None
    assert centre_pages(Centre(name="Sans site", slug="sans-site")).count() == 0


def test_the_request_host_picks_the_centre(site_tree, two_centres):
    _, second, _ = two_centres
    request = RequestFactory().get("/", HTTP_HOST="irev.localhost")

    assert centre_for_request(request) == second


def test_a_list_names_its_centre(site_tree, two_centres):
    first, second, _ = two_centres
    assert NewsletterListFactory().centre == first
    assert NewsletterListFactory(centre=second).centre == second
    assert set(second.newsletter_lists.all()) == set(NewsletterList.objects.filter(centre=second))


def test_the_migration_gives_an_instance_of_one_centre_its_default_centre(site_tree):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Profession Banlieue"
    site.save()

    default_centre_migration.forwards(apps, None)

    centre = Centre.objects.get()
    assert (centre.name, centre.slug, centre.site) == ("Profession Banlieue", "centre", site)
    default_centre_migration.forwards(apps, None)
    assert Centre.objects.count() == 1


def test_the_migration_makes_no_centre_for_a_new_database(db):
    welcome = Page.objects.get(depth=2)
    assert welcome.specific_class is Page
    assert Site.objects.get(is_default_site=True).root_page_id == welcome.pk

    default_centre_migration.forwards(apps, None)

    assert not Centre.objects.exists()
