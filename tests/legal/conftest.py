import datetime

import pytest
from wagtail.models import Site

from legal.models import LegalInformation
from publications.models import SiteIdentity


@pytest.fixture
def site(home_page) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def identity(site) -> SiteIdentity:
    return SiteIdentity.objects.create(
        site=site,
        street_address="12 rue de l'Exemple",
        postal_code="93200",
        town="Saint-Denis",
        email="accueil@example.org",
    )


@pytest.fixture
def legal(site) -> LegalInformation:
    return LegalInformation.objects.create(
        site=site,
        publisher_name="Pôle ressources (exemple)",
        publisher_status="Association loi 1901",
        publication_director="Camille Exemple, présidente",
        host_name="Hébergeur Exemple SAS",
        host_address="1 avenue de l'Exemple, 75000 Paris",
        controller_name="Pôle ressources, association",
        subscription_retention="jusqu'au désabonnement",
        registration_retention="deux ans après l'action",
        audit_date=datetime.date(2026, 10, 15),
        compliance_rate=82,
        pages_tested="Accueil\nAgenda\n",
        non_compliances="PDF anciens non balisés",
        contact_email="equipe@example.org",
    )
