"""Personal data of registrations: the GDPR export and erasure, and the retention period.

The same person may be a subscriber: the subscribers' export gains a section of their registrations
(found by address), and erasing the subscriber anonymises them. Once the retention period of the
centre (``RegistrationPrivacy``, a setting of the site) has passed after the last session, a
registration is anonymised by beat. Anonymised means: name, address, organisation, answers, needs
and the hand-added reason cleared, the access link replaced (old emails open nothing); the role,
territory, status and session stay, so that the counts of past actions never change.
"""

import datetime
import logging
from typing import Any

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from wagtail.models import Site

from publications.models import ActionPage
from registrations.models import Registration, RegistrationPrivacy, RegistrationStatus, access_key_new
from registrations.services import registration_cancel
from subscribers.gdpr import gdpr_row
from subscribers.models import Subscriber

logger = logging.getLogger(__name__)


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day ``months`` earlier (the last day of that month when it is shorter)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    first_of_next = datetime.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last_day = (first_of_next - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


def _by_address(email: str) -> QuerySet[Registration]:
    return Registration.objects.filter(email__iexact=email.strip(), anonymised_at__isnull=True)


def subscriber_registrations_export(subscriber: Subscriber) -> list[dict[str, Any]]:
    """The « inscriptions » section of a subscriber's export: every registration of the same address."""
    registrations = _by_address(subscriber.email).select_related("action", "session", "territory").order_by("pk")
    return [gdpr_row(registration) for registration in registrations]


def _anonymise(registrations: QuerySet[Registration], *, now: datetime.datetime) -> int:
    count = 0
    for registration in registrations.filter(anonymised_at__isnull=True):
        # A unique placeholder address: the one-registration-per-address constraints still hold.
        registration.email = f"anonyme-{registration.pk}@invalid"
        registration.name = ""
        registration.organisation = ""
        registration.accessibility_needs = ""
        registration.answers = {}
        registration.added_by_hand = ""
        registration.access_key = access_key_new()
        registration.anonymised_at = now
        registration.save(
            update_fields=[
                "email",
                "name",
                "organisation",
                "accessibility_needs",
                "answers",
                "added_by_hand",
                "access_key",
                "anonymised_at",
            ]
        )
        count += 1
    return count


def registrations_erase(*, email: str, now: datetime.datetime | None = None) -> int:
    """Erase what registrations hold of ``email``: upcoming ones cancelled (the seat goes to the next
    person waiting, nothing is written to the erased person), all anonymised. How many were."""
    now = now or timezone.now()
    with transaction.atomic():
        for registration in _by_address(email).exclude(status=RegistrationStatus.CANCELLED).select_related("session"):
            if _last_end(registration) > now:
                registration_cancel(registration=registration, now=now, notify=False)
        erased = _anonymise(_by_address(email), now=now)
    logger.info("registrations: %d anonymised on erasure", erased)
    return erased


def _last_end(registration: Registration) -> datetime.datetime:
    if registration.session is not None:
        return registration.session.ends_at
    last = registration.action.sessions.aggregate(last=Max("ends_at"))["last"]
    return last or registration.created_at


def registrations_anonymise_expired(*, now: datetime.datetime | None = None) -> int:
    """Anonymise, site by site, the registrations whose last session ended before the retention period."""
    now = now or timezone.now()
    anonymised = 0
    for site in Site.objects.select_related("root_page"):
        months = RegistrationPrivacy.for_site(site).retention_months
        cutoff = months_before(now, months)
        actions = ActionPage.objects.descendant_of(site.root_page, inclusive=True).annotate(
            last_end=Max("sessions__ends_at")
        )
        expired_cycles = actions.filter(last_end__lt=cutoff).values("pk")
        site_actions = actions.values("pk")
        expired = Registration.objects.filter(action_id__in=site_actions, anonymised_at__isnull=True).filter(
            Q(session__ends_at__lt=cutoff) | Q(session__isnull=True, action_id__in=expired_cycles)
        )
        with transaction.atomic():
            anonymised += _anonymise(expired, now=now)
    if anonymised:
        logger.info("registrations: %d anonymised at the end of their retention period", anonymised)
    return anonymised
