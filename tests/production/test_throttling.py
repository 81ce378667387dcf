"""The subscription throttle counts per real client behind the proxy (TRUSTED_PROXY_COUNT=1).

Every request reaches gunicorn from the proxy's address; the client is the last X-Forwarded-For
entry. Each test uses addresses of its own and a new email address per attempt, so that only the
per-client counter (SUBSCRIBERS_RATE_LIMIT_PER_IP) is at stake.
"""

import uuid

from django.conf import settings

from tests.production.subscription import DONE, THROTTLED, SubscriptionForm


def new_email() -> str:
    return f"abonne-{uuid.uuid4().hex[:12]}@example.org"


def test_subscribe__thirty_clients_behind_the_proxy_each_get_through(server):
    form = SubscriptionForm(server)

    answers = [form.submit(email=new_email(), client=f"198.51.100.{number}") for number in range(1, 31)]

    assert [response.status for response in answers] == [200] * 30
    assert all(DONE in response.text for response in answers)


def test_subscribe__one_client_over_the_limit_gets_429(server):
    form = SubscriptionForm(server)
    limit = settings.SUBSCRIBERS_RATE_LIMIT_PER_IP

    answers = [form.submit(email=new_email(), client="192.0.2.77") for _ in range(limit + 1)]

    assert answers[-1].status == 429
    assert THROTTLED in answers[-1].text


def test_subscribe__a_client_over_the_limit_leaves_the_others_alone(server):
    form = SubscriptionForm(server)
    limit = settings.SUBSCRIBERS_RATE_LIMIT_PER_IP

    greedy = [form.submit(email=new_email(), client="192.0.2.88") for _ in range(limit + 1)]
    other = form.submit(email=new_email(), client="192.0.2.89")

    assert [response.status for response in greedy] == [200] * limit + [429]
    assert other.status == 200
