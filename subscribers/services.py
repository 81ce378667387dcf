"""State changes of subscribers, each leaving a consent record.

`consent_record` is the only writer of ConsentRecord: the public forms, the emails' links, the
admin, the CSV import (`subscription_import`), the providers' suppressions and the demo all go
through the functions of this module.
"""

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from newsletters.models import NewsletterList
from outbox.services import task_enqueue
from publications.models import Territory
from subscribers import tasks
from subscribers.erasure import email_fingerprint
from subscribers.models import (
    ConsentAction,
    ConsentRecord,
    ErasedAddress,
    Source,
    Subscriber,
    Subscription,
    SubscriptionStatus,
    SuppressionReason,
)
from subscribers.selectors import subscribers_by_email
from subscribers.tokens import Confirmation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Profile:
    name: str = ""
    organisation: str = ""
    role: str = ""
    territory: Territory | None = None


@dataclass(frozen=True)
class SubscriptionRequest:
    subscriber_id: int
    # Lists awaiting the person's confirmation, and lists the address already receives.
    to_confirm: tuple[int, ...]
    already_confirmed: tuple[int, ...]


def consent_record(
    *,
    subscriber_id: int,
    action: ConsentAction,
    source: Source,
    newsletter_list_id: int | None = None,
    consent_text: str = "",
    legal_basis: str = "",
    ip_address: str | None = None,
) -> ConsentRecord:
    """Append one proof of consent (the table is append-only: nothing updates or deletes a record)."""
    return ConsentRecord.objects.create(
        subscriber_id=subscriber_id,
        newsletter_list_id=newsletter_list_id,
        action=action,
        source=source,
        consent_text=consent_text,
        legal_basis=legal_basis,
        ip_address=ip_address,
    )


@transaction.atomic
def suppress(email: str, reason: SuppressionReason, *, source: Source = Source.PROVIDER) -> bool:
    """Never send to this address again until it confirms a subscription anew. False if unknown."""
    subscriber = subscribers_by_email(email).select_for_update().first()
    if subscriber is None:
        return False
    if subscriber.suppressed_at is None:
        subscriber.suppressed_at = timezone.now()
        subscriber.suppression_reason = reason
        subscriber.save(update_fields=["suppressed_at", "suppression_reason", "updated_at"])
        consent_record(subscriber_id=subscriber.pk, action=ConsentAction.SUPPRESSED, source=source)
        logger.info("subscriber %s suppressed (%s)", subscriber.pk, reason)
    return True


def _subscriber_for_update(email: str, profile: Profile) -> tuple[Subscriber, bool]:
    """The subscriber holding the address, locked; created with the profile when new."""
    subscriber = subscribers_by_email(email).select_for_update().first()
    if subscriber is not None:
        return subscriber, False
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.create(
                email=email,
                name=profile.name,
                organisation=profile.organisation,
                role=profile.role,
                territory=profile.territory,
            )
    except IntegrityError:
        # Another request created the same address meanwhile.
        return subscribers_by_email(email).select_for_update().get(), False
    return subscriber, True


@transaction.atomic
def subscription_request(
    *,
    email: str,
    profile: Profile,
    lists: Sequence[NewsletterList],
    consent_text: str,
    ip_address: str | None,
) -> SubscriptionRequest:
    """Record a request from the public form and send the email it calls for once committed.

    An existing subscriber's profile is left alone: whoever fills the form may not own the address.
    """
    subscriber, _created = _subscriber_for_update(email, profile)
    now = timezone.now()
    to_confirm: list[int] = []
    already: list[int] = []
    for newsletter_list in lists:
        subscription, _new = Subscription.objects.select_for_update().get_or_create(
            subscriber=subscriber,
            newsletter_list=newsletter_list,
            defaults={"status": SubscriptionStatus.PENDING, "source": Source.FORM},
        )
        if subscription.status == SubscriptionStatus.CONFIRMED and not subscriber.is_suppressed:
            already.append(newsletter_list.pk)
        else:
            if subscription.status != SubscriptionStatus.PENDING:
                subscription.status = SubscriptionStatus.PENDING
                subscription.requested_at = now
                subscription.save(update_fields=["status", "requested_at"])
            to_confirm.append(newsletter_list.pk)
        consent_record(
            subscriber_id=subscriber.pk,
            newsletter_list_id=newsletter_list.pk,
            action=ConsentAction.REQUESTED,
            source=Source.FORM,
            consent_text=consent_text,
            ip_address=ip_address,
        )
    request = SubscriptionRequest(subscriber.pk, tuple(to_confirm), tuple(already))
    if to_confirm:
        task_enqueue(task=tasks.confirmation_email, args=[request.subscriber_id, list(request.to_confirm)])
    else:
        task_enqueue(task=tasks.already_subscribed_email, args=[request.subscriber_id])
    return request


