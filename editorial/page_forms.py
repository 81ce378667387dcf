"""The base admin form of every editorial page: the board's flag can be raised by anyone, lowered by administrators."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from editorial.editorial_line import FLAG, editorial_line_kept


class EditorialPageForm(WagtailAdminPageForm):
    """Used by the edit view and by the revert view, which loads an older revision into the same form."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Decided on the stored page, not on the instance: reverting loads a revision from before the flag.
        self.editorial_line_kept = FLAG in self.fields and editorial_line_kept(page=self.instance, user=self.for_user)
        if self.editorial_line_kept:
            self.initial[FLAG] = True

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if self.editorial_line_kept and not cleaned_data.get(FLAG):
            # Unticking would send the page through « Relecture simple » and skip the board.
            self.add_error(
                FLAG,
                _("Seule l'administration peut retirer ce marquage : la page doit passer par la validation du Bureau."),
            )
        return cleaned_data
