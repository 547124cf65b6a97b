"""The Coverage tab's building blocks: sortable read-only tables and chart panels."""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView, QWidget

from desa_peduli.ui.branch.dashboard.charts import set_chart_font_size
from desa_peduli.ui.branch.dashboard.models import SortRole
from desa_peduli.ui.widgets import row_view


def sorted_proxy(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def sorted_table(parent: QWidget, model) -> QTableView:
    table = row_view(parent, model)
    table.setSortingEnabled(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return table


# -- chart panels -----------------------------------------------------------------------------
class ChartPanel(QStackedWidget):
    """A chart, or a sentence saying why there is none yet."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.addWidget(self.view)
        self.addWidget(self.message)

    def show_chart(self, chart) -> None:
        old = self.view.chart()
        set_chart_font_size(chart, 8)
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.setCurrentWidget(self.view)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    @property
    def showing_chart(self) -> bool:
        return self.currentWidget() is self.view
