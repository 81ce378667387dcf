"""The « Livrets et bilans » form: which document, for which programme or period, at which date, in which format."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publications.models import ProgrammePage
from reports.models import ReportFormat, ReportKind
from reports.services import ReportSpec, report_spec_check


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=ReportKind.choices, widget=forms.RadioSelect)
    programme: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=ProgrammePage.objects.select_related("centre").order_by("-year", "title"),
        required=False,
        help_text=_("Pour le programme de l'année et le point d'avancement."),
        error_messages={"invalid_choice": _("Ce programme n'existe pas : choisissez-en un dans la liste.")},
    )
    at = forms.DateField(
        label=_("À la date du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Le point d'avancement montre l'état des actions et les indicateurs à cette date."),
        error_messages={"invalid": _("Saisissez une date valide, par exemple 24/03/2017.")},
    )
    start = forms.DateField(
        label=_("Période du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Saisissez une date valide, par exemple 01/01/2017.")},
    )
    end = forms.DateField(
        label=_("au"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Pour le rapport d'activité."),
        error_messages={"invalid": _("Saisissez une date valide, par exemple 31/12/2017.")},
    )
    file_format = forms.ChoiceField(
        label=_("Format"), choices=ReportFormat.choices, initial=ReportFormat.PDF, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["programme"].label_from_instance = lambda page: (  # type: ignore[attr-defined]
            f"{page.title} — {page.centre.name}" if page.centre else page.title
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if data.get("kind") == ReportKind.PROGRESS and data.get("at") is None:
            data["at"] = timezone.localdate()
        try:
            report_spec_check(self.spec(data))
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data

    def spec(self, data: dict[str, Any] | None = None) -> ReportSpec:
        data = self.cleaned_data if data is None else data
        kind = data.get("kind", "")
        uses_programme = kind in (ReportKind.PROGRAMME, ReportKind.PROGRESS)
        return ReportSpec(
            kind=kind,
            programme=data.get("programme") if uses_programme else None,
            at=data.get("at") if uses_programme else None,
            start=data.get("start") if kind == ReportKind.ACTIVITY else None,
            end=data.get("end") if kind == ReportKind.ACTIVITY else None,
        )
