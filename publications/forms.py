"""Admin forms of page types whose rules involve the parent page or inline rows being edited.

The page models name these forms, so the forms reach the models through their own fields and
``_meta.model`` rather than by importing them.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from centres.selectors import centre_for_page
from editorial.page_forms import EditorialPageForm


class ActionPageForm(EditorialPageForm):
    """Offers only the axes of the programme the action belongs to, and the other centres as co-organisers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "axis" in self.fields:
            programme_id = self.parent_page.pk if self.parent_page else None
            self.fields["axis"].queryset = self.fields["axis"].queryset.filter(page_id=programme_id)
        host = centre_for_page(self.parent_page) if self.parent_page else None
        if "co_organisers" in self.fields and host is not None:
            # The centre whose site holds the action organises it already.
            self.fields["co_organisers"].queryset = self.fields["co_organisers"].queryset.exclude(pk=host.pk)


class PodcastSeasonPageForm(EditorialPageForm):
    """A season number is unique within its series, also when the season is being created."""

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number is None or self.parent_page is None:
            return cleaned_data
        siblings = self._meta.model.objects.child_of(self.parent_page).filter(number=number)
        if siblings.exclude(pk=self.instance.pk).exists():
            self.add_error("number", _("Cette série a déjà une saison numéro %(n)d.") % {"n": number})
        return cleaned_data


class PodcastEpisodePageForm(EditorialPageForm):
    """Chapters being submitted must start before the end of the chosen audio."""

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        audio = cleaned_data.get("audio")
        chapters = self.formsets.get("chapters")
        if audio is None or chapters is None or not chapters.is_valid():
            return cleaned_data
        for form in chapters.forms:
            start = form.cleaned_data.get("start")
            if form.cleaned_data.get("DELETE") or start is None:
                continue
            if start.total_seconds() >= (audio.duration or 0):
                form.add_error(
                    "start",
                    _("Le chapitre « %(title)s » commence après la fin de l'audio.")
                    % {"title": form.cleaned_data.get("title", "")},
                )
        return cleaned_data
