"""An issue rendered once as an email, then personalised per recipient without re-rendering."""

import re
from dataclasses import dataclass

import pytest

from newsletters.rendering import GMAIL_CLIP_BYTES, personalise, render_issue
from tests import factories
from tests.html import Tag, hrefs, parse
from tests.html import text as text_of
from tests.newsletters.issues import largest_issue

PREFERENCES = "https://lettres.example.org/abonnement/preferences/tok-123/"
UNSUBSCRIBE = "https://lettres.example.org/abonnement/desabonnement/tok-456/"


@dataclass(frozen=True)
class EmailLinks:
    urls: list[tuple[str, str]]
    images: list[Tag]


def links_of(email_html: str) -> EmailLinks:
    """Every link and image address of the email, and its images."""
    document = parse(email_html)
    images = document.find_all("img")
    urls = [("href", anchor.get("href", "")) for anchor in document.find_all("a")]
    return EmailLinks(urls=urls + [("src", image.get("src", "")) for image in images], images=images)


def personalised(rendered, name="Camille Martin"):
    return personalise(rendered, name=name, preferences_url=PREFERENCES, unsubscribe_url=UNSUBSCRIBE)


@pytest.fixture
def issue(home_page):
    publication = factories.PublicationPageFactory(
        title="Les conseils citoyens, trois ans après", cover=factories.CustomImageFactory()
    )
    return factories.NewsletterIssuePageFactory(
        title="Santé mentale et participation citoyenne",
        number=198,
        newsletter_list=factories.NewsletterListFactory(name="Résonances"),
        preheader="Séminaire des élu·e·s le 11 mai.",
        sections=[
            (
                "centre_news",
                {
                    "heading": "L'actu du Pôle ressources",
                    "items": [
                        {"tag": "Publication", "page": publication, "title": "", "summary": "", "url": ""},
                        {
                            "tag": "Sondage",
                            "page": None,
                            "title": "État des lieux de la participation",
                            "summary": "Aidez-nous à dresser un état des lieux.",
                            "url": "https://forms.example.org/etat-des-lieux?a=1&b=2",
                        },
                    ],
                },
            ),
            (
                "moves",
                {
                    "heading": "Mouvements",
                    "items": [{"person": "Nadia Benali", "new_post": "Cheffe de projet", "place": "Sarcelles"}],
                },
            ),
        ],
    )


def test_render_issue__subject_preheader_and_web_version(issue):
    rendered = render_issue(issue)

    assert rendered.subject == "Résonances n° 198 – Santé mentale et participation citoyenne"
    assert rendered.preheader == "Séminaire des élu·e·s le 11 mai."
    assert rendered.web_url == issue.full_url
    html, text = personalised(rendered)
    assert issue.full_url in hrefs(parse(html))
    assert f"Version en ligne : {issue.full_url}" in text


def test_render_issue__preheader_is_hidden_text_at_the_top_of_the_body(issue):
    html = render_issue(issue).html

    body = html.split("<body", 1)[1]
    hidden = re.search(r'<div style="display:none;[^"]*mso-hide:all">([^<]*)</div>', body)
    assert hidden
    assert hidden.group(1).startswith("Séminaire des élu·e·s le 11 mai.")
    assert body.index("display:none") < body.index("<table")


def test_render_issue__css_is_inlined_and_the_media_query_kept(issue):
    html = render_issue(issue).html

    assert re.search(r'<h2 class="section-heading" style="[^"]*border-bottom: 2px solid', html)
    assert "@media only screen and (max-width: 620px)" in html
    assert ".section-heading {" not in html, "rules other than media queries are inlined, not repeated"
    assert 'role="presentation"' in html
    assert "max-width: 600px" in html


def test_render_issue__every_link_and_image_is_absolute(issue, settings):
    html, _ = personalised(render_issue(issue))

    collected = links_of(html)
    assert collected.urls
    for attribute, url in collected.urls:
        assert re.match(r"(https?://[^/]+/|mailto:)", url), f"{attribute}={url!r} is not absolute"
    assert collected.images[0]["src"].startswith(f"{settings.BASE_URL}/media/")


def test_render_issue__cover_has_width_height_and_alt(issue):
    html, _ = personalised(render_issue(issue))

    image = links_of(html).images[0]
    assert int(image["width"]) <= 96
    assert int(image["height"]) <= 136
    assert image["alt"]


def test_render_issue__text_part_is_written_not_stripped_html(issue):
    _, text = personalised(render_issue(issue))

    assert "<" not in text.replace("<script>", "")
    assert "* Les conseils citoyens, trois ans après" in text
    assert "https://forms.example.org/etat-des-lieux?a=1&b=2" in text
    assert "* Nadia Benali\n  Cheffe de projet, Sarcelles" in text
    assert f"Se désabonner : {UNSUBSCRIBE}" in text
    assert f"Gérer vos abonnements : {PREFERENCES}" in text
    assert max(len(line) for line in text.splitlines() if "http" not in line) <= 72


