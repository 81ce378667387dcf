"""axe-core in headless Chromium on every page type of the demo, wide and narrow: no serious or critical violation.

axe-core's script comes from the axe-playwright-python package (MIT, bundling axe-core, MPL-2.0),
installed from PyPI: nothing is fetched from a CDN. Each page is also photographed, at 1400 and
390 px, into var/screenshots/ (git-ignored), for a person to look at.
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from newsletters.models import NewsletterIssuePage
from publications.models import (
    ActionPage,
    ExperiencePage,
    PeopleIndexPage,
    PodcastEpisodePage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    ProgrammePage,
    PublicationPage,
)
from tests.browser.conftest import CHROMIUM, TIMEOUT_MS
from tests.factories import AboutPageFactory
from tests.factories.centres import default_centre
from tests.factories.institution import institution_fill

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"),
]

BLOCKING = {"serious", "critical"}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
# A desktop screen and a phone's (an iPhone 12 to 15 is 390 px wide).
WIDTHS = (1400, 390)
# Every rule axe has for WCAG 2.0/2.1 A and AA, plus its best practices (landmarks, heading order…).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def demo_urls() -> list[str]:
    """Every site's home, one page of each public type of the demo, and the filtered and routed variants.

    The centres' sites share their templates: the sections are those of the site of the first action
    with people and partners. Pages of a centre's site have absolute addresses (``*.localhost``).
    """
    action = ActionPage.objects.live().filter(people__isnull=False, organisations__isnull=False).first()
    home = Page.objects.ancestor_of(action).get(depth=2)
    urls = [page.url for page in Page.objects.live().filter(depth=2)]
    urls += [page.url for page in home.get_children().live().specific()]
    for model in (
        ProgrammePage,
        ActionPage,
        PublicationPage,
        PodcastSeriesPage,
        PodcastSeasonPage,
        PodcastEpisodePage,
        ExperiencePage,
        NewsletterIssuePage,
    ):
        urls.append(model.objects.live().order_by("-pk").first().url)
    people = PeopleIndexPage.objects.live().child_of(home).get()
    urls.append(people.person_url(action.people.first().person))
    urls.append(people.organisation_url(action.organisations.first().organisation))
    agenda = home.get_children().get(slug="agenda").url
    urls += [f"{agenda}?quand=passees", f"{agenda}?format=inexistant", "/recherche/?q=conseils+citoyens"]
    urls += ["/abonnement/", "/page-qui-n-existe-pas/"]
    urls += ["/mentions-legales/", "/donnees-personnelles/", "/accessibilite/", "/plan-du-site/", "/contact/"]
    urls.append("/api/docs/")
    return urls


def screenshot_name(url: str, width: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "accueil"
    return f"{slug[-90:].strip('-')}-{width}.png"


def _blocking_violations(browser, live_server, urls: list[str]) -> list[str]:
    """Each serious or critical axe violation of the pages, wide and narrow; every page photographed."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    for width in WIDTHS:
        context = browser.new_context(
            base_url=live_server.url, locale="fr-FR", viewport={"width": width, "height": 900}
        )
        context.set_default_timeout(TIMEOUT_MS)
        tab = context.new_page()
        for url in urls:
            response = tab.goto(url)
            assert response.status == (404 if "n-existe-pas" in url else 200), url
            tab.screenshot(path=SCREENSHOTS / screenshot_name(url, width), full_page=True)
            results = axe.run(tab, options=AXE_OPTIONS).response
            for violation in results["violations"]:
                if violation["impact"] in BLOCKING:
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    failures.append(f"{width} px {url}: {violation['id']} ({violation['impact']}) {targets}")
        context.close()
    return failures


def test_demo_pages_have_no_serious_or_critical_violation(browser, live_server, settings):
    # Every site on the live server's port, the centres' on their *.localhost names.
    settings.BASE_URL = live_server.url
    call_command("load_demo", verbosity=0)
    urls = demo_urls()
    failures = _blocking_violations(browser, live_server, urls)
    assert len(urls) >= 30
    assert not failures, "\n".join(failures)


def test_about_page_with_every_section_has_no_serious_or_critical_violation(browser, live_server, site_tree):
    """The demo's centres hold few rows yet: every table, list and heading of « Qui sommes-nous »."""
    institution_fill(default_centre())
    about = AboutPageFactory(parent=site_tree.home)

    failures = _blocking_violations(browser, live_server, [about.url])

    assert not failures, "\n".join(failures)
