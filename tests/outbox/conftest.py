"""Fixtures of the outbox tests: a list to subscribe to."""

import pytest

from tests.factories import NewsletterListFactory


@pytest.fixture
def resonances(db):
    return NewsletterListFactory(name="Résonances", slug="resonances", sender_email="resonances@example.org")
