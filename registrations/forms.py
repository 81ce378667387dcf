"""The public registration form: who you are, your needs, the action's own questions."""

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from newsletters.models import NewsletterList
from registrations.models import QuestionKind, RegistrationQuestion
from registrations.services import Applicant
from subscribers.consent import consent_text as newsletter_consent_text
from subscribers.forms import single_line, territory_field
from subscribers.models import SubscriberRole

ANSWER_MAX_LENGTH = 1000


def question_field_name(question: RegistrationQuestion) -> str:
    return f"question_{question.pk}"


class RegistrationDetailsForm(forms.Form):
    """What a registered person may change afterwards: everything but the address and the session."""

    name = forms.CharField(label=_("Nom et prénom"), max_length=150, validators=[single_line])
    organisation = forms.CharField(label=_("Organisme"), max_length=200, required=False, validators=[single_line])
    role = forms.ChoiceField(
        label=_("Fonction"), choices=[("", _("— Choisir —")), *SubscriberRole.choices], required=False
    )
    accessibility_needs = forms.CharField(
        label=_("Besoins d'accessibilité (facultatif)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Accès en fauteuil, interprète LSF, boucle magnétique, documents adaptés…"),
    )

    def __init__(self, *args: Any, questions: list[RegistrationQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["territory"] = territory_field()
        self.questions = questions
        for question in questions:
            if question.kind == QuestionKind.CHOICE:
                field: forms.Field = forms.ChoiceField(
                    label=question.label,
                    choices=[("", _("— Choisir —")), *((choice, choice) for choice in question.choice_list)],
                    required=question.required,
                )
            else:
                field = forms.CharField(
                    label=question.label,
                    max_length=ANSWER_MAX_LENGTH,
                    required=question.required,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
            self.fields[question_field_name(question)] = field

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self) -> str:
        return " ".join(self.cleaned_data["organisation"].split())

    def answers(self) -> dict[str, str]:
        """Answers keyed by question label: what the admin and the export show, even if a question goes."""
        return {
            question.label: self.cleaned_data[question_field_name(question)]
            for question in self.questions
            if self.cleaned_data.get(question_field_name(question))
        }

    def applicant(self, *, email: str) -> Applicant:
        territory = self.cleaned_data.get("territory")
        return Applicant(
            email=email,
            name=self.cleaned_data["name"],
            organisation=self.cleaned_data["organisation"],
            role=self.cleaned_data["role"],
            territory_id=territory.pk if territory else None,
            accessibility_needs=self.cleaned_data["accessibility_needs"],
            answers=self.answers(),
        )


class RegistrationForm(RegistrationDetailsForm):
    email = forms.EmailField(
        label=_("Adresse électronique"),
        max_length=254,
        error_messages={"invalid": _("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")},
    )
    session = forms.TypedChoiceField(label=_("Séance"), coerce=int, widget=forms.RadioSelect, required=False)
    consent = forms.BooleanField(
        label=_("J'accepte"), error_messages={"required": _("Votre accord est nécessaire pour vous inscrire.")}
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Ne pas remplir ce champ"), required=False)

    def __init__(
        self,
        *args: Any,
        session_choices: list[tuple[int, str]],
        newsletter_lists: QuerySet[NewsletterList] | None = None,
        site: Site | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["email", "session", "name", "organisation", "role", "territory"])
        self.newsletter_consent_text = ""
        if newsletter_lists is not None and newsletter_lists.exists():
            # Optional; a ticked box starts the newsletter's own double opt-in, never a subscription.
            self.fields["newsletters"] = forms.ModelMultipleChoiceField(
                label=_("Recevoir aussi nos lettres d'information (facultatif)"),
                queryset=newsletter_lists,
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=_(
                    "Un courriel vous demandera de confirmer l'abonnement ; sans confirmation, rien ne change."
                ),
            )
            self.newsletter_consent_text = newsletter_consent_text(newsletter_lists, site=site)
        if session_choices:
            session = cast(forms.TypedChoiceField, self.fields["session"])
            session.choices = session_choices
            session.required = True
            session.error_messages["required"] = _("Choisissez une séance.")
            session.error_messages["invalid_choice"] = _("Cette séance n'est pas proposée.")
        else:
            del self.fields["session"]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))
