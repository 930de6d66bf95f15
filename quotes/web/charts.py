"""Small inline SVG charts, laid out here and drawn by the templates (no script, no library)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

CHART_WIDTH: Final = 640
CHART_HEIGHT: Final = 120
LABEL_SPACE: Final = 16
"""Pixels under the bars for the year labels."""
WIDEST_BAR: Final = 40
"""A few months are narrow bars on the left, not a few slabs across the page."""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    """(x, label) of the first month of each year shown."""
    peak: int


def month_bars(months: Sequence[tuple[str, int]]) -> BarChart | None:
    """Quotations per month ('2022-09', n) as bars on one row, years marked under them."""
    if not months:
        return None
    peak = max(n for _, n in months) or 1
    step = min(CHART_WIDTH / len(months), WIDEST_BAR)
    room = CHART_HEIGHT - LABEL_SPACE
    bars, ticks = [], []
    for i, (month, n) in enumerate(months):
        height = room * n / peak
        bars.append(Bar(round(i * step, 2), round(room - height, 2),
                        round(max(step - 1, 1), 2), round(height, 2), month, n))  # fmt: skip
        if i == 0 or month.endswith("-01"):
            ticks.append((round(i * step, 2), month[:4] if i else month))
    return BarChart(CHART_WIDTH, CHART_HEIGHT, tuple(bars), tuple(ticks), peak)
