"""Forms of the public pages: subscription and preferences."""

from typing import Any, cast

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from newsletters.models import NewsletterList
from publications.models import Territory, TerritoryKind
from subscribers.models import SubscriberRole

# A line break in a name would become a header injection if the name ever reached a header;
# other control characters have no business in a name either.
single_line = RegexValidator(
    r"[\x00-\x1f\x7f\u2028\u2029]", inverse_match=True, message=_("Ce champ doit tenir sur une seule ligne.")
)

# Quartiers are too many for a select; a subscriber picks the commune or a larger territory.
_TERRITORY_KINDS = [TerritoryKind.REGION, TerritoryKind.DEPARTEMENT, TerritoryKind.EPCI, TerritoryKind.COMMUNE]


class TerritoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Territory) -> str:
        return f"{obj} — {obj.get_kind_display()}"


def territory_field() -> TerritoryChoiceField:
    return TerritoryChoiceField(
        label=_("Territoire (facultatif)"),
        queryset=Territory.objects.filter(kind__in=_TERRITORY_KINDS).order_by("kind", "name"),
        required=False,
        empty_label=_("— Choisir un territoire —"),
    )


class ProfileFieldsMixin(forms.Form):
    # The address alone subscribes: a name and a profile help the centre, and nobody is turned away without them.
    name = forms.CharField(
        label=_("Nom et prénom (facultatif)"), max_length=150, required=False, validators=[single_line]
    )
    organisation = forms.CharField(
        label=_("Organisme (facultatif)"), max_length=200, required=False, validators=[single_line]
    )
    role = forms.ChoiceField(
        label=_("Fonction (facultatif)"), choices=[("", _("— Choisir —")), *SubscriberRole.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["territory"] = territory_field()

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self) -> str:
        return " ".join(self.cleaned_data["organisation"].split())


class SubscriptionForm(ProfileFieldsMixin):
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        error_messages={"invalid": _("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")},
    )
    lists = forms.ModelMultipleChoiceField(
        label=_("Lettres"),
        queryset=NewsletterList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choisissez au moins une lettre.")},
    )
    consent = forms.BooleanField(
        label=_("J'accepte"), error_messages={"required": _("Votre accord est nécessaire pour vous abonner.")}
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Ne pas remplir ce champ"), required=False)

    field_order = ["email", "name", "organisation", "role", "territory", "lists", "consent", "website"]

    def __init__(self, *args: Any, lists: QuerySet[NewsletterList], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["lists"]).queryset = lists
        self.order_fields(self.field_order)
        if len(lists) == 1:
            # A list's own form: the one box is ticked and stays visible, so the consent names it.
            self.fields["lists"].initial = [lists[0].pk]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class PreferencesForm(ProfileFieldsMixin):
    lists = forms.ModelMultipleChoiceField(
        label=_("Lettres reçues"),
        queryset=NewsletterList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    unsubscribe_all = forms.BooleanField(label=_("Me désabonner de toutes les lettres"), required=False)
    reason = forms.CharField(
        label=_("Motif du désabonnement (facultatif)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["name", "organisation", "role", "territory", "lists", "unsubscribe_all", "reason"]

    def __init__(self, *args: Any, lists: QuerySet[NewsletterList], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["lists"]).queryset = lists
        self.order_fields(self.field_order)


class UnsubscribeForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (facultatif)"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
