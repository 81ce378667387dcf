"""The five legal pages: generated per Wagtail site from its « Informations légales », linked from every footer."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Site

from config.response_cache import CACHE_HEADER
from legal.models import Compliance, LegalInformation
from tests import factories
from tests.html import headings, landmark, link_texts, main, main_text, parse, section, text
from tests.public_cache import cached_text

pytestmark = pytest.mark.django_db

LEGAL_PATHS = {
    "legal:legal_notice": "Mentions légales",
    "legal:privacy": "Données personnelles",
    "legal:accessibility": "Déclaration d'accessibilité",
    "legal:plan": "Plan du site",
    "legal:contact": "Nous contacter",
}


@pytest.mark.parametrize(("name", "heading"), LEGAL_PATHS.items())
def test_legal_page__served_before_anything_is_filled_in(client, home_page, name, heading):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert headings(main(parse(response)), "h1") == [heading]
    assert not LegalInformation.objects.exists()  # a GET writes nothing


@pytest.mark.parametrize("name", LEGAL_PATHS)
def test_legal_page__refuses_other_methods(client, home_page, name):
    assert client.put(reverse(name)).status_code == 405


def test_footer__links_every_legal_page_with_the_compliance_level(client, home_page, legal):
    footer = landmark(parse(client.get(home_page.url)), "contentinfo")

    assert link_texts(footer, "/mentions-legales/") == ["Mentions légales"]
    assert link_texts(footer, "/donnees-personnelles/") == ["Données personnelles"]
    assert link_texts(footer, "/accessibilite/") == ["Accessibilité : partiellement conforme"]
    assert link_texts(footer, "/plan-du-site/") == ["Plan du site"]
    assert link_texts(footer, "/contact/") == ["Contact"]


def test_legal_notice__names_publisher_director_and_host(client, legal, identity):
    page = main(parse(client.get("/mentions-legales/")))

    publisher = text(section(page, "Éditeur du site"))
    assert "Ce site est édité par Pôle ressources (exemple) , Association loi 1901." in publisher
    assert "Camille Exemple, présidente" in publisher
    assert "12 rue de l'Exemple, 93200 Saint-Denis" in publisher
    assert "Hébergeur Exemple SAS , 1 avenue de l'Exemple, 75000 Paris" in text(section(page, "Hébergement"))


def test_legal_notice__falls_back_on_the_site_name(client, site):
    site.site_name = "IREV (exemple)"
    site.save()

    assert "Ce site est édité par IREV (exemple) ." in main_text(client.get("/mentions-legales/"))


def test_privacy__controller_purposes_retention_rights_and_the_cnil(client, legal, identity):
    page = main(parse(client.get("/donnees-personnelles/")))

    assert "Pôle ressources, association" in text(section(page, "Responsable du traitement"))
    purposes = text(section(page, "Ce que nous recueillons, pourquoi, et combien de temps"))
    assert "Abonnement aux lettres d'information" in purposes
    assert "jusqu'au désabonnement" in purposes
    assert "deux ans après l'action" in purposes
    rights = section(page, "Vos droits")
    assert "CNIL" in text(rights)
    assert link_texts(rights, "https://www.cnil.fr/fr/plaintes") == ["cnil.fr/fr/plaintes"]
    # No privacy address of its own: the centre's contact address.
    assert link_texts(rights, "mailto:accueil@example.org") == ["accueil@example.org"]


def test_accessibility__statement_generated_from_the_audit(client, legal, identity):
    page = main(parse(client.get("/accessibilite/")))

    assert "partiellement conforme" in text(section(page, "État de conformité"))
    assert "82 % des critères" in text(section(page, "Résultats des tests"))
    assert "PDF anciens non balisés" in text(section(page, "Contenus non accessibles"))
    established = section(page, "Établissement de cette déclaration")
    assert [text(item) for item in established.select("dd ul li")] == ["Accueil", "Agenda"]
    assert "Défenseur des droits" in text(section(page, "Voies de recours"))
    assert "accueil@example.org" in text(section(page, "Retour d'information et contact"))


@pytest.mark.parametrize(
    ("audit_date", "rate", "level"),
    [
        (None, None, Compliance.NONE),
        (None, 100, Compliance.NONE),
        (datetime.date(2026, 1, 1), 100, Compliance.FULL),
        (datetime.date(2026, 1, 1), 50, Compliance.PARTIAL),
        (datetime.date(2026, 1, 1), 49, Compliance.NONE),
    ],
)
def test_compliance__follows_the_rgaa_thresholds(audit_date, rate, level):
    assert LegalInformation(audit_date=audit_date, compliance_rate=rate).compliance == level


def test_accessibility__without_audit_says_non_conforme(client, site):
    page = main(parse(client.get("/accessibilite/")))

    assert "Ce site est non conforme" in text(section(page, "État de conformité"))
    assert "Résultats des tests" not in headings(page)


def test_legal_pages__each_site_its_own(client, legal, site_root, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "irev.example.org"]
    other_home = factories.HomePageFactory(parent=site_root, title="IREV")
    other = Site.objects.create(hostname="irev.example.org", port=80, root_page=other_home, site_name="IREV")
    LegalInformation.objects.create(site=other, publisher_name="IREV, GIP", compliance_rate=100)

    first = main_text(client.get("/mentions-legales/"))
    second = main_text(client.get("/mentions-legales/", HTTP_HOST="irev.example.org"))

    assert "Pôle ressources (exemple)" in first
    assert "IREV, GIP" not in first
    assert "IREV, GIP" in second
    assert "Pôle ressources" not in second
    # 100 % without an audit date is no audit: still « non conforme ».
    footer = landmark(parse(client.get("/plan-du-site/", HTTP_HOST="irev.example.org")), "contentinfo")
    assert link_texts(footer, "/accessibilite/") == ["Accessibilité : non conforme"]


def test_plan__lists_the_visible_sections_and_their_pages(client, site_tree, django_assert_max_num_queries):
    programme = factories.ProgrammePageFactory(parent=site_tree.programmes, year=2026, title="Programme 2026")
    factories.ProgrammePageFactory(parent=site_tree.programmes, year=2027, title="Programme 2027", live=False)

    with django_assert_max_num_queries(20):
        response = client.get("/plan-du-site/")
    plan = main(parse(response))

    assert link_texts(plan, site_tree.programmes.url) == [site_tree.programmes.title]
    assert link_texts(plan, programme.url) == ["Programme 2026"]
    assert "Programme 2027" not in text(plan)
    assert link_texts(plan, "/accessibilite/") == ["Accessibilité"]


@pytest.mark.parametrize("name", LEGAL_PATHS)
def test_legal_page__shared_from_the_cache(client, home_page, name):
    client.get(reverse(name))
    response = client.get(reverse(name))
    assert response[CACHE_HEADER] == "hit"


def test_legal_information_edited__the_stored_pages_purged(client, home_page, legal):
    assert "Pôle ressources (exemple)" in cached_text(client, reverse("legal:legal_notice"))
    legal.publisher_name = "Pôle ressources politique de la ville"
    legal.save()
    assert "Pôle ressources politique de la ville" in main_text(client.get(reverse("legal:legal_notice")))


def test_site_identity_edited__every_footer_purged(client, home_page, identity):
    assert "12 rue de l'Exemple" in cached_text(client, home_page.url).replace("&#x27;", "'")
    identity.street_address = "5 place de la Mairie"
    identity.save()
    assert "5 place de la Mairie" in client.get(home_page.url).content.decode()
