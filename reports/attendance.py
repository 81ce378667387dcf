"""The one place the reports read who took part in an action: every count the documents give comes from here.

An action whose registrations are taken on this site counts the people ticked present at the door
(``registrations.models.Attendance``) at a session of the period, each registration once, as the
funders count « personnes formées »; any other its hand count (``participants_count``), which has no
role nor territory.
"""

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from publications.models import ActionPage
from registrations.models import Attendance, Registration, RegistrationSettings

NOT_GIVEN = "Non renseigné"


@dataclass(frozen=True)
class Attendee:
    action_id: int
    role: str
    territory: str


@dataclass
class Participation:
    """Participants of a period: per action (by primary key), by role label and by territory name."""

    per_action: Counter[int] = field(default_factory=Counter)
    by_role: Counter[str] = field(default_factory=Counter)
    by_territory: Counter[str] = field(default_factory=Counter)


def attendees_of(*, action_ids: list[int], start: datetime.datetime, end: datetime.datetime) -> list[Attendee]:
    """The people ticked present at the actions' sessions between ``start`` and ``end`` (a cycle's
    registration once however many sessions it came to), with their role label and territory name."""
    present = Attendance.objects.filter(
        attended=True, session__starts_at__gte=start, session__starts_at__lt=end, session__cancelled=False
    )
    rows = Registration.objects.filter(action_id__in=action_ids, pk__in=present.values("registration_id")).values_list(
        "action_id", "role", "territory__name"
    )
    labels = dict(Registration._meta.get_field("role").flatchoices)
    return [
        Attendee(action_id=action_id, role=str(labels.get(role, "")) if role else "", territory=territory or "")
        for action_id, role, territory in rows
    ]


def actions_with_registrations(*, action_ids: list[int]) -> set[int]:
    """The actions whose registrations are taken on this site: their attendance replaces the hand count."""
    return set(RegistrationSettings.objects.filter(action_id__in=action_ids).values_list("action_id", flat=True))


def participation_of(
    *, actions: Sequence[ActionPage], start: datetime.datetime, end: datetime.datetime
) -> Participation:
    """Who took part in ``actions`` between ``start`` and ``end``, in two queries whatever their number."""
    action_ids = [action.pk for action in actions]
    managed = actions_with_registrations(action_ids=action_ids)
    attendees = attendees_of(action_ids=[pk for pk in action_ids if pk in managed], start=start, end=end)
    counted = Participation(
        per_action=Counter(person.action_id for person in attendees),
        by_role=Counter(person.role or NOT_GIVEN for person in attendees),
        by_territory=Counter(person.territory or NOT_GIVEN for person in attendees),
    )
    for action in actions:
        if action.pk not in managed and action.participants_count:
            counted.per_action[action.pk] = action.participants_count
            counted.by_role[NOT_GIVEN] += action.participants_count
            counted.by_territory[NOT_GIVEN] += action.participants_count
    return counted
