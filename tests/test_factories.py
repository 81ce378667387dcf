"""Every factory builds a saved instance that passes its model's own validation."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Orderable, Page, Site

from publications.models import HomePage
from tests import factories
from tests.factories.pages import OrderableFactory

ALL_FACTORIES = [getattr(factories, name) for name in factories.__all__ if name.endswith("Factory")]
PAGE_FACTORIES = [factory_class for factory_class in ALL_FACTORIES if issubclass(factory_class._meta.model, Page)]


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", ALL_FACTORIES, ids=lambda f: f.__name__)
def test_factory__creates_a_valid_instance(factory_class):
    instance = factory_class()

    instance.refresh_from_db()
    try:
        instance.full_clean()
    except ValidationError as error:
        pytest.fail(f"{factory_class.__name__} built an invalid instance: {error.message_dict}")


@pytest.mark.django_db
@pytest.mark.parametrize("factory_class", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_factory__page_sits_under_an_allowed_parent(factory_class):
    instance = factory_class()

    parent = instance.get_parent().specific
    assert instance.specific_class.can_exist_under(parent)


def test_site_tree__home_page_is_the_default_sites_root(site_tree):
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific == site_tree.home
    assert isinstance(site_tree.home, HomePage)
    assert [child.specific_class for child in site_tree.home.get_children()] == [
        type(site_tree.programmes),
        type(site_tree.publications),
        type(site_tree.podcasts),
        type(site_tree.experiences),
        type(site_tree.newsletters),
    ]


def test_site_tree__content_pages_reuse_the_existing_index(site_tree):
    action = factories.ActionPageFactory()
    publication = factories.PublicationPageFactory()

    assert action.get_parent().get_parent().specific == site_tree.programmes
    assert publication.get_parent().specific == site_tree.publications
    assert HomePage.objects.count() == 1


def test_media_root__files_are_written_to_the_test_folder(db, media_root):
    media = factories.CustomMediaFactory()

    assert media.file.path.startswith(str(media_root))


@pytest.mark.parametrize(
    "factory_class",
    [factory_class for factory_class in ALL_FACTORIES if issubclass(factory_class._meta.model, Orderable)],
    ids=lambda f: f.__name__,
)
def test_factory__numbers_the_inline_rows_it_builds(factory_class):
    # Rows with no sort order come back in whatever order the database likes: PostgreSQL and SQLite differ.
    assert issubclass(factory_class, OrderableFactory)
