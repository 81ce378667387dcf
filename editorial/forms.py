"""The calendar's query parameters: read, checked, and turned into the period to show."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from editorial.calendar import FIRST_DATE, LAST_DATE, CalendarPeriod, CalendarView


class CalendarQueryForm(forms.Form):
    """``?vue=semaine|mois&date=AAAA-MM-JJ``; anything else falls back to today's week or month."""

    vue = forms.ChoiceField(choices=CalendarView.choices, required=False)
    date = forms.DateField(input_formats=["%Y-%m-%d"], required=False)

    def clean_date(self) -> datetime.date | None:
        day = self.cleaned_data["date"]
        if day and not FIRST_DATE <= day <= LAST_DATE:
            raise forms.ValidationError(_("Date hors des limites du calendrier."))
        return day

    def period(self, *, today: datetime.date) -> tuple[CalendarPeriod, list[str]]:
        """The period asked for, or today's, with a French message for each value set aside.

        The values themselves are never echoed back.
        """
        self.is_valid()
        problems = []
        view = self.cleaned_data.get("vue") or CalendarView.WEEK
        day = self.cleaned_data.get("date") or today
        if "vue" in self.errors:
            problems.append(str(_("Vue inconnue : le calendrier affiche la semaine.")))
        if "date" in self.errors:
            problems.append(
                str(_("Date non reconnue (attendue sous la forme AAAA-MM-JJ) : le calendrier affiche aujourd'hui."))
            )
        return CalendarPeriod.around(view=view, day=day), problems


class WorkflowCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (envoyé à l'auteur·rice)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Indiquez le motif : il est envoyé à l'auteur·rice.")},
    )
