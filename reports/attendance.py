"""The one place the reports read who attended: the registrations app's rows.

Until attendance statuses land in the registrations app, a confirmed registration counts as a
participant. When they do, only ``ATTENDING_STATUSES`` changes.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from registrations.models import Registration, RegistrationSettings, RegistrationStatus

ATTENDING_STATUSES = (RegistrationStatus.CONFIRMED,)


@dataclass(frozen=True)
class Attendee:
    action_id: int
    role: str
    territory: str


def attendees_of(*, action_ids: list[int], start: datetime.datetime, end: datetime.datetime) -> list[Attendee]:
    """The people who attended the actions' sessions between ``start`` and ``end`` (whole-action
    registrations count once), with their role label and territory name ("" when not given)."""
    in_period = Q(session__starts_at__gte=start, session__starts_at__lt=end, session__cancelled=False)
    rows = (
        Registration.objects.filter(action_id__in=action_ids, status__in=ATTENDING_STATUSES)
        .filter(in_period | Q(session__isnull=True))
        .values_list("action_id", "role", "territory__name")
    )
    labels = dict(Registration._meta.get_field("role").flatchoices)
    return [
        Attendee(action_id=action_id, role=str(labels.get(role, "")) if role else "", territory=territory or "")
        for action_id, role, territory in rows
    ]


def actions_with_registrations(*, action_ids: list[int]) -> set[int]:
    """The actions whose registrations are taken on this site: their attendance replaces the hand count."""
    return set(RegistrationSettings.objects.filter(action_id__in=action_ids).values_list("action_id", flat=True))
