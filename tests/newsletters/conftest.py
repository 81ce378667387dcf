"""Fixtures of the newsletter tests: a list with a sender, an issue rendered once."""

import pytest

from newsletters.rendering import render_issue
from tests import factories

PREFERENCES = "https://lettres.example.org/abonnement/preferences/tok-123/"
UNSUBSCRIBE = "https://lettres.example.org/abonnement/desabonnement/tok-456/"


@pytest.fixture
def newsletter_list(db):
    return factories.NewsletterListFactory(
        name="Résonances",
        slug="resonances",
        sender_name="Pôle ressources Ville et développement social",
        sender_email="resonances@example.org",
        reply_to="contact@example.org",
    )


@pytest.fixture
def rendered(home_page, newsletter_list):
    issue = factories.NewsletterIssuePageFactory(
        newsletter_list=newsletter_list,
        number=198,
        title="Santé mentale et participation citoyenne",
        sections=[
            (
                "moves",
                {
                    "heading": "Mouvements",
                    "items": [{"person": "Nadia Benali", "new_post": "Cheffe de projet", "place": ""}],
                },
            )
        ],
    )
    return render_issue(issue)
