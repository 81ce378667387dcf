"""Fixtures of the subscribers tests: two lists, a private cache namespace, the public form's data."""

import uuid

import pytest

from tests.factories import NewsletterListFactory, TerritoryFactory


@pytest.fixture(autouse=True)
def private_cache(settings) -> None:
    """Rate-limit counters of this test only, on the configured cache (Redis when REDIS_URL is set)."""
    caches = {alias: dict(config) for alias, config in settings.CACHES.items()}
    caches["default"]["KEY_PREFIX"] = f"test-subscribers-{uuid.uuid4().hex}"
    settings.CACHES = caches


@pytest.fixture
def resonances(db):
    return NewsletterListFactory(name="Résonances", slug="resonances", sender_email="resonances@example.org")


@pytest.fixture
def la_lettre(db):
    return NewsletterListFactory(name="La Lettre", slug="la-lettre", sender_email="lalettre@example.org")


@pytest.fixture
def territory(db):
    return TerritoryFactory(name="Saint-Denis", code="93066")


@pytest.fixture
def form_data(resonances, la_lettre, territory):
    def build(**overrides: object) -> dict[str, object]:
        data = {
            "email": "ines.benali@example.org",
            "name": "Inès Benali",
            "organisation": "Ville de Saint-Denis",
            "role": "elected",
            "territory": str(territory.pk),
            "lists": [str(resonances.pk)],
            "consent": "on",
            "website": "",
        }
        data.update(overrides)
        return data

    return build
