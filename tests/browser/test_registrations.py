"""A visitor registers for an action's session on its page, in Chromium, then cancels from the email's link."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from registrations.models import Registration, RegistrationStatus
from tests.browser.conftest import CHROMIUM
from tests.registrations import conftest as registration_fixtures

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    # The live server needs committed data; the migration's groups and workflows are restored after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# An action with two sessions, the first of two seats, taking its registrations here.
action = registration_fixtures.action
sessions = registration_fixtures.sessions
per_session = registration_fixtures.per_session
first_target = registration_fixtures.first_target


def test_visitor_registers_on_the_action_page_then_cancels(guarded_tab, first_target, tmp_path):
    page = guarded_tab()
    page.goto(first_target.settings.action.url)
    page.screenshot(path=tmp_path / "registration-form-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    form = page.locator("form.registration-form")
    # The honeypot is in the form for bots, out of sight (left of the page) for people.
    honeypot = form.get_by_label("Ne pas remplir ce champ").bounding_box()
    assert honeypot["x"] + honeypot["width"] < 0
    form.get_by_label("Adresse électronique").fill("nadia.benali@example.org")
    form.get_by_label(re.compile(r"2 places restantes")).check()
    form.get_by_label("Nom et prénom").fill("Nadia Benali")
    form.get_by_label(re.compile("^J'accepte que")).check()
    page.screenshot(path=tmp_path / "registration-form-390.png", full_page=True)
    form.get_by_role("button", name="S'inscrire").click()

    page.get_by_role("heading", name="Demande d'inscription enregistrée").wait_for()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    [message] = mail.outbox
    link = re.search(r"https?://\S+/inscriptions/[\w-]+/", message.body).group(0)

    page.goto(urlsplit(link).path)
    page.get_by_role("button", name="Annuler mon inscription").click()
    page.get_by_role("heading", name="Inscription annulée").wait_for()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
