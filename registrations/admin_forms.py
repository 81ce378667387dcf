"""Admin forms of registrations: an action's settings with the seats of each session, adding someone
by hand, moving a registration to another session, ticking attendance."""

from typing import Any, cast

from django import forms
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from publications.models import ActionPage, ActionSession
from registrations.forms import RegistrationDetailsForm
from registrations.models import Registration, RegistrationScope, RegistrationSettings
from registrations.selectors import Target, target_seats
from registrations.services import Applicant, CapacityBelowConfirmedError, capacity_check, capacity_set


def seats_field_name(session_id: int) -> str:
    return f"seats_{session_id}"


class RegistrationSettingsForm(WagtailAdminModelForm):
    """Adds one « places » field per session of the action (per-session registration only)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session_targets: list[tuple[ActionSession, Target]] = []
        if self.instance.pk and self.instance.scope == "per_session":
            for session in self.instance.action.sessions.order_by("starts_at"):
                target = Target(settings=self.instance, session=session)
                self.session_targets.append((session, target))
                self.fields[seats_field_name(session.pk)] = forms.IntegerField(
                    label=_("Places — séance du %(date)s") % {"date": f"{session.starts_at:%d/%m/%Y %H:%M}"},
                    min_value=0,
                    max_value=100_000,
                    required=False,
                    initial=target_seats(target),
                    help_text=_("Vide : sans limite."),
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("capacity") is not None:
            self._check(Target(settings=self.instance), "capacity", cleaned["capacity"])
        for session, target in self.session_targets:
            name = seats_field_name(session.pk)
            if cleaned.get(name) is not None:
                self._check(target, name, cleaned[name])
        return cleaned

    def _check(self, target: Target, field: str, seats: int) -> None:
        try:
            capacity_check(target=target, seats=seats)
        except CapacityBelowConfirmedError as refused:
            self.add_error(field, refused.message)

    def save(self, commit: bool = True) -> Any:
        settings = super().save(commit=commit)
        if commit:
            if "capacity" in self.changed_data:
                capacity_set(target=Target(settings=settings), seats=self.cleaned_data["capacity"])
            for session, target in self.session_targets:
                name = seats_field_name(session.pk)
                if name in self.changed_data:
                    capacity_set(target=target, seats=self.cleaned_data[name])
        return settings


WAITING_IF_FULL = _("En liste d'attente si c'est complet")


def _session_label(session: ActionSession) -> str:
    start = localtime(session.starts_at)
    return f"{session.page.title} — {start:%d/%m/%Y %H:%M}"


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ActionSession) -> str:
        return _session_label(obj)


class RegistrationByHandForm(RegistrationDetailsForm):
    """Someone the team registers (a phone call, a partner's list): the reason is kept."""

    action: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Action"),
        queryset=ActionPage.objects.filter(registration_settings__isnull=False).order_by("title"),
        error_messages={"invalid_choice": _("Cette action ne prend pas d'inscription ici.")},
    )
    session = SessionChoiceField(
        label=_("Séance"),
        queryset=ActionSession.objects.filter(page__registration_settings__isnull=False)
        .select_related("page")
        .order_by("starts_at"),
        required=False,
        help_text=_("Vide pour une inscription à l'ensemble des séances (un cycle)."),
        error_messages={"invalid_choice": _("Cette séance ne prend pas d'inscription ici.")},
    )
    email = forms.EmailField(label=_("Adresse électronique"), max_length=254)
    reason = forms.CharField(
        label=_("Motif de l'ajout"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Par exemple : inscrit·e par téléphone, liste transmise par un partenaire."),
    )
    waiting_if_full = forms.BooleanField(label=WAITING_IF_FULL, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, questions=[], **kwargs)
        self.order_fields(["action", "session", "email", "name", "organisation", "role", "territory"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        action, session = cleaned.get("action"), cleaned.get("session")
        if action is None:
            return cleaned
        settings = RegistrationSettings.objects.select_related("action").get(action=action)
        if session is not None and session.page_id != action.pk:
            self.add_error("session", _("Cette séance n'appartient pas à l'action choisie."))
        elif settings.scope == RegistrationScope.PER_SESSION and session is None:
            self.add_error("session", _("Cette action prend les inscriptions par séance : choisissez la séance."))
        elif settings.scope == RegistrationScope.WHOLE_ACTION and session is not None:
            self.add_error(
                "session", _("Cette action prend une inscription pour l'ensemble des séances : laissez vide.")
            )
        else:
            self.target = Target(settings=settings, session=session)
        return cleaned

    def applicant(self, *, email: str | None = None) -> Applicant:
        return super().applicant(email=email or self.cleaned_data["email"])


class RegistrationMoveForm(forms.Form):
    session = SessionChoiceField(label=_("Nouvelle séance"), queryset=ActionSession.objects.none())
    waiting_if_full = forms.BooleanField(label=WAITING_IF_FULL, required=False)

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        session = cast(SessionChoiceField, self.fields["session"])
        session.queryset = (
            ActionSession.objects.filter(page_id=registration.action_id, cancelled=False)
            .exclude(pk=registration.session_id)
            .select_related("page")
            .order_by("starts_at")
        )
        session.error_messages["invalid_choice"] = _("Choisissez une autre séance de la même action.")


class AttendanceTickForm(forms.Form):
    """One tick at the door: whose, and present or absent."""

    registration = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    attended = forms.TypedChoiceField(choices=[("1", _("Présent·e")), ("0", _("Absent·e"))], coerce=lambda v: v == "1")
