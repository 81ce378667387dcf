"""The web version of an issue says what its email says: a page the public may not read lends it nothing."""

import pytest

from tests import factories
from tests.html import parse
from tests.html import text as text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(site_tree):
    public = factories.PublicationPageFactory(parent=site_tree.publications, title="Repères pour agir")
    draft = factories.PublicationPageFactory(
        parent=site_tree.publications, title="Publication en préparation", summary="Résumé confidentiel.", live=False
    )
    hidden_experience = factories.ExperiencePageFactory(
        parent=site_tree.experiences, title="Fiche pas encore relue", summary="Pas pour le public.", live=False
    )
    return factories.NewsletterIssuePageFactory(
        parent=site_tree.newsletters,
        sections=[
            {
                "type": "centre_news",
                "value": {
                    "heading": "Du côté du centre",
                    "items": [
                        {"page": public.pk, "tag": "Publication"},
                        {"page": draft.pk, "tag": "Publication"},
                        {"page": draft.pk, "title": "Une publication à venir", "tag": "Bientôt"},
                    ],
                },
            },
            {"type": "experience", "value": {"heading": "Fiche d'expérience", "experience": hidden_experience.pk}},
        ],
    )


def test_web_version__shows_public_pages_and_lends_nothing_of_hidden_ones(client, issue):
    response = client.get(issue.url)
    assert response.status_code == 200
    main = parse(response.content.decode()).find("main")
    text = text_of(main)
    assert "Repères pour agir" in text
    assert "Une publication à venir" in text  # the item's own title stays, without the draft's link or summary
    hidden = ("Publication en préparation", "Résumé confidentiel.", "Fiche pas encore relue", "Pas pour le public")
    for words in hidden:
        assert words not in text
    assert "Fiche d'expérience" not in [text_of(heading) for heading in main.find_all("h2")]
    links = [anchor.get("href", "") for anchor in main.find_all("a")]
    assert not any("publication-en-preparation" in link or "fiche-pas-encore" in link for link in links)
