"""The information text a person accepts when registering; recorded with the registration.

It names the site's controller (its « Informations légales », legal/selectors.py, as on the site's
« Données personnelles » page) and the retention period the centre set (``RegistrationPrivacy``,
the one the retention task applies), as the person reads them on the form at that moment.
"""

from wagtail.models import Site

from legal.selectors import legal_facts_for
from publications.models import ActionPage
from registrations.models import RegistrationPrivacy


def retention_months(action: ActionPage) -> int:
    # Read, never created: a page's GET writes nothing (a new row would purge the shared cache).
    site = action.get_site()
    months = RegistrationPrivacy.objects.filter(site=site).values_list("retention_months", flat=True).first()
    if months is None:
        return int(RegistrationPrivacy._meta.get_field("retention_months").get_default())
    return months


def consent_text(action: ActionPage, *, site: Site | None) -> str:
    controller = legal_facts_for(site=site).controller
    months = retention_months(action)
    return (
        f"J'accepte que {controller}, responsable du traitement, utilise mon adresse, mon nom, mon organisme, "
        f"ma fonction, mon territoire et mes réponses pour gérer mon inscription à « {action.title} » "
        "(confirmation, liste d'attente, rappel, accueil le jour de la séance) et compter la participation, "
        "de façon anonyme, dans ses bilans. Ces données ne sont jamais cédées ; elles sont anonymisées "
        f"{months} mois après la dernière séance. Je peux les consulter, les corriger ou annuler mon inscription "
        "par le lien de chaque courriel, et demander leur effacement en répondant à l'un d'eux."
    )
