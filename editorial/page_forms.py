"""The base admin form of every editorial page: the board's flag can be raised by anyone, lowered by administrators."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from editorial import roles


class EditorialPageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        flagged_before = bool(self.instance.pk and getattr(self.instance, "engages_editorial_line", False))
        if (
            "engages_editorial_line" in self.fields
            and flagged_before
            and not cleaned_data.get("engages_editorial_line")
            and not (self.for_user and roles.is_administrator(self.for_user))
        ):
            # Unticking would send the page through « Relecture simple » and skip the board.
            self.add_error(
                "engages_editorial_line",
                _("Seule l'administration peut retirer ce marquage : la page doit passer par la validation du Bureau."),
            )
        return cleaned_data
