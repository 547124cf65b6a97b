"""Coverage charts (QtCharts) and number formats, shared by the dashboard and the PDF report.

:func:`coverage_chart` draws one horizontal bar per region (coverage in percent of the
potential workers) with the target as a line (or a marker per region when targets
differ); :func:`trend_chart` the registrations per ISO week. Both take plain service
values, so the PDF renders exactly what the dashboard shows.
"""

from __future__ import annotations

import datetime as dt
import html
import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from desa_peduli.services.coverage import RegionCoverage
from desa_peduli.ui.i18n import current_language

translate = QCoreApplication.translate
BAR_COLOUR = QColor("#2e7d32")
BAR_BELOW_COLOUR = QColor("#ef8f00")  # below the target
TARGET_COLOUR = QColor("#c62828")
TREND_COLOUR = QColor("#1565c0")
MAX_BARS = 40  # more regions than this: the chart shows the lowest coverage first



# -- numbers ----------------------------------------------------------------------------------
def format_int(value: int | None, lang: str | None = None) -> str:
    """``49.803`` (Indonesian) or ``49,803`` (English); empty for None."""
    if value is None:
        return ""
    text = f"{value:,}"
    return text.replace(",", ".") if (lang or current_language()) != "en" else text


def format_percent(value: float | None, lang: str | None = None, digits: int = 2) -> str:
    """``50,71%`` (Indonesian) or ``50.71%`` (English); empty for None."""
    if value is None:
        return ""
    text = f"{value:.{digits}f}"
    if (lang or current_language()) != "en":
        text = text.replace(".", ",")
    return text + "%"


