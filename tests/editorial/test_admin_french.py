"""Every admin view each role reaches is in French: a crawl of the admin as each role, read as text.

From the dashboard, every link under /admin/ is followed (GET only), one URL per shape (ids and
query strings set aside), and the visible text of each HTML answer (no attributes, scripts nor
styles) is checked against English words and phrases known to have leaked into the interface.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from editorial import roles
from tests import factories
from tests.sending.conftest import subscribers_create

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Whole words or phrases, case-sensitive: each was seen in the French admin once.
ENGLISH = [
    "Password",
    "Root",
    "Media files",
    "True",
    "False",
    "None",
    "Task Name",
    "Task name",
    "Site name",
    "Dashboard",
    "Cancel workflow",
    "Username",
    "Edit",
    "Delete",
    "Search",
    "Settings",
    "Workflow",
    "Yes",
    "No",
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(phrase) for phrase in ENGLISH) + r")(?![\w-])")
# Views that change something on GET, or leave the admin's HTML.
SKIPPED = re.compile(r"/logout/|/export/|export=|/download/|/preview/|/apercu-front/|/progression/|/jsi18n/")
MAX_PAGES = 120
# English still expected on a view (none today: the sites listing's headers are French, editorial/site_admin.py).
KNOWN_LEAKS: dict[str, list[str]] = {}


class VisibleText(HTMLParser):
    """The text a reader sees (and a screen reader reads), without markup, scripts, styles nor templates."""

    HIDDEN = {"script", "style", "template", "noscript", "svg"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._hidden_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # An element with ``hidden`` is read by nobody (Wagtail's empty side-panel counter says « None »).
        if tag in self.HIDDEN or (tag not in self.VOID and "hidden" in dict(attrs)):
            self._hidden += 1
            self._hidden_tags.append(tag)
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if self._hidden_tags and self._hidden_tags[-1] == tag:
            self._hidden_tags.pop()
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _shape(path: str) -> str:
    return re.sub(r"/\d+(?=/)", "/N", path)


def crawl(client) -> dict[str, list[str]]:
    """English found, by admin path, on every page reachable from the dashboard."""
    found: dict[str, list[str]] = {}
    seen: set[str] = set()
    queue = deque([reverse("wagtailadmin_home")])
    visited = 0
    while queue and visited < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        visited += 1
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        parser = VisibleText()
        parser.feed(response.content.decode())
        hits = sorted(set(ENGLISH_RE.findall(" ".join(parser.parts))))
        if hits:
            found[path] = hits
        for href in parser.links:
            url = urlsplit(urljoin(path, href))
            if url.netloc or not url.path.startswith("/admin/") or SKIPPED.search(url.path + "?" + url.query):
                continue
            if _shape(url.path) not in seen:
                seen.add(_shape(url.path))
                queue.append(url.path)
    return found


@pytest.fixture
def content(site_tree, team):
    """One of each kind of thing the admin lists: pages in each state, snippets, files, a list and a send."""
    programme = factories.ProgrammePageFactory(parent=site_tree.programmes, year=2025)
    programme.save_revision().publish()
    factories.ActionSessionFactory(page=factories.ActionPageFactory(parent=programme, live=False))
    factories.CustomImageFactory()
    factories.CustomDocumentFactory()
    factories.CustomMediaFactory()
    factories.ThemeFactory()
    factories.PersonFactory()
    newsletter_list = factories.NewsletterListFactory(name="Résonances", slug="resonances")
    subscribers_create(newsletter_list, 2)
    factories.NewsletterIssuePageFactory(parent=site_tree.newsletters, newsletter_list=newsletter_list, live=True)


@pytest.mark.parametrize("role", roles.ROLES)
def test_admin__every_view_of_the_role_is_in_french(team, client_for, content, role):
    found = crawl(client_for(team.by_role(role)))

    leaks = {path: words for path, words in found.items() if KNOWN_LEAKS.get(path) != words}

    assert leaks == {}, "\n".join(f"{path}: {', '.join(words)}" for path, words in leaks.items())


def test_login_form__is_in_french(client):
    parser = VisibleText()
    parser.feed(client.get(reverse("wagtailadmin_login")).content.decode())

    assert ENGLISH_RE.findall(" ".join(parser.parts)) == []


def test_sites_listing__column_headers_are_french(admin_client, home_page):
    parser = VisibleText()
    parser.feed(admin_client.get(reverse("wagtailsites:index")).content.decode())
    shown = " ".join(parser.parts)

    assert "Nom du site" in shown
    assert "Page racine" in shown
    assert ENGLISH_RE.findall(shown) == []


def test_periodic_task_edit_form__labels_the_task_in_french(admin_client):
    task = PeriodicTask.objects.create(
        name="Balayage de la file",
        task="outbox.sweep",
        interval=IntervalSchedule.objects.create(every=30, period="seconds"),
    )
    parser = VisibleText()
    parser.feed(admin_client.get(f"/admin/django_celery_beat/periodictask/edit/{task.pk}/").content.decode())
    shown = " ".join(parser.parts)

    assert "Tâche Celery" in shown
    assert "Task Name" not in shown
