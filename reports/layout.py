"""Each document as a sequence of headings, paragraphs, lists, tables and charts, and its sheets.

The three renderers read this one layout, so that the PDF, the DOCX and the XLSX say the same thing
in the same order; French typography is applied here, once.
"""

import datetime
from dataclasses import dataclass, field

from reports.documents import (
    ActionEntry,
    ActivityReport,
    AxisSection,
    Centre,
    Count,
    Document,
    FundingLine,
    IndicatorLine,
    ProgrammeBooklet,
    ProgressReview,
)
from reports.typography import french, number


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    # Relative column widths; None: equal.
    widths: list[float] | None = None


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Count]


Block = Heading | Paragraph | Bullets | Table | Chart


@dataclass(frozen=True)
class Sheet:
    """A table of figures for the spreadsheet: numbers stay numbers."""

    name: str
    header: list[str]
    rows: list[list[str | int | float | None]]


@dataclass
class Layout:
    kind: str
    title: str
    subtitle: str
    centre: Centre
    blocks: list[Block] = field(default_factory=list)
    sheets: list[Sheet] = field(default_factory=list)
    toc: bool = True
    landscape: bool = False

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def indicator_text(line: IndicatorLine) -> str:
    """« personnes formées : 730 / 2 000 au 23/03/2017 ; projection : 1 586 estimées fin 2017 »."""
    reached = number(line.value) if line.value is not None else "—"
    text = f"{line.name} : {reached}"
    if line.target is not None:
        text += f" / {number(line.target)}"
    if line.value_date is not None:
        text += f" au {_date(line.value_date)}"
    if line.projection is not None:
        text += f" ; projection : {number(line.projection)}"
        if line.projection_note:
            text += f" {line.projection_note}"
    return french(text)


def funding_text(line: FundingLine) -> str:
    text = f"{line.funder} — {line.kind.lower()}"
    if line.year:
        text += f" {line.year}"
    if line.amount is not None:
        text += f", {number(float(line.amount))} €"
    if line.note:
        text += f" ({line.note})"
    return french(text)


def _action_facts(entry: ActionEntry) -> list[str]:
    facts = [f"Format : {entry.format}"]
    if entry.highlighted:
        facts.append("Action phare de l'année")
    if entry.cycle:
        facts.append(f"Cycle : {entry.cycle}")
    if entry.dates:
        facts.append("Dates : " + " ; ".join(entry.dates))
    elif entry.tentative_period:
        facts.append(f"Période envisagée : {entry.tentative_period}")
    if entry.animators:
        facts.append("Animation et intervention : " + ", ".join(entry.animators))
    if entry.partners:
        facts.append("Partenaires : " + ", ".join(entry.partners))
    if entry.fundings:
        facts.append("Financement : " + " ; ".join(funding_text(line) for line in entry.fundings))
    elif entry.funding_note:
        facts.append(entry.funding_note)
    if entry.continues:
        facts.append(f"Suite de : {entry.continues}")
    return [french(fact) for fact in facts]


def _booklet_axis(layout: Layout, axis: AxisSection, level: int) -> None:
    layout.add(Heading(level, _axis_heading(axis, level)))
    if axis.question:
        layout.add(Paragraph(french(f"Problématique : {axis.question}")))
    if axis.stance:
        layout.add(Paragraph(french(f"Positionnement du centre : {axis.stance}")))
    for entry in axis.actions:
        layout.add(Heading(level + 1, french(entry.title)), Bullets(_action_facts(entry)))
    for sub in axis.sub_axes:
        _booklet_axis(layout, sub, level + 1)


def _all_axes(axes: list[AxisSection]) -> list[AxisSection]:
    return [section for axis in axes for section in (axis, *axis.sub_axes)]


