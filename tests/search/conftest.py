"""Shared fixtures of the search tests."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings


class SearchRelevanceReport(UserWarning):
    """The relevance test's figures, shown in pytest's warnings summary on every run (xdist included)."""


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded and indexed once for the module, rolled back at the end."""
    media = str(tmp_path_factory.mktemp("demo-media"))
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def database_vendor() -> str:
    return connection.vendor
