"""The printable attendance sheet (« feuille d'émargement ») of one session, as PDF.

The format funders and training bodies ask for: who organises, what, when and where at the top of
every page, then one line per person registered (name, organisation) with an empty box to sign,
and the page number out of the total at the bottom.
"""

import io
from typing import Any
from xml.sax.saxutils import escape

from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from publications.models import ActionSession
from registrations.models import Registration

SIGNATURE = "Signature"
_MARGIN = 15 * mm
_HEADER_HEIGHT = 30 * mm
_CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=10, leading=12)
_HEADING = ParagraphStyle("heading", parent=_CELL, fontName="Helvetica-Bold")


def session_when_where(session: ActionSession) -> str:
    start, end = localtime(session.starts_at), localtime(session.ends_at)
    when = capfirst(f"{date_format(start, 'l j F Y')}, {start:%H}h{start:%M}–{end:%H}h{end:%M}")
    if session.is_online:
        return f"{when} — visioconférence"
    place = ", ".join(
        part for part in (session.venue, session.address, session.town.name if session.town else "") if part
    )
    return f"{when} — {place}" if place else when


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end, so that each can say « page n sur N »."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 9)
            self.drawRightString(A4[0] - _MARGIN, 10 * mm, f"Page {self._pageNumber} sur {total}")
            super().showPage()
        super().save()


def attendance_sheet_pdf(*, session: ActionSession, registrations: list[Registration], centre: str) -> bytes:
    """The sheet of ``session`` for ``registrations`` (in the order given), organised by ``centre``."""
    title = session.page.title
    when_where = session_when_where(session)

    def header(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        top = A4[1] - _MARGIN
        canvas.setFont("Helvetica", 10)
        canvas.drawString(_MARGIN, top, centre)
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(_MARGIN, top - 7 * mm, "Feuille d'émargement")
        canvas.setFont("Helvetica-Bold", 11)
        canvas.drawString(_MARGIN, top - 14 * mm, title[:110])
        canvas.setFont("Helvetica", 10)
        canvas.drawString(_MARGIN, top - 20 * mm, when_where[:130])
        canvas.restoreState()

    rows: list[list[Any]] = [
        [Paragraph(text, _HEADING) for text in ("N°", "Nom et prénom", "Organisme", SIGNATURE)],
    ]
    for number, registration in enumerate(registrations, start=1):
        rows.append(
            [
                str(number),
                Paragraph(escape(registration.name), _CELL),
                Paragraph(escape(registration.organisation), _CELL),
                "",
            ]
        )
    width = A4[0] - 2 * _MARGIN
    table = Table(
        rows,
        colWidths=[12 * mm, width * 0.34, width * 0.30, None],
        rowHeights=[None] + [13 * mm] * len(registrations),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 1), (0, -1), "Helvetica"),
            ]
        )
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN + _HEADER_HEIGHT,
        bottomMargin=_MARGIN + 5 * mm,
        title=f"Feuille d'émargement — {title}",
        author=centre,
    )
    document.build([table], onFirstPage=header, onLaterPages=header, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
