"""Shared fixtures of the search tests."""

import pytest
from django.db import connection


class SearchRelevanceReport(UserWarning):
    """The relevance test's figures, shown in pytest's warnings summary on every run (xdist included)."""


@pytest.fixture
def database_vendor() -> str:
    return connection.vendor
