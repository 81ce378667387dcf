"""The consent wording shown on the public form, stored verbatim in each consent record."""

from collections.abc import Iterable

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsletters.models import NewsletterList

PRIVACY_NOTICE = _(
    "Votre adresse, votre nom, votre organisme, votre fonction et votre territoire servent uniquement "
    "à vous envoyer les lettres choisies et à connaître leur lectorat ; ils ne sont jamais cédés. "
    "Chaque lettre contient un lien de désabonnement et un lien vers vos préférences. Vous pouvez "
    "demander l'accès à vos données ou leur effacement en écrivant à l'adresse de réponse de la lettre."
)


def consent_text(lists: Iterable[NewsletterList]) -> str:
    """The sentence next to the consent box, naming the lists the form offers."""
    names = ", ".join(f"« {item.name} »" for item in lists)
    accept = gettext("J'accepte de recevoir par courriel la ou les lettres cochées parmi {names}.").format(names=names)
    return f"{accept} {PRIVACY_NOTICE}"