def booklet_layout(document: ProgrammeBooklet) -> Layout:
    layout = Layout(
        kind="programme", title=french(document.title), subtitle=french(document.centre.name), centre=document.centre
    )
    if document.introduction:
        layout.add(Heading(1, "Introduction"), *(Paragraph(french(text)) for text in document.introduction))
    for axis in document.axes:
        _booklet_axis(layout, axis, 1)
    if document.other_actions:
        layout.add(Heading(1, "Autres activités"))
        for entry in document.other_actions:
            layout.add(Heading(2, french(entry.title)), Bullets(_action_facts(entry)))
    if any(titles for _cycle, titles in document.cycles):
        layout.add(Heading(1, "Cycles"))
        for cycle, titles in document.cycles:
            layout.add(Paragraph(french(cycle), style="strong"), Bullets([french(title) for title in titles]))
    layout.add(Heading(1, "Publications"))
    layout.add(Bullets(document.publications) if document.publications else Paragraph("Aucune publication parue."))
    rows: list[list[str | int | float | None]] = []
    for axis in _all_axes(document.axes):
        for entry in axis.actions:
            rows.append(_action_row(f"{axis.number}. {axis.title}", entry))
    rows.extend(_action_row("", entry) for entry in document.other_actions)
    layout.sheets.append(
        Sheet(
            name="Actions",
            header=["Axe", "Action", "Format", "Dates ou période", "Animation", "Partenaires", "Financement", "Phare"],
            rows=rows,
        )
    )
    return layout


def _action_row(axis: str, entry: ActionEntry) -> list[str | int | float | None]:
    return [
        axis,
        entry.title,
        entry.format,
        " ; ".join(entry.dates) or entry.tentative_period,
        ", ".join(entry.animators),
        ", ".join(entry.partners),
        " ; ".join(funding_text(line) for line in entry.fundings) or entry.funding_note,
        "oui" if entry.highlighted else "",
    ]


def _axis_heading(axis: AxisSection, level: int) -> str:
    if not axis.number:
        return french(axis.title)
    return french(f"{'Axe' if level == 1 else 'Sous-axe'} {axis.number}. {axis.title}")


def _review_axis(layout: Layout, axis: AxisSection, at: datetime.date, level: int) -> None:
    layout.add(Heading(level, _axis_heading(axis, level)))
    for entry in axis.actions:
        title = entry.title + (" (action phare)" if entry.highlighted else "")
        layout.add(Heading(level + 1, french(title)))
        layout.add(Paragraph(french(f"État au {_date(at)} : {entry.status.lower()}"), style="meta"))
        progress = "\n".join(f"{_date(line.date)} : {line.text}" for line in entry.progress)
        layout.add(
            Table(
                header=[
                    "Constats / contexte",
                    "Prospective / objectifs",
                    "Actions à mettre en œuvre",
                    f"Point d'avancement au {_date(at)}",
                ],
                rows=[[french(entry.findings), french(entry.objectives), french(entry.planned_work), french(progress)]],
            )
        )
        if entry.indicators:
            layout.add(Bullets([indicator_text(line) for line in entry.indicators]))
        funding = [funding_text(line) for line in entry.fundings] or (
            [entry.funding_note] if entry.funding_note else []
        )
        if funding:
            layout.add(Paragraph(french("Financement : " + " ; ".join(funding)), style="meta"))
    for sub in axis.sub_axes:
        _review_axis(layout, sub, at, level + 1)


def review_layout(document: ProgressReview) -> Layout:
    layout = Layout(
        kind="progress",
        title=french(document.title),
        subtitle=french(f"{document.programme_title} — {document.centre.name}"),
        centre=document.centre,
        landscape=True,
    )
    for axis in document.axes:
        _review_axis(layout, axis, document.at, 1)
    if document.other_actions:
        _review_axis(
            layout,
            AxisSection(number="", title="Autres actions", question="", stance="", actions=document.other_actions),
            document.at,
            1,
        )
    rows: list[list[str | int | float | None]] = []
    pairs = [(f"{axis.number}. {axis.title}", entry) for axis in _all_axes(document.axes) for entry in axis.actions]
    pairs += [("", entry) for entry in document.other_actions]
    for axis_label, entry in pairs:
        lines: list[IndicatorLine | None] = [*entry.indicators] or [None]
        for line in lines:
            rows.append(
                [
                    axis_label,
                    entry.title,
                    entry.status,
                    line.name if line else "",
                    line.value if line else None,
                    line.value_date.isoformat() if line and line.value_date else "",
                    line.target if line else None,
                    line.projection if line else None,
                ]
            )
    layout.sheets.append(
        Sheet(
            name="Avancement",
            header=["Axe", "Action", "État", "Indicateur", "Valeur", "Au", "Objectif", "Projection"],
            rows=rows,
        )
    )
    return layout


