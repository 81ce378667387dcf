"""Pages served from the shared cache, in Chromium: their scripts run under their policy, their forms post."""

import datetime
import re

import pytest

from config.response_cache import CACHE_HEADER
from registrations.models import Registration
from tests.browser.conftest import CHROMIUM
from tests.factories import EpisodeChapterFactory, PodcastEpisodePageFactory, PodcastSeasonPageFactory
from tests.registrations import conftest as registration_fixtures

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

action = registration_fixtures.action
sessions = registration_fixtures.sessions
per_session = registration_fixtures.per_session
first_target = registration_fixtures.first_target


def test_cached_episode__same_policy_no_csp_error_and_the_player_script_runs(guarded_tab, site_tree):
    season = PodcastSeasonPageFactory(parent__parent=site_tree.podcasts)
    episode = PodcastEpisodePageFactory(parent=season, audio__seconds=6.0)
    EpisodeChapterFactory(page=episode, start=datetime.timedelta(seconds=4), title="La jeunesse")
    miss = guarded_tab().goto(episode.url)
    tab = guarded_tab()
    hit = tab.goto(episode.url)

    assert (miss.headers[CACHE_HEADER.lower()], hit.headers[CACHE_HEADER.lower()]) == ("miss", "hit")
    assert hit.headers["content-security-policy"] == miss.headers["content-security-policy"]
    tab.wait_for_function("() => document.getElementById('lecteur').readyState >= 1")
    tab.locator("audio#lecteur").evaluate("audio => { audio.muted = true; }")
    tab.get_by_role("link", name=re.compile("La jeunesse")).click()
    # podcast-player.js moved the player instead of following the link.
    tab.wait_for_function("() => document.getElementById('lecteur').currentTime >= 4")
    assert tab.url.endswith(episode.url)


def test_registration_from_a_cached_action_page__accepted(guarded_tab, first_target):
    url = first_target.settings.action.url
    assert guarded_tab().goto(url).headers[CACHE_HEADER.lower()] == "miss"
    page = guarded_tab()
    assert page.goto(url).headers[CACHE_HEADER.lower()] == "hit"
    form = page.locator("form.registration-form")
    form.get_by_label("Adresse électronique").fill("nadia.benali@example.org")
    form.get_by_label(re.compile(r"2 places restantes")).check()
    form.get_by_label("Nom et prénom").fill("Nadia Benali")
    form.get_by_label(re.compile("^J'accepte que")).check()
    form.get_by_role("button", name="S'inscrire").click()

    page.get_by_role("heading", name="Demande d'inscription enregistrée").wait_for()
    assert Registration.objects.count() == 1
