"""What the action page and the form page show of registrations: per target its availability, and
the form when at least one target takes registrations."""

import datetime
from dataclasses import dataclass

from django.http import QueryDict

from newsletters.selectors import lists_offered
from publications.models import ActionPage
from registrations.dates import session_when
from registrations.forms import RegistrationForm
from registrations.models import RegistrationSettings
from registrations.selectors import Availability, PublicState, Target, availability, settings_for, targets_of

# Targets the form offers: a seat, or a place on the waiting list.
_TAKING = {PublicState.OPEN, PublicState.WAITING_LIST}


@dataclass
class TargetRow:
    target: Target
    availability: Availability

    @property
    def label(self) -> str:
        session = self.target.session
        if session is None:
            return "L'ensemble des séances"
        return session_when(session, with_end=False)


@dataclass
class RegistrationPanel:
    settings: RegistrationSettings
    rows: list[TargetRow]
    form: RegistrationForm | None

    def target_for(self, session_id: int | None) -> Target:
        for row in self.rows:
            if row.target.session is None or row.target.session.pk == session_id:
                return row.target
        raise LookupError(session_id)


def registration_panel(
    settings: RegistrationSettings, *, now: datetime.datetime, data: QueryDict | None = None
) -> RegistrationPanel:
    rows = [TargetRow(target, availability(target, now=now)) for target in targets_of(settings)]
    taking = [row for row in rows if row.availability.state in _TAKING]
    form = None
    if taking:
        per_session = [(row.target.session.pk, _choice_label(row)) for row in taking if row.target.session is not None]
        site = settings.action.get_site()
        form = RegistrationForm(
            data,
            questions=list(settings.questions.all()),
            session_choices=per_session,
            newsletter_lists=lists_offered(site=site),
            site=site,
        )
    return RegistrationPanel(settings=settings, rows=rows, form=form)


def _choice_label(row: TargetRow) -> str:
    if row.availability.state == PublicState.WAITING_LIST:
        return f"{row.label} — complet, liste d'attente"
    left = row.availability.seats_left
    if left is not None:
        return f"{row.label} — {left} place{'s' if left > 1 else ''} restante{'s' if left > 1 else ''}"
    return row.label


def action_registration_panel(action: ActionPage, *, now: datetime.datetime) -> RegistrationPanel | None:
    settings = settings_for(action)
    return registration_panel(settings, now=now) if settings else None