def _requested_text(subscriber: Subscriber, list_id: int) -> str:
    """The consent text of the latest request for this list: what the person now confirms."""
    record = (
        subscriber.consents.filter(newsletter_list_id=list_id, action=ConsentAction.REQUESTED)
        .order_by("-created_at", "-pk")
        .first()
    )
    return record.consent_text if record else ""


def _subscription_withdraw(
    subscription: Subscription, *, source: Source, reason: str = "", ip_address: str | None = None
) -> None:
    subscription.status = SubscriptionStatus.UNSUBSCRIBED
    subscription.unsubscribed_at = timezone.now()
    subscription.unsubscribe_reason = reason
    subscription.save(update_fields=["status", "unsubscribed_at", "unsubscribe_reason"])
    consent_record(
        subscriber_id=subscription.subscriber_id,
        newsletter_list_id=subscription.newsletter_list_id,
        action=ConsentAction.WITHDRAWN,
        source=source,
        consent_text=reason,
        ip_address=ip_address,
    )


def _subscription_confirm(
    subscription: Subscription,
    *,
    action: ConsentAction,
    source: Source,
    text: str,
    legal_basis: str = "",
    ip_address: str | None = None,
) -> None:
    subscription.status = SubscriptionStatus.CONFIRMED
    subscription.confirmed_at = timezone.now()
    subscription.unsubscribed_at = None
    subscription.unsubscribe_reason = ""
    subscription.save(update_fields=["status", "confirmed_at", "unsubscribed_at", "unsubscribe_reason"])
    consent_record(
        subscriber_id=subscription.subscriber_id,
        newsletter_list_id=subscription.newsletter_list_id,
        action=action,
        source=source,
        consent_text=text,
        legal_basis=legal_basis,
        ip_address=ip_address,
    )


@transaction.atomic
def subscriber_confirm(*, confirmation: Confirmation, ip_address: str | None) -> tuple[int, ...] | None:
    """Confirm the pending subscriptions a confirmation link names; None if the subscriber is gone.

    Replaying a link changes nothing. A link made after a suppression lifts it: confirming is the
    person's own proof that the address works and wants mail; lists confirmed before the
    suppression and not named by the link are closed, so only what was just confirmed is sent.
    """
    subscriber = Subscriber.objects.select_for_update().filter(pk=confirmation.subscriber_id).first()
    if subscriber is None:
        return None
    pending = subscriber.subscriptions.select_for_update().filter(
        newsletter_list_id__in=confirmation.list_ids, status=SubscriptionStatus.PENDING
    )
    confirmed: list[int] = []
    for subscription in pending:
        _subscription_confirm(
            subscription,
            action=ConsentAction.CONFIRMED,
            source=Source.EMAIL,
            text=_requested_text(subscriber, subscription.newsletter_list_id),
            ip_address=ip_address,
        )
        confirmed.append(subscription.newsletter_list_id)
    if confirmed and subscriber.is_suppressed and _after(confirmation.issued_at, subscriber.suppressed_at):
        subscriber.suppressed_at = None
        subscriber.suppression_reason = ""
        subscriber.save(update_fields=["suppressed_at", "suppression_reason", "updated_at"])
        stale = subscriber.subscriptions.filter(status=SubscriptionStatus.CONFIRMED).exclude(
            newsletter_list_id__in=confirmed
        )
        for subscription in stale:
            _subscription_withdraw(
                subscription, source=Source.EMAIL, reason=gettext("Clos à la levée d'une exclusion.")
            )
        logger.info("subscriber %s re-confirmed: suppression lifted", subscriber.pk)
    if confirmed:
        ErasedAddress.objects.filter(email_hash=email_fingerprint(subscriber.email)).delete()
    return tuple(confirmed)


def _after(issued_at: datetime, suppressed_at: datetime | None) -> bool:
    return suppressed_at is None or issued_at > suppressed_at


