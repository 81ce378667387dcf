"""Admin forms: a subscriber with its lists, and the CSV import."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from newsletters.models import NewsletterList
from newsletters.selectors import lists_for_user
from subscribers.forms import single_line
from subscribers.models import SubscriptionStatus
from subscribers.selectors import subscribers_by_email

_OPEN_STATUSES = (SubscriptionStatus.CONFIRMED, SubscriptionStatus.PENDING)


class SubscriberAdminForm(WagtailAdminModelForm):
    lists = forms.ModelMultipleChoiceField(
        label=_("Listes"),
        queryset=NewsletterList.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Les listes cochées sont confirmées ; une liste décochée vaut désabonnement."),
    )
    legal_basis = forms.CharField(
        label=_("Base légale des ajouts"),
        max_length=255,
        required=False,
        validators=[single_line],
        help_text=_(
            "Obligatoire pour tout ajout à une liste, par exemple « consentement recueilli par écrit le 12/03 »."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("name", "organisation"):
            self.fields[name].validators.append(single_line)
        # Another centre's lists are neither shown nor accepted (nor changed: the save keeps to these).
        self.fields["lists"].queryset = lists_for_user(self.for_user)
        if self.instance.pk:
            self.fields["lists"].initial = list(
                self.instance.subscriptions.filter(
                    status__in=_OPEN_STATUSES, newsletter_list__in=self.fields["lists"].queryset
                ).values_list("newsletter_list", flat=True)
            )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if subscribers_by_email(email).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Cette adresse est déjà celle d'un·e autre abonné·e."))
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        chosen = {item.pk: item for item in cleaned.get("lists") or []}
        statuses = (
            dict(self.instance.subscriptions.values_list("newsletter_list_id", "status")) if self.instance.pk else {}
        )
        added = [item for pk, item in chosen.items() if statuses.get(pk) not in _OPEN_STATUSES]
        left = [item.name for item in added if statuses.get(item.pk) == SubscriptionStatus.UNSUBSCRIBED]
        if left:
            self.add_error(
                "lists",
                _(
                    "Désabonné·e de %(lists)s : seule une nouvelle inscription par le formulaire public "
                    "peut l'y réabonner."
                )
                % {"lists": ", ".join(f"« {name} »" for name in left)},
            )
        if added and not cleaned.get("legal_basis"):
            self.add_error("legal_basis", _("Indiquez la base légale de l'ajout à une liste."))
        return cleaned


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "UTF-8, séparateur virgule ou point-virgule ; première ligne : noms des colonnes "
            "(email, nom, organisme, fonction)."
        ),
    )
    newsletter_list = forms.ModelChoiceField(label=_("Liste"), queryset=NewsletterList.objects.order_by("name"))
    legal_basis = forms.CharField(
        label=_("Base légale"),
        max_length=255,
        validators=[single_line],
        error_messages={"required": _("Indiquez la base légale de l'import.")},
        help_text=_("Par exemple : « consentement recueilli sur les feuilles d'émargement des rencontres 2025 »."),
    )


class ImportConfirmForm(forms.Form):
    import_key = forms.RegexField(regex=r"^[0-9a-f]{32}$")
    newsletter_list = forms.ModelChoiceField(queryset=NewsletterList.objects.all())
    legal_basis = forms.CharField(max_length=255, validators=[single_line])
