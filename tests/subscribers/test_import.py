"""CSV import in the admin: preview, duplicates, malformed lines, fatal errors, consent records."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

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
from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory
from tests.html import page_source

pytestmark = pytest.mark.django_db

IMPORT = "/admin/abonnes/importer/"
BASIS = "Consentement écrit recueilli aux rencontres 2025"


def _upload(admin_client, content: bytes, newsletter_list, basis: str = BASIS):
    return admin_client.post(
        IMPORT,
        {
            "csv_file": SimpleUploadedFile("abonnes.csv", content, content_type="text/csv"),
            "newsletter_list": newsletter_list.pk,
            "legal_basis": basis,
        },
    )


def _apply(admin_client, preview, newsletter_list, basis: str = BASIS):
    return admin_client.post(
        IMPORT,
        {"import_key": preview.context["import_key"], "newsletter_list": newsletter_list.pk, "legal_basis": basis},
    )


CSV = (
    "email;nom;organisme;fonction\n"
    "nouvelle@example.org;Nadia Élu·e;Ville de Sevran;Élu·e\n"
    "connue@example.org;Ignoré;Ignoré;autre\n"
    "deja@example.org;Déjà;;\n"
    "parti@example.org;Parti;;\n"
    "exclu@example.org;Exclu;;\n"
    "efface@example.org;Effacé;;\n"
    "pas-une-adresse;X;;\n"
    "NOUVELLE@example.org;Doublon;;\n"
    'injection@example.org;"Nom\rBcc: x";;\n'
    "role@example.org;R;;président\n"
    "\n"
).encode()


@pytest.fixture
def existing(resonances, la_lettre):
    SubscriptionFactory(
        subscriber=SubscriberFactory(email="connue@example.org", name="Connue"), newsletter_list=la_lettre
    )
    SubscriptionFactory(subscriber=SubscriberFactory(email="deja@example.org"), newsletter_list=resonances)
    SubscriptionFactory(
        subscriber=SubscriberFactory(email="parti@example.org"),
        newsletter_list=resonances,
        status=SubscriptionStatus.UNSUBSCRIBED,
    )
    SubscriberFactory(email="exclu@example.org", suppressed_at="2026-01-01T00:00:00Z")
    ErasedAddress.objects.create(email_hash=email_fingerprint("efface@example.org"))


def test_import__preview_changes_nothing_then_apply(admin_client, resonances, existing):
    before = (Subscriber.objects.count(), Subscription.objects.count(), ConsentRecord.objects.count())
    preview = _upload(admin_client, CSV, resonances)
    assert preview.status_code == 200
    plan = preview.context["plan"]
    assert [line.email for line in plan.created] == ["nouvelle@example.org"]
    assert [line.email for line in plan.added] == ["connue@example.org"]
    assert [line.email for line in plan.unchanged] == ["deja@example.org"]
    assert sorted(problem.number for problem in plan.refused) == [5, 6, 7]
    malformed = {problem.number: problem.message for problem in plan.malformed}
    # The quoted name holds a line break: the record spans lines 10 and 11.
    assert set(malformed) == {8, 9, 10, 12}
    assert "double (déjà ligne 2)" in malformed[9]
    assert "une seule ligne" in malformed[10]
    assert "fonction inconnue" in malformed[12]
    text = page_source(preview)
    assert "Nouvelles adresses : 1" in " ".join(text.split()).replace("<strong>", "").replace("</strong>", "")
    assert (Subscriber.objects.count(), Subscription.objects.count(), ConsentRecord.objects.count()) == before

    response = _apply(admin_client, preview, resonances)
    assert response.status_code == 302
    nadia = Subscriber.objects.get(email="nouvelle@example.org")
    assert (nadia.name, nadia.organisation, nadia.role) == ("Nadia Élu·e", "Ville de Sevran", "elected")
    connue = Subscriber.objects.get(email="connue@example.org")
    assert connue.name == "Connue"
    for subscriber in (nadia, connue):
        subscription = subscriber.subscriptions.get(newsletter_list=resonances)
        assert subscription.status == SubscriptionStatus.CONFIRMED
        record = ConsentRecord.objects.get(subscriber=subscriber)
        assert (record.action, record.source, record.legal_basis) == (ConsentAction.IMPORTED, Source.IMPORT, BASIS)
    assert Subscription.objects.get(subscriber__email="parti@example.org").status == SubscriptionStatus.UNSUBSCRIBED
    assert not Subscription.objects.filter(subscriber__email="exclu@example.org").exists()
    assert not Subscriber.objects.filter(email="efface@example.org").exists()
    # Applying the same preview again does nothing: the upload is gone.
    again = _apply(admin_client, preview, resonances)
    assert again.status_code == 302
    assert ConsentRecord.objects.filter(action=ConsentAction.IMPORTED).count() == 2


def test_import__legal_basis_required(admin_client, resonances):
    response = _upload(admin_client, CSV, resonances, basis="")
    assert response.context["form"].errors["legal_basis"] == ["Indiquez la base légale de l'import."]
    assert "import_key" not in response.context
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("email;nom\nélodie@example.org;Élodie\n".encode("latin-1"), "n'est pas encodé en UTF-8"),
        (b"nom;organisme\nA;B\n", "une colonne « email »"),
        (b"", "Le fichier soumis est vide."),
        (b"email\x00;nom\n", "caractères nuls"),
        (b'email;nom\n"a@example.org;"Nom\n', "mal formé"),
    ],
)
def test_import__fatal_errors__nothing_imported(admin_client, resonances, content, message):
    response = _upload(admin_client, content, resonances)
    assert response.status_code in (200, 400)
    assert message in page_source(response)
    assert not Subscriber.objects.exists()


def test_import__huge_file__refused(admin_client, resonances, settings):
    settings.SUBSCRIBERS_IMPORT_MAX_BYTES = 1024
    content = b"email\n" + b"".join(f"p{number}@example.org\n".encode() for number in range(200))
    response = _upload(admin_client, content, resonances)
    assert response.status_code == 400
    assert "Le fichier dépasse" in page_source(response)


def test_import__too_many_rows__refused(admin_client, resonances, settings):
    settings.SUBSCRIBERS_IMPORT_MAX_ROWS = 10
    content = b"email\n" + b"".join(f"p{number}@example.org\n".encode() for number in range(11))
    response = _upload(admin_client, content, resonances)
    assert "découpez-le" in page_source(response)


def test_import__failure_during_apply_rolls_back_everything(admin_client, resonances, monkeypatch):
    from subscribers import imports

    content = b"email\n" + b"".join(f"p{number}@example.org\n".encode() for number in range(5))
    preview = _upload(admin_client, content, resonances)
    calls = {"count": 0}
    original = imports.subscription_import

    def failing(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] == 4:
            raise RuntimeError("database went away")
        return original(*args, **kwargs)

    monkeypatch.setattr(imports, "subscription_import", failing)
    with pytest.raises(RuntimeError):
        _apply(admin_client, preview, resonances)
    assert not Subscriber.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_import__forged_key__nothing_imported(admin_client, resonances):
    response = admin_client.post(
        IMPORT, {"import_key": "0" * 32, "newsletter_list": resonances.pk, "legal_basis": BASIS}, follow=True
    )
    assert "L'aperçu a expiré" in page_source(response)
    assert not Subscriber.objects.exists()
