"""What each document says, computed from the data at a date: plain dataclass trees.

The selectors (``reports.selectors``) build these; the layout (``reports.layout``) turns them into
headings, paragraphs, tables and charts that each renderer writes as PDF, DOCX or XLSX.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Centre:
    name: str
    # The logo's file, read through the storage (PNG or JPEG); empty without a logo.
    logo: bytes = b""


@dataclass(frozen=True)
class IndicatorLine:
    """An indicator at a date: « personnes formées : 730 / 2000 (au 23/03/2017), 1 586 estimées fin 2017 »."""

    name: str
    value: int | None
    value_date: datetime.date | None
    target: int | None
    projection: int | None
    projection_note: str


@dataclass(frozen=True)
class FundingLine:
    funder: str
    kind: str
    year: int | None
    amount: Decimal | None
    note: str


@dataclass(frozen=True)
class ProgressLine:
    date: datetime.date
    status: str
    text: str


@dataclass
class ActionEntry:
    pk: int
    title: str
    format: str
    status: str
    dates: list[str]
    tentative_period: str
    animators: list[str]
    partners: list[str]
    fundings: list[FundingLine]
    funding_note: str
    highlighted: bool
    cycle: str
    continues: str
    findings: str = ""
    objectives: str = ""
    planned_work: str = ""
    progress: list[ProgressLine] = field(default_factory=list)
    indicators: list[IndicatorLine] = field(default_factory=list)


@dataclass
class AxisSection:
    number: str
    title: str
    question: str
    stance: str
    actions: list[ActionEntry] = field(default_factory=list)
    sub_axes: list["AxisSection"] = field(default_factory=list)


@dataclass
class ProgrammeBooklet:
    centre: Centre
    title: str
    year: int
    at: datetime.date
    introduction: list[str]
    axes: list[AxisSection]
    other_actions: list[ActionEntry]
    cycles: list[tuple[str, list[str]]]
    publications: list[str]


@dataclass
class ProgressReview:
    centre: Centre
    title: str
    programme_title: str
    at: datetime.date
    axes: list[AxisSection]
    other_actions: list[ActionEntry]


@dataclass(frozen=True)
class Count:
    label: str
    value: int


@dataclass
class FunderSection:
    funder: str
    actions: list[tuple[str, FundingLine]]

    @property
    def total(self) -> Decimal | None:
        amounts = [line.amount for _title, line in self.actions if line.amount is not None]
        return sum(amounts, Decimal(0)) if amounts else None


@dataclass
class ActivityReport:
    centre: Centre
    start: datetime.date
    end: datetime.date
    figures: list[Count]
    participants_by_role: list[Count]
    participants_by_territory: list[Count]
    participants_by_format: list[Count]
    participants_by_axis: list[Count]
    territories_reached: list[Count]
    territory_names: dict[str, list[str]]
    publications: list[str]
    funders: list[FunderSection]

    def figure(self, label: str) -> int:
        return next(count.value for count in self.figures if count.label == label)


Document = ProgrammeBooklet | ProgressReview | ActivityReport
