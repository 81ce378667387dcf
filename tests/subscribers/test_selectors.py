"""Who may receive a list: the whole list at a send's start, and a batch's ids while it runs."""

import pytest
from django.utils import timezone

from subscribers.models import SubscriptionStatus
from subscribers.selectors import recipient_ids_among, recipients_for
from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_recipient_ids_among__agrees_with_recipients_for(resonances, la_lettre):
    confirmed = SubscriptionFactory(newsletter_list=resonances).subscriber
    pending = SubscriptionFactory(newsletter_list=resonances, status=SubscriptionStatus.PENDING).subscriber
    left = SubscriptionFactory(newsletter_list=resonances, status=SubscriptionStatus.UNSUBSCRIBED).subscriber
    suppressed = SubscriptionFactory(
        newsletter_list=resonances, subscriber=SubscriberFactory(suppressed_at=timezone.now())
    ).subscriber
    other_list = SubscriptionFactory(newsletter_list=la_lettre).subscriber
    ids = [confirmed.pk, pending.pk, left.pk, suppressed.pk, other_list.pk, 999_999]

    among = recipient_ids_among(resonances.pk, ids)

    assert among == {confirmed.pk}
    assert among == set(recipients_for(resonances.pk).filter(pk__in=ids).values_list("pk", flat=True))
    assert recipient_ids_among(resonances.pk, []) == set()