def test_render_issue__footer_says_why_and_links_preferences_and_unsubscribe(issue):
    html, _ = personalised(render_issue(issue))

    document = parse(html)
    assert "Vous recevez « Résonances », envoyée par Pôle ressources Ville et développement social" in text_of(document)
    assert PREFERENCES in hrefs(document)
    assert UNSUBSCRIBE in hrefs(document)


def test_render_issue__hidden_page_lends_nothing_and_an_item_without_title_is_left_out(issue, home_page):
    draft = factories.ActionPageFactory(title="Atelier en préparation", live=False)
    private = factories.ActionPageFactory(title="Réunion du bureau")
    private.get_view_restrictions().model.objects.create(page=private, restriction_type="login")
    items = [{"tag": "", "page": page, "title": "", "summary": "", "url": ""} for page in (draft, private)]
    items.append({"tag": "", "page": draft, "title": "Un atelier bientôt annoncé", "summary": "", "url": ""})
    issue.sections = [("centre_news", {"heading": "À venir", "items": items})]

    html, text = personalised(render_issue(issue))

    assert "Un atelier bientôt annoncé" in text_of(parse(html))
    assert "Un atelier bientôt annoncé" in text
    for page in (draft, private):
        assert page.title not in html
        assert page.title not in text
        assert page.url_path.split("/")[-2] not in html
        assert page.url_path.split("/")[-2] not in text


def test_render_issue__each_rendering_has_its_own_placeholder_marker(issue):
    assert render_issue(issue).marker != render_issue(issue).marker


def test_personalise__fills_every_placeholder(issue):
    rendered = render_issue(issue)

    html, text = personalised(rendered)

    assert "Bonjour Camille Martin," in html
    assert "Bonjour Camille Martin," in text
    assert rendered.marker not in html
    assert rendered.marker not in text


def test_personalise__without_a_name_greets_plainly(issue):
    html, text = personalised(render_issue(issue), name="  ")

    assert "Bonjour," in html
    assert "Bonjour," in text


@pytest.mark.parametrize(
    "name",
    [
        '<script>alert("x")</script>',
        '"><img src=x onerror=alert(1)>',
        "Camille\r\nBcc: victime@example.org",
        "{{ request.user.password }}",
        "Élodie Ñúñez 🌿 élu·e",
        "x" * 10_000,
    ],
    ids=["script", "attribute-break", "crlf", "template", "unicode", "very-long"],
)
def test_personalise__hostile_names_are_escaped_and_bounded(issue, name):
    rendered = render_issue(issue)

    html, text = personalised(rendered, name=name)

    assert "<script>" not in html
    assert "<img src=x" not in html
    greeting_html = re.search(r"Bonjour ([^<]*),</p>", html).group(1)
    assert len(greeting_html.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")) <= 120
    greeting_text = re.search(r"^Bonjour (.*),$", text, re.MULTILINE).group(1)
    assert "\n" not in greeting_text
    assert "\r" not in greeting_text
    assert len(greeting_text) <= 120
    assert links_of(html).images == links_of(rendered.html).images, "no image added"


def test_personalise__a_value_cannot_bring_in_a_placeholder(issue):
    rendered = render_issue(issue)
    forged = f"crpv{rendered.marker}unsubscribe"

    html, text = personalised(rendered, name=forged)

    assert f"Bonjour {forged}," in html
    assert f"Bonjour {forged}," in text
    assert html.count(UNSUBSCRIBE) == 1
    assert text.count(UNSUBSCRIBE) == 1


def test_personalise__editor_text_looking_like_a_placeholder_stays_as_written(issue):
    issue.title = "crpv0000000000000000unsubscribe et crpvgreeting"
    rendered = render_issue(issue)

    html, _ = personalised(rendered)

    assert "crpv0000000000000000unsubscribe et crpvgreeting" in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "/relative/path/",
        'https://example.org/"><script>',
        "https://example.org/a\r\nBcc: x@example.org",
        "https://example.org/a b",
        "",
    ],
)
def test_personalise__unsafe_urls_are_refused(issue, url):
    rendered = render_issue(issue)

    with pytest.raises(ValueError, match="Not a safe absolute http"):
        personalise(rendered, name="Camille", preferences_url=PREFERENCES, unsubscribe_url=url)
    with pytest.raises(ValueError, match="Not a safe absolute http"):
        personalise(rendered, name="Camille", preferences_url=url, unsubscribe_url=UNSUBSCRIBE)


def test_render_issue__inclusive_writing_survives_both_parts(issue):
    html, text = personalised(render_issue(issue))

    assert "Séminaire des élu·e·s le 11 mai." in html
    assert "élu·e·s" in render_issue(issue).preheader
    assert "Cheffe de projet" in text


def test_render_issue__largest_realistic_issue_stays_under_gmail_clipping(home_page):
    issue = largest_issue()

    rendered = render_issue(issue)
    html, _ = personalised(rendered, name="x" * 200)

    assert rendered.html.count('class="title"') >= 60
    assert len(html.encode()) < GMAIL_CLIP_BYTES, f"{len(html.encode())} bytes"
