"""The admin's login form with its password field labelled in French.

Wagtail's LoginForm gives the field a placeholder but no label, so Django derives one from the
field's name: « Password », which no catalogue translates.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class FrenchLoginForm(LoginForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mot de passe")
