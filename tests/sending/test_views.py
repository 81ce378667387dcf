"""The admin views of sends: permission, the « Envoyer » form with hostile input, progress and actions."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editorial.calendar import EntryKind, calendar_providers
from sending import services
from sending.models import Send, SendStatus
from tests import factories
from tests.conftest import MODEL_BACKEND
from tests.sending.conftest import subscribers_create

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def sender_client(client, sender):
    client.force_login(sender, backend=MODEL_BACKEND)
    return client


def _form(issue, **overrides) -> dict:
    data = {
        "newsletter_list": issue.newsletter_list_id,
        "when": "now",
        "scheduled_at": "",
        "rate_per_second": 20,
        "batch_size": 50,
    }
    data.update(overrides)
    return data


def _create_url(issue) -> str:
    return reverse("sending_create", args=[issue.pk])


def test_create__now_asks_to_confirm_with_the_recipients(sender_client, issue):
    subscribers_create(issue.newsletter_list, 3)

    response = sender_client.post(_create_url(issue), _form(issue))

    assert response.status_code == 200
    assert not Send.objects.exists()
    page = response.content.decode()
    assert response.context["count"] == 3
    assert "Envoyer maintenant à 3 destinataires" in page
    assert all(f"lectrice.{n}@example.org" in page for n in range(3))
    # The button posts the same form again, confirmed.
    assert 'name="confirmed" value="on"' in page
    assert f'name="newsletter_list" value="{issue.newsletter_list_id}"' in page
    assert 'name="when" value="now"' in page


def test_create__confirmation_lists_the_first_recipients_and_counts_all(sender_client, issue, monkeypatch):
    monkeypatch.setattr("sending.views.LISTED_RECIPIENTS", 2)
    subscribers_create(issue.newsletter_list, 5)

    response = sender_client.post(_create_url(issue), _form(issue))

    assert response.context["count"] == 5
    assert len(response.context["recipients"]) == 2
    assert "Les 2 premières adresses sont affichées, sur 5." in response.content.decode()


def test_create__later_needs_no_confirmation(sender_client, issue):
    moment = (timezone.now() + datetime.timedelta(days=1)).astimezone(PARIS)

    response = sender_client.post(
        _create_url(issue), _form(issue, when="later", scheduled_at=moment.strftime("%Y-%m-%d %H:%M"))
    )

    assert response.status_code == 302
    assert Send.objects.count() == 1


def test_create__sends_now_once_confirmed_and_shows_the_send(sender_client, issue, sender):
    response = sender_client.post(_create_url(issue), _form(issue, confirmed="on"))

    send = Send.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("sending_detail", args=[send.pk])
    assert send.created_by == sender
    assert (send.rate_per_second, send.batch_size) == (20, 50)
    assert send.scheduled_at <= timezone.now()


def test_create__schedules_at_a_paris_time(sender_client, issue):
    moment = (timezone.now() + datetime.timedelta(days=3)).astimezone(PARIS).replace(second=0, microsecond=0)

    response = sender_client.post(
        _create_url(issue), _form(issue, when="later", scheduled_at=moment.strftime("%Y-%m-%d %H:%M"))
    )

    assert response.status_code == 302
    assert Send.objects.get().scheduled_at == moment


def test_create_page__offers_the_issues_list_and_default_pace(sender_client, issue, settings):
    response = sender_client.get(_create_url(issue))

    assert response.status_code == 200
    assert response.context["form"].initial["newsletter_list"] == issue.newsletter_list_id
    assert response.context["form"].initial["rate_per_second"] == settings.SENDING_DEFAULT_RATE


def test_views__refuse_a_user_without_the_send_permission(editor_client, issue):
    send = Send.objects.create(
        issue=issue, newsletter_list=issue.newsletter_list, scheduled_at=timezone.now(), rate_per_second=1, batch_size=1
    )

    for response in (
        editor_client.get(reverse("sending_index")),
        editor_client.get(_create_url(issue)),
        editor_client.post(_create_url(issue), _form(issue)),
        editor_client.get(reverse("sending_detail", args=[send.pk])),
        editor_client.get(reverse("sending_progress", args=[send.pk])),
        editor_client.post(reverse("sending_action", args=[send.pk, "annuler"])),
    ):
        # Wagtail's admin turns PermissionDenied into a redirect to the dashboard, with a message.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert Send.objects.get().status == SendStatus.SCHEDULED
    assert Send.objects.count() == 1


def test_menu__shows_envois_to_senders_only(sender_client, editor_client):
    assert reverse("sending_index") in sender_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("sending_index") not in editor_client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"when": "later", "scheduled_at": "2001-01-01 10:00"}, "scheduled_at", "passée"),
        ({"when": "later", "scheduled_at": ""}, "scheduled_at", "Indiquez la date"),
        ({"when": "later", "scheduled_at": "31/02/2030 25:61"}, "scheduled_at", "valide"),
        ({"when": "later", "scheduled_at": "2999-01-01 10:00"}, "scheduled_at", "plus d'un an"),
        ({"when": "hier"}, "when", "valide"),
        ({"rate_per_second": 0}, "rate_per_second", "supérieure ou égale à 1"),
        ({"rate_per_second": 10**12}, "rate_per_second", "inférieure ou égale"),
        ({"rate_per_second": "1; DROP TABLE sending_send"}, "rate_per_second", "nombre entier"),
        ({"batch_size": -5}, "batch_size", "supérieure ou égale à 1"),
        ({"batch_size": "9" * 5000}, "batch_size", ""),
        ({"newsletter_list": 999999}, "newsletter_list", "choix valide"),
        ({"newsletter_list": "<script>alert(1)</script>"}, "newsletter_list", "choix valide"),
    ],
)
def test_create__refuses_hostile_input_with_a_french_message(sender_client, issue, overrides, field, message):
    response = sender_client.post(_create_url(issue), _form(issue, **overrides))

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors or (field == "scheduled_at" and "__all__" in errors)
    assert message in " ".join(errors.get(field, []) + errors.get("__all__", []))
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Send.objects.exists()


def test_create__refuses_an_issue_not_live(sender_client, issue):
    issue.unpublish()

    response = sender_client.post(_create_url(issue), _form(issue))

    assert response.status_code == 400
    assert "circuit de validation" in response.content.decode()
    assert not Send.objects.exists()


def test_create__refuses_an_inactive_list(sender_client, issue):
    other = factories.NewsletterListFactory(name="Parentalités", slug="parentalites", is_active=False)

    response = sender_client.post(_create_url(issue), _form(issue, newsletter_list=other.pk))

    assert response.status_code == 400
    assert not Send.objects.exists()


def test_create__refuses_a_forged_issue_id(sender_client, issue, site_tree):
    assert sender_client.post(reverse("sending_create", args=[999999]), _form(issue)).status_code == 404
    assert sender_client.post(reverse("sending_create", args=[site_tree.home.pk]), _form(issue)).status_code == 404
    assert not Send.objects.exists()


def test_create__a_second_send_to_the_same_list_is_refused(sender_client, issue):
    sender_client.post(_create_url(issue), _form(issue, confirmed="on"))

    response = sender_client.post(_create_url(issue), _form(issue))

    assert response.status_code == 400
    assert "déjà envoyé ou programmé" in response.content.decode()
    assert Send.objects.count() == 1


def test_create__without_csrf_token_is_refused(sender, issue):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sender, backend=MODEL_BACKEND)

    assert client.post(_create_url(issue), _form(issue, confirmed="on")).status_code == 403
    assert not Send.objects.exists()


def test_detail_progress_and_actions(sender_client, issue, sender, fast_pace):
    subscribers_create(issue.newsletter_list, 3)
    send = services.send_create(
        issue=issue,
        newsletter_list=issue.newsletter_list,
        scheduled_at=timezone.now(),
        rate_per_second=10,
        batch_size=10,
        user=sender,
    )
    services.send_start(send_id=send.pk)

    page = sender_client.get(reverse("sending_detail", args=[send.pk]))
    progress = sender_client.get(reverse("sending_progress", args=[send.pk])).json()

    assert page.status_code == 200
    assert "Doublons possibles" in page.content.decode()
    assert progress["total"] == 3
    assert progress["status"] == "running"
    assert sender_client.get(reverse("sending_action", args=[send.pk, "pause"])).status_code == 405
    assert sender_client.post(reverse("sending_action", args=[send.pk, "supprimer"])).status_code == 404
    sender_client.post(reverse("sending_action", args=[send.pk, "pause"]))
    assert Send.objects.get(pk=send.pk).status == SendStatus.PAUSED
    sender_client.post(reverse("sending_action", args=[send.pk, "reprendre"]))
    assert Send.objects.get(pk=send.pk).status == SendStatus.RUNNING
    sender_client.post(reverse("sending_action", args=[send.pk, "annuler"]))
    assert Send.objects.get(pk=send.pk).status == SendStatus.CANCELLED
    response = sender_client.post(reverse("sending_action", args=[send.pk, "reprendre"]), follow=True)
    assert "ne peut pas être repris" in response.content.decode()
    assert sender_client.get(reverse("sending_progress", args=[999999])).status_code == 404


def test_issue_edit_page__has_the_send_button(admin_client, issue):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))

    assert _create_url(issue) in response.content.decode()


def test_issue_edit_page__has_no_send_button_before_publication(admin_client, issue):
    issue.unpublish()

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))

    assert _create_url(issue) not in response.content.decode()


def test_calendar__shows_scheduled_sends(issue, sender, fast_pace):
    moment = timezone.now() + datetime.timedelta(days=2)
    services.send_create(
        issue=issue,
        newsletter_list=issue.newsletter_list,
        scheduled_at=moment,
        rate_per_second=10,
        batch_size=10,
        user=sender,
    )
    provider = calendar_providers()[EntryKind.NEWSLETTER_SEND]

    (entry,) = provider(start=moment - datetime.timedelta(days=1), end=moment + datetime.timedelta(days=1))

    assert entry.title == issue.title
    assert entry.starts_at == moment
    assert "Résonances" in entry.detail
    assert not entry.cancelled
