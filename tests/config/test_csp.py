"""Content-Security-Policy: no inline script on any public page, the admin's own looser script-src."""

import re

import pytest
from wagtail.models import Page, get_page_models

from publications.models import AgendaPage, FormatIndexPage, PeopleIndexPage
from tests.factories import (
    AboutPageFactory,
    ActionOrganisationFactory,
    ActionPageFactory,
    ActionPersonFactory,
    ActionSessionFactory,
    ExperiencePageFactory,
    NewsletterIssuePageFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    ProgrammePageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db

# An inline <script> that runs (not a JSON-LD or JSON data block, not a static file).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)


def script_src(response) -> list[str]:
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        if name == "script-src":
            return sources
    raise AssertionError("no script-src")


@pytest.fixture
def public_urls(site_tree) -> dict[str, str]:
    """One address of each public page type, and of the public views beside the page tree."""
    programme = ProgrammePageFactory(parent=site_tree.programmes)
    action = ActionPageFactory(parent=programme)
    ActionSessionFactory(page=action)  # an Event in JSON-LD
    person = ActionPersonFactory(page=action).person
    organisation = ActionOrganisationFactory(page=action, role="partenaire").organisation
    series = PodcastSeriesPageFactory(parent=site_tree.podcasts)
    season = PodcastSeasonPageFactory(parent=series)
    agenda = site_tree.home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    people = site_tree.home.add_child(instance=PeopleIndexPage(title="Intervenant·e·s", slug="intervenants"))
    formats = site_tree.home.add_child(instance=FormatIndexPage(title="Formats et principes", slug="formats"))
    pages = [
        *vars(site_tree).values(),
        programme,
        action,
        agenda,
        people,
        formats,
        series,
        season,
        PodcastEpisodePageFactory(parent=season),
        PublicationPageFactory(parent=site_tree.publications),
        ExperiencePageFactory(parent=site_tree.experiences),
        NewsletterIssuePageFactory(parent=site_tree.newsletters),
        AboutPageFactory(parent=site_tree.home),
    ]
    built = {type(page.specific) for page in pages}
    assert built == set(get_page_models()) - {Page}, "a page type without a CSP check"
    return {
        **{type(page.specific).__name__: page.url for page in pages},
        "person": f"{people.url}personnes/{person.pk}/",
        "organisation": f"{people.url}organisations/{organisation.pk}/",
        "search": "/recherche/?q=conseil",
        "subscribe": "/abonnement/",
        "api docs": "/api/docs/",
    }


def test_public_pages__script_src_without_unsafe_inline_nor_nonce(client, public_urls):
    for name, url in public_urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        sources = script_src(response)
        assert "'unsafe-inline'" not in sources, name
        assert not any(source.startswith("'nonce-") for source in sources), name
        assert not INLINE_SCRIPT.search(response.content.decode()), f"inline script on {name}"


def test_public_pages__json_ld_is_a_data_block_without_nonce(client, public_urls):
    html = client.get(public_urls["ActionPage"]).content.decode()
    assert '<script type="application/ld+json">' in html
    assert "nonce=" not in html


def test_admin__keeps_unsafe_inline_and_its_pages_load(admin_client, public_urls, site_tree):
    page = site_tree.publications.get_children().first()
    for url in ("/admin/", f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/edit/preview/", "/admin/login/"):
        response = admin_client.get(url)
        assert response.status_code in (200, 302), url
        assert "'unsafe-inline'" in script_src(response), url
