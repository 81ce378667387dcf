"""The demo's issues, built by `load_demo`, rendered as emails: complete and under Gmail's clipping size."""

import pytest

from newsletters.models import NewsletterIssuePage
from newsletters.rendering import GMAIL_CLIP_BYTES, personalise, render_issue

pytestmark = pytest.mark.django_db

PREFERENCES = "https://lettres.example.org/preferences/jeton/"
UNSUBSCRIBE = "https://lettres.example.org/desabonnement/jeton/"


@pytest.fixture(autouse=True)
def media_root(settings, demo_content):
    settings.MEDIA_ROOT = demo_content
    return demo_content


def test_render_issue__demo_issues_stay_under_gmail_clipping():
    issues = list(NewsletterIssuePage.objects.all())
    assert issues

    for issue in issues:
        html, _ = personalise(
            render_issue(issue), name="Camille Martin", preferences_url=PREFERENCES, unsubscribe_url=UNSUBSCRIBE
        )
        assert len(html.encode()) < GMAIL_CLIP_BYTES, f"{issue.title}: {len(html.encode())} bytes"


def test_render_issue__demo_resonances_shows_every_item_in_both_parts():
    issue = NewsletterIssuePage.objects.get(newsletter_list__name="Résonances", number=198)

    rendered = render_issue(issue)
    html, text = personalise(rendered, name="Camille", preferences_url=PREFERENCES, unsubscribe_url=UNSUBSCRIBE)

    assert rendered.subject == f"Résonances n° 198 – {issue.title}"
    flat_text = " ".join(text.split())
    flat_html = " ".join(html.replace("&#x27;", "'").replace("&amp;", "&").split())
    for section in issue.sections:
        assert section.value["heading"].upper() in text
        for item in section.value.get("items", []):
            title = item.get("title") or item.get("person")
            if title:
                assert title in flat_text
                assert title in flat_html
    assert "élu·e·s" in html
    assert "élu·e·s" in text
