"""The coverage chart's legend names the colours its bars have, and every bar says what
its figures lack."""

from __future__ import annotations

from PySide6.QtCharts import QHorizontalStackedBarSeries

from desa_peduli.services.coverage import RegionCoverage
from desa_peduli.ui.branch.dashboard.charts import (
    BAR_BELOW_COLOUR,
    BAR_COLOUR,
    coverage_chart,
    region_label,
)


def regions() -> list[RegionCoverage]:
    """Batanghari 50.71 % (below 55 %), Merangin 70 % (above), Kerinci without a
    participant count, one without any figure."""
    return [
        RegionCoverage("15.04", "Kabupaten Batanghari", "regency", {}, 98_206, 49_803, 55.0),
        RegionCoverage("15.02", "Kabupaten Merangin", "regency", {}, 100, 70, 55.0),
        RegionCoverage("15.01", "Kabupaten Kerinci", "regency", {"registered": 3}, 130_965,
                       None, 55.0),
        RegionCoverage("15.03", "Kabupaten Sarolangun", "regency", {}, None, None, 55.0),
    ]


def test_the_legend_swatches_are_the_bars_colours(qtbot):
    chart = coverage_chart(regions(), "Coverage")
    [series] = [s for s in chart.series() if isinstance(s, QHorizontalStackedBarSeries)]
    sets = {bar_set.label(): bar_set for bar_set in series.barSets()}
    assert sets["Coverage: target reached"].color() == BAR_COLOUR
    assert sets["Coverage: below target"].color() == BAR_BELOW_COLOUR
    for marker in chart.legend().markers(series):  # what the legend draws
        expected = BAR_BELOW_COLOUR if "below" in marker.label() else BAR_COLOUR
        assert marker.brush().color() == expected, marker.label()
    # each region's bar in exactly one set (bars fill from the bottom: reversed order)
    below, reached = sets["Coverage: below target"], sets["Coverage: target reached"]
    assert round(below.at(3), 2) == 50.71 and reached.at(3) == 0  # Batanghari
    assert reached.at(2) == 70 and below.at(2) == 0  # Merangin


def test_a_bar_without_a_participant_count_says_so(qtbot):
    batanghari, _merangin, kerinci, sarolangun = regions()
    assert region_label(batanghari) == "Batanghari"
    assert region_label(kerinci) == "Kerinci ≥"
    title = coverage_chart(regions(), "Coverage").title()
    assert "≥: no participant count exists" in title
    assert region_label(sarolangun) == "Sarolangun (no figures)"
