"""django-axes behind the proxy: the lock-out falls on the attacker's address, not on everyone's."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PROXY = "10.0.0.2"
ATTACKER = "203.0.113.66"
COLLEAGUE = "198.51.100.5"


@pytest.fixture
def lockout(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.TRUSTED_PROXY_COUNT = 1
    # django-axes' own ipware settings, as production once set them, decide nothing.
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="nadia.benali", email="nadia.benali@example.org", password="mot-de-passe-juste"
    )


def _login(client, password: str, forwarded_for: str):
    return client.post(
        LOGIN,
        {"username": "nadia.benali", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_admin_login__five_failures_behind_the_proxy__only_the_attackers_address_is_locked(client, editor, lockout):
    failures = [_login(client, "mauvais", f"192.0.2.{attempt}, {ATTACKER}").status_code for attempt in range(5)]
    assert failures == [200, 200, 200, 200, 429]

    locked = _login(Client(), "mot-de-passe-juste", ATTACKER)
    colleague = _login(Client(), "mot-de-passe-juste", COLLEAGUE)

    assert locked.status_code == 429
    assert colleague.status_code == 302
    assert colleague.url.startswith("/admin/")


def test_admin_login__forged_header_from_a_direct_client__locked_on_its_connection_address(
    client, editor, lockout, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.AXES_IPWARE_PROXY_COUNT = 0
    for attempt in range(5):
        client.post(
            LOGIN,
            {"username": "nadia.benali", "password": "mauvais"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt + 1}",
        )

    locked = Client().post(
        LOGIN,
        {"username": "nadia.benali", "password": "mot-de-passe-juste"},
        REMOTE_ADDR=ATTACKER,
        HTTP_X_FORWARDED_FOR=COLLEAGUE,
    )

    assert locked.status_code == 429
