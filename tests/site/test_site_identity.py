"""Each centre's identity on its public pages: header, colours, footer, and the JSON-LD it feeds."""

import datetime
import html
import json
import re

import pytest
from django.utils import timezone
from wagtail.models import Site

from publications.models import AttendanceMode, SiteIdentity
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
    CustomImageFactory,
    OrganisationFactory,
    ProgrammePageFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def _json_ld(client, url: str):
    match = SCRIPT.search(client.get(url).content.decode())
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.fixture
def identity(site_tree) -> SiteIdentity:
    funder = OrganisationFactory(name="Agence nationale de la cohésion des territoires", logo=CustomImageFactory())
    partner = OrganisationFactory(name="Question de Ville", website="https://questiondeville.example.org/")
    return SiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True),
        logo=CustomImageFactory(title="Logo du centre"),
        tagline="Centre de ressources politique de la ville en Seine-Saint-Denis",
        accent_colour="#7a1f3d",
        accent_dark_colour="#4f1427",
        street_address="15 rue Catulienne",
        postal_code="93200",
        town="Saint-Denis",
        email="contact@example.org",
        phone="01 48 09 26 36",
        social_links=[("link", {"network": "mastodon", "url": "https://social.example.org/@centre", "label": ""})],
        partners=[("organisation", partner)],
        funders=[("organisation", funder)],
    )


def test_header_and_footer__logo_tagline_colours_coordinates_and_logos(client, identity, site_tree):
    page = _html(client, site_tree.publications.url)
    header = page[page.index("<header") : page.index("</header>")]
    assert 'class="site-brand__logo"' in header
    assert "Centre de ressources politique de la ville en Seine-Saint-Denis" in header
    assert "--accent: #7a1f3d; --accent-dark: #4f1427;" in page
    footer = page[page.index("<footer") : page.index("</footer>")]
    assert "15 rue Catulienne" in footer
    assert "93200 Saint-Denis" in footer
    assert 'href="mailto:contact@example.org"' in footer
    assert 'href="tel:0148092636"' in footer
    assert '<a href="https://social.example.org/@centre" rel="me">Mastodon</a>' in footer
    assert 'alt="Agence nationale de la cohésion des territoires"' in footer
    assert (
        '<a href="https://questiondeville.example.org/"><span class="logo-wall__name">Question de Ville</span>'
        in footer
    )


def test_footer__every_link_leads_somewhere_and_no_legal_page_is_promised(client, identity, site_tree):
    page = _html(client, site_tree.home.url)
    footer = page[page.index("<footer") : page.index("</footer>")]
    for href in re.findall(r'href="(/[^"]*)"', footer):
        assert client.get(href).status_code == 200, href
    assert "Mentions légales" not in footer, "the legal pages come with the centres issue"


def test_without_identity__defaults_and_nothing_written(client, site_tree):
    page = _html(client, site_tree.home.url)
    assert "--accent: #1d3f8f;" in page
    assert not SiteIdentity.objects.exists(), "a GET writes nothing"


def test_home__heading_is_the_centre_and_organization_json_ld(client, identity, site_tree):
    page = _html(client, site_tree.home.url)
    assert re.search(r"<h1[^>]*>Centre de ressources politique de la ville</h1>", page)
    assert "<h1>Accueil</h1>" not in page
    organisation = _json_ld(client, site_tree.home.url)
    assert organisation["@type"] == "Organization"
    assert organisation["url"] == site_tree.home.full_url
    assert organisation["logo"].startswith("http://testserver/")
    assert organisation["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FR",
        "streetAddress": "15 rue Catulienne",
        "postalCode": "93200",
        "addressLocality": "Saint-Denis",
    }
    assert organisation["sameAs"] == ["https://social.example.org/@centre"]


def test_event__image_free_offer_organizer_and_postal_address(client, identity, site_tree):
    programme = ProgrammePageFactory(parent=site_tree.programmes)
    action = ActionPageFactory(parent=programme, image=CustomImageFactory())
    ActionSessionFactory(page=action)
    [event] = _json_ld(client, action.url)
    assert event["image"][0].startswith("http://testserver/")
    assert event["offers"]["price"] == 0
    assert event["offers"]["priceCurrency"] == "EUR"
    assert event["isAccessibleForFree"] is True
    assert event["organizer"]["name"] == programme.centre.name
    assert event["location"][0]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FR",
        "streetAddress": "9-11 rue Génin",
        "postalCode": "93200",
        "addressLocality": "Saint-Denis",
    }


def test_event__without_an_image_of_its_own_shows_the_centres_logo(client, identity, site_tree):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    ActionSessionFactory(page=action)
    [event] = _json_ld(client, action.url)
    assert event["image"] == ["http://testserver" + identity.logo.get_rendition("fill-1200x675").url]


def test_registration__offered_while_a_session_is_to_come(client, site_tree):
    action = ActionPageFactory(
        parent=ProgrammePageFactory(parent=site_tree.programmes),
        registration_open=True,
        registration_url="https://inscription.example.org/seminaire",
    )
    ActionSessionFactory(page=action)  # 11 May 2024: over
    assert "S'inscrire" not in _html(client, action.url)
    soon = timezone.now() + datetime.timedelta(days=3)
    ActionSessionFactory(page=action, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    assert "S'inscrire" in _html(client, action.url)


def test_online_session__link_shown_until_it_ends(client, site_tree):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    soon = timezone.now() + datetime.timedelta(days=3)
    ActionSessionFactory(page=action, online=True, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2))
    ActionSessionFactory(
        page=action,
        attendance_mode=AttendanceMode.ONLINE,
        venue="",
        address="",
        online_url="https://visio.example.org/passee",
    )  # the factory's date, 11 May 2024, is over
    page = _html(client, action.url)
    assert page.count("Lien de connexion") == 1
    assert "https://visio.example.org/seminaire-des-elus" in page
    assert "https://visio.example.org/passee" not in page
    past, future = _json_ld(client, action.url)  # in the order of their dates
    assert future["location"] == [{"@type": "VirtualLocation", "url": "https://visio.example.org/seminaire-des-elus"}]
    assert past["location"] == [{"@type": "VirtualLocation", "url": action.full_url}]
