"""Admin forms of an issue: the test-send addresses and the proposed items the editor accepts."""

import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

TEST_SEND_MAX_ADDRESSES = 10
# Ten addresses of 254 characters and their separators; anything longer is not a list of addresses.
TEST_SEND_MAX_LENGTH = 2600
_SEPARATORS = re.compile(r"[\s,;]+")


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=_("Adresses"),
        max_length=TEST_SEND_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Une à dix adresses, séparées par des virgules ou des retours à la ligne."),
        error_messages={"required": _("Indiquez au moins une adresse.")},
    )

    def clean_addresses(self) -> list[str]:
        addresses: list[str] = []
        for address in _SEPARATORS.split(self.cleaned_data["addresses"]):
            if not address or address.lower() in addresses:
                continue
            local_part = address.rpartition("@")[0]
            try:
                validate_email(address)
            except ValidationError:
                valid = False
            else:
                valid = len(address) <= 254 and len(local_part) <= 64
            if not valid:
                raise ValidationError(
                    _("« %(address)s » n'est pas une adresse électronique valide."),
                    params={"address": address[:80]},
                    code="invalid",
                )
            addresses.append(address.lower())
        if not addresses:
            raise ValidationError(_("Indiquez au moins une adresse."), code="required")
        if len(addresses) > TEST_SEND_MAX_ADDRESSES:
            raise ValidationError(
                _("%(max)d adresses au plus (%(count)d indiquées)."),
                params={"max": TEST_SEND_MAX_ADDRESSES, "count": len(addresses)},
                code="too_many",
            )
        return addresses


class ProposalsForm(forms.Form):
    """The proposed pages ticked by the editor; only ids among the proposals are valid."""

    pages = forms.TypedMultipleChoiceField(
        label=_("Contenus à ajouter"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Cochez au moins un contenu à ajouter."),
            "invalid_choice": _("Ce contenu ne fait pas partie des propositions : %(value)s."),
        },
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedMultipleChoiceField, self.fields["pages"]).choices = choices
