"""The base admin form of every editorial page: the board's flag can be raised by anyone, lowered by administrators."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import slugify
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

    def clean_slug(self) -> str:
        """A typed slug follows WAGTAIL_ALLOW_UNICODE_SLUGS like the one made from the title: « santé » → « sante ».

        Page.slug accepts any Unicode letter; without this, an accented slug typed by hand reached every URL as
        %C3%A9. Made ASCII before Wagtail's clean() checks that no sibling has it.
        """
        typed = self.cleaned_data.get("slug") or ""
        slug = slugify(typed, allow_unicode=settings.WAGTAIL_ALLOW_UNICODE_SLUGS)
        if typed and not slug:
            raise forms.ValidationError(
                _("Ce slug ne garde aucune lettre latine ni aucun chiffre : écrivez-le en lettres sans accent.")
            )
        return slug

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if self.editorial_line_kept and not cleaned_data.get(FLAG):
            # Unticking would send the page through « Relecture simple » and skip the board.
            self.add_error(
                FLAG,
                _("Seule l'administration peut retirer ce marquage : la page doit passer par la validation du Bureau."),
            )
        return cleaned_data
