"""The « Envoyer » form of an issue: list, now or at a Paris date and time, pace."""

import datetime
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from config.time_zone import PARIS
from newsletters.models import NewsletterList


class SendForm(forms.Form):
    NOW = "now"
    LATER = "later"

    newsletter_list = forms.ModelChoiceField(
        label=_("Liste"), queryset=NewsletterList.objects.filter(is_active=True), empty_label=None
    )
    when = forms.ChoiceField(
        label=_("Quand"),
        choices=[(NOW, _("Maintenant")), (LATER, _("À une date et une heure"))],
        widget=forms.RadioSelect,
        initial=NOW,
    )
    scheduled_at = forms.DateTimeField(
        label=_("Date et heure d'envoi (heure de Paris)"), required=False, widget=AdminDateTimeInput
    )
    rate_per_second = forms.IntegerField(label=_("Messages par seconde"), min_value=1)
    batch_size = forms.IntegerField(label=_("Taille des lots"), min_value=1)
    # Set by the confirmation page's button: « Maintenant » sends only once its audience was shown.
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Bounds read at run time, so that settings changed for a test or by the environment apply.
        for name, maximum in (
            ("rate_per_second", settings.SENDING_MAX_RATE),
            ("batch_size", settings.SENDING_MAX_BATCH_SIZE),
        ):
            field = cast(forms.IntegerField, self.fields[name])
            field.max_value = maximum
            field.validators.append(MaxValueValidator(maximum))
            field.widget.attrs["max"] = maximum

    def full_clean(self) -> None:
        # The date typed is a Paris date, whatever time zone the administrator's profile uses.
        with timezone.override(PARIS):
            super().full_clean()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("when") == self.LATER:
            moment = data.get("scheduled_at")
            if moment is None:
                if "scheduled_at" not in self.errors:
                    self.add_error("scheduled_at", _("Indiquez la date et l'heure de l'envoi."))
            elif moment <= timezone.now():
                self.add_error("scheduled_at", _("La date d'envoi est passée."))
        return data

    def needs_confirmation(self) -> bool:
        return self.cleaned_data["when"] == self.NOW and not self.cleaned_data["confirmed"]

    def scheduled_moment(self) -> datetime.datetime:
        if self.cleaned_data["when"] == self.LATER:
            return self.cleaned_data["scheduled_at"]
        return timezone.now()
