"""The consent wording shown on the public form, stored verbatim in each consent record.

It names the site's controller and the retention period of its « Informations légales » setting, the
same facts as the site's « Données personnelles » page (legal/selectors.py).
"""

from collections.abc import Iterable

from django.utils.translation import gettext
from wagtail.models import Site

from legal.selectors import legal_facts_for
from newsletters.models import NewsletterList


def consent_text(lists: Iterable[NewsletterList], *, site: Site | None) -> str:
    """The sentence next to the consent box, naming the lists the form offers, the controller and the retention."""
    names = ", ".join(f"« {item.name} »" for item in lists)
    facts = legal_facts_for(site=site)
    accept = gettext("J'accepte de recevoir par courriel la ou les lettres cochées parmi {names}.").format(names=names)
    notice = gettext(
        "{controller}, responsable du traitement, utilise votre adresse, votre nom, votre organisme, votre fonction "
        "et votre territoire uniquement pour vous envoyer les lettres choisies et connaître leur lectorat ; ils ne "
        "sont jamais cédés et sont conservés {retention}. Chaque lettre contient un lien de désabonnement et un lien "
        "vers vos préférences. Vous pouvez demander l'accès à vos données ou leur effacement en écrivant à "
        "l'adresse de réponse de la lettre."
    ).format(controller=facts.controller, retention=facts.information.subscription_retention)
    return f"{accept} {notice}"
