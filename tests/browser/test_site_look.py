"""The public site's layout in a real browser: the folding menu, the subscription form on a phone, podcasts."""

import pytest

from tests.browser.conftest import CHROMIUM, TIMEOUT_MS
from tests.factories import (
    NewsletterListFactory,
    PodcastEpisodePageFactory,
    PodcastSeasonPageFactory,
    PodcastSeriesPageFactory,
)
from tests.site import conftest as site_fixtures

agenda = site_fixtures.agenda

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"),
]

PHONE, DESKTOP = 390, 1400


@pytest.fixture
def open_at(browser, live_server):
    """``open_at(width)``: a tab of that width."""
    contexts = []

    def open_tab(width: int):
        context = browser.new_context(
            base_url=live_server.url, locale="fr-FR", viewport={"width": width, "height": 900}
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def _box(locator) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box


def test_menu__folds_behind_a_button_on_a_phone_and_opens_without_script(open_at, site_tree, agenda, live_server):
    tab = open_at(PHONE)
    tab.goto(agenda.url)
    nav = tab.get_by_role("navigation", name="Navigation principale")
    menu = nav.get_by_text("Menu", exact=True)
    agenda_link = nav.get_by_role("link", name="Agenda")
    assert menu.is_visible()
    assert not agenda_link.is_visible(), "the links wait behind « Menu »"
    # The heading is no longer pushed down by seven lines of links.
    assert _box(tab.get_by_role("heading", level=1)).get("y") < 260
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE
    menu.click()
    assert agenda_link.is_visible()
    assert nav.locator("summary").get_attribute("aria-expanded") in (None, "true")
    assert tab.evaluate("document.querySelector('.main-nav__fold').open") is True
    menu.click()
    assert not agenda_link.is_visible()


def test_menu__stays_open_in_one_row_on_a_desktop(open_at, site_tree, agenda):
    tab = open_at(DESKTOP)
    tab.goto(agenda.url)
    nav = tab.get_by_role("navigation", name="Navigation principale")
    assert not nav.get_by_text("Menu", exact=True).is_visible()
    assert nav.get_by_role("link", name="Agenda").is_visible()
    assert tab.get_by_role("search").is_visible()


def test_menu__works_with_javascript_off(browser, live_server, site_tree, agenda):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": PHONE, "height": 900}, java_script_enabled=False
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    tab.goto(agenda.url)
    nav = tab.get_by_role("navigation", name="Navigation principale")
    nav.get_by_text("Menu", exact=True).click()
    assert nav.get_by_role("link", name="Agenda").is_visible()
    context.close()


def test_subscription_form__labels_above_16px_inputs_on_a_phone_and_email_alone_suffices(open_at, site_tree):
    NewsletterListFactory(name="Résonances", slug="resonances")
    tab = open_at(PHONE)
    tab.goto("/abonnement/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE, "nothing runs off the screen"
    for label in ("Adresse électronique", "Nom et prénom (facultatif)", "Fonction (facultatif)"):
        field = tab.get_by_label(label)  # Django adds « : » to each label
        label_box, field_box = _box(tab.locator(f"label[for='{field.get_attribute('id')}']")), _box(field)
        assert label_box["y"] + label_box["height"] <= field_box["y"] + 1, f"« {label} » sits above its field"
        assert field_box["width"] >= PHONE * 0.8, f"« {label} » spans the screen"
        font_size = field.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
        assert font_size >= 16, f"« {label} » at {font_size} px: iOS would zoom in"
    tab.get_by_label("Adresse électronique").fill("claire@example.org")
    tab.get_by_role("checkbox", name="Résonances", exact=True).check()
    tab.locator("input[name='consent']").check()
    tab.get_by_role("button", name="S'abonner").click()
    assert tab.get_by_role("heading", name="Vérifiez votre messagerie").is_visible()


def test_podcast__subscribe_links_and_transcript_by_speaker(open_at, site_tree):
    series = PodcastSeriesPageFactory(
        parent=site_tree.podcasts,
        apple_podcasts_url="https://podcasts.apple.com/fr/podcast/penser-le-9-3/id1",
        spotify_url="https://open.spotify.com/show/penser",
    )
    season = PodcastSeasonPageFactory(parent=series, number=2, title="Saison 2 : héritages")
    episode = PodcastEpisodePageFactory(
        parent=season,
        transcript="WEBVTT\n\n00:00.000 --> 00:02.000\n<v Nadège Ribeiro>Bienvenue dans Penser le 9-3.</v>\n\n"
        "00:02.000 --> 00:04.000\n<v Nadège Ribeiro>Nous sommes à Bobigny.\n\n"
        "00:04.000 --> 00:06.000\n<v Marc Delaunay>Merci de m'accueillir.\n",
    )
    tab = open_at(PHONE)
    tab.goto(episode.url)
    subscribe = tab.get_by_role("region", name="S'abonner à « Penser le 9-3 »")
    for name in ("Flux RSS", "Apple Podcasts", "Spotify"):
        assert subscribe.get_by_role("link", name=name).is_visible()
    assert subscribe.get_by_role("link", name="Flux RSS").get_attribute("href").endswith(f"{series.guid}.xml")
    transcript = tab.locator("#transcription").inner_text()
    assert "<v" not in transcript
    assert transcript.count("Nadège Ribeiro") == 1, "a speaker is named when they start, not on each cue"
    assert "Marc Delaunay : Merci de m'accueillir." in transcript.replace("\u00a0", " ")
    tab.goto(season.url)
    assert tab.get_by_role("heading", level=1).inner_text() == "Saison 2 : héritages"
