"""The PDF of a layout, with reportlab (pure Python: nothing to install beyond PyPI).

A4, the centre's name (and logo, when it has one) on the cover, « page N » and the centre in every
footer, a table of contents built in a second pass, charts as reportlab graphics whose bars carry
their figure (readable without colour). Helvetica's encoding has no narrow no-break space: it is
printed as a no-break space, which keeps the line from breaking all the same.
"""

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from reports import layout as blocks
from reports.typography import NBSP, NNBSP

_STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=_STYLES["BodyText"], fontName="Helvetica", fontSize=10, leading=13)
META = ParagraphStyle("meta", parent=BODY, textColor=colors.HexColor("#444444"), fontSize=9)
STRONG = ParagraphStyle("strong", parent=BODY, fontName="Helvetica-Bold")
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=11)
TITLE = ParagraphStyle("title", parent=_STYLES["Title"], fontName="Helvetica-Bold", fontSize=22, leading=27)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=13, leading=17, alignment=1)
HEADINGS = {
    1: ParagraphStyle("h1", parent=_STYLES["Heading1"], fontName="Helvetica-Bold", fontSize=15, leading=19),
    2: ParagraphStyle("h2", parent=_STYLES["Heading2"], fontName="Helvetica-Bold", fontSize=12, leading=15),
    3: ParagraphStyle("h3", parent=_STYLES["Heading3"], fontName="Helvetica-Bold", fontSize=10.5, leading=13),
    4: ParagraphStyle("h4", parent=_STYLES["Heading4"], fontName="Helvetica-BoldOblique", fontSize=10, leading=13),
}
TOC_LEVELS = 2
PARAGRAPH_STYLES = {"body": BODY, "meta": META, "strong": STRONG}


def _markup(text: str) -> str:
    """Escaped for reportlab's mini-markup, line breaks kept, narrow no-break spaces printable."""
    return escape(text.replace(NNBSP, NBSP)).replace("\n", "<br/>")


class _Document(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, layout: blocks.Layout) -> None:
        size = landscape(A4) if layout.landscape else A4
        super().__init__(
            buffer,
            pagesize=size,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=2 * cm,
            bottomMargin=2 * cm,
            title=layout.title,
            author=layout.centre.name,
            lang="fr-FR",
        )
        self.layout = layout
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._footer)])

    def _footer(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        footer = f"{self.layout.centre.name} — {self.layout.title}".replace(NNBSP, NBSP)
        canvas.drawString(self.leftMargin, 1.2 * cm, footer[:120])
        canvas.drawRightString(self.pagesize[0] - self.rightMargin, 1.2 * cm, f"page {doc.page}")
        canvas.restoreState()

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802  reportlab's hook name
        level = getattr(flowable, "toc_level", None)
        if level is not None and level <= TOC_LEVELS:
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.notify("TOCEntry", (level - 1, flowable.getPlainText(), self.page, key))


def _heading(block: blocks.Heading) -> Paragraph:
    paragraph = Paragraph(_markup(block.text), HEADINGS[min(block.level, 4)])
    paragraph.toc_level = block.level
    return paragraph


def _chart(block: blocks.Chart, width: float) -> Drawing:
    bars = block.bars[:20]
    row = 18
    height = row * len(bars) + 40
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, block.title.replace(NNBSP, NBSP), fontName="Helvetica-Bold", fontSize=10))
    chart = HorizontalBarChart()
    chart.x = width * 0.38
    chart.y = 10
    chart.width = width * 0.5
    chart.height = row * len(bars)
    # Bottom to top in reportlab: reversed, so that the largest comes first as in the tables.
    chart.data = [[bar.value for bar in reversed(bars)]]
    chart.categoryAxis.categoryNames = [bar.label[:45].replace(NNBSP, NBSP) for bar in reversed(bars)]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = colors.HexColor("#1f4e79")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 8
    chart.barLabels.boxAnchor = "w"
    drawing.add(chart)
    return drawing


def _table(block: blocks.Table, width: float) -> Table:
    weights = block.widths or [1.0] * len(block.header)
    total = sum(weights)
    header = [Paragraph(_markup(text), STRONG) for text in block.header]
    rows = [[Paragraph(_markup(str(cell)), CELL) for cell in row] for row in block.rows]
    table = Table([header, *rows], colWidths=[width * w / total for w in weights], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _flowables(layout: blocks.Layout, width: float) -> list[Any]:
    story: list[Any] = []
    if layout.centre.logo:
        story.append(Image(io.BytesIO(layout.centre.logo), width=4 * cm, height=4 * cm, kind="proportional"))
    story += [Spacer(1, 3 * cm), Paragraph(_markup(layout.title), TITLE), Paragraph(_markup(layout.subtitle), SUBTITLE)]
    if layout.toc:
        toc = TableOfContents()
        toc.levelStyles = [
            ParagraphStyle("toc1", parent=BODY, fontName="Helvetica-Bold", leftIndent=0),
            ParagraphStyle("toc2", parent=BODY, leftIndent=14, fontSize=9),
        ]
        story += [PageBreak(), Paragraph("Sommaire", HEADINGS[1]), toc]
    story.append(PageBreak())
    for block in layout.blocks:
        if isinstance(block, blocks.Heading):
            story.append(_heading(block))
        elif isinstance(block, blocks.Paragraph):
            story.append(Paragraph(_markup(block.text), PARAGRAPH_STYLES.get(block.style, BODY)))
        elif isinstance(block, blocks.Bullets):
            items = [ListItem(Paragraph(_markup(item), BODY), leftIndent=12) for item in block.items]
            story.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=12))
        elif isinstance(block, blocks.Table):
            story += [_table(block, width), Spacer(1, 6)]
        elif isinstance(block, blocks.Chart):
            story.append(KeepTogether([_chart(block, width), Spacer(1, 8)]))
    return story


def render(layout: blocks.Layout) -> bytes:
    buffer = io.BytesIO()
    document = _Document(buffer, layout)
    document.multiBuild(_flowables(layout, document.width))
    return buffer.getvalue()
