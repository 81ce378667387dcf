"""The public listings' filter forms: GET forms whose bad values are reported and then ignored."""

import datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from config.time_zone import PARIS
from publications.models import ActionFormat, ActionSession, PublicationCollection, Territory, Theme
from publications.selectors import (
    AgendaFilters,
    ExperienceFilters,
    LibraryFilters,
    publication_years,
    site_actions,
)

ALL = ("", _("Tous"))
ALL_F = ("", _("Toutes"))


INVALID = _("Cette valeur n'existe pas : le filtre a été ignoré.")
ERRORS = {"invalid_choice": INVALID, "invalid": INVALID}


def territory_choices() -> list[tuple[str, str]]:
    """Every territory, indented under its parent so that the hierarchy reads in the list."""
    territories = list(Territory.objects.only("pk", "name", "code", "parent_id"))
    children: dict[int | None, list[Territory]] = {}
    for territory in territories:
        children.setdefault(territory.parent_id, []).append(territory)
    choices: list[tuple[str, str]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for territory in sorted(children.get(parent_id, []), key=lambda item: item.name):
            choices.append((str(territory.pk), "\u2003" * depth + str(territory)))
            walk(territory.pk, depth + 1)

    walk(None, 0)
    return choices


def _slug_choices(queryset: QuerySet) -> list[tuple[str, str]]:
    return [(item.slug, item.name) for item in queryset]


class PublicFilterForm(forms.Form):
    """A GET form whose fields keep their value when the page is reloaded; `id`s are prefixed."""

    def __init__(self, data: Any = None, *, root: Page) -> None:
        super().__init__(data, auto_id="filtre-%s")
        self.root = root
        for name, choices in self.choices().items():
            cast(forms.ChoiceField, self.fields[name]).choices = choices
        self.full_clean()

    def choices(self) -> dict[str, list[tuple[str, Any]]]:
        """The choices of each field, read from the database for this request."""
        return {}

    def value(self, name: str) -> Any:
        return getattr(self, "cleaned_data", {}).get(name) or None


class AgendaFilterForm(PublicFilterForm):
    quand = forms.ChoiceField(
        label=_("Période"),
        required=False,
        choices=[("", _("À venir")), ("passees", _("Passées"))],
        error_messages=ERRORS,
    )
    format = forms.ChoiceField(label=_("Format"), required=False, error_messages=ERRORS)
    thematique = forms.ChoiceField(label=_("Thématique"), required=False, error_messages=ERRORS)
    territoire = forms.ChoiceField(label=_("Territoire"), required=False, error_messages=ERRORS)
    mois = forms.ChoiceField(label=_("Mois"), required=False, error_messages=ERRORS)

    def choices(self) -> dict[str, list[tuple[str, Any]]]:
        return {
            "format": [ALL, *_slug_choices(ActionFormat.objects.all())],
            "thematique": [ALL_F, *_slug_choices(Theme.objects.all())],
            "territoire": [ALL, *territory_choices()],
            "mois": [ALL, *self._month_choices(self.root)],
        }

    @staticmethod
    def _month_choices(root: Page) -> list[tuple[str, str]]:
        # The months of the actions the agenda lists: the site's own and those its centre co-organises.
        actions = site_actions(root=root).values("pk")
        months = ActionSession.objects.filter(page__in=actions).datetimes("starts_at", "month", tzinfo=PARIS)
        return [(f"{month:%Y-%m}", formats.date_format(month, "F Y").capitalize()) for month in months]

    def filters(self) -> AgendaFilters:
        month = self.value("mois")
        territory = self.value("territoire")
        return AgendaFilters(
            format_slug=self.value("format") or "",
            theme_slug=self.value("thematique") or "",
            territory_id=int(territory) if territory else None,
            month=datetime.date.fromisoformat(f"{month}-01") if month else None,
            past=self.value("quand") == "passees",
        )


class LibraryFilterForm(PublicFilterForm):
    collection = forms.ChoiceField(label=_("Collection"), required=False, error_messages=ERRORS)
    thematique = forms.ChoiceField(label=_("Thématique"), required=False, error_messages=ERRORS)
    territoire = forms.ChoiceField(label=_("Territoire"), required=False, error_messages=ERRORS)
    annee = forms.ChoiceField(label=_("Année"), required=False, error_messages=ERRORS)

    def choices(self) -> dict[str, list[tuple[str, Any]]]:
        return {
            "collection": [ALL_F, *_slug_choices(PublicationCollection.objects.all())],
            "thematique": [ALL_F, *_slug_choices(Theme.objects.all())],
            "territoire": [ALL, *territory_choices()],
            "annee": [ALL_F, *((str(year), str(year)) for year in publication_years(root=self.root))],
        }

    def filters(self) -> LibraryFilters:
        territory = self.value("territoire")
        year = self.value("annee")
        return LibraryFilters(
            collection_slug=self.value("collection") or "",
            theme_slug=self.value("thematique") or "",
            territory_id=int(territory) if territory else None,
            year=int(year) if year else None,
        )


class ExperienceFilterForm(PublicFilterForm):
    thematique = forms.ChoiceField(label=_("Thématique"), required=False, error_messages=ERRORS)
    territoire = forms.ChoiceField(label=_("Territoire"), required=False, error_messages=ERRORS)

    def choices(self) -> dict[str, list[tuple[str, Any]]]:
        return {
            "thematique": [ALL_F, *_slug_choices(Theme.objects.all())],
            "territoire": [ALL, *territory_choices()],
        }

    def filters(self) -> ExperienceFilters:
        territory = self.value("territoire")
        return ExperienceFilters(
            theme_slug=self.value("thematique") or "",
            territory_id=int(territory) if territory else None,
        )
