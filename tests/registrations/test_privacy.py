"""Personal data of registrations: the subscribers' GDPR export and erasure, the retention period,
and the consent text recorded."""

import datetime

import pytest
from django.core import mail
from wagtail.models import Site

from registrations.consent import consent_text
from registrations.models import Registration, RegistrationPrivacy, RegistrationStatus
from registrations.privacy import months_before, registrations_anonymise_expired, registrations_erase
from registrations.selectors import registration_by_key, registration_counts
from registrations.services import Applicant, registration_create
from subscribers.gdpr import subscriber_data_export, subscriber_erase
from tests.factories.subscribers import SubscriberFactory

pytestmark = pytest.mark.django_db


def register(target, email, capture, **fields):
    with capture(execute=True):
        return registration_create(
            target=target,
            applicant=Applicant(
                email=email,
                name=fields.pop("name", "Nadia Benali"),
                organisation="Ville de Saint-Denis",
                role="elected",
                accessibility_needs="Interprète LSF",
                answers={"Votre question ?": "La participation"},
                **fields,
            ),
            consent_text="J'accepte.",
        ).registration


def test_export__a_subscriber_s_registrations_join_their_data(first_target, django_capture_on_commit_callbacks):
    subscriber = SubscriberFactory(email="Nadia.Benali@example.org")
    register(first_target, "nadia.benali@example.org", django_capture_on_commit_callbacks)
    register(first_target, "autre@example.org", django_capture_on_commit_callbacks)

    [row] = subscriber_data_export(subscriber)["inscriptions"]
    assert row["adresse électronique"] == "nadia.benali@example.org"
    assert row["action"] == "Atelier des conseils citoyens"
    assert row["état"] == "Confirmée"
    assert row["fonction"] == "Élu·e"
    assert row["besoins d'accessibilité"] == "Interprète LSF"


def test_erasure__upcoming_registrations_are_cancelled_silently_their_seat_promoted_and_all_anonymised(
    first_target, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(email="nadia.benali@example.org")
    erased = register(first_target, "nadia.benali@example.org", django_capture_on_commit_callbacks)
    register(first_target, "b@example.org", django_capture_on_commit_callbacks)
    waiting = register(first_target, "c@example.org", django_capture_on_commit_callbacks)
    old_key = erased.access_key
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        subscriber_erase(subscriber=subscriber)

    erased.refresh_from_db()
    assert erased.status == RegistrationStatus.CANCELLED
    assert (erased.name, erased.organisation, erased.accessibility_needs, erased.answers) == ("", "", "", {})
    assert erased.email == f"anonyme-{erased.pk}@invalid"
    assert erased.role == "elected", "the counts by role stay"
    assert erased.anonymised_at is not None
    assert registration_by_key(old_key) is None
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [["c@example.org"]], "nothing more to the erased person"


def test_retention__past_registrations_are_anonymised_after_the_site_s_period_counts_kept(
    action, per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    for email in ["a@example.org", "b@example.org", "c@example.org"]:
        register(first_target, email, django_capture_on_commit_callbacks)
    privacy = RegistrationPrivacy.for_site(Site.objects.get(is_default_site=True))
    privacy.retention_months = 6
    privacy.save()
    counts = registration_counts(per_session)
    ended = sessions[0].ends_at

    assert registrations_anonymise_expired(now=months_before(ended, -5)) == 0
    assert registrations_anonymise_expired(now=months_before(ended, -6) + datetime.timedelta(minutes=1)) == 3
    assert registrations_anonymise_expired(now=months_before(ended, -7)) == 0, "once"

    assert registration_counts(per_session) == counts
    assert set(Registration.objects.values_list("name", "organisation", "accessibility_needs")) == {("", "", "")}
    assert Registration.objects.filter(role="elected", status=RegistrationStatus.CONFIRMED).count() == 2


def test_retention__upcoming_and_other_sessions_are_left_alone(
    per_session, sessions, first_target, django_capture_on_commit_callbacks
):
    register(first_target, "a@example.org", django_capture_on_commit_callbacks)
    assert registrations_anonymise_expired(now=sessions[0].starts_at) == 0
    assert registrations_erase(email="personne@example.org") == 0
    assert Registration.objects.get().name == "Nadia Benali"


def test_consent_text__names_the_controller_and_the_site_s_retention_period(action, settings):
    privacy = RegistrationPrivacy.for_site(Site.objects.get(is_default_site=True))
    privacy.retention_months = 18
    privacy.save()
    text = consent_text(action, site=action.get_site())
    assert f"{settings.WAGTAIL_SITE_NAME}, responsable du traitement" in text
    assert "anonymisées 18 mois après la dernière séance" in text


def test_months_before__keeps_the_day_or_takes_the_month_s_last():
    paris = datetime.UTC
    assert months_before(datetime.datetime(2026, 3, 31, tzinfo=paris), 1) == datetime.datetime(
        2026, 2, 28, tzinfo=paris
    )
    assert months_before(datetime.datetime(2026, 1, 15, tzinfo=paris), 13) == datetime.datetime(
        2024, 12, 15, tzinfo=paris
    )
