"""Figures of sends and lists: outcomes per send in the listing and the detail, expected audience, list growth."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sending import services
from sending.models import Delivery, DeliveryStatus, Send
from sending.statistics import lists_with_growth, send_with_statistics
from subscribers.models import Subscription, SubscriptionStatus, SuppressionReason
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.sending.conftest import subscribers_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender_client(client, sender):
    client.force_login(sender, backend=MODEL_BACKEND)
    return client


def _send(issue, sender, *, when: datetime.datetime | None = None) -> Send:
    return services.send_create(
        issue=issue,
        newsletter_list=issue.newsletter_list,
        scheduled_at=when or timezone.now(),
        rate_per_second=10,
        batch_size=10,
        user=sender,
    )


@pytest.fixture
def finished_send(issue, sender):
    """Five recipients: three delivered (one later unsubscribed, one complaining), one failed and bounced."""
    people = subscribers_create(issue.newsletter_list, 5)
    send = _send(issue, sender)
    services.send_start(send_id=send.pk)
    deliveries = {delivery.subscriber_id: delivery for delivery in Delivery.objects.filter(send=send)}
    later = timezone.now() + datetime.timedelta(minutes=5)
    for person in people[:3]:
        Delivery.objects.filter(pk=deliveries[person.pk].pk).update(status=DeliveryStatus.SENT)
    Delivery.objects.filter(pk=deliveries[people[3].pk].pk).update(status=DeliveryStatus.FAILED)
    people[3].suppressed_at, people[3].suppression_reason = later, SuppressionReason.BOUNCE
    people[3].save()
    people[2].suppressed_at, people[2].suppression_reason = later, SuppressionReason.COMPLAINT
    people[2].save()
    Subscription.objects.filter(subscriber=people[1]).update(
        status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=later
    )
    return send


def test_send_with_statistics__counts_each_outcome(finished_send):
    send = send_with_statistics(finished_send.pk)

    assert (send.delivered, send.failed, send.bounced, send.complaints, send.unsubscribed) == (3, 1, 1, 1, 1)


def test_send_with_statistics__ignores_what_happened_before_the_send(issue, sender):
    person = subscribers_create(issue.newsletter_list, 1)[0]
    Subscription.objects.create(
        subscriber=person,
        newsletter_list=factories.NewsletterListFactory(name="La Lettre", slug="la-lettre"),
        status=SubscriptionStatus.UNSUBSCRIBED,
        source="import",
        unsubscribed_at=timezone.now(),
    )
    send = _send(issue, sender)
    services.send_start(send_id=send.pk)
    Delivery.objects.filter(send=send).update(status=DeliveryStatus.SENT)

    counted = send_with_statistics(send.pk)

    # Left another list: not an unsubscription from this send's list.
    assert (counted.delivered, counted.unsubscribed, counted.bounced) == (1, 0, 0)


def test_scheduled_send__shows_its_expected_audience_not_zero(sender_client, issue, sender):
    subscribers_create(issue.newsletter_list, 4)
    send = _send(issue, sender, when=timezone.now() + datetime.timedelta(days=1))

    listing = sender_client.get(reverse("sending_index")).content.decode()
    detail = sender_client.get(reverse("sending_detail", args=[send.pk])).content.decode()

    assert send_with_statistics(send.pk).expected == 4
    assert "4 prévus" in listing
    assert "Destinataires prévus" in detail
    assert "<strong>4</strong>" in detail
    assert "0 / 0" not in detail.replace('</strong> / <span data-progress="total">', " / ")


def test_expected_audience__skips_whom_a_cancelled_send_reached(issue, sender):
    subscribers_create(issue.newsletter_list, 3)
    first = _send(issue, sender)
    services.send_start(send_id=first.pk)
    Delivery.objects.filter(pk=Delivery.objects.filter(send=first).first().pk).update(status=DeliveryStatus.SENT)
    services.send_cancel(send_id=first.pk, user=sender)

    second = _send(issue, sender, when=timezone.now() + datetime.timedelta(hours=1))

    assert send_with_statistics(second.pk).expected == 2


def test_listing_and_detail__show_the_outcomes(sender_client, finished_send):
    listing = sender_client.get(reverse("sending_index"))
    detail = sender_client.get(reverse("sending_detail", args=[finished_send.pk]))

    for response in (listing, detail):
        page = response.content.decode()
        assert response.status_code == 200
        assert "Rebonds" in page
        assert "Plaintes" in page
        assert "<td>3</td><td>1</td><td>1</td><td>1</td><td>1</td>" in page


def test_listing__runs_a_fixed_number_of_queries(sender_client, issue, sender, django_assert_max_num_queries):
    subscribers_create(issue.newsletter_list, 3)
    for number in range(6):
        other = factories.NewsletterIssuePageFactory(
            parent=issue.get_parent(), newsletter_list=issue.newsletter_list, title=f"Numéro {number}", live=True
        )
        send = _send(other, sender, when=timezone.now() + datetime.timedelta(days=number + 1))
        if number % 2:
            Send.objects.filter(pk=send.pk).update(scheduled_at=timezone.now())
            services.send_start(send_id=send.pk)
    sender_client.get(reverse("sending_index"))  # warm Wagtail's per-process caches

    with django_assert_max_num_queries(16):
        response = sender_client.get(reverse("sending_index"))

    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 6


def test_lists_with_growth__counts_recipients_arrivals_and_departures(issue):
    people = subscribers_create(issue.newsletter_list, 4)
    Subscription.objects.filter(subscriber=people[0]).update(confirmed_at=timezone.now() - datetime.timedelta(days=90))
    Subscription.objects.filter(subscriber__in=people[1:4]).update(confirmed_at=timezone.now())
    Subscription.objects.filter(subscriber=people[3]).update(
        status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )
    people[2].suppressed_at = timezone.now()
    people[2].save()

    (growth,) = lists_with_growth()

    assert (growth.recipients, growth.joined, growth.left) == (2, 2, 1)
