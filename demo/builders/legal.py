"""Each demo site's legal information: publisher, host, data protection and an RGAA statement.

Fictional, like the identity: an example of what an administrator fills in, never a real centre's facts.
The publisher and its contacts are the site's own (demo/data/centres.yaml); the host and the audit
are shared, the centres being hosted on one instance.
"""

import datetime
from typing import Any

from wagtail.models import Site

from legal.models import LegalInformation

_SHARED = {
    "publisher_registration": "RNA W000000000 (exemple)",
    "host_name": "Hébergeur Exemple SAS",
    "host_address": "1 avenue de l'Exemple, 75000 Paris",
    "host_phone": "01 00 00 00 01",
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
}


def legal_load(site: Site, spec: dict[str, Any]) -> LegalInformation:
    """Fill the site's legal information once; what an administrator saved is left alone."""
    existing = LegalInformation.objects.filter(site=site).first()
    if existing is not None:
        return existing
    information = LegalInformation(site=site, **_SHARED, **spec)
    information.full_clean()
    information.save()
    return information
