"""Every public page type renders in French with its content, meta tags and a bounded number of queries."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from publications.templatetags.public_site import french_filesize
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


def html_of(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("size", "label"), [(None, ""), (1, "1 octet"), (900, "900 octets"), (1_258_291, "1,2 Mo"), (2048, "2,0 Ko")]
)
def test_french_filesize(size, label):
    assert french_filesize(size) == label


def test_base__language_skip_link_nav_and_meta(client, site_tree, agenda):
    html = html_of(client, agenda.url)
    assert '<html lang="fr">' in html
    assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in html
    assert f'<a href="{agenda.url}" aria-current="page">Agenda</a>' in html
    for meta in ('property="og:title" content="Agenda"', 'property="og:locale" content="fr_FR"', 'name="twitter:card"'):
        assert meta in html
    assert "fonts.googleapis" not in html
    assert "cdn" not in html.lower()


def test_home__upcoming_publications_episodes_and_subscription(client, site_tree, agenda_content):
    PublicationPageFactory(parent=site_tree.publications, title="Les conseils citoyens, trois ans après")
    html = html_of(client, site_tree.home.url)
    assert "Séminaire des élu·e·s : la santé" in html
    assert "Les conseils citoyens, trois ans après" in html
    # The short form leads by GET to the full form, where the consent text is shown.
    assert '<form method="get" action="/abonnement/"' in html
    assert '<label for="abonnement-email">Adresse électronique</label>' in html


def test_programme__axes_with_their_actions(client, site_tree, django_assert_max_num_queries):
    programme = ProgrammePageFactory(parent=site_tree.programmes, year=2017)
    axes = [ProgrammeAxisFactory(page=programme, title=f"Axe {n}") for n in range(3)]
    for number in range(12):
        action = ActionPageFactory(parent=programme, axis=axes[number % 3])
        ActionSessionFactory(page=action)
    with django_assert_max_num_queries(20):
        html = html_of(client, programme.url)
    assert html.count('class="action-list"') == 3
    assert "Axe 1. Axe 0" in html
    index = html_of(client, site_tree.programmes.url)
    assert '<h2 id="annee-2017">2017</h2>' in index


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
    html = html_of(client, action.url)
    assert "Mardi 3 décembre 2024, 09h30" in html
    assert "Séance annulée" in html
    assert "<del>" in html
    assert "Financement" in html
    assert "partenaire" in html
    assert 'href="https://inscription.example.org/seminaire"' in html
    assert 'property="og:type" content="article"' in html


def test_library__filters_and_pdf_size(client, site_tree, places):
    health = ThemeFactory(name="Santé", slug="sante")
    kept = PublicationPageFactory(parent=site_tree.publications, title="Santé mentale et quartiers")
    kept.themes.add(health)
    kept.territories.add(places.town)
    kept.save()
    PublicationDocumentFactory(page=kept)
    PublicationPageFactory(parent=site_tree.publications, title="Emploi des jeunes")
    html = html_of(client, site_tree.publications.url, thematique="sante", territoire=str(places.departement.pk))
    assert "Santé mentale et quartiers" in html
    assert "Emploi des jeunes" not in html
    assert "(PDF, " in html
    assert "octets)" in html
    hostile = html_of(client, site_tree.publications.url, annee="1900; SELECT 1", collection="x" * 3000)
    assert "Cette valeur n&#x27;existe pas : le filtre a été ignoré." in hostile
    assert "Emploi des jeunes" in hostile


def test_publication__download_label(client, site_tree):
    publication = PublicationPageFactory(parent=site_tree.publications)
    PublicationDocumentFactory(page=publication, label="Les actes")
    html = html_of(client, publication.url)
    assert 'Les actes <span class="meta">(PDF, ' in html


def test_podcast__player_transcript_and_chapters(client, site_tree):
    series = PodcastSeriesPageFactory(parent=site_tree.podcasts)
    season = PodcastSeasonPageFactory(parent=series)
    episode = PodcastEpisodePageFactory(
        parent=season,
        transcript="WEBVTT\n\n00:00.000 --> 00:01.500\nBienvenue dans Penser le 9-3 <b>&</b>.\n",
    )
    EpisodeChapterFactory(page=episode, start=datetime.timedelta(seconds=1), title="Introduction")
    EpisodePersonFactory(page=episode)
    html = html_of(client, episode.url)
    assert f'<audio id="lecteur" controls preload="metadata" src="{episode.audio.url}"' in html
    assert 'data-seek="1"><time>00:01</time> Introduction</a>' in html
    # Cue markup is dropped, its words kept and escaped: the transcript reads as text.
    assert "Bienvenue dans Penser le 9-3 &amp;." in html
    assert "&lt;b&gt;" not in html
    assert "/static/js/podcast-player.js" in html
    assert episode.title in html_of(client, series.url)
    assert episode.title in html_of(client, season.url)
    assert series.title in html_of(client, site_tree.podcasts.url)


def test_experiences__filter_by_territory_descendants_and_theme(client, site_tree, places):
    ExperiencePageFactory(parent=site_tree.experiences, title="Un conseil citoyen à Saint-Denis", town=places.town)
    ExperiencePageFactory(parent=site_tree.experiences, title="Une régie de quartier à Roubaix", town=places.elsewhere)
    html = html_of(client, site_tree.experiences.url, territoire=str(places.departement.pk))
    assert "Un conseil citoyen à Saint-Denis" in html
    assert "Une régie de quartier à Roubaix" not in html
    experience = html_of(client, site_tree.experiences.url)
    assert "2 fiches" in experience


def test_newsletters__archive_and_issue_in_bounded_queries(client, site_tree, django_assert_max_num_queries):
    targets = [PublicationPageFactory(parent=site_tree.publications) for _ in range(6)]
    items = [{"type": "item", "value": {"page": target.pk, "tag": "Publication"}} for target in targets]
    issue = NewsletterIssuePageFactory(
        parent=site_tree.newsletters,
        sections=[
            {"type": "centre_news", "value": {"heading": "Du côté du centre", "items": [i["value"] for i in items]}}
        ],
    )
    with django_assert_max_num_queries(20):
        html = html_of(client, issue.url)
    for target in targets:
        assert escape(target.title) in html
    archive = html_of(client, site_tree.newsletters.url)
    assert escape(issue.title) in archive


def test_people__listing_and_person_page(client, site_tree, people_page):
    action = ActionPageFactory(parent=ProgrammePageFactory(parent=site_tree.programmes))
    link = ActionPersonFactory(page=action)
    partner = ActionOrganisationFactory(page=action, role="partenaire")
    html = html_of(client, people_page.url)
    # Names come from Faker and may hold an apostrophe, which the template escapes.
    assert escape(link.person.full_name) in html
    assert escape(partner.organisation.name) in html
    person = html_of(client, f"{people_page.url}personnes/{link.person.pk}/")
    assert escape(action.title) in person
    assert client.get(f"{people_page.url}personnes/999999/").status_code == 404
    assert client.get(f"{people_page.url}personnes/abc/").status_code == 404
    organisation = html_of(client, f"{people_page.url}organisations/{partner.organisation.pk}/")
    assert escape(action.title) in organisation
