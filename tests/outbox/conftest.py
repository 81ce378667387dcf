"""Fixtures of the outbox tests: a broker on a closed port, a list to subscribe to, the public form."""

import pytest

from tests.factories import NewsletterListFactory
from tests.outages import celery_broker, closed_redis_url, production_settings


@pytest.fixture(scope="module")
def unreachable_broker() -> dict:
    """The broker settings production reads with REDIS_URL on a port where nothing listens."""
    return production_settings(["CELERY_BROKER_URL", "CELERY_BROKER_TRANSPORT_OPTIONS"], REDIS_URL=closed_redis_url())


@pytest.fixture
def broker_down(unreachable_broker):
    """``with broker_down():`` the broker is unreachable; after the block it is back."""
    return lambda: celery_broker(
        url=unreachable_broker["CELERY_BROKER_URL"],
        transport_options=unreachable_broker["CELERY_BROKER_TRANSPORT_OPTIONS"],
    )


@pytest.fixture
def resonances(db):
    return NewsletterListFactory(name="Résonances", slug="resonances", sender_email="resonances@example.org")
