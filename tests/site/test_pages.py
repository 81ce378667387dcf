"""Every public page type renders in French with its content, meta tags and a bounded number of queries."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from publications.templatetags.public_site import french_filesize
from tests import html
from tests.factories import (
    ActionOrganisationFactory,
    ActionPageFactory,
    ActionPersonFactory,
    ActionSessionFactory,
    EpisodeChapterFactory,
    EpisodePersonFactory,
    ExperiencePageFactory,
    NewsletterIssuePageFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
    ProgrammeAxisFactory,
    ProgrammePageFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def page_of(client, url: str, **params) -> html.BeautifulSoup:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return html.parse(response)


def main_of(client, url: str, **params) -> html.Tag:
    return html.main(page_of(client, url, **params))


@pytest.mark.parametrize(
    ("size", "label"), [(None, ""), (1, "1 octet"), (900, "900 octets"), (1_258_291, "1,2 Mo"), (2048, "2,0 Ko")]
)
def test_french_filesize(size, label):
    assert french_filesize(size) == label


def test_base__language_skip_link_nav_and_meta(client, site_tree, agenda):
    page = page_of(client, agenda.url)
    assert page.html["lang"] == "fr"
    first_link = page.body.find("a")
    assert (html.text(first_link), first_link["href"]) == ("Aller au contenu", "#contenu")
    assert html.main(page)["id"] == "contenu"
    current = html.landmark(page, "navigation", "Navigation principale").find("a", attrs={"aria-current": "page"})
    assert (html.text(current), current["href"]) == ("Agenda", agenda.url)
    assert html.meta_content(page, "og:title") == "Agenda"
    assert html.meta_content(page, "og:locale") == "fr_FR"
    assert html.meta_content(page, "twitter:card")
    loaded = [element.get("src") or element.get("href") or "" for element in page.find_all(["script", "link", "img"])]
    assert not [url for url in loaded if "fonts.googleapis" in url or "cdn" in url.lower()]
    assert "fonts.googleapis" not in str(page)


def test_home__upcoming_publications_episodes_and_subscription(client, site_tree, agenda_content):
    PublicationPageFactory(parent=site_tree.publications, title="Les conseils citoyens, trois ans après")
    main = main_of(client, site_tree.home.url)
    assert "Séminaire des élu·e·s : la santé" in html.headings(html.section(main, "Prochains rendez-vous"), "h3")
    assert "Les conseils citoyens, trois ans après" in html.headings(html.section(main, "Dernières publications"))
    # The short form leads by GET to the full form, where the consent text is shown.
    form = html.section(main, "Recevoir nos lettres d'information").find("form")
    assert (form["method"], form["action"]) == ("get", "/abonnement/")
    assert html.text(form.find("label", attrs={"for": "abonnement-email"})) == "Adresse électronique"
    assert form.find(id="abonnement-email")


def test_programme__axes_with_their_actions(client, site_tree, django_assert_max_num_queries):
    programme = ProgrammePageFactory(parent=site_tree.programmes, year=2017)
    axes = [ProgrammeAxisFactory(page=programme, title=f"Axe {n}") for n in range(3)]
    for number in range(12):
        action = ActionPageFactory(parent=programme, axis=axes[number % 3])
        ActionSessionFactory(page=action)
    # An uncached render (the first read of the test): 23 with the footer's « Informations légales »
    # setting, the actions' other axes (an action listed under several) one prefetch, and the shared
    # cache's view-restriction check, one query each whatever the data.
    with django_assert_max_num_queries(23):
        main = main_of(client, programme.url)
    assert html.headings(main, "h2") == ["Axe 1. Axe 0", "Axe 2. Axe 1", "Axe 3. Axe 2"]
    for number in range(3):
        actions = html.section(main, f"Axe {number + 1}. Axe {number}").find("ul", class_="action-list")
        assert len(actions.find_all("li")) == 4
    index = main_of(client, site_tree.programmes.url)
    assert html.headings(index, "h2") == ["2017"]
    assert html.link_texts(html.section(index, "2017"), programme.url) == [programme.title]


def test_action__sessions_people_partners_funders_registration(client, site_tree):
    action = ActionPageFactory(
        parent=ProgrammePageFactory(parent=site_tree.programmes),
        registration_open=True,
        registration_url="https://inscription.example.org/seminaire",
    )
    ActionSessionFactory(page=action, starts_at=timezone.make_aware(datetime.datetime(2024, 12, 3, 9, 30)))
    ActionSessionFactory(page=action, online=True, cancelled=True)
    # A session to come: registration is offered only then (tests/site/test_site_identity.py).
    next_month = timezone.now() + datetime.timedelta(days=30)
    ActionSessionFactory(page=action, starts_at=next_month, ends_at=next_month + datetime.timedelta(hours=2))
    ActionPersonFactory(page=action, role="animation")
    ActionOrganisationFactory(page=action, role="financeur")
    ActionOrganisationFactory(page=action, role="partenaire")
    page = page_of(client, action.url)
    main = html.main(page)
    dates = html.section(main, "Dates et lieux")
    assert "Mardi 3 décembre 2024, 09h30" in [html.text(time) for time in dates.find_all("time")]
    cancelled = dates.find(class_="is-cancelled")
    assert "Séance annulée" in html.text(cancelled)
    assert cancelled.find("del").find("time")
    partners = html.section(main, "Partenaires et financeurs")
    assert "Financement" in html.headings(partners, "h3")
    assert "partenaire" in html.text(partners)
    assert [link.text for link in html.links(main) if link.href == "https://inscription.example.org/seminaire"] == [
        f"S'inscrire : {action.title}"
    ]
    assert html.meta_content(page, "og:type") == "article"


def test_library__filters_and_pdf_size(client, site_tree, places):
    health = ThemeFactory(name="Santé", slug="sante")
    kept = PublicationPageFactory(parent=site_tree.publications, title="Santé mentale et quartiers")
    kept.themes.add(health)
    kept.territories.add(places.town)
    kept.save()
    PublicationDocumentFactory(page=kept)
    PublicationPageFactory(parent=site_tree.publications, title="Emploi des jeunes")
    main = main_of(client, site_tree.publications.url, thematique="sante", territoire=str(places.departement.pk))
    assert html.link_texts(main, kept.url) == ["Santé mentale et quartiers"]
    assert "Emploi des jeunes" not in html.text(main)
    download = main.find("a", download=True)
    assert re.fullmatch(r"Télécharger « Santé mentale et quartiers » \(PDF, \d+ octets\)", html.text(download))
    hostile = main_of(client, site_tree.publications.url, annee="1900; SELECT 1", collection="x" * 3000)
    errors = hostile.find(role="alert")
    assert "Cette valeur n'existe pas : le filtre a été ignoré." in html.text(errors)
    assert "Emploi des jeunes" in html.headings(hostile)


def test_publication__download_label(client, site_tree):
    publication = PublicationPageFactory(parent=site_tree.publications)
    PublicationDocumentFactory(page=publication, label="Les actes")
    download = main_of(client, publication.url).find("a", download=True)
    assert html.text(download).startswith("Les actes (PDF, ")
    assert html.text(download.find(class_="meta")).startswith("(PDF, ")


def test_podcast__player_transcript_and_chapters(client, site_tree):
    series = PodcastSeriesPageFactory(parent=site_tree.podcasts)
    season = PodcastSeasonPageFactory(parent=series)
    episode = PodcastEpisodePageFactory(
        parent=season,
        transcript="WEBVTT\n\n00:00.000 --> 00:01.500\nBienvenue dans Penser le 9-3 <b>&</b>.\n",
    )
    EpisodeChapterFactory(page=episode, start=datetime.timedelta(seconds=1), title="Introduction")
    EpisodePersonFactory(page=episode)
    page = page_of(client, episode.url)
    player = page.find("audio", id="lecteur")
    assert (player["src"], player["preload"], player.has_attr("controls")) == (episode.audio.url, "metadata", True)
    chapter = page.find("a", attrs={"data-seek": "1"})
    assert (html.text(chapter), html.text(chapter.find("time"))) == ("00:01 Introduction", "00:01")
    transcript = html.section(html.main(page), "Transcription")
    # Cue markup is dropped, its words kept and escaped: the transcript reads as text.
    assert "Bienvenue dans Penser le 9-3 &." in html.text(transcript)
    assert not transcript.find("b")
    assert "/static/js/podcast-player.js" in [script.get("src") for script in page.find_all("script")]
    assert html.link_texts(main_of(client, series.url), episode.url) == [episode.title]
    assert html.link_texts(main_of(client, season.url), episode.url) == [episode.title]
    assert series.title in [link.text for link in html.links(main_of(client, site_tree.podcasts.url))]


def test_experiences__filter_by_territory_descendants_and_theme(client, site_tree, places):
    ExperiencePageFactory(parent=site_tree.experiences, title="Un conseil citoyen à Saint-Denis", town=places.town)
    ExperiencePageFactory(parent=site_tree.experiences, title="Une régie de quartier à Roubaix", town=places.elsewhere)
    main = main_of(client, site_tree.experiences.url, territoire=str(places.departement.pk))
    assert "Un conseil citoyen à Saint-Denis" in [link.text for link in html.links(main)]
    assert "Une régie de quartier à Roubaix" not in html.text(main)
    assert "2 fiches" in [html.text(strong) for strong in main_of(client, site_tree.experiences.url).find_all("strong")]


def test_newsletters__archive_and_issue_in_bounded_queries(client, site_tree, django_assert_max_num_queries):
    targets = [PublicationPageFactory(parent=site_tree.publications) for _ in range(6)]
    items = [{"type": "item", "value": {"page": target.pk, "tag": "Publication"}} for target in targets]
    issue = NewsletterIssuePageFactory(
        parent=site_tree.newsletters,
        sections=[
            {"type": "centre_news", "value": {"heading": "Du côté du centre", "items": [i["value"] for i in items]}}
        ],
    )
    # Uncached, as above.
    with django_assert_max_num_queries(22):
        main = main_of(client, issue.url)
    items = [(link.text, urlsplit(link.href).path) for link in html.links(html.section(main, "Du côté du centre"))]
    assert items == [(target.title, target.url) for target in targets]
    archive = main_of(client, site_tree.newsletters.url)
    assert html.link_texts(archive, issue.url) == [issue.title]


def test_people__listing_and_person_page(client, site_tree, people_page):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    link = ActionPersonFactory(page=action)
    partner = ActionOrganisationFactory(page=action, role="partenaire")
    listing = [link.text for link in html.links(main_of(client, people_page.url))]
    assert link.person.full_name in listing
    assert partner.organisation.name in listing
    person = main_of(client, f"{people_page.url}personnes/{link.person.pk}/")
    assert html.link_texts(person, action.url) == [action.title]
    assert client.get(f"{people_page.url}personnes/999999/").status_code == 404
    assert client.get(f"{people_page.url}personnes/abc/").status_code == 404
    organisation = main_of(client, f"{people_page.url}organisations/{partner.organisation.pk}/")
    assert html.link_texts(organisation, action.url) == [action.title]
