"""Bars of the admin page: widths as percentages of the largest figure, the figure always printed."""

from dataclasses import dataclass

from reports.documents import Count


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    percent: float


def bars(counts: list[Count]) -> list[Bar]:
    largest = max((count.value for count in counts), default=0)
    return [
        Bar(label=count.label, value=count.value, percent=round(100 * count.value / largest, 1) if largest else 0.0)
        for count in counts
    ]
