"""The subscription's consent text names the site's controller and retention period (legal.LegalInformation)."""

import pytest
from wagtail.models import Site

from legal.models import LegalInformation
from tests.html import main, parse, text

pytestmark = pytest.mark.django_db


def test_consent_text__names_the_controller_and_the_retention(client, home_page, resonances):
    LegalInformation.objects.create(
        site=Site.objects.get(is_default_site=True),
        controller_name="Pôle ressources (exemple)",
        subscription_retention="jusqu'au désabonnement, et pas un jour de plus",
    )

    consent = text(main(parse(client.get("/abonnement/"))).find("div", class_="consent"))

    assert "Pôle ressources (exemple), responsable du traitement" in consent
    assert "conservés jusqu'au désabonnement, et pas un jour de plus" in consent


def test_consent_text__without_legal_information_names_the_site(client, home_page, resonances):
    site = Site.objects.get(is_default_site=True)
    site.site_name = "IREV (exemple)"
    site.save()

    shown = client.get("/abonnement/").context["consent_text"]

    assert "IREV (exemple), responsable du traitement" in shown
    assert "jusqu'au désabonnement, puis trois ans" in shown