def _counts_table(title: str, counts: list[Count]) -> Table:
    return Table(header=[title, "Nombre"], rows=[[french(c.label), number(c.value)] for c in counts], widths=[3, 1])


def activity_layout(document: ActivityReport) -> Layout:
    period = f"du {_date(document.start)} au {_date(document.end)}"
    layout = Layout(
        kind="activity",
        title=french(f"Rapport d'activité {period}"),
        subtitle=french(document.centre.name),
        centre=document.centre,
    )
    layout.add(Heading(1, "Chiffres clés"), _counts_table("Indicateur", document.figures))
    layout.add(Heading(1, "Participant·e·s"))
    for title, counts in [
        ("Par public", document.participants_by_role),
        ("Par territoire", document.participants_by_territory),
        ("Par format", document.participants_by_format),
        ("Par axe", document.participants_by_axis),
    ]:
        layout.add(Heading(2, title))
        layout.add(
            Chart(french(f"Participant·e·s {title.lower()}"), counts) if counts else Paragraph("Aucun·e participant·e.")
        )
    layout.add(Heading(1, "Territoires touchés"))
    if document.territories_reached:
        layout.add(Chart("Territoires touchés par niveau", document.territories_reached))
        layout.add(
            Bullets([french(f"{kind} : {', '.join(names)}") for kind, names in document.territory_names.items()])
        )
    else:
        layout.add(Paragraph("Aucun territoire renseigné."))
    layout.add(Heading(1, "Publications parues"))
    layout.add(Bullets(document.publications) if document.publications else Paragraph("Aucune publication parue."))
    layout.add(Heading(1, "Ce que chaque financeur a permis"))
    if not document.funders:
        layout.add(Paragraph("Aucun financement renseigné sur la période."))
    for section in document.funders:
        layout.add(Heading(2, french(section.funder)))
        layout.add(
            Table(
                header=["Action", "Nature", "Année", "Montant"],
                rows=[
                    [
                        french(title),
                        line.kind,
                        str(line.year or ""),
                        f"{number(float(line.amount))} €" if line.amount is not None else "",
                    ]
                    for title, line in section.actions
                ],
                widths=[4, 1.5, 1, 1.2],
            )
        )
    layout.sheets.append(
        Sheet("Chiffres clés", ["Indicateur", "Nombre"], [[c.label, c.value] for c in document.figures])
    )
    for name, counts in [
        ("Par public", document.participants_by_role),
        ("Par territoire", document.participants_by_territory),
        ("Par format", document.participants_by_format),
        ("Par axe", document.participants_by_axis),
        ("Territoires touchés", document.territories_reached),
    ]:
        layout.sheets.append(Sheet(name, ["Libellé", "Nombre"], [[c.label, c.value] for c in counts]))
    layout.sheets.append(
        Sheet(
            "Financeurs",
            ["Financeur", "Action", "Nature", "Année", "Montant (€)", "Précision"],
            [
                [
                    section.funder,
                    title,
                    line.kind,
                    line.year,
                    float(line.amount) if line.amount is not None else None,
                    line.note,
                ]
                for section in document.funders
                for title, line in section.actions
            ],
        )
    )
    return layout


def layout_of(document: Document) -> Layout:
    if isinstance(document, ProgrammeBooklet):
        return booklet_layout(document)
    if isinstance(document, ProgressReview):
        return review_layout(document)
    return activity_layout(document)
