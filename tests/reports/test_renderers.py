"""Each renderer's output parsed back: the PDF's text, the DOCX's paragraphs and styles, the XLSX's cells."""

import datetime
import io

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.documents import Centre, ProgrammeBooklet
from reports.layout import layout_of
from reports.renderers import RENDERERS
from reports.services import ReportSpec, report_bytes
from reports.typography import NBSP, NNBSP

pytestmark = pytest.mark.django_db

AT = datetime.date(2017, 3, 24)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace(NBSP, " ").replace(NNBSP, " ").split())


def docx_paragraphs(content: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(content))
    return [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]


def docx_cells(content: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(content))
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


def xlsx_rows(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def test_progress_review__pdf_holds_the_four_columns_and_730_of_2000(built):
    content = report_bytes(spec=ReportSpec(kind="progress", programme=built.programme, at=AT), file_format="pdf")

    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Point d'avancement au 24/03/2017" in text
    assert "Sommaire" in text
    for column in ("Constats / contexte", "Prospective / objectifs", "Actions à mettre en œuvre"):
        assert column in text
    assert "personnes formées : 730 / 2 000 au 23/03/2017 ; projection : 1 586 estimées fin 2017" in text
    assert "Financement : Préfecture du Nord — crédits reportés 2016, 12 000 € (Crédits 2016 reportés à 2017)" in text
    assert "Sous-axe 2.1. Écouter la parole" in text
    assert "Autres actions Conseil d'orientation" in text
    assert "page 2" in text
    assert "Institut régional de la ville" in text


def test_programme_booklet__docx_headings_use_the_heading_styles(built):
    content = report_bytes(spec=ReportSpec(kind="programme", programme=built.programme, at=AT), file_format="docx")

    paragraphs = docx_paragraphs(content)
    headings = [(style, plain(text)) for style, text in paragraphs if style.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "Introduction"),
        ("Heading 1", "Axe 1. Valeurs de la République"),
        ("Heading 2", "Plan de formation « Valeurs de la République et laïcité »"),
    ]
    assert ("Heading 2", "Sous-axe 2.1. Écouter la parole") in headings
    assert ("Heading 2", "Sous-axe 2.2. Lutter contre les vulnérabilités") in headings
    # Listed under both sub-axes, as the programme does.
    assert headings.count(("Heading 3", "La masterclass citoyenne")) == 2
    assert ("Heading 1", "Autres activités") in headings
    bullets = [plain(text) for style, text in paragraphs if style == "List Bullet"]
    assert (
        "Financement : Caisse des Dépôts — subvention 2017 ; Préfecture du Nord — prestation 2017, 3 500,50 €"
        in bullets
    )
    # The word processor fills in the table of contents from a TOC field.
    document = docx.Document(io.BytesIO(content))
    assert 'TOC \\o "1-3"' in document.element.xml


def test_typography__non_breaking_spaces_reach_the_docx(built):
    content = report_bytes(spec=ReportSpec(kind="programme", programme=built.programme, at=AT), file_format="docx")

    texts = [text for _style, text in docx_paragraphs(content)]
    assert f"Format{NBSP}: Masterclass" in texts
    assert f"Plan de formation «{NNBSP}Valeurs de la République et laïcité{NNBSP}»" in texts


def test_activity_report__xlsx_holds_numbers_as_numbers(built):
    content = report_bytes(
        spec=ReportSpec(kind="activity", start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31)),
        file_format="xlsx",
    )

    sheets = xlsx_rows(content)
    assert list(sheets) == [
        "Chiffres clés",
        "Par public",
        "Par territoire",
        "Par format",
        "Par axe",
        "Territoires touchés",
        "Financeurs",
    ]
    figures = dict(sheets["Chiffres clés"][4:])
    assert figures["Actions menées"] == 2
    assert figures["Participant·e·s"] == 734
    funders = sheets["Financeurs"][4:]
    assert ("Préfecture du Nord", "La masterclass citoyenne", "Prestation", 2017, 3500.5, None) in funders


def test_activity_report__pdf_has_charts_and_per_funder_sections(built):
    content = report_bytes(
        spec=ReportSpec(kind="activity", start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31)),
        file_format="pdf",
    )

    text = pdf_text(content)
    assert "Rapport d'activité du 01/01/2017 au 31/12/2017" in text
    assert "Participant·e·s par format" in text
    # Each bar carries its figure: readable without colour.
    assert "Journées de formation" in text
    assert "730" in text
    assert "Ce que chaque financeur a permis" in text
    assert "Caisse des Dépôts" in text


@pytest.mark.parametrize("file_format", ["pdf", "docx", "xlsx"])
def test_renderers__long_words_and_inclusive_writing_do_not_break(file_format):
    long_word = "Anticonstitutionnellement" * 12
    booklet = ProgrammeBooklet(
        centre=Centre(name="Centre des élu·e·s"),
        title=f"Programme {long_word}",
        year=2024,
        at=AT,
        introduction=["Les conseiller·e·s citoyen·ne·s : « bienvenue » !", long_word],
        axes=[],
        other_actions=[],
        cycles=[],
        publications=[],
    )

    content = RENDERERS[file_format](layout_of(booklet))

    assert content
    if file_format == "pdf":
        assert "Les conseiller·e·s citoyen·ne·s : « bienvenue » !" in pdf_text(content)
    if file_format == "docx":
        assert any("conseiller·e·s citoyen·ne·s" in text for _style, text in docx_paragraphs(content))
