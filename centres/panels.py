"""Inline rows whose duplicates are refused with the message of the model's own unique constraint.

modelcluster checks a formset's rows against the model's ``UniqueConstraint`` before anything is
saved, but names the raw fields (« Corrigez les données en double dans year »); the constraint's
``violation_error_message`` says it in French, in one place, for the form and the database alike.
"""

from typing import Any

from django.db.models import UniqueConstraint
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class ConstraintMessageFormSet(BaseChildFormSet):
    def get_unique_error_message(self, unique_check: tuple[str, ...]) -> str:
        for constraint in self.model._meta.constraints:
            if isinstance(constraint, UniqueConstraint) and set(unique_check) <= set(constraint.fields):
                return str(constraint.violation_error_message)
        return super().get_unique_error_message(unique_check)


class UniqueRowsInlinePanel(InlinePanel):
    """An ``InlinePanel`` whose formset refuses duplicate rows in the constraint's words."""

    def get_form_options(self) -> dict[str, Any]:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = ConstraintMessageFormSet
        return options
