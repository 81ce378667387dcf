"""The demo centre's legal information: publisher, host, data protection and an RGAA statement.

Fictional, like the identity: an example of what an administrator fills in, never a real centre's facts.
"""

import datetime

from wagtail.models import Site

from legal.models import LegalInformation

_LEGAL = {
    "publisher_name": "Centre de ressources politique de la ville (exemple)",
    "publisher_status": "Association loi 1901",
    "publisher_registration": "RNA W930000000 (exemple)",
    "publication_director": "Camille Exemple, présidente",
    "host_name": "Hébergeur Exemple SAS",
    "host_address": "1 avenue de l'Exemple, 75000 Paris",
    "host_phone": "01 00 00 00 01",
    "privacy_email": "donnees@example.org",
    "audit_date": datetime.date(2026, 10, 15),
    "auditor": "l'équipe du centre (auto-évaluation)",
    "compliance_rate": 82,
    "pages_tested": "\n".join(
        [
            "Accueil",
            "Agenda",
            "Une action et son inscription",
            "Bibliothèque des publications",
            "Un épisode de podcast",
            "Recherche",
            "Abonnement aux lettres",
            "Contact",
            "Mentions légales",
            "Déclaration d'accessibilité",
        ]
    ),
    "non_compliances": "\n".join(
        [
            "Certaines publications PDF anciennes ne sont pas balisées (critère 13.3).",
            "Les épisodes de podcast antérieurs à 2024 n'ont pas de transcription (critère 4.1).",
        ]
    ),
    "derogations": "Les archives numérisées de La Lettre antérieures à 2010 (images de pages scannées).",
    "exemptions": "Les cartes interactives fournies par des tiers sur les fiches d'expérience.",
    "accessibility_contact": "accessibilite@example.org",
}


def legal_load() -> LegalInformation:
    """Fill the default site's legal information once; what an administrator saved is left alone."""
    site = Site.objects.get(is_default_site=True)
    existing = LegalInformation.objects.filter(site=site).first()
    if existing is not None:
        return existing
    information = LegalInformation(site=site, **_LEGAL)
    information.full_clean()
    information.save()
    return information
