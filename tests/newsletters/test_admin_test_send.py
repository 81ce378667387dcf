"""« Envoyer un test » and the « Courriel » preview of an issue, through the admin."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from editorial import roles
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.users import user_with_role


@pytest.fixture
def issue(home_page):
    issue = factories.NewsletterIssuePageFactory(
        title="Santé mentale et participation",
        number=198,
        newsletter_list=factories.NewsletterListFactory(name="Résonances", sender_email="resonances@example.org"),
        sections=[
            (
                "moves",
                {
                    "heading": "Mouvements",
                    "items": [{"person": "Nadia Benali", "new_post": "Cheffe de projet", "place": ""}],
                },
            )
        ],
    )
    issue.save_revision()
    return issue


def url(issue) -> str:
    return reverse("newsletters_test_send", args=[issue.pk])


def test_test_send__buttons_are_in_the_edit_view_header(admin_client, issue):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))

    content = response.content.decode()
    assert url(issue) in content
    assert reverse("newsletters_proposals", args=[issue.pk]) in content
    assert "Envoyer un test" in content


def test_test_send__sends_the_draft_through_smtp(editor_client, issue, smtp_server, django_capture_on_commit_callbacks):
    draft = issue.get_latest_revision_as_object()
    draft.title = "Titre du brouillon, pas encore publié"
    draft.save_revision()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url(issue), {"addresses": "camille@example.org,\nlouis@example.org"}, follow=True)

    assert "Envoi de test lancé vers 2 adresses : camille@example.org, louis@example.org." in response.content.decode()
    assert sorted(received.rcpt_tos[0] for received in smtp_server.received) == [
        "camille@example.org",
        "louis@example.org",
    ]
    wire = smtp_server.received[0].message
    assert wire["Subject"].strip() == "[Test] Résonances n° 198 – Titre du brouillon, pas encore publié"
    assert wire["List-Unsubscribe"] is not None
    assert "Nadia Benali" in wire.get_body(("html",)).get_content()
    assert "Nadia Benali" in wire.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    ("addresses", "error"),
    [
        ("", "Indiquez au moins une adresse."),
        ("  ,; \n", "Indiquez au moins une adresse."),
        ("pas-une-adresse", "« pas-une-adresse » n&#x27;est pas une adresse électronique valide."),
        ("camille@example.org\r\nBcc: victime@example.org", "« Bcc: » n&#x27;est pas une adresse électronique valide."),
        (
            "<script>alert(1)</script>@example.org",
            "« &lt;script&gt;alert(1)&lt;/script&gt;@example.org » n&#x27;est pas",
        ),
        (",".join(f"lecteur{n}@example.org" for n in range(11)), "10 adresses au plus (11 indiquées)."),
        ("x" * 3000, "Assurez-vous que cette valeur comporte au plus 2600 caractères"),
    ],
    ids=["empty", "separators-only", "malformed", "header-injection", "markup", "too-many", "very-long"],
)
def test_test_send__hostile_input_is_refused_in_french(
    editor_client, issue, addresses, error, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = editor_client.post(url(issue), {"addresses": addresses})

    content = response.content.decode()
    assert response.status_code == 200
    assert error in content
    assert "L&#x27;envoi de test n&#x27;est pas parti : corrigez les adresses." in content
    assert "<script>alert" not in content
    assert callbacks == []
    assert mailoutbox == []


def test_test_send__empty_submission_is_refused(editor_client, issue, mailoutbox):
    response = editor_client.post(url(issue), {})

    assert "Indiquez au moins une adresse." in response.content.decode()
    assert mailoutbox == []


def test_test_send__duplicates_are_sent_once(editor_client, issue, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url(issue), {"addresses": "camille@example.org CAMILLE@example.org"})

    assert [message.to for message in mailoutbox] == [["camille@example.org"]]


def test_test_send__refused_to_users_who_cannot_edit_the_page(client, issue, mailoutbox):
    client.force_login(user_with_role("claire.dubois", roles.BOARD), backend=MODEL_BACKEND)

    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with its message.
    for response in (client.get(url(issue)), client.post(url(issue), {"addresses": "camille@example.org"})):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert mailoutbox == []


def test_test_send__anonymous_is_sent_to_the_login(client, issue):
    response = client.post(url(issue), {"addresses": "camille@example.org"})

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_test_send__forged_page_id_is_not_found(editor_client, issue, home_page):
    assert editor_client.get(reverse("newsletters_test_send", args=[999_999])).status_code == 404
    assert editor_client.get(reverse("newsletters_test_send", args=[home_page.pk])).status_code == 404


def test_preview__email_mode_shows_the_email_with_the_editor_name(rf, admin_client, issue):
    # The admin's preview view replays the edit form stored in the session through this same call,
    # whose dummy request carries the editor's session cookie.
    request = rf.get("/", HTTP_COOKIE=admin_client.cookies.output(header="", sep=";").strip())

    response = issue.make_preview_request(request, preview_mode="email")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Bonjour Camille Martin," in content
    assert 'role="presentation"' in content
    assert "Nadia Benali" in content


def test_preview__email_mode_is_offered(issue):
    assert ("email", "Courriel") in [(mode, str(label)) for mode, label in issue.preview_modes]


def test_test_send__too_many_from_one_user__refused_in_french(
    editor_client, issue, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_TEST_SEND_RATE_LIMIT = 2
    with django_capture_on_commit_callbacks() as queued:
        sent = [editor_client.post(url(issue), {"addresses": "camille@example.org"}) for _attempt in range(2)]
        refused = editor_client.post(url(issue), {"addresses": "camille@example.org"})

    assert [answer.status_code for answer in sent] == [302, 302]
    assert refused.status_code == 429
    assert "Trop d'envois de test lancés récemment" in html.unescape(refused.content.decode())
    assert len(queued) == 2


def test_test_send__the_limit_is_per_user(editor_client, admin_user, issue, settings):
    settings.NEWSLETTER_TEST_SEND_RATE_LIMIT = 1
    colleague = Client()
    colleague.force_login(admin_user, backend=MODEL_BACKEND)
    editor_client.post(url(issue), {"addresses": "camille@example.org"})

    assert editor_client.post(url(issue), {"addresses": "camille@example.org"}).status_code == 429
    assert colleague.post(url(issue), {"addresses": "camille@example.org"}).status_code == 302
