"""Erasing a subscriber keeps the send's counts but nothing that identifies them."""

import pytest

from sending.models import Delivery, DeliveryStatus
from subscribers.gdpr import subscriber_erase
from tests.sending.conftest import subscribers_create
from tests.sending.test_services import _started

pytestmark = pytest.mark.django_db


def test_erasure__blanks_the_address_kept_on_deliveries(issue, sender, fast_pace):
    erased, kept = subscribers_create(issue.newsletter_list, 2)
    send = _started(issue, sender)
    Delivery.objects.filter(send=send).update(status=DeliveryStatus.SENT, message_id="<id@example.org>")

    subscriber_erase(subscriber=erased)

    assert Delivery.objects.filter(send=send).count() == 2
    anonymous = Delivery.objects.get(send=send, subscriber__isnull=True)
    assert (anonymous.email, anonymous.message_id) == ("", "")
    assert Delivery.objects.get(send=send, subscriber=kept).email == kept.email
    assert not Delivery.objects.filter(email__iexact=erased.email).exists()