def format_target(value: float | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    return format_percent(value, lang, 0 if float(value).is_integer() else 1)


def short_name(name: str) -> str:
    """``"Kabupaten Batanghari"`` → ``"Batanghari"`` (a chart's axis is narrow); "Kota …" stays."""
    return name[len("Kabupaten "):] if name.startswith("Kabupaten ") else name


# -- charts -----------------------------------------------------------------------------------
def _base_chart(title: str, lang: str | None = None) -> QChart:
    chart = QChart()
    language = QLocale.Language.English if (lang or current_language()) == "en" \
        else QLocale.Language.Indonesian
    chart.setLocale(QLocale(language))
    chart.setLocalizeNumbers(True)
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def region_label(region: RegionCoverage) -> str:
    """A bar's name: the short name, and what its figures lack."""
    name = short_name(region.name)
    if region.coverage_percent is None:
        return name + " " + translate("CoverageCharts", "(no figures)")
    if not region.participants_known:
        return name + " ≥"  # as in the table; the chart's title says what it means
    return name



def chart_regions(children: list[RegionCoverage]) -> list[RegionCoverage]:
    """The regions a coverage chart shows: all (by name), or the MAX_BARS lowest."""
    if len(children) <= MAX_BARS:
        return list(children)
    with_figures = [c for c in children if c.coverage_percent is not None]
    return sorted(with_figures, key=lambda c: c.coverage_percent or 0.0)[:MAX_BARS]


def coverage_chart(children: list[RegionCoverage], title: str, *,
                   lang: str | None = None) -> QChart:
    """Coverage per region against its target (horizontal bars, first region on top)."""
    regions = chart_regions(children)
    if any(r.coverage_percent is not None and not r.participants_known for r in regions):
        # a chart's title is HTML: a second, smaller line (names escaped)
        title = html.escape(title) + "<br><small>" + html.escape(translate(
            "CoverageCharts", "≥: no participant count exists, so only the registrations "
            "through Desa Peduli count")) + "</small>"
    chart = _base_chart(title, lang)
    known = [r for r in regions if r.coverage_percent is not None]
    if not regions or not known:
        return chart
    regions = list(reversed(regions))  # a horizontal bar chart fills from the bottom
    # two sets stacked, each region's bar in exactly one: the legend's swatches are the
    # bars' own colours (one set with "selected" bars had a green swatch called orange)
    reached = QBarSet(translate("CoverageCharts", "Coverage: target reached"))
    reached.setColor(BAR_COLOUR)
    below = QBarSet(translate("CoverageCharts", "Coverage: below target"))
    below.setColor(BAR_BELOW_COLOUR)
    labels = []
    for region in regions:
        value = region.coverage_percent
        is_below = (value is not None and region.target_percent is not None
                    and value < region.target_percent)
        reached.append(0.0 if is_below else (value or 0.0))
        below.append(value if is_below and value is not None else 0.0)
        labels.append(region_label(region))
    series = QHorizontalStackedBarSeries()
    for bar_set in (reached, below):
        if any(bar_set.at(i) for i in range(bar_set.count())):
            series.append(bar_set)
    if not series.count():
        series.append(reached)
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPrecision(4)
    series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideEnd)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(labels)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    top = max([r.coverage_percent or 0 for r in regions]
              + [r.target_percent or 0 for r in regions] + [10.0])
    axis_x = QValueAxis()
    step = 10 if top <= 50 else 20
    axis_x.setRange(0, step * math.ceil(top * 1.04 / step))
    axis_x.setTickCount(int(axis_x.max() // step) + 1)
    axis_x.setLabelFormat("%.0f%")  # localised numbers: "%%" would show twice
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    _add_targets(chart, regions, axis_x, lang)
    return chart


def _add_targets(chart: QChart, regions: list[RegionCoverage], axis_x: QValueAxis,
                 lang: str | None) -> None:
    targets = [r.target_percent for r in regions]
    if all(t is None for t in targets):
        return
    axis_index = QValueAxis()
    axis_index.setRange(-0.5, len(regions) - 0.5)
    axis_index.setVisible(False)
    chart.addAxis(axis_index, Qt.AlignmentFlag.AlignRight)
    same = len(set(targets)) == 1
    pen = QPen(TARGET_COLOUR)
    pen.setWidthF(2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    common = targets[0]
    if same and common is not None:  # all equal, and not all None (returned above)
        line = QLineSeries()
        line.setName(translate("CoverageCharts", "Target {percent}").format(
            percent=format_target(common, lang)))
        line.append(QPointF(common, -0.5))
        line.append(QPointF(common, len(regions) - 0.5))
        line.setPen(pen)
        series: QXYSeries = line
    else:
        scatter = QScatterSeries()
        scatter.setName(translate("CoverageCharts", "Target"))
        scatter.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        scatter.setMarkerSize(9)
        scatter.setColor(TARGET_COLOUR)
        scatter.setBorderColor(TARGET_COLOUR)
        for index, target in enumerate(targets):
            if target is not None:
                scatter.append(QPointF(target, index))
        series = scatter
    chart.addSeries(series)
    series.attachAxis(axis_x)
    series.attachAxis(axis_index)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def trend_chart(weeks: list[tuple[dt.date, int]], title: str, *, last: int = 26,
                lang: str | None = None) -> QChart:
    """Registrations per ISO week (the last ``last`` weeks with data), as a line."""
    chart = _base_chart(title, lang)
    weeks = weeks[-last:]
    if not weeks:
        return chart
    series = QLineSeries()
    series.setName(translate("CoverageCharts", "Registrations per week"))
    series.setPointsVisible(True)
    pen = QPen(TREND_COLOUR)
    pen.setWidthF(2.5)
    series.setPen(pen)
    for monday, n in weeks:
        moment = QDateTime(_qdate(monday), QTime(0, 0))
        series.append(float(moment.toMSecsSinceEpoch()), float(n))
    chart.addSeries(series)
    axis_x = QDateTimeAxis()
    axis_x.setFormat("dd/MM")
    axis_x.setTickCount(min(len(weeks), 9) if len(weeks) > 1 else 2)
    first = QDateTime(_qdate(weeks[0][0]), QTime(0, 0))
    last_day = QDateTime(_qdate(weeks[-1][0]), QTime(0, 0))
    if len(weeks) == 1:
        first, last_day = first.addDays(-7), last_day.addDays(7)
    axis_x.setRange(first, last_day)
    axis_x.setTitleText(translate("CoverageCharts", "Week starting"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    top = max(n for _, n in weeks)
    axis_y.setRange(0, max(5, top * 1.1))
    axis_y.setLabelFormat("%.0f")
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().setVisible(False)
    return chart


def set_chart_font_size(chart: QChart, point_size: float) -> None:
    """Smaller axis and label fonts (the PDF page and a 1366×768 screen are small)."""
    for axis in chart.axes():
        font = QFont(axis.labelsFont())
        font.setPointSizeF(point_size)
        axis.setLabelsFont(font)
        title = QFont(axis.titleFont())
        title.setPointSizeF(point_size)
        axis.setTitleFont(title)
    legend = QFont(chart.legend().font())
    legend.setPointSizeF(point_size)
    chart.legend().setFont(legend)
    for series in chart.series():
        if isinstance(series, QHorizontalBarSeries | QHorizontalStackedBarSeries):
            for bar in series.barSets():
                font = QFont(bar.labelFont())
                font.setPointSizeF(point_size)
                bar.setLabelFont(font)


RENDER_HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
