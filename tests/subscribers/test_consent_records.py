"""Consent records have one writer, subscribers.services.consent_record, which every path goes through."""

import pytest

from subscribers.models import ConsentAction, ConsentRecord, Source
from subscribers.services import consent_record
from tests.factories.subscribers import SubscriberFactory
from tests.source import modules_containing

pytestmark = pytest.mark.django_db


def test_consent_record__appends_the_proof_as_given(resonances):
    subscriber = SubscriberFactory()

    record = consent_record(
        subscriber_id=subscriber.pk,
        newsletter_list_id=resonances.pk,
        action=ConsentAction.IMPORTED,
        source=Source.IMPORT,
        legal_basis="Intérêt légitime : partenaires du contrat de ville",
    )

    stored = ConsentRecord.objects.get()
    assert stored == record
    assert (stored.subscriber, stored.newsletter_list, stored.action, stored.source) == (
        subscriber,
        resonances,
        ConsentAction.IMPORTED,
        Source.IMPORT,
    )
    assert stored.legal_basis == "Intérêt légitime : partenaires du contrat de ville"
    assert (stored.consent_text, stored.ip_address) == ("", None)


def test_app_code__only_the_subscribers_service_writes_consent_records():
    assert modules_containing("ConsentRecord.objects.create", besides="subscribers/services.py") == []
    assert modules_containing("ConsentRecord(", besides="subscribers/models.py") == []
