"""The DOCX of a layout, with python-docx, for the centres to finish in their word processor.

Headings use the built-in « Titre 1, 2, 3 » styles (Heading 1–3), so that the word processor's
table of contents works: the document opens with a TOC field to update (F9 in Word, « Mettre à
jour l'index » in LibreOffice). Page numbers are a PAGE field in the footer.
"""

import io

import docx as python_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from reports import layout as blocks


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (``TOC``, ``PAGE``) the word processor fills in."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)


def render(layout: blocks.Layout) -> bytes:
    document = python_docx.Document()
    section = document.sections[0]
    if layout.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    # The format caps a property at 255 characters.
    document.core_properties.title = layout.title[:255]
    document.core_properties.author = layout.centre.name[:255]
    document.core_properties.language = "fr-FR"
    document.styles["Normal"].font.size = Pt(10)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{layout.centre.name} — page ")
    _field(footer, "PAGE", "1")
    if layout.centre.logo:
        document.add_picture(io.BytesIO(layout.centre.logo), width=Cm(4))
    document.add_heading(layout.title, level=0)
    document.add_paragraph(layout.subtitle)
    if layout.toc:
        document.add_paragraph("Sommaire", style="TOC Heading" if "TOC Heading" in document.styles else None)
        _field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', "Mettez à jour le sommaire (F9).")
        document.add_page_break()  # type: ignore[no-untyped-call]
    # Styles looked up once: python-docx searches the style list by name on every call.
    headings = {level: document.styles[f"Heading {level}"] for level in range(1, 10)}
    bullet = document.styles["List Bullet"]
    for block in layout.blocks:
        if isinstance(block, blocks.Heading):
            document.add_paragraph(block.text, style=headings[min(block.level, 9)])
        elif isinstance(block, blocks.Paragraph):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.bold = block.style == "strong"
            run.italic = block.style == "meta"
        elif isinstance(block, blocks.Bullets):
            for item in block.items:
                document.add_paragraph(item, style=bullet)
        elif isinstance(block, blocks.Table):
            _table(document, block.header, block.rows)
        elif isinstance(block, blocks.Chart):
            # A chart becomes its figures: a word processor edits a table, not a picture.
            document.add_paragraph(block.title).runs[0].bold = True
            _table(document, ["", "Nombre"], [[bar.label, str(bar.value)] for bar in block.bars])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: object, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