@transaction.atomic
def subscription_withdraw(
    *, subscriber_id: int, list_id: int, source: Source, reason: str = "", ip_address: str | None = None
) -> bool:
    """Unsubscribe from one list; False (and nothing recorded) if there was nothing to withdraw."""
    subscription = (
        Subscription.objects.select_for_update().filter(subscriber_id=subscriber_id, newsletter_list_id=list_id).first()
    )
    if subscription is None or subscription.status == SubscriptionStatus.UNSUBSCRIBED:
        return False
    _subscription_withdraw(subscription, source=source, reason=reason, ip_address=ip_address)
    logger.info("subscriber %s unsubscribed from list %s (%s)", subscriber_id, list_id, source)
    return True


@transaction.atomic
def subscriber_preferences_update(
    *,
    subscriber: Subscriber,
    profile: Profile,
    list_ids: Collection[int],
    reason: str,
    consent_text: str,
    ip_address: str | None,
) -> None:
    """Apply the preference page: profile, lists kept, added (confirmed: the link came by email) and left."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.name = profile.name
    subscriber.organisation = profile.organisation
    subscriber.role = profile.role
    subscriber.territory = profile.territory
    subscriber.save(update_fields=["name", "organisation", "role", "territory", "updated_at"])
    wanted = set(list_ids)
    for subscription in subscriber.subscriptions.select_for_update():
        if subscription.newsletter_list_id in wanted:
            wanted.discard(subscription.newsletter_list_id)
            if subscription.status != SubscriptionStatus.CONFIRMED:
                _subscription_confirm(
                    subscription,
                    action=ConsentAction.CONFIRMED,
                    source=Source.EMAIL,
                    text=consent_text,
                    ip_address=ip_address,
                )
        elif subscription.status != SubscriptionStatus.UNSUBSCRIBED:
            _subscription_withdraw(subscription, source=Source.EMAIL, reason=reason, ip_address=ip_address)
    for list_id in wanted:
        subscription = Subscription.objects.create(
            subscriber=subscriber, newsletter_list_id=list_id, status=SubscriptionStatus.PENDING, source=Source.EMAIL
        )
        _subscription_confirm(
            subscription, action=ConsentAction.CONFIRMED, source=Source.EMAIL, text=consent_text, ip_address=ip_address
        )


@transaction.atomic
def subscriber_lists_set_by_admin(
    *, subscriber: Subscriber, list_ids: Collection[int], legal_basis: str, reachable_ids: Collection[int]
) -> None:
    """An administrator's choice of lists: additions carry the stated legal basis, removals are withdrawals.

    Only the lists in ``reachable_ids`` (those of the administrator's centres) change: another centre's
    subscriptions stay as they are. Lists the person left are never re-added here (see the admin form):
    only a new opt-in does that.
    """
    wanted = set(list_ids) & set(reachable_ids)
    for subscription in subscriber.subscriptions.filter(newsletter_list_id__in=reachable_ids).select_for_update():
        if subscription.newsletter_list_id in wanted:
            wanted.discard(subscription.newsletter_list_id)
            if subscription.status == SubscriptionStatus.PENDING:
                _subscription_confirm(
                    subscription,
                    action=ConsentAction.ADDED_BY_ADMIN,
                    source=Source.ADMIN,
                    text="",
                    legal_basis=legal_basis,
                )
        elif subscription.status != SubscriptionStatus.UNSUBSCRIBED:
            _subscription_withdraw(subscription, source=Source.ADMIN)
    for list_id in wanted:
        subscription = Subscription.objects.create(
            subscriber=subscriber, newsletter_list_id=list_id, status=SubscriptionStatus.PENDING, source=Source.ADMIN
        )
        _subscription_confirm(
            subscription, action=ConsentAction.ADDED_BY_ADMIN, source=Source.ADMIN, text="", legal_basis=legal_basis
        )


def subscription_import(*, subscriber: Subscriber, newsletter_list: NewsletterList, legal_basis: str) -> None:
    """Subscribe a line of a CSV import (subscribers/imports.py decides which lines may be)."""
    Subscription.objects.update_or_create(
        subscriber=subscriber,
        newsletter_list=newsletter_list,
        defaults={"status": SubscriptionStatus.CONFIRMED, "confirmed_at": timezone.now()},
        create_defaults={
            "status": SubscriptionStatus.CONFIRMED,
            "confirmed_at": timezone.now(),
            "source": Source.IMPORT,
        },
    )
    consent_record(
        subscriber_id=subscriber.pk,
        newsletter_list_id=newsletter_list.pk,
        action=ConsentAction.IMPORTED,
        source=Source.IMPORT,
        legal_basis=legal_basis,
    )
