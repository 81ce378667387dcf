"""The demo's shape: four centre sites, each on its own host with its own content, and the network's site."""

import html

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from wagtail.models import Collection, Page, Site

import dev
from centres.models import Centre, LegalForm
from centres.selectors import centre_for_page, centre_pages
from demo.builders.common import a_year
from demo.loader import demo_data_read
from legal.models import LegalInformation
from newsletters.models import NewsletterIssuePage, NewsletterList
from publications.models import (
    AboutPage,
    ActionPage,
    ExperiencePage,
    HomePage,
    PodcastSeriesPage,
    ProgrammePage,
    PublicationPage,
)
from tests.html import headings, hrefs, main, parse
from tests.sites import centre_site, page_get, page_path

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_media")]

PB, PR, VO, IREV = "profession-banlieue", "pole-ressources", "val-d-oise", "irev"
SLUGS = (PB, PR, VO, IREV)


def _pages_of(slug: str, model: type[Page]) -> set[str]:
    return set(model.objects.filter(pk__in=centre_pages(Centre.objects.get(slug=slug))).values_list("title", flat=True))


def test_centre_sites__four_centres_with_their_profile_site_and_collection(demo_site):
    centres = {centre.slug: centre for centre in Centre.objects.select_related("site", "collection", "region")}
    assert set(centres) == set(SLUGS)
    assert centres[IREV].legal_form == LegalForm.GIP
    assert {centres[slug].legal_form for slug in (PB, PR, VO)} == {LegalForm.ASSOCIATION}
    assert centres[IREV].region.name == "Hauts-de-France"
    assert centres[VO].territory_served == "Val-d'Oise"
    for slug, centre in centres.items():
        assert centre.mission
        assert centre.organisation.name == centre.name
        assert (centre.site.hostname, centre.site.is_default_site) == (f"{slug}.localhost", False)
        assert centre.site.site_name == centre.name
        assert centre.collection.name == centre.name
        assert centre.collection.get_parent() == Collection.get_first_root_node()


def test_centre_sites__the_default_site_is_the_network_with_a_home_of_its_own(demo_site):
    network = Site.objects.get(is_default_site=True)
    assert not Centre.objects.filter(site=network).exists()
    assert network.site_name == demo_data_read("centres")["network"]["title"]
    homes = HomePage.objects.filter(depth=2)
    assert {home.pk for home in homes} == set(Site.objects.values_list("root_page_id", flat=True))
    assert homes.count() == 5
    assert not Page.objects.filter(depth=2).exclude(pk__in=homes).exists()
    assert not network.root_page.get_children().exists(), "the network's home has no sections yet"


@pytest.mark.parametrize("slug", SLUGS)
def test_centre_sites__each_answers_its_host_with_its_home_and_sections(demo_site, slug):
    site = centre_site(slug)

    response = Client().get("/", HTTP_HOST=f"{slug}.localhost")

    assert response.status_code == 200
    document = parse(response)
    assert headings(document, "h1") == [site.site_name]
    menu = {page_path(page) for page in site.root_page.get_children().live().in_menu()}
    assert len(menu) == 9, "the eight sections and « Qui sommes-nous »"
    assert menu <= set(hrefs(document))


def test_centre_sites__the_network_answers_127_0_0_1_and_links_to_each_centre(demo_site):
    response = Client().get("/", HTTP_HOST="127.0.0.1")

    assert response.status_code == 200
    document = main(parse(response))
    assert headings(document, "h1") == [Site.objects.get(is_default_site=True).site_name]
    assert {f"{centre_site(slug).root_url}/" for slug in SLUGS} <= set(hrefs(document))
    assert "Prochains rendez-vous" not in document.get_text()


def test_centre_sites__a_page_answers_on_its_own_site_only(demo_site):
    publication = PublicationPage.objects.get(title="Le projet de renouvellement urbain pas à pas")
    client = Client()

    assert page_get(client, publication).status_code == 200
    assert client.get(page_path(publication), HTTP_HOST=f"{PB}.localhost").status_code == 404
    assert client.get(page_path(publication), HTTP_HOST="127.0.0.1").status_code == 404


def test_centre_sites__each_seed_under_its_centre(demo_site):
    programmes = {slug: _pages_of(slug, ProgrammePage) for slug in SLUGS}
    assert {"Orientations de travail 2017", "Orientations de travail 2023"} <= programmes[PB]  # seeds 000, 004
    assert programmes[PR] == {"Programme d'actions 2021"}  # seed 001
    assert programmes[VO] == {"Programme d'actions 2015"}  # seed 002
    assert programmes[IREV] == {"Programme d'actions 2017"}  # seed 003
    assert _pages_of(PB, PodcastSeriesPage) == {"Penser le 9-3"}
    assert "Discrimination : des fondements à l'action" in _pages_of(VO, PublicationPage)
    assert "Le projet de renouvellement urbain pas à pas" in _pages_of(IREV, PublicationPage)
    villiers = ExperiencePage.objects.get(town__name="Villiers-le-Bel")
    assert centre_for_page(villiers).slug == PR
    lists = dict(NewsletterList.objects.values_list("name", "centre__slug"))
    assert (lists["La Lettre"], lists["Résonances"]) == (PB, PR)
    for issue in NewsletterIssuePage.objects.select_related("newsletter_list__centre"):
        assert centre_for_page(issue) == issue.newsletter_list.centre, "an issue is on its list's centre's site"


