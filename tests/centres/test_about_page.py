"""The « Qui sommes-nous » page: every section of its site's centre, in a bounded number of queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from centres.selectors import centre_for_page
from tests import factories
from tests.factories.centres import default_centre
from tests.factories.institution import institution_fill, institution_rows_add
from tests.html import headings, main, page_source, parse, text
from tests.publications.test_admin_hostile_input import ATTRIBUTE_BREAKOUT, SCRIPT, assert_nothing_unescaped

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(site_tree):
    return factories.AboutPageFactory(parent=site_tree.home)


@pytest.fixture
def centre(about):
    return institution_fill(default_centre())


def test_about_page__renders_every_section_of_the_sites_centre(client, about, centre):
    response = client.get(about.url)

    content = page_source(response)
    shown = text(main(parse(response)))
    assert response.status_code == 200
    assert centre_for_page(about) == centre
    assert headings(main(parse(response)), "h2") == [
        "Présentation",
        "Gouvernance",
        "L'équipe salariée",
        "Les adhérents",
        "Les financeurs",
        "Informations et ressources",
    ]
    assert '<caption id="instance-1">Bureau au 01/01/2015</caption>' in content
    assert "Emmanuel Potier" in content
    assert "Trésorier·e" in content
    assert "Ancienne Présidente" not in content  # an ended mandate is not the current governance
    assert "Réseau RECI : déléguée, Morgane Petit (depuis 2015)" in shown
    assert 'href="mailto:af@example.org"' in content
    assert "Ville de Sarcelles" in content
    assert "Camille Adhérente" not in content  # people who joined in their own name are counted only
    assert "Et 2 personnes à titre individuel." in shown
    assert content.index("Financeurs en 2015") < content.index("Financeurs en 2014")
    assert "12\xa0000 €" in content
    assert "Le site internet : visites" in shown
    assert "<td>75\xa0000</td>" in content


def test_about_page__empty_centre_shows_its_presentation_only(client, about):
    centre = default_centre()

    response = client.get(about.url)

    content = page_source(response)
    assert response.status_code == 200
    assert headings(main(parse(response)), "h2") == ["Présentation"]
    assert centre.name in content


def test_about_page__network_site_says_each_centre_has_its_own(client, about):
    response = client.get(about.url)

    assert response.status_code == 200
    assert "chaque centre de ressources présente son institution sur son propre site" in page_source(response)


def _queries_of_an_uncached_read(client, url: str) -> int:
    cache.clear()  # the shared cache of answers and Wagtail's site root paths
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_about_page__queries_do_not_grow_with_the_rows(client, about, centre):
    few = _queries_of_an_uncached_read(client, about.url)
    institution_rows_add(centre, 5)

    # The centre and its rows are 9 queries; the base template and the shared cache's checks the rest.
    assert _queries_of_an_uncached_read(client, about.url) == few <= 21


def test_about_page__hostile_text_of_the_record_is_escaped(client, about):
    centre = default_centre()
    centre.mission = SCRIPT
    centre.save()
    factories.StaffMemberFactory(centre=centre, name=ATTRIBUTE_BREAKOUT, job_title=SCRIPT)
    factories.InformationServiceFactory(centre=centre, name=SCRIPT, count_unit=ATTRIBUTE_BREAKOUT)

    response = client.get(about.url)

    assert response.status_code == 200
    assert_nothing_unescaped(response.content.decode())
