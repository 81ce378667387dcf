"""The « Abonnés » admin: listing, filters, search, export, inspect, manual add, GDPR export and erasure."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission

from subscribers.erasure import email_fingerprint
from subscribers.models import (
    ConsentAction,
    ConsentRecord,
    ErasedAddress,
    Source,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from tests.conftest import MODEL_BACKEND
from tests.factories.subscribers import ConsentRecordFactory, SubscriberFactory, SubscriptionFactory
from tests.html import page_source
from tests.users import centre_member

pytestmark = pytest.mark.django_db

INDEX = "/admin/abonnes/"


@pytest.fixture
def population(resonances, la_lettre, territory):
    alice = SubscriberFactory(email="alice@example.org", name="Alice Élu·e", role="elected", territory=territory)
    SubscriptionFactory(subscriber=alice, newsletter_list=resonances)
    bruno = SubscriberFactory(email="bruno@example.org", name="Bruno", role="other")
    SubscriptionFactory(subscriber=bruno, newsletter_list=la_lettre)
    SubscriptionFactory(subscriber=bruno, newsletter_list=resonances, status=SubscriptionStatus.UNSUBSCRIBED)
    chloe = SubscriberFactory(email="chloe@example.org", name="Chloé", suppressed_at="2026-01-01T00:00:00Z")
    SubscriptionFactory(subscriber=chloe, newsletter_list=resonances)
    return alice, bruno, chloe


def _emails(response) -> set[str]:
    source = page_source(response)
    return {email for email in ("alice@example.org", "bruno@example.org", "chloe@example.org") if email in source}


def test_admin__menu_and_index(admin_client, population):
    dashboard = admin_client.get("/admin/").content.decode()
    assert '"/admin/abonnes/"' in dashboard
    assert "Abonn\\u00e9s" in dashboard or "Abonnés" in dashboard
    response = admin_client.get(INDEX)
    assert response.status_code == 200
    assert _emails(response) == {"alice@example.org", "bruno@example.org", "chloe@example.org"}
    assert "Importer un CSV" in page_source(response)


def test_admin__filters_and_search(admin_client, population, resonances, territory):
    confirmed_on_resonances = admin_client.get(INDEX, {"newsletter_list": resonances.pk, "status": "confirmed"})
    assert _emails(confirmed_on_resonances) == {"alice@example.org", "chloe@example.org"}
    assert _emails(admin_client.get(INDEX, {"suppressed": "true"})) == {"chloe@example.org"}
    assert _emails(admin_client.get(INDEX, {"suppressed": "false"})) == {"alice@example.org", "bruno@example.org"}
    assert _emails(admin_client.get(INDEX, {"role": "elected"})) == {"alice@example.org"}
    assert _emails(admin_client.get(INDEX, {"territory": territory.pk})) == {"alice@example.org"}
    assert _emails(admin_client.get(INDEX, {"q": "bruno"})) == {"bruno@example.org"}


def test_admin__csv_export_follows_filters(admin_client, population, resonances):
    response = admin_client.get(INDEX, {"export": "csv", "newsletter_list": resonances.pk, "status": "confirmed"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {row["Adresse électronique"] for row in rows} == {"alice@example.org", "chloe@example.org"}
    alice = next(row for row in rows if row["Adresse électronique"] == "alice@example.org")
    assert alice["Listes confirmées"] == "Résonances"
    assert alice["Nom"] == "Alice Élu·e"


def test_admin__inspect_shows_subscriptions_and_consents(admin_client, population, resonances):
    alice = population[0]
    ConsentRecordFactory(subscriber=alice, newsletter_list=resonances, consent_text="Texte affiché au public")
    response = admin_client.get(f"{INDEX}inspect/{alice.pk}/")
    text = page_source(response)
    assert response.status_code == 200
    assert "Texte affiché au public" in text
    assert "192.0.2.10" in text
    assert "Exporter ses données" in text
    assert "Effacer" in text


def test_admin__manual_add__confirmed_source_admin_with_legal_basis(admin_client, resonances):
    response = admin_client.post(
        f"{INDEX}new/",
        {
            "email": "nouvelle@example.org",
            "name": "Nadia",
            "organisation": "",
            "role": "professional",
            "territory": "",
            "lists": [str(resonances.pk)],
            "legal_basis": "Consentement écrit du 12/03/2026",
        },
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="nouvelle@example.org")
    subscription = subscriber.subscriptions.get()
    assert (subscription.status, subscription.source) == (SubscriptionStatus.CONFIRMED, Source.ADMIN)
    record = ConsentRecord.objects.get()
    assert (record.action, record.source, record.legal_basis) == (
        ConsentAction.ADDED_BY_ADMIN,
        Source.ADMIN,
        "Consentement écrit du 12/03/2026",
    )


def test_admin__manual_add_without_legal_basis_or_duplicate__french_errors(admin_client, population, resonances):
    response = admin_client.post(
        f"{INDEX}new/",
        {"email": "ALICE@example.org", "name": "X\r\nBcc: y", "role": "other", "lists": [str(resonances.pk)]},
    )
    text = page_source(response)
    assert "Cette adresse est déjà celle d'un·e autre abonné·e." in text
    assert "Indiquez la base légale de l'ajout à une liste." in text
    assert "Ce champ doit tenir sur une seule ligne." in text
    assert Subscriber.objects.count() == 3


def test_admin__edit_cannot_resubscribe_someone_who_left(admin_client, population, resonances, la_lettre):
    bruno = population[1]
    response = admin_client.post(
        f"{INDEX}edit/{bruno.pk}/",
        {
            "email": bruno.email,
            "name": bruno.name,
            "role": "other",
            "lists": [str(la_lettre.pk), str(resonances.pk)],
            "legal_basis": "Intérêt légitime",
        },
    )
    assert "seule une nouvelle inscription par le formulaire public" in page_source(response)
    assert bruno.subscriptions.get(newsletter_list=resonances).status == SubscriptionStatus.UNSUBSCRIBED


def test_admin__edit_unticking_a_list_withdraws(admin_client, population, la_lettre):
    bruno = population[1]
    response = admin_client.post(
        f"{INDEX}edit/{bruno.pk}/", {"email": bruno.email, "name": "Bruno", "role": "other", "lists": []}
    )
    assert response.status_code == 302
    assert bruno.subscriptions.get(newsletter_list=la_lettre).status == SubscriptionStatus.UNSUBSCRIBED
    record = ConsentRecord.objects.get()
    assert (record.action, record.source) == (ConsentAction.WITHDRAWN, Source.ADMIN)


def test_admin__gdpr_export_holds_everything(admin_client, population, resonances):
    alice = population[0]
    ConsentRecordFactory(subscriber=alice, newsletter_list=resonances, consent_text="J'accepte")
    response = admin_client.get(f"{INDEX}{alice.pk}/donnees/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="abonne-{alice.pk}.json"'
    data = json.loads(response.content)
    assert data["abonné·e"]["adresse électronique"] == "alice@example.org"
    assert data["abonné·e"]["nom"] == "Alice Élu·e"
    assert data["abonné·e"]["créé le"]
    assert [item["liste"] for item in data["abonnements"]] == ["Résonances"]
    assert data["consentements"][0]["texte du consentement affiché"] == "J'accepte"
    assert isinstance(data["autres données"], dict)
    # Keys and coded values as the person reads them, never the code's names.
    text = response.content.decode()
    for code in ('"email"', '"claimed_by"', '"newsletter_list"', '"confirmed"', '"elected"', '"related"'):
        assert code not in text


def test_admin__erase_keeps_only_a_fingerprint(admin_client, population):
    alice = population[0]
    ConsentRecordFactory(subscriber=alice)
    page = admin_client.get(f"{INDEX}delete/{alice.pk}/")
    assert "Effacer définitivement" in page_source(page)
    response = admin_client.post(f"{INDEX}delete/{alice.pk}/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=alice.pk).exists()
    assert not Subscription.objects.filter(subscriber_id=alice.pk).exists()
    assert not ConsentRecord.objects.filter(subscriber_id=alice.pk).exists()
    assert list(ErasedAddress.objects.values_list("email_hash", flat=True)) == [email_fingerprint("Alice@Example.org")]
    assert "alice" not in email_fingerprint("alice@example.org")


def test_admin__permissions(client, django_user_model, population):
    user = django_user_model.objects.create_user(username="lecteur", password="x", is_active=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user, backend=MODEL_BACKEND)
    alice = population[0]
    assert client.get(INDEX).status_code in (302, 403)
    for path in (f"{INDEX}{alice.pk}/donnees/", f"{INDEX}importer/"):
        refused = client.get(path)
        assert refused.status_code in (302, 403)
        assert "alice@example.org" not in refused.content.decode()
    group = Group.objects.create(name="Lecture abonnés")
    group.permissions.add(Permission.objects.get(codename="view_subscriber"))
    user.groups.add(group)
    centre_member(user)  # the subscribers of the centre's lists, not of another's
    assert client.get(INDEX).status_code == 200
    assert client.get(f"{INDEX}{alice.pk}/donnees/").status_code == 200
    assert client.post(f"{INDEX}delete/{alice.pk}/").status_code in (302, 403)
    assert Subscriber.objects.filter(pk=alice.pk).exists()
