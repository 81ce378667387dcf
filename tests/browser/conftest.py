"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server."""

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from tests.editorial_views.workflow import PASSWORD

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
def local_cache(settings) -> None:
    """A cache of this process's own (the live server runs in it too).

    With REDIS_URL, xdist workers share one Redis cache under one key prefix, so Wagtail's
    cached site root paths could come from another worker's database.
    """
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "browser"}}


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


@pytest.fixture
def sign_in(browser, live_server, request, tmp_path) -> Iterator[Callable[[Any], Any]]:
    """``sign_in(user)``: a browser tab of its own, signed in to the admin as ``user``.

    When the test fails, each tab's screenshot is saved in the test's tmp_path.
    """
    contexts = []

    def sign_in_as(user: Any) -> Any:
        context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append((user.username, context))
        page = context.new_page()
        page.goto("/admin/login/")
        page.get_by_placeholder("Entrez votre nom d’utilisateur").fill(user.username)
        page.get_by_placeholder("Entrez un mot de passe").fill(PASSWORD)
        page.get_by_role("button", name="S'identifier").click()
        page.wait_for_url(re.compile(r"/admin/$"))
        page.wait_for_load_state("networkidle")
        return page

    yield sign_in_as

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for username, context in contexts:
            for number, page in enumerate(context.pages):
                path = tmp_path / f"{username}-{number}.png"
                page.screenshot(path=path, full_page=True)
                print(f"screenshot: {path}")
    for _, context in contexts:
        context.close()
