"""The registration's information text names the site's controller and retention period, as recorded."""

import pytest
from wagtail.models import Site

from legal.models import LegalInformation
from registrations.models import Registration
from tests.html import page_source

pytestmark = pytest.mark.django_db


def test_consent_text__shown_and_recorded_name_the_controller_and_the_retention(
    client, action, per_session, sessions, django_capture_on_commit_callbacks
):
    LegalInformation.objects.create(
        site=Site.objects.get(is_default_site=True),
        controller_name="IREV (exemple)",
    )

    shown = page_source(client.get(action.url))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/inscriptions/action/{action.pk}/",
            {"email": "nadia@example.org", "session": sessions[0].pk, "name": "Nadia Benali", "consent": "on"},
            REMOTE_ADDR="203.0.113.9",
        )

    recorded = Registration.objects.get().consent_text
    assert recorded.startswith("J'accepte que IREV (exemple), responsable du traitement,")
    # The period the retention task applies (RegistrationPrivacy, 12 months unless the centre set another).
    assert "anonymisées 12 mois après la dernière séance" in recorded
    assert recorded in shown
