"""The public forms behind a reverse proxy: each visitor is counted and recorded at its own address."""

import html

import pytest
from django.core import mail

from subscribers.models import ConsentAction, ConsentRecord, Subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/abonnement/"
PROXY = "10.0.0.2"


def _post(client, capture, data, **meta):
    with capture(execute=True):
        return client.post(SUBSCRIBE, data, **meta)


def test_subscribe__thirty_visitors_behind_one_proxy__all_accepted_each_at_its_address(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    visitors = {f"visiteur{number}@example.org": f"198.51.100.{number + 1}" for number in range(30)}
    for email, address in visitors.items():
        response = _post(
            client,
            django_capture_on_commit_callbacks,
            form_data(email=email),
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )
        assert response.status_code == 200, email

    recorded = dict(
        ConsentRecord.objects.filter(action=ConsentAction.REQUESTED).values_list("subscriber__email", "ip_address")
    )
    assert recorded == visitors
    assert len(mail.outbox) == 30


def test_subscribe__forged_header_behind_the_proxy__the_address_the_proxy_saw_counts(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SUBSCRIBERS_RATE_LIMIT_PER_IP = 3
    # The proxy appends the address it saw to whatever the client sent.
    for number in range(4):
        response = _post(
            client,
            django_capture_on_commit_callbacks,
            form_data(email=f"p{number}@example.org"),
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number + 1}, 203.0.113.66",
        )
    assert response.status_code == 429
    assert set(ConsentRecord.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}


def test_subscribe__direct_client_forging_the_header__throttled_on_its_own_address(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.SUBSCRIBERS_RATE_LIMIT_PER_IP = 3
    # django-axes' own ipware settings, as production once set them, decide nothing.
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    answers = [
        _post(
            client,
            django_capture_on_commit_callbacks,
            form_data(email=f"p{number}@example.org"),
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number + 1}",
        )
        for number in range(4)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert "Trop de demandes d'abonnement" in html.unescape(answers[-1].content.decode())
    assert not Subscriber.objects.filter(email="p3@example.org").exists()
    assert set(ConsentRecord.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_subscribe__proxy_header_shorter_than_the_proxy_count__the_connection_address(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.TRUSTED_PROXY_COUNT = 2
    _post(
        client, django_capture_on_commit_callbacks, form_data(), REMOTE_ADDR="10.0.0.3", HTTP_X_FORWARDED_FOR="garbage"
    )
    assert set(ConsentRecord.objects.values_list("ip_address", flat=True)) == {"10.0.0.3"}


def test_confirm__behind_the_proxy__the_confirmation_records_the_visitor(
    client, django_capture_on_commit_callbacks, form_data, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    _post(client, django_capture_on_commit_callbacks, form_data(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.8")
    [link] = [line for line in mail.outbox[0].body.split() if "/abonnement/confirmer/" in line]
    path = link[link.index("/abonnement/") :]

    response = client.post(path, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.200, 2001:db8::7")

    assert response.status_code == 200
    assert ConsentRecord.objects.get(action=ConsentAction.CONFIRMED).ip_address == "2001:db8::7"
