"""manage.py report: each document from the command line, and clear French errors."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.reports.test_renderers import pdf_text

pytestmark = pytest.mark.django_db


def test_command__progress_review_pdf(built, tmp_path):
    output = tmp_path / "point.pdf"

    call_command(
        "report",
        "progress",
        "--programme",
        "irev-2017",
        "--at",
        "2017-03-24",
        "--format",
        "pdf",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    assert "personnes formées : 730 / 2 000" in pdf_text(output.read_bytes())


def test_command__programme_xlsx(built, tmp_path):
    output = tmp_path / "programme.xlsx"

    call_command(
        "report",
        "programme",
        "--programme",
        "irev-2017",
        "--format",
        "xlsx",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    rows = list(load_workbook(output)["Actions"].iter_rows(values_only=True))
    titles = [row[1] for row in rows[4:]]
    assert "La masterclass citoyenne" in titles
    assert "Conseil d'orientation" in titles


def test_command__activity_docx(built, tmp_path):
    output = tmp_path / "activite.docx"

    call_command(
        "report",
        "activity",
        "--from",
        "2017-01-01",
        "--to",
        "2017-12-31",
        "--format",
        "docx",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    assert output.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["progress", "--programme", "inconnu"], "Aucun programme n'a l'identifiant « inconnu »."),
        (["progress", "--programme", "irev-2017", "--at", "24/03/2017"], "Date invalide « 24/03/2017 »"),
        (["activity", "--from", "2017-12-31", "--to", "2017-01-01"], "La fin de la période précède son début"),
        (["programme"], "Choisissez le programme du document."),
    ],
)
def test_command__bad_arguments_get_a_french_error(built, tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *arguments, "--output", str(tmp_path / "x.pdf"))
