"""Sends and deliveries through the services, on SQLite and PostgreSQL, to a real SMTP server."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from sending import services
from sending.delivery import DELIVERY_HEADER, batch_claim, batch_deliver, send_work, worker_token
from sending.models import Delivery, DeliveryStatus, Send, SendStatus
from sending.selectors import send_progress
from subscribers.models import Subscriber, Subscription, SubscriptionStatus
from tests import factories
from tests.sending.conftest import subscribers_create

pytestmark = pytest.mark.django_db


def _create(issue, user, *, newsletter_list=None, rate=1000, batch=10, when=None) -> Send:
    return services.send_create(
        issue=issue,
        newsletter_list=newsletter_list or issue.newsletter_list,
        scheduled_at=when or timezone.now(),
        rate_per_second=rate,
        batch_size=batch,
        user=user,
    )


def _started(issue, user, **kwargs) -> Send:
    send = _create(issue, user, **kwargs)
    assert services.send_start(send_id=send.pk)
    return Send.objects.get(pk=send.pk)


def test_send_create__refuses_an_issue_that_has_not_passed_its_workflow(issue, sender, fast_pace):
    issue.unpublish()

    with pytest.raises(ValidationError) as error:
        _create(issue, sender)

    assert "circuit de validation" in str(error.value)
    assert not Send.objects.exists()


def test_send_create__refuses_a_user_without_the_send_permission(issue, django_user_model, fast_pace):
    editor = django_user_model.objects.create_user(username="redaction", password="x", is_staff=True)

    with pytest.raises(PermissionDenied):
        _create(issue, editor)

    assert not Send.objects.exists()


def test_send_create__refuses_a_second_send_of_the_same_issue_to_the_same_list(issue, sender, fast_pace):
    _create(issue, sender)

    with pytest.raises(ValidationError) as error:
        _create(issue, sender)

    assert "déjà envoyé ou programmé" in str(error.value)
    assert Send.objects.count() == 1


def test_send_create__allows_a_new_send_once_the_previous_is_cancelled(issue, sender, fast_pace):
    first = _create(issue, sender)
    services.send_cancel(send_id=first.pk, user=sender)

    second = _create(issue, sender)

    assert second.pk != first.pk


def test_send_constraint__refuses_a_duplicate_even_past_the_service(issue, sender):
    values = {"issue": issue, "newsletter_list": issue.newsletter_list, "rate_per_second": 5, "batch_size": 5}
    Send.objects.create(scheduled_at=timezone.now(), **values)

    with pytest.raises(IntegrityError), transaction.atomic():
        Send.objects.create(scheduled_at=timezone.now(), **values)


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("rate_per_second", {"rate": 0}),
        ("rate_per_second", {"rate": 10**9}),
        ("batch_size", {"batch": 0}),
        ("batch_size", {"batch": 10**7}),
        ("scheduled_at", {"when": timezone.now() - datetime.timedelta(days=1)}),
        ("scheduled_at", {"when": timezone.now() + datetime.timedelta(days=800)}),
    ],
)
def test_send_create__refuses_absurd_values(issue, sender, field, kwargs):
    with pytest.raises(ValidationError) as error:
        _create(issue, sender, **kwargs)

    assert field in error.value.message_dict
    assert not Send.objects.exists()


def test_send_start__records_confirmed_unsuppressed_recipients_once(issue, sender, fast_pace):
    subscribers = subscribers_create(issue.newsletter_list, 5)
    Subscriber.objects.filter(pk=subscribers[0].pk).update(suppressed_at=timezone.now())
    Subscription.objects.filter(subscriber=subscribers[1]).update(status=SubscriptionStatus.UNSUBSCRIBED)
    send = _create(issue, sender)

    assert services.send_start(send_id=send.pk)
    assert not services.send_start(send_id=send.pk)

    send.refresh_from_db()
    assert send.status == SendStatus.RUNNING
    assert send.total == 3
    assert sorted(Delivery.objects.values_list("email", flat=True)) == sorted(s.email for s in subscribers[2:])
    assert "Séminaire des élu·e·s" in send.subject


def test_send_start__leaves_a_send_scheduled_later_alone(issue, sender, fast_pace):
    send = _create(issue, sender, when=timezone.now() + datetime.timedelta(hours=2))

    assert services.sends_start_due() == 0
    assert not services.send_start(send_id=send.pk)
    assert Send.objects.get(pk=send.pk).status == SendStatus.SCHEDULED


def test_send_start__cancels_a_send_whose_issue_was_unpublished(issue, sender, fast_pace):
    send = _create(issue, sender)
    issue.unpublish()

    assert not services.send_start(send_id=send.pk)

    send.refresh_from_db()
    assert send.status == SendStatus.CANCELLED
    assert "plus publié" in send.status_note
    assert not Delivery.objects.exists()


def test_send_work__sends_one_message_per_recipient_with_its_message_id(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 25)
    send = _started(issue, sender, batch=7)

    assert send_work(send_id=send.pk, budget_seconds=30) is False
    services.send_complete_if_done(send_id=send.pk)

    counts = smtp_server.by_recipient()
    assert len(counts) == 25
    assert set(counts.values()) == {1}
    deliveries = Delivery.objects.filter(send=send)
    assert set(deliveries.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    by_id = {str(d.pk): d for d in deliveries}
    for received in smtp_server.received:
        delivery = by_id[received.delivery_id]
        assert received.recipient == delivery.email
        assert received.headers["Message-ID"] == delivery.message_id
        assert "List-Unsubscribe" in received.headers
    assert Send.objects.get(pk=send.pk).status == SendStatus.COMPLETED


def test_send_work__run_twice_sends_nothing_twice(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 12)
    send = _started(issue, sender, batch=5)

    send_work(send_id=send.pk, budget_seconds=30)
    send_work(send_id=send.pk, budget_seconds=30)

    assert len(smtp_server.received) == 12
    assert set(smtp_server.by_recipient().values()) == {1}


def test_send__uses_the_snapshot_taken_at_start_when_the_page_changes(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 2)
    send = _started(issue, sender)
    issue.title = "Titre modifié pendant l'envoi"
    issue.save_revision().publish()

    send_work(send_id=send.pk, budget_seconds=30)

    assert len(smtp_server.received) == 2
    assert all("Titre modifi" not in m.headers["Subject"] for m in smtp_server.received)


def test_batch_claim__two_workers_get_disjoint_rows(issue, sender, fast_pace):
    subscribers_create(issue.newsletter_list, 10)
    send = _started(issue, sender, batch=4)

    first = batch_claim(send_id=send.pk, worker="a")
    second = batch_claim(send_id=send.pk, worker="b")
    third = batch_claim(send_id=send.pk, worker="c")
    fourth = batch_claim(send_id=send.pk, worker="d")

    assert len(first.delivery_ids) == 4
    assert len(second.delivery_ids) == 4
    assert len(third.delivery_ids) == 2
    assert fourth is None
    assert not set(first.delivery_ids) & set(second.delivery_ids)
    assert second.starts_at >= first.starts_at + datetime.timedelta(seconds=4 / send.rate_per_second)


def test_recovery__claimed_rows_go_back_to_pending_and_sending_rows_become_uncertain(issue, sender, fast_pace):
    subscribers_create(issue.newsletter_list, 3)
    send = _started(issue, sender, batch=3)
    batch = batch_claim(send_id=send.pk, worker="killed")
    first, *rest = batch.delivery_ids
    Delivery.objects.filter(pk=first).update(status=DeliveryStatus.SENDING, attempts=1)
    Delivery.objects.filter(send=send).update(lease_expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert services.deliveries_recover_expired() == (2, 1)

    in_doubt = Delivery.objects.get(pk=first)
    assert in_doubt.status == DeliveryStatus.PENDING
    assert in_doubt.uncertain
    assert not Delivery.objects.filter(pk__in=rest, uncertain=True).exists()
    assert set(Delivery.objects.values_list("status", "claimed_by")) == {(DeliveryStatus.PENDING, "")}


def test_recovery__a_late_worker_cannot_overwrite_a_recovered_row(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 2)
    send = _started(issue, sender, batch=2)
    late = batch_claim(send_id=send.pk, worker="late")
    Delivery.objects.filter(send=send).update(lease_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    services.deliveries_recover_expired()
    batch_deliver(batch_claim(send_id=send.pk, worker="fresh"))

    assert batch_deliver(late) == 0

    assert len(smtp_server.received) == 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


def test_pause__stops_the_worker_and_resume_finishes_the_send(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 6)
    send = _started(issue, sender, batch=6)
    batch = batch_claim(send_id=send.pk, worker=worker_token())

    assert services.send_pause(send_id=send.pk, user=sender)
    assert not services.send_pause(send_id=send.pk, user=sender)
    assert batch_deliver(batch) == 0
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING, claimed_by="").count() == 6
    assert batch_claim(send_id=send.pk, worker="other") is None

    assert services.send_resume(send_id=send.pk, user=sender)
    send_work(send_id=send.pk, budget_seconds=30)
    services.send_complete_if_done(send_id=send.pk)

    assert len(smtp_server.received) == 6
    assert Send.objects.get(pk=send.pk).status == SendStatus.COMPLETED


def test_cancel__sends_nothing_more(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 6)
    send = _started(issue, sender, batch=3)
    batch_deliver(batch_claim(send_id=send.pk, worker="w"))

    assert services.send_cancel(send_id=send.pk, user=sender)
    assert not services.send_resume(send_id=send.pk, user=sender)
    send_work(send_id=send.pk, budget_seconds=30)

    assert len(smtp_server.received) == 3
    assert Delivery.objects.filter(status=DeliveryStatus.CANCELLED).count() == 3
    assert Send.objects.get(pk=send.pk).status == SendStatus.CANCELLED


def test_new_send_after_a_cancelled_one__skips_who_already_received_it(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 6)
    first = _started(issue, sender, batch=2)
    batch_deliver(batch_claim(send_id=first.pk, worker="w"))
    services.send_cancel(send_id=first.pk, user=sender)

    second = _started(issue, sender, batch=10)
    send_work(send_id=second.pk, budget_seconds=30)

    assert second.total == 4
    assert set(smtp_server.by_recipient().values()) == {1}
    assert len(smtp_server.received) == 6


def test_failures__permanent_suppresses_and_transient_retries_with_backoff(
    issue, sender, smtp_server, fast_pace, settings
):
    settings.SENDING_RETRY_BASE_SECONDS = 30
    newsletter_list = issue.newsletter_list
    subscribers_create(newsletter_list, 2)
    refused = subscribers_create(newsletter_list, 1, prefix="refuse")[0]
    busy = subscribers_create(newsletter_list, 1, prefix="busy")[0]
    send = _started(issue, sender)

    send_work(send_id=send.pk, budget_seconds=30)

    bounced = Delivery.objects.get(subscriber=refused)
    assert bounced.status == DeliveryStatus.FAILED
    assert "550" in bounced.error
    assert Subscriber.objects.get(pk=refused.pk).suppressed_at is not None
    later = Delivery.objects.get(subscriber=busy)
    assert later.status == DeliveryStatus.PENDING
    assert later.attempts == 1
    assert not later.uncertain
    assert later.next_attempt_at >= timezone.now() + datetime.timedelta(seconds=25)
    assert len(smtp_server.received) == 2

    Delivery.objects.filter(pk=later.pk).update(next_attempt_at=timezone.now())
    send_work(send_id=send.pk, budget_seconds=30)
    later.refresh_from_db()
    assert later.attempts == 2
    assert later.next_attempt_at >= timezone.now() + datetime.timedelta(seconds=55)
    assert not services.send_complete_if_done(send_id=send.pk)


def test_failures__the_last_attempt_records_the_failure(issue, sender, smtp_server, fast_pace, settings):
    settings.SENDING_MAX_ATTEMPTS = 1
    busy = subscribers_create(issue.newsletter_list, 1, prefix="busy")[0]
    send = _started(issue, sender)

    send_work(send_id=send.pk, budget_seconds=30)

    delivery = Delivery.objects.get(subscriber=busy)
    assert delivery.status == DeliveryStatus.FAILED
    assert "451" in delivery.error
    assert Subscriber.objects.get(pk=busy.pk).suppressed_at is None
    assert services.send_complete_if_done(send_id=send.pk)


def test_unreachable_server__nothing_is_claimed_nor_attempted_and_the_work_is_handed_on(
    issue, sender, settings, fast_pace
):
    from tests.smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.SENDING_RECONNECT_SECONDS = 0.2
    subscribers_create(issue.newsletter_list, 3)
    send = _started(issue, sender)

    work_left = send_work(send_id=send.pk, budget_seconds=1)

    # No back-off: the rows are due as soon as the server answers again.
    assert work_left
    assert set(Delivery.objects.values_list("status", "attempts", "next_attempt_at", "claimed_by")) == {
        (DeliveryStatus.PENDING, 0, None, "")
    }


def test_recipient_unsubscribed_mid_send__is_skipped(issue, sender, smtp_server, fast_pace):
    subscribers = subscribers_create(issue.newsletter_list, 3)
    send = _started(issue, sender)
    Subscription.objects.filter(subscriber=subscribers[0]).update(status=SubscriptionStatus.UNSUBSCRIBED)

    send_work(send_id=send.pk, budget_seconds=30)

    assert subscribers[0].email not in smtp_server.by_recipient()
    assert Delivery.objects.get(subscriber=subscribers[0]).status == DeliveryStatus.CANCELLED
    assert len(smtp_server.received) == 2


def test_progress__counts_and_estimated_end(issue, sender, smtp_server, fast_pace):
    subscribers_create(issue.newsletter_list, 4)
    send = _started(issue, sender, batch=2, rate=1)
    batch_deliver(batch_claim(send_id=send.pk, worker="w"))

    progress = send_progress(Send.objects.get(pk=send.pk))

    assert (progress.total, progress.sent, progress.remaining, progress.percent) == (4, 2, 2, 50.0)
    assert progress.estimated_end > timezone.now()
    assert progress.as_json()["status"] == "running"


def test_anymail_backend__records_the_providers_message_id(issue, sender, settings, fast_pace):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    subscribers_create(issue.newsletter_list, 2)
    send = _started(issue, sender)

    send_work(send_id=send.pk, budget_seconds=30)

    ids = list(Delivery.objects.values_list("message_id", flat=True))
    assert len(ids) == 2
    assert all(ids)
    assert not any(i.startswith("<") for i in ids)


def test_delivery_header__identifies_the_row(issue, sender, smtp_server, fast_pace):
    factories_list = factories.NewsletterListFactory(name="La Lettre", slug="la-lettre")
    subscribers_create(factories_list, 1, prefix="autre")
    subscribers_create(issue.newsletter_list, 1)
    send = _started(issue, sender, newsletter_list=factories_list)

    send_work(send_id=send.pk, budget_seconds=30)

    (received,) = smtp_server.received
    assert received.recipient == "autre.0@example.org"
    assert received.headers[DELIVERY_HEADER] == str(Delivery.objects.get(send=send).pk)


def test_deliveries_release__ends_the_claim_of_the_rows_the_condition_still_holds(issue, sender, fast_pace):
    subscribers_create(issue.newsletter_list, 3)
    send = _started(issue, sender)
    batch = batch_claim(send_id=send.pk, worker=worker_token())
    kept, released, other = Delivery.objects.filter(pk__in=batch.delivery_ids).order_by("pk")
    Delivery.objects.filter(pk=other.pk).update(claimed_by="another-worker")

    written = services.deliveries_release(
        rows=Delivery.objects.filter(pk__in=[released.pk, other.pk], claimed_by=batch.worker),
        status=DeliveryStatus.CANCELLED,
        error="Annulé",
    )

    assert written == 1
    released.refresh_from_db()
    assert (released.status, released.claimed_by, released.lease_expires_at, released.error) == (
        DeliveryStatus.CANCELLED,
        "",
        None,
        "Annulé",
    )
    for untouched in (kept, other):
        untouched.refresh_from_db()
        assert untouched.status == DeliveryStatus.CLAIMED
        assert untouched.lease_expires_at is not None