@pytest.mark.parametrize(
    ("model", "data", "key"),
    [
        (ProgrammePage, "programmes", "programmes"),
        (PublicationPage, "publications", "publications"),
        (PodcastSeriesPage, "podcasts", "series"),
        (ExperiencePage, "experiences", "experiences"),
    ],
)
def test_centre_sites__every_row_of_the_data_is_under_its_centre(demo_site, model, data, key):
    for row in demo_data_read(data)[key]:
        title = row["title"].replace("{year}", str(a_year(row.get("year", 0))))
        assert centre_for_page(model.objects.get(title=title)).name == row["centre"], title


def test_centre_sites__each_about_page_shows_its_own_centre(demo_site):
    about = AboutPage.objects.child_of(centre_site(VO).root_page).get()

    response = page_get(Client(), about)

    assert response.status_code == 200
    content = main(parse(response)).get_text()
    assert "Emmanuel Potier" in content, "seed 002's board, on the Val d'Oise site"
    irev = AboutPage.objects.child_of(centre_site(IREV).root_page).get()
    assert "Emmanuel Potier" not in main(parse(page_get(Client(), irev))).get_text()


def test_centre_sites__media_are_in_their_centre_collection(demo_site):
    for publication in PublicationPage.objects.select_related("cover__collection"):
        centre = centre_for_page(publication)
        assert publication.cover.collection == centre.collection
        assert {row.document.collection for row in publication.documents.all()} == {centre.collection}


@pytest.mark.parametrize("slug", [None, *SLUGS])
def test_centre_sites__legal_pages_on_every_site_name_its_publisher(demo_site, slug):
    site = centre_site(slug) if slug else Site.objects.get(is_default_site=True)
    host = site.hostname
    information = LegalInformation.objects.get(site=site)
    client = Client()

    notice = client.get("/mentions-legales/", HTTP_HOST=host)

    assert notice.status_code == 200
    assert information.publisher_name in html.unescape(notice.content.decode())
    for path in ("/donnees-personnelles/", "/accessibilite/", "/plan-du-site/", "/contact/"):
        assert client.get(path, HTTP_HOST=host).status_code == 200, path


def test_centre_sites__a_new_port_moves_every_site(demo_site, settings):
    """``dev.py start --port 8642`` migrates with that BASE_URL before it loads the demo."""
    settings.BASE_URL = "http://127.0.0.1:8642"
    try:
        call_command("migrate", verbosity=0)

        assert set(Site.objects.values_list("port", flat=True)) == {8642}
        publication = PublicationPage.objects.get(title="Le projet de renouvellement urbain pas à pas")
        assert publication.full_url.startswith("http://irev.localhost:8642/publications/")
    finally:
        # The rolled-back ports would stay in Wagtail's cache of site roots.
        Site.clear_site_root_paths_cache()


def test_centre_sites__dev_frame_lists_every_centre_site():
    slugs = tuple(row["slug"] for row in demo_data_read("centres")["centres"])
    frame = dev.logins_frame("http://127.0.0.1:8124", "secret")

    assert slugs == dev.CENTRE_SLUGS
    assert all(f"http://{slug}.localhost:8124/" in frame for slug in slugs)
    assert "| Sites  http://127.0.0.1:8124/  (network)" in frame


def test_centre_sites__a_single_site_demo_database_is_refused_in_french(demo_site):
    Centre.objects.create(name="Centre de ressources", slug="centre", site=Site.objects.get(is_default_site=True))

    with pytest.raises(CommandError, match=r"Supprimez var/db\.sqlite3"):
        call_command("load_demo", verbosity=0)


def test_centre_sites__admin_login_on_a_centre_host_passes_csrf(demo_site):
    client = Client(enforce_csrf_checks=True)
    host = f"{IREV}.localhost:8000"
    client.get("/admin/login/", HTTP_HOST=host)

    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "demo-pass", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
        HTTP_HOST=host,
        HTTP_ORIGIN=f"http://{host}",
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"


def test_centre_sites__the_co_organised_regional_day_shows_on_each_co_organisers_agenda(demo_site):
    """Seed 001: the Pôle ressources' GUSP day, co-organised with Profession Banlieue, one page on its host's site."""
    day = ActionPage.objects.get(title__startswith="Rencontres franciliennes de la GUSP")
    agenda_path = "/agenda/?quand=passees&mois=2020-12"

    assert centre_for_page(day).slug == PR
    assert [centre.slug for centre in day.co_organisers.all()] == [PB]
    # Relative on its own site, the full address on the co-organiser's: one page either way.
    for slug, link in ((PR, page_path(day)), (PB, day.full_url)):
        response = Client().get(agenda_path, HTTP_HOST=centre_site(slug).hostname)
        assert link in hrefs(main(parse(response))), slug
    response = Client().get(agenda_path, HTTP_HOST=centre_site(IREV).hostname)
    assert day.full_url not in hrefs(main(parse(response)))
