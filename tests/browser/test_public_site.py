"""The public site in a real browser: the agenda's filters and the podcast player."""

import datetime
import re

import pytest

from tests.browser.conftest import CHROMIUM, TIMEOUT_MS
from tests.factories import EpisodeChapterFactory, PodcastEpisodePageFactory, PodcastSeasonPageFactory
from tests.site import conftest as site_fixtures

# The site tests' fixtures, shared with the browser: pytest finds fixtures by module attribute.
agenda = site_fixtures.agenda
agenda_content = site_fixtures.agenda_content
places = site_fixtures.places

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"),
]


@pytest.fixture
def tab(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_agenda__filter_with_the_keyboard_updates_results_and_url(tab, agenda, agenda_content):
    tab.goto(agenda.url)
    results = tab.locator("ol.agenda > li")
    assert results.count() == 3
    # Keyboard only: focus the format select, choose « Atelier », tab to the button and press Enter.
    tab.get_by_label("Format").focus()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    assert tab.get_by_label("Format").input_value() == "atelier"
    tab.get_by_role("button", name="Appliquer les filtres").focus()
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"format=atelier"))
    assert results.count() == 1
    assert "Atelier des conseils citoyens" in results.first.inner_text()
    # The filter survives the reload and shows in the form.
    tab.reload()
    assert tab.get_by_label("Format").input_value() == "atelier"
    tab.get_by_label("Période").select_option("passees")
    tab.get_by_role("button", name="Appliquer les filtres").click()
    tab.wait_for_url(re.compile(r"quand=passees"))
    assert "format=atelier" in tab.url
    assert results.count() == 1
    assert "Journée d'étude passée" in results.first.inner_text()


def test_podcast__plays_shows_transcript_and_chapter_link_seeks(tab, site_tree):
    season = PodcastSeasonPageFactory(parent__parent=site_tree.podcasts)
    episode = PodcastEpisodePageFactory(
        parent=season,
        audio__seconds=6.0,
        transcript="WEBVTT\n\n00:00.000 --> 00:02.000\nBienvenue dans Penser le 9-3.\n\n"
        "00:03.000 --> 00:05.000\nParlons de la jeunesse à Saint-Denis.\n",
    )
    EpisodeChapterFactory(page=episode, start=datetime.timedelta(seconds=4), title="La jeunesse")
    tab.goto(episode.url)
    assert tab.get_by_role("heading", name="Transcription").is_visible()
    assert tab.get_by_text("Parlons de la jeunesse à Saint-Denis.").is_visible()
    player = tab.locator("audio#lecteur")
    tab.wait_for_function("() => document.getElementById('lecteur').readyState >= 1")
    assert player.evaluate("audio => audio.duration") == pytest.approx(6.0, abs=0.1)
    player.evaluate("audio => { audio.muted = true; return audio.play(); }")
    tab.wait_for_function("() => document.getElementById('lecteur').currentTime > 0")
    chapter = tab.get_by_role("link", name=re.compile("La jeunesse"))
    chapter.focus()
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.getElementById('lecteur').currentTime >= 4")
    assert tab.url.endswith(episode.url), "the chapter link must not leave the page"
