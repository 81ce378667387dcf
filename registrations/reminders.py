"""Reminders before each session, at the delay each action sets; run by beat.

Exactly once per person and session: the ``ReminderSent`` row and the queued email are written in
one transaction, and the row's unique constraint makes a second beat run (or two at once) skip it.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from publications.models import ActionSession, ActionStatus
from registrations.emails import EmailKind
from registrations.models import SEATED_STATUSES, Registration, ReminderSent
from registrations.services import email_enqueue

logger = logging.getLogger(__name__)


def _due_sessions(now: datetime.datetime) -> list[ActionSession]:
    """Sessions not yet begun whose action's reminder time has come (the delay compared in Python:
    upcoming sessions with managed registrations are few, and the rule reads the same on every database)."""
    upcoming = (
        ActionSession.objects.filter(
            starts_at__gt=now,
            cancelled=False,
            page__live=True,
            page__registration_settings__reminder_hours__gt=0,
        )
        .exclude(page__status=ActionStatus.CANCELLED)
        .select_related("page__registration_settings")
    )
    return [
        session
        for session in upcoming
        if session.starts_at <= now + datetime.timedelta(hours=session.page.registration_settings.reminder_hours)
    ]


def reminders_queue(*, now: datetime.datetime | None = None) -> int:
    """Queue the reminder of every due session to each person holding a seat; how many were queued."""
    now = now or timezone.now()
    queued = 0
    for session in _due_sessions(now):
        registrations = (
            Registration.objects.filter(action_id=session.page_id, status__in=SEATED_STATUSES)
            .filter(Q(session=session) | Q(session__isnull=True))
            .exclude(reminders__session=session)
        )
        for registration in registrations:
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(registration=registration, session=session)
                    email_enqueue(registration, EmailKind.REMINDER, session_id=session.pk)
            except IntegrityError:
                # Another run took this one between the read and the write.
                continue
            queued += 1
    if queued:
        logger.info("registrations: %d reminders queued", queued)
    return queued
