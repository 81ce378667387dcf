"""Each centre's identity on its public pages: header, colours, footer, home heading; registration by date."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from publications.models import SiteIdentity
from tests.factories import (
    ActionPageFactory,
    ActionSessionFactory,
    ProgrammePageFactory,
)

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


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


def test_footer__every_link_leads_somewhere_including_the_legal_pages(client, identity, site_tree):
    page = _html(client, site_tree.home.url)
    footer = page[page.index("<footer") : page.index("</footer>")]
    for href in re.findall(r'href="(/[^"]*)"', footer):
        assert client.get(href).status_code == 200, href
    for title in ("Mentions légales", "Données personnelles", "Accessibilité", "Plan du site", "Contact"):
        assert title in footer, title


def test_without_identity__defaults_and_nothing_written(client, site_tree):
    page = _html(client, site_tree.home.url)
    assert "--accent: #1d3f8f;" in page
    assert not SiteIdentity.objects.exists(), "a GET writes nothing"


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


def test_home__heading_is_the_centre_not_accueil(client, identity, site_tree):
    page = _html(client, site_tree.home.url)
    assert re.search(r"<h1[^>]*>Centre de ressources politique de la ville</h1>", page)
    assert "<h1>Accueil</h1>" not in page


def test_404__french_in_the_sites_layout(client, identity, site_tree):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    page = html.unescape(response.content.decode())
    assert "<h1>Page introuvable</h1>" in page
    assert 'class="site-brand__logo"' in page
    assert "15 rue Catulienne" in page


def test_500__the_sites_layout_without_a_single_query(django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        page = render_to_string("500.html")
    assert "<h1>Erreur du serveur</h1>" in page
    assert 'class="site-header"' in page
    assert '<footer class="site-footer">' in page
