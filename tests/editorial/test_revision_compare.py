"""The admin's revision comparison, for every page type, on each kind of field the type has:
StreamField, inline panel (child objects), snippet or other foreign key, rich text, many-to-many.
"""

import datetime
import html
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from publications.models import (
    ActionPerson,
    EpisodeChapter,
    ProgrammeAxis,
    PublicationAuthor,
    SeriesPerson,
)
from tests import factories

# A URL in a StreamField goes through BeautifulSoup in the comparison, which warns about it.
pytestmark = pytest.mark.filterwarnings("ignore:The input passed in on this line looks more like a URL")


def _programme() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.ProgrammePageFactory(live=False)
    factories.ProgrammeAxisFactory(page=page, title="Participation des habitants")

    def change(page: Any) -> list[str]:
        page.centre = factories.OrganisationFactory(centre=True, name="Centre Ressources Ouest", acronym="")
        page.axes.add(ProgrammeAxis(title="Santé mentale dans les quartiers", question="", stance=""))
        return ["Centre Ressources Ouest", "Santé mentale dans les quartiers"]

    return page, change


def _action() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.ActionPageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.body = [("paragraph", RichText("<p>Un atelier de restitution est ajouté en juin.</p>"))]
        page.format = factories.ActionFormatFactory(name="Atelier de restitution")
        person = factories.PersonFactory(first_name="Nadia", last_name="Benali")
        page.people.add(ActionPerson(person=person, role="animation"))
        return ["Un atelier de restitution est ajouté en juin.", "Atelier de restitution", "Nadia Benali"]

    return page, change


def _publication() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.PublicationPageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.collection = factories.PublicationCollectionFactory(name="Dossiers ressources")
        page.authors.add(PublicationAuthor(person=factories.PersonFactory(first_name="Malik", last_name="Sow")))
        page.abstract = "<p>Une synthèse revue et augmentée.</p>"
        return ["Dossiers ressources", "Malik Sow", "Une synthèse revue et augmentée."]

    return page, change


def _experience() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.ExperiencePageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.town = factories.TerritoryFactory(name="Tourcoing", code="59599")
        page.organisations.add(factories.OrganisationFactory(name="Maison du projet Tourcoing", acronym=""))
        page.results = "<p>Quatre projets financés en 2018.</p>"
        return ["Tourcoing (59599)", "Maison du projet Tourcoing", "Quatre projets financés en 2018."]

    return page, change


def _newsletter_issue() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.NewsletterIssuePageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.newsletter_list = factories.NewsletterListFactory(name="Les Échos des quartiers", slug="echos")
        page.sections = [
            (
                "website",
                {
                    "heading": "Un site à connaître",
                    "name": "Observatoire des territoires",
                    "url": "https://www.observatoire-des-territoires.gouv.fr/",
                    "description": "Les données locales en cartes.",
                },
            )
        ]
        return ["Les Échos des quartiers", "Observatoire des territoires", "Les données locales en cartes."]

    return page, change


def _series() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.PodcastSeriesPageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.producer = factories.OrganisationFactory(name="Radio des quartiers", acronym="")
        person = factories.PersonFactory(first_name="Inès", last_name="Garnier")
        page.committee.add(SeriesPerson(person=person, role="Comité scientifique"))
        return ["Radio des quartiers", "Inès Garnier"]

    return page, change


def _season() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.PodcastSeasonPageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.description = "<p>Une saison sur le logement social.</p>"
        return ["Une saison sur le logement social."]

    return page, change


def _episode() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.PodcastEpisodePageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.co_producer = factories.OrganisationFactory(name="Studio Banlieue", acronym="")
        page.chapters.add(EpisodeChapter(start=datetime.timedelta(seconds=1), title="Les jeunes et la ville"))
        return ["Studio Banlieue", "Les jeunes et la ville"]

    return page, change


# The index pages sit under the default site's home: the reviewer's centre (a page of no site is no centre's).
def _index(factory_class: Any) -> Callable[[], tuple[Any, Callable[[Any], list[str]]]]:
    def build() -> tuple[Any, Callable[[Any], list[str]]]:
        page = factory_class(parent=factories.HomePageFactory(live=False))

        def change(page: Any) -> list[str]:
            page.introduction = "<p>Une introduction entièrement réécrite.</p>"
            return ["Une introduction entièrement réécrite."]

        return page, change

    return build


def _home() -> tuple[Any, Callable[[Any], list[str]]]:
    page = factories.HomePageFactory(live=False)

    def change(page: Any) -> list[str]:
        page.introduction = "<p>Le centre accompagne les acteurs de la politique de la ville.</p>"
        return ["Le centre accompagne les acteurs de la politique de la ville."]

    return page, change


PAGE_TYPES = [
    pytest.param(_home, id="HomePage"),
    pytest.param(_index(factories.ProgrammeIndexPageFactory), id="ProgrammeIndexPage"),
    pytest.param(_index(factories.PublicationIndexPageFactory), id="PublicationIndexPage"),
    pytest.param(_index(factories.PodcastIndexPageFactory), id="PodcastIndexPage"),
    pytest.param(_index(factories.ExperienceIndexPageFactory), id="ExperienceIndexPage"),
    pytest.param(_index(factories.NewsletterIndexPageFactory), id="NewsletterIndexPage"),
    pytest.param(_programme, id="ProgrammePage"),
    pytest.param(_action, id="ActionPage"),
    pytest.param(_publication, id="PublicationPage"),
    pytest.param(_series, id="PodcastSeriesPage"),
    pytest.param(_season, id="PodcastSeasonPage"),
    pytest.param(_episode, id="PodcastEpisodePage"),
    pytest.param(_experience, id="ExperiencePage"),
    pytest.param(_newsletter_issue, id="NewsletterIssuePage"),
]


def compared_text_after(page_html: str) -> str:
    """The comparison table read as the newer revision: deletions dropped, tags stripped, spaces collapsed."""
    table = re.search(r'<table class="listing[^"]*">(.*?)</table>', page_html, re.DOTALL).group(1)
    table = re.sub(r'<span class="deletion">.*?</span>', "", table, flags=re.DOTALL)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", table)).split())
    return re.sub(r" ([.,])", r"\1", text)


@pytest.mark.parametrize("build", PAGE_TYPES)
def test_revision_compare__shows_the_changes_of_every_field_kind(team, client_for, build):
    page, change = build()
    page = page.specific
    before = page.save_revision(user=team.editor)
    page.title = f"{page.title} (version revue)"
    expected = [page.title, *change(page)]
    after = page.save_revision(user=team.editor)

    response = client_for(team.reviewer).get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, before.pk, after.pk])
    )

    assert response.status_code == 200
    page_html = response.content.decode()
    assert 'class="addition"' in page_html
    after = compared_text_after(page_html)
    for text in expected:
        assert text in after
