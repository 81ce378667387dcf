"""The public contact form: who writes, about what, and the message; a honeypot for naive bots."""

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000


TOPICS = [
    ("question", _("Une question sur nos actions ou nos publications")),
    ("documentation", _("Une demande de documentation")),
    ("partenariat", _("Une proposition de partenariat")),
    ("accessibilite", _("Un problème d'accessibilité du site")),
    ("donnees", _("Vos données personnelles")),
    ("autre", _("Autre chose")),
]
TOPIC_LABELS = dict(TOPICS)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Nom et prénom"), max_length=150)
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        help_text=_("Pour vous répondre, et à rien d'autre."),
        error_messages={"invalid": _("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")},
    )
    organisation = forms.CharField(label=_("Organisme (facultatif)"), max_length=200, required=False)
    topic = forms.ChoiceField(
        label=_("Objet"),
        choices=[("", _("— Choisir —")), *TOPICS],
        error_messages={"invalid_choice": _("Choisissez l'objet de votre message dans la liste.")},
    )
    message = forms.CharField(
        label=_("Votre message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"max_length": _("Votre message dépasse %(limit_value)d caractères : raccourcissez-le.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Ne pas remplir ce champ"), required=False)

    def _one_line(self, field: str) -> str:
        # Line breaks and control characters have no business in a name: collapsed to single spaces.
        return " ".join("".join(char if char.isprintable() else " " for char in self.cleaned_data[field]).split())

    def clean_name(self) -> str:
        name = self._one_line("name")
        if not name:
            raise forms.ValidationError(_("Indiquez votre nom."))
        return name

    def clean_organisation(self) -> str:
        return self._one_line("organisation")

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def clean_message(self) -> str:
        # Control and format characters but line breaks and tabs (a bidi override can disguise a link) are dropped.
        text = "".join(char for char in self.cleaned_data["message"] if char.isprintable() or char in "\n\t")
        if not text.strip():
            raise forms.ValidationError(_("Écrivez votre message."))
        return text.strip()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
