"""The demo, loaded twice once for this package (test_load_demo, test_centre_sites) and rolled back at its end."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Site

from tests.demo.loaded.counts import demo_counts


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The counts after a first and a second load, and the media folder the demo generated."""
    media = str(tmp_path_factory.mktemp("demo-media"))
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        first = demo_counts()
        call_command("load_demo", "--admin", "--admin-password", "demo-pass", verbosity=0)
        yield first, demo_counts(), media
        transaction.set_rollback(True)
        # The rolled-back sites stay in Wagtail's cache of site roots otherwise.
        Site.clear_site_root_paths_cache()


@pytest.fixture
def demo_media(settings, demo_site):
    """Read the files the demo generated (replaces the per-test media folder)."""
    settings.MEDIA_ROOT = demo_site[2]
    return demo_site[2]
