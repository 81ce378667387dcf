"""With Redis down (cache and broker: REDIS_URL at a closed port), the public site still answers.

Reads degrade to no cache; a subscription is accepted, its confirmation email kept for later.
The server is another gunicorn on the same database, started once for this module's tests.
"""

import uuid

import pytest

from tests.production.subscription import DONE, SubscriptionForm

PUBLIC_READS = [
    "/",
    "/api/v2/pages/",
    "/api/actions/",
    "/api/podcasts/episodes/",
    "/flux/publications.xml",
    "/flux/actualites.atom",
    "/flux/agenda.ics",
    "/sitemap.xml",
    "/recherche/?q=ville",
    "/api/search/?q=ville",
]


@pytest.mark.parametrize("path", PUBLIC_READS)
def test_redis_down__public_read_answers_200(server_without_redis, path):
    response = server_without_redis.get(path)

    assert response.status == 200, response.text[:300]


def test_redis_down__subscription_accepted(server_without_redis):
    form = SubscriptionForm(server_without_redis)

    response = form.submit(email=f"panne-{uuid.uuid4().hex[:12]}@example.org", client="203.0.113.50")

    assert response.status == 200
    assert DONE in response.text
