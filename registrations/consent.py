"""The information text a person accepts when registering; recorded with the registration.

It names the site's controller and the retention period of its « Informations légales » setting, the
same facts as the site's « Données personnelles » page (legal/selectors.py).
"""

from wagtail.models import Site

from legal.selectors import legal_facts_for
from publications.models import ActionPage


def consent_text(action: ActionPage, *, site: Site | None) -> str:
    facts = legal_facts_for(site=site)
    return (
        f"J'accepte que {facts.controller}, responsable du traitement, utilise mon adresse, mon nom, mon organisme, "
        f"ma fonction, mon territoire et mes réponses pour gérer mon inscription à « {action.title} » (confirmation, "
        "liste d'attente, accueil le jour de la séance) et compter la participation, de façon anonyme, dans ses "
        f"bilans. Ces données ne sont jamais cédées et sont conservées {facts.information.registration_retention}. "
        "Je peux les consulter, les corriger ou annuler mon inscription par le lien de chaque courriel."
    )
