"""The « Envoyer » form of an issue as an administrator sees it: its buttons show their labels."""

import pytest
from django.urls import reverse

from editorial import roles
from sending.models import Send
from tests import factories
from tests.browser.conftest import CHROMIUM
from tests.sending.conftest import subscribers_create
from tests.users import user_with_role

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The boxes of a button's text (a Range over its text node), of its icon and of the button itself.
LABEL_AND_ICON_BOXES = """(button) => {
    const box = (rect) => ({left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom,
                            width: rect.width, height: rect.height});
    const text = [...button.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    const range = document.createRange();
    range.selectNodeContents(text);
    return {label: box(range.getBoundingClientRect()), icon: box(button.querySelector("svg").getBoundingClientRect()),
            button: box(button.getBoundingClientRect())};
}"""


@pytest.fixture
def issue(site_tree):
    newsletter_list = factories.NewsletterListFactory(name="Résonances", slug="resonances")
    subscribers_create(newsletter_list, 3)
    return factories.NewsletterIssuePageFactory(
        parent=site_tree.newsletters, newsletter_list=newsletter_list, title="Résonances n° 12", live=True
    )


def test_send_form__the_submit_button_shows_its_label(guarded_tab, issue, tmp_path):
    page = guarded_tab(user_with_role("sophie.bernard", roles.ADMINISTRATORS))
    page.goto(reverse("sending_create", args=[issue.pk]))

    button = page.get_by_role("button", name="Programmer l'envoi")
    boxes = button.evaluate(LABEL_AND_ICON_BOXES)
    page.screenshot(path=tmp_path / "send-form.png")
    print(f"screenshot: {tmp_path / 'send-form.png'}")

    label, icon, whole = boxes["label"], boxes["icon"], boxes["button"]
    assert button.is_visible()
    assert label["width"] > 80
    assert label["height"] > 8
    assert icon["width"] <= 24
    assert icon["height"] <= 24
    # The icon sits beside the label, not over it, and both inside the button.
    assert icon["right"] <= label["left"] + 1
    assert whole["left"] <= icon["left"]
    assert label["right"] <= whole["right"]
    assert whole["top"] <= label["top"]
    assert label["bottom"] <= whole["bottom"]
    assert not Send.objects.exists()


def test_send_now__asks_to_confirm_with_the_recipients_then_sends(guarded_tab, issue, tmp_path):
    page = guarded_tab(user_with_role("sophie.bernard", roles.ADMINISTRATORS))
    page.goto(reverse("sending_create", args=[issue.pk]))
    page.get_by_label("Maintenant").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Programmer l'envoi").click()

    confirm = page.get_by_role("button", name="Envoyer maintenant à 3 destinataires")
    page.screenshot(path=tmp_path / "send-confirm.png", full_page=True)
    print(f"screenshot: {tmp_path / 'send-confirm.png'}")
    assert confirm.is_visible()
    assert confirm.evaluate(LABEL_AND_ICON_BOXES)["label"]["width"] > 150
    assert page.get_by_role("cell", name="lectrice.0@example.org").is_visible()
    assert not Send.objects.exists()

    with page.expect_navigation():
        confirm.click()

    send = Send.objects.get()
    assert page.url.endswith(reverse("sending_detail", args=[send.pk]))
    assert send.newsletter_list.name == "Résonances"
