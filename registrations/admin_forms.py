"""Admin form of an action's registration settings, with the seats of each of its sessions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from publications.models import ActionSession
from registrations.selectors import Target, target_seats
from registrations.services import CapacityBelowConfirmedError, capacity_check, capacity_set


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
