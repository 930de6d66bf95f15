"""quotes.web.charts: the bars of the speaker page's chart."""

from __future__ import annotations

from quotes.web.charts import Bar, month_bars


def test_bars_scale_to_the_busiest_month_and_years_are_marked() -> None:
    chart = month_bars([("2022-11", 2), ("2022-12", 0), ("2023-01", 4), ("2023-02", 1)])
    assert chart is not None
    assert chart.bars[0] == Bar(0.0, 52.0, 39.0, 52.0, "2022-11", 2)
    assert [(b.y, b.height) for b in chart.bars] == [(52.0, 52.0), (104.0, 0.0), (0.0, 104.0),
                                                     (78.0, 26.0)]  # fmt: skip
    assert chart.ticks == ((0.0, "2022-11"), (80.0, "2023"))
    assert chart.peak == 4
    assert month_bars([]) is None
