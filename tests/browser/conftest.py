"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server."""

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from tests.users import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TIMEOUT_MS = 15_000


@pytest.fixture(autouse=True)
def async_unsafe_allowed(monkeypatch) -> None:
    """Let the test's own ORM calls run while Playwright's event loop is running.

    Playwright's sync API runs an asyncio event loop in the test's thread. Django's
    async-safety check sees that running loop and refuses every ORM call the test then makes
    (factories, reading the database to check an outcome) with SynchronousOnlyOperation. The
    check guards against sharing a connection with async code; here no coroutine touches the
    database (the browser is another process, the live server another thread). Django reads
    the variable at each call: set per test, the check still guards the rest of the suite.
    """
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def local_cache(local_cache) -> None:
    """Every browser test (the live server runs in this process, and reads its cache)."""


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright runs, the test's code sees another contextvars context, so Django
        # opened the test's own database connection there. Close it before that context goes:
        # left open, PostgreSQL refuses to drop the test database ("accessed by other users").
        connections.close_all()


# What Wagtail's admin shows when a view refuses the user (its permission_denied, then the dashboard).
PERMISSION_DENIED = re.compile(r"Désolé, vous n.avez pas les autorisations")


class Guard:
    """Watches every tab of a context and collects what a role should never meet.

    A 5xx response, a 403, a page showing Wagtail's permission-denied message (it redirects to the
    dashboard and shows it there) or a console error: each is a problem; the test fails at its end.
    """

    def __init__(self) -> None:
        self.problems: list[str] = []

    def watch(self, context: Any) -> None:
        context.on("page", self._watch_page)

    def _watch_page(self, page: Any) -> None:
        page.on("response", self._on_response)
        page.on("console", lambda message: self._on_console(page, message))
        page.on("load", lambda: self._on_load(page))

    def _on_response(self, response: Any) -> None:
        if response.status >= 500 or response.status == 403:
            self.problems.append(f"{response.status} {response.request.method} {response.url}")

    def _on_console(self, page: Any, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console error on {page.url}: {message.text} ({message.location.get('url')})")

    def _on_load(self, page: Any) -> None:
        from playwright.sync_api import Error

        try:
            text = page.evaluate("() => document.body ? document.body.innerText : ''")
        except Error:  # the page navigated on before it could be read
            return
        if PERMISSION_DENIED.search(text):
            self.problems.append(f"permission denied shown on {page.url}")


@pytest.fixture
def tabs(browser, live_server, request, tmp_path) -> Iterator[Callable[..., Any]]:
    """``tabs(user=None, guard=None)``: a browser tab of its own, signed in to the admin as ``user`` if given.

    With a guard, the tab's context is watched from its first page. When the test fails, each
    tab's screenshot is saved in the test's tmp_path.
    """
    contexts = []

    def open_tab(user: Any = None, guard: Guard | None = None) -> Any:
        context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        if guard is not None:
            guard.watch(context)
        contexts.append((getattr(user, "username", "visitor"), context))
        page = context.new_page()
        if user is None:
            return page
        page.goto("/admin/login/")
        page.get_by_placeholder("Entrez votre nom d’utilisateur").fill(user.username)
        page.get_by_placeholder("Entrez un mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="S'identifier").click()
        page.wait_for_url(re.compile(r"/admin/$"))
        page.wait_for_load_state("networkidle")
        return page

    yield open_tab

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for username, context in contexts:
            for number, page in enumerate(context.pages):
                path = tmp_path / f"{username}-{number}.png"
                page.screenshot(path=path, full_page=True)
                print(f"screenshot: {path}")
    for _, context in contexts:
        context.close()


@pytest.fixture
def sign_in(tabs) -> Callable[[Any], Any]:
    """``sign_in(user)``: a browser tab of its own, signed in to the admin as ``user``."""
    return tabs


@pytest.fixture
def guarded_tab(tabs) -> Iterator[Callable[..., Any]]:
    """``guarded_tab(user=None)``: like ``tabs``, and the test fails on any problem a ``Guard`` saw."""
    guard = Guard()

    yield lambda user=None: tabs(user, guard)

    assert not guard.problems, "\n".join(guard.problems)
