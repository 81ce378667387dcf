"""The information text a person accepts when registering; recorded with the registration."""

from django.conf import settings

from publications.models import ActionPage


def consent_text(action: ActionPage) -> str:
    return (
        f"J'accepte que {settings.WAGTAIL_SITE_NAME} utilise mon adresse, mon nom, mon organisme, ma fonction, "
        f"mon territoire et mes réponses pour gérer mon inscription à « {action.title} » (confirmation, liste "
        "d'attente, accueil le jour de la séance) et compter la participation, de façon anonyme, dans ses bilans. "
        "Ces données ne sont jamais cédées. Je peux les consulter, les corriger ou annuler mon inscription par "
        "le lien de chaque courriel."
    )
