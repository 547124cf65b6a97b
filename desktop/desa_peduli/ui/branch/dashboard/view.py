"""The branch window's Coverage tab: coverage per region against potential workers and the
target, drill-down kabupaten/kota → kecamatan → desa, weekly trend, occupations and
funding, volunteer activity, the figures editor and the coverage report.

The counts are computed by ``services.coverage`` on a worker thread with its own
connection (``ui/jobs.py``): about 40 ms for a million registrations, more on an
old laptop, so the window never waits for it. The tab recomputes whenever it is shown,
after a change of region or figures, and on Refresh (F5). Its tables and chart panels
are built from ``widgets.py``.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.coverage import (
    CHILD_LEVEL,
    CODE_LENGTH,
    CoverageService,
    Dashboard,
    RegionCoverage,
    VolunteerActivity,
)
from desa_peduli.services.coverage_report import format_from, standard_name
from desa_peduli.ui import labels
from desa_peduli.ui.branch.dashboard.charts import (
    coverage_chart,
    format_int,
    format_percent,
    format_target,
    trend_chart,
)
from desa_peduli.ui.branch.dashboard.models import (
    CodeRole,
    CoverageTableModel,
    VolunteerActivityTableModel,
    funding_label,
    level_name,
)
from desa_peduli.ui.branch.dashboard.report import ReportSave
from desa_peduli.ui.branch.dashboard.targets import CoverageTargetDialog
from desa_peduli.ui.branch.dashboard.widgets import ChartPanel, sorted_proxy, sorted_table
from desa_peduli.ui.jobs import run_job
from desa_peduli.ui.messages import message_box

log = logging.getLogger(__name__)

VOLUNTEER_WEEKS = 8


# -- the view ---------------------------------------------------------------------------------
class DashboardView(QWidget):
    """The Coverage tab of :class:`BranchMainWindow` (constructed as ``DashboardView(window)``)."""

    updated = Signal()  # new figures are shown
    failed = Signal(object)  # a recompute failed (the exception)
    report_saved = Signal(object)  # Path of the report written

    def __init__(self, window):
        super().__init__(window.tabs)
        self.main = window
        self.session = window.session
        self.coverage = CoverageService(self.session)
        self.scope: str = self.coverage.tree.root.code
        self.dashboard: Dashboard | None = None
        self.volunteers: list[VolunteerActivity] = []
        self.dialog: QWidget | None = None
        self.run = None  # the recompute running, if any
        self._pending = False
        self._select_after: str | None = None
        self.report_run: ReportSave | None = None
        self._splitter_sized = False
        try:
            self.coverage.ensure_seeded()
        except Exception:  # the dashboard works without the seed figures
            log.exception("seeding the coverage figures failed")
        self._build()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ &Back"), self)
        self.back_button.setToolTip(self.tr("Up one level (Alt+Left)"))
        self.breadcrumb = QLabel(self)
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Count again (F5)"))
        self.edit_button = QPushButton(self.tr("&Edit figures…"), self)
        self.edit_button.setToolTip(self.tr(
            "Potential workers, active participants and target of the selected region"))
        self.import_button = QPushButton(self.tr("I&mport figures…"), self)
        self.import_button.setToolTip(self.tr(
            "Potential workers and targets from a CSV or Excel file (columns region_code or "
            "area, potential_workers, target_percent, active_participants, source)"))
        self.report_button = QPushButton(self.tr("&Save report…"), self)
        self.report_button.setToolTip(self.tr(
            "The coverage report as PDF (for the branch head), Excel or CSV (Ctrl+P)"))
        top.addWidget(self.back_button)
        top.addWidget(self.breadcrumb, 1)
        for button in (self.refresh_button, self.edit_button, self.import_button,
                       self.report_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        self.back_button.setAutoDefault(False)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        layout.addWidget(self.pages, 1)

        # regions: the table beside the charts
        regions_page = QWidget(self.pages)
        regions_layout = QVBoxLayout(regions_page)
        regions_layout.setContentsMargins(0, 4, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, regions_page)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(left)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 4px;")
        self.empty_label.hide()
        left_layout.addWidget(self.empty_label)
        self.model = CoverageTableModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.table = sorted_table(left, self.proxy)
        self.table.sortByColumn(CoverageTableModel.COLUMN_NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CoverageTableModel.COLUMN_NAME, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column in range(1, CoverageTableModel.COLUMN_COUNT):
            text = self.model.headerData(column, Qt.Orientation.Horizontal)
            widest = max([metrics.horizontalAdvance(line) for line in text.split("\n")]
                         + [metrics.horizontalAdvance("0.000.000")])
            header.resizeSection(column, widest + 22)  # room for the sort indicator
        for column in CoverageTableModel.HIDDEN_BY_DEFAULT:
            self.table.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        header.setToolTip(self.tr("Right-click to show or hide columns"))
        left_layout.addWidget(self.table, 1)
        self.drill_hint = QLabel(left)
        self.drill_hint.setStyleSheet("color: palette(placeholder-text);")
        left_layout.addWidget(self.drill_hint)
        self.charts = QTabWidget(self.splitter)
        self.coverage_panel = ChartPanel(self.charts)
        self.trend_panel = ChartPanel(self.charts)
        self.breakdown = QWidget(self.charts)
        breakdown_layout = QHBoxLayout(self.breakdown)
        self.occupation_table = self._small_table([self.tr("Occupation"),
                                                   self.tr("Registrations"), self.tr("Share")])
        # participants split by funder (the registration's funding source)
        self.funding_table = self._small_table([self.tr("Funder"), self.tr("Participants"),
                                                self.tr("Registrations")])
        participants_header = self.funding_table.horizontalHeaderItem(1)
        assert participants_header is not None  # set by _small_table
        participants_header.setToolTip(self.tr(
            "Registered by BPJS Ketenagakerjaan (a KPJ number is recorded)"))
        breakdown_layout.addWidget(self.occupation_table, 1)
        breakdown_layout.addWidget(self.funding_table, 1)
        self.charts.addTab(self.coverage_panel, self.tr("Against target"))
        self.charts.addTab(self.trend_panel, self.tr("Per week"))
        self.charts.addTab(self.breakdown, self.tr("Occupation and funder"))
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.charts)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        regions_layout.addWidget(self.splitter)
        self.pages.addTab(regions_page, self.tr("Regions"))

        # volunteers
        volunteers_page = QWidget(self.pages)
        volunteers_layout = QVBoxLayout(volunteers_page)
        volunteers_layout.setContentsMargins(0, 4, 0, 0)
        self.volunteer_summary = QLabel(volunteers_page)
        self.volunteer_summary.setWordWrap(True)
        volunteers_layout.addWidget(self.volunteer_summary)
        self.volunteer_model = VolunteerActivityTableModel(self)
        self.volunteer_proxy = sorted_proxy(self.volunteer_model, self)
        self.volunteer_table = sorted_table(volunteers_page, self.volunteer_proxy)
        self.volunteer_table.horizontalHeader().setStretchLastSection(True)
        volunteers_layout.addWidget(self.volunteer_table, 1)
        self.pages.addTab(volunteers_page, self.tr("Volunteers"))

        self.back_button.clicked.connect(self.go_up)
        self.breadcrumb.linkActivated.connect(self.show_region)
        self.refresh_button.clicked.connect(self.refresh)
        self.edit_button.clicked.connect(self.edit_figures)
        self.import_button.clicked.connect(self.import_figures)
        self.report_button.clicked.connect(self.save_report)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        for sequence, slot in ((QKeySequence("Alt+Left"), self.go_up),
                               (QKeySequence(Qt.Key.Key_Backspace), self.go_up),
                               (QKeySequence("F5"), self.refresh),
                               (QKeySequence("Ctrl+P"), self.save_report)):
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.summary.setText(self.tr("Counting…"))

    def _small_table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self.breakdown)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _on_header_context_menu(self, pos) -> None:
        menu = QMenu(self)
        for column in range(1, CoverageTableModel.COLUMN_COUNT):
            title = self.model.headerData(column, Qt.Orientation.Horizontal).replace("-\n", "")
            action = menu.addAction(title.replace("\n", " "))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    # -- recomputing ----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitter_sized:
            self._splitter_sized = True
            width = max(self.splitter.width(), self.width(), 600)
            self.splitter.setSizes([int(width * 0.55), int(width * 0.45)])
        self.refresh()

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def refresh(self) -> None:
        """Count again for the current scope (on a worker thread; ``updated`` when shown)."""
        if self.running:
            self._pending = True
            return
        self._pending = False
        scope = self.scope
        weeks = VOLUNTEER_WEEKS

        def work(session):
            service = CoverageService(session)
            return service.dashboard(scope), service.volunteer_activity(weeks=weeks)

        self.run = run_job(lambda s, _p: work(s), owner=self, session=self.session,
                           on_success=self._on_run_succeeded, on_failure=self._on_run_failed)

    def _on_run_succeeded(self, result) -> None:
        dashboard, volunteers = result
        if self._pending or dashboard.scope.code != self.scope:
            self.refresh()
            if dashboard.scope.code != self.scope:
                return
        self.show_dashboard(dashboard, volunteers)

    def _on_run_failed(self, exc) -> None:
        self.summary.setText(labels.error_message(exc))
        self.failed.emit(exc)
        if self._pending:
            self.refresh()

    def show_region(self, code: str) -> None:
        """Drill to ``code`` (a kabupaten/kota or kecamatan; the province for the top)."""
        region = self.coverage.region(code)
        if region is None or region.level not in CHILD_LEVEL:
            return
        previous = self.scope
        if code != previous and previous.startswith(code + "."):
            # going up: the region we came from stays selected
            self._select_after = previous[:CODE_LENGTH[CHILD_LEVEL[region.level]]]
        else:
            self._select_after = None
        self.scope = code
        self.refresh()

    def go_up(self) -> None:
        if self.dashboard is None or len(self.dashboard.path) < 2:
            return
        self.show_region(self.dashboard.path[-2].code)

    def _on_table_activated(self, index) -> None:
        code = index.data(CodeRole)
        region = self.coverage.region(code) if code else None
        if region is None:
            return
        if region.level in CHILD_LEVEL:
            self.show_region(code)
        else:
            self.main.statusBar().showMessage(self.tr(
                "{region} is a desa/kelurahan: the lowest level.").format(region=region.name), 5000)

    # -- showing ------------------------------------------------------------------------
    def show_dashboard(self, dashboard: Dashboard, volunteers: list[VolunteerActivity]) -> None:
        selected = self._select_after or self.current_code()
        self._select_after = None
        self.dashboard = dashboard
        self.volunteers = volunteers
        self.model.set_rows(dashboard.children)
        self._show_breadcrumb(dashboard)
        self._show_summary(dashboard)
        self._show_charts(dashboard)
        self._show_breakdowns(dashboard)
        self._show_volunteers(volunteers)
        if selected:
            self.select_code(selected)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()
        self.updated.emit()

    def _show_breadcrumb(self, dashboard: Dashboard) -> None:
        parts = []
        for index, region in enumerate(dashboard.path):
            name = region.name.replace("&", "&amp;").replace("<", "&lt;")
            if index == len(dashboard.path) - 1:
                parts.append(f"<b>{name}</b>")
            else:
                parts.append(f'<a href="{region.code}">{name}</a>')
        self.breadcrumb.setText(" › ".join(parts))
        self.back_button.setEnabled(len(dashboard.path) > 1)
        child_level = dashboard.child_level
        if child_level == "village":
            self.drill_hint.setText(self.tr("Desa/kelurahan of {region}. Back: Alt+Left.").format(
                region=dashboard.scope.name))
        else:
            self.drill_hint.setText(self.tr(
                "{level} of {region}: double-click or press Enter to see the regions below.")
                .format(level=level_name(child_level, plural=True), region=dashboard.scope.name))

    def _show_summary(self, dashboard: Dashboard) -> None:
        scope = dashboard.scope
        figures = [self.tr("<b>{region}</b>: {count} registrations at the branch, {registered} "
                           "registered (KPJ)").format(
            region=scope.name.replace("<", "&lt;"), count=format_int(scope.total),
            registered=format_int(scope.registered))]
        if scope.coverage_percent is not None:
            figures.append(self.tr(
                "{active} active participants before, {potential} potential workers → "
                "coverage <b>{coverage}</b>").format(
                active=format_int(scope.active_participants or 0),
                potential=format_int(scope.potential_workers),
                coverage=format_percent(scope.coverage_percent)))
            if scope.target_percent is not None:
                if scope.gap:
                    figures.append(self.tr("target {target}: {gap} participants to go").format(
                        target=format_target(scope.target_percent), gap=format_int(scope.gap)))
                else:
                    figures.append(self.tr("target {target} reached").format(
                        target=format_target(scope.target_percent)))
        if scope.target_percent is not None and (scope.target_year or scope.target_source):
            figures.append(self.tr("target for {year} according to {source}").format(
                year=scope.target_year or "?",
                source=(scope.target_source or "?").replace("<", "&lt;")))
        else:
            figures.append(self.tr("no potential-worker figure yet (Edit figures…)"))
        text = "; ".join(figures) + "."
        if dashboard.elsewhere:
            text += " " + self.tr("{count} more registrations lie outside the province or have "
                                  "no village.").format(count=format_int(dashboard.elsewhere))
        self.summary.setText(text)
        if scope.total == 0:
            self.empty_label.setText(self.tr(
                "No registrations at the branch here yet: they appear after the volunteers' "
                "bundles are imported (Import tab). Potential workers and targets can be "
                "entered now (Edit figures…)."))
        self.empty_label.setVisible(scope.total == 0)

    def _show_charts(self, dashboard: Dashboard) -> None:
        level = level_name(dashboard.child_level, plural=True)
        children = dashboard.children
        if not children:
            self.coverage_panel.show_message(self.tr("No regions below {region}.").format(
                region=dashboard.scope.name))
        elif not any(c.coverage_percent is not None for c in children):
            self.coverage_panel.show_message(self.tr(
                "No {level} of {region} has a potential-worker figure yet, so coverage cannot "
                "be computed. Select a region and press Edit figures…, or Import figures… "
                "from a CSV or Excel file.").format(level=level.lower(),
                                                     region=dashboard.scope.name))
        else:
            self.coverage_panel.show_chart(coverage_chart(
                children, self.tr("Coverage per {level} against target").format(
                    level=level.lower())))
        if not dashboard.weeks:
            self.trend_panel.show_message(self.tr(
                "No registrations yet: the weekly trend appears after the first bundle is "
                "imported."))
        else:
            self.trend_panel.show_chart(trend_chart(
                dashboard.weeks, self.tr("Registrations per week, {region}").format(
                    region=dashboard.scope.name)))

    def _show_breakdowns(self, dashboard: Dashboard) -> None:
        total = dashboard.scope.total or 1
        occupations = [[labels.occupation_label(code) or self.tr("(none)"), format_int(n),
                        format_percent(n * 100 / total, digits=1)]
                       for code, n in dashboard.occupations.items()]
        funders = [[funding_label(f.code) or self.tr("(none)"), format_int(f.participants),
                    format_int(f.registrations)] for f in dashboard.funders]
        for table, rows in ((self.occupation_table, occupations),
                            (self.funding_table, funders)):
            table.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for column, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    if column:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, column, item)

    def _show_volunteers(self, volunteers: list[VolunteerActivity]) -> None:
        # service order, set before the rows arrive: a proxy still sorted by a column
        # would sort the new rows through Python's data() on the UI thread first
        self.volunteer_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.volunteer_model.set_rows(volunteers)
        header = self.volunteer_table.horizontalHeader()
        model = self.volunteer_model
        metrics = self.volunteer_table.fontMetrics()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # widths from the display texts alone: resizeColumnToContents asks the model for
        # every role of every cell (8,000 calls for 200 volunteers, about 200 ms on the UI
        # thread after each import at a million registrations)
        for column in (model.COLUMN_ID, model.COLUMN_NAME, model.COLUMN_TOTAL,
                       model.column_last_bundle, model.column_corrections):
            widest = max([header.sectionSizeHint(column)]  # the title, with the sort arrow
                         + [metrics.horizontalAdvance(text) + 14
                            for text in model.column_texts(column)])
            header.resizeSection(column, widest)
        for column in range(model.FIRST_WEEK, model.column_last_bundle):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max([metrics.horizontalAdvance("00.000"),
                          *(metrics.horizontalAdvance(line) for line in title.split("\n"))])
            header.resizeSection(column, widest + 14)  # "mg." over "12 Okt": both whole
        if not volunteers:
            self.volunteer_summary.setText(self.tr(
                "No volunteer is enrolled yet (Volunteers tab, Enrol volunteer…)."))
            return
        visits = sum(1 for v in volunteers if v.needs_visit)
        self.volunteer_summary.setText(self.tr(
            "%n volunteer(s); {visits} may need a visit (listed first): no registrations for 2 "
            "weeks, no bundle for 14 days, or many open corrections (10 or more, and at least 1 "
            "in 10 of their registrations).", "", len(volunteers)).format(visits=visits))

    # -- selection ----------------------------------------------------------------------
    def current_code(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(CodeRole) if rows else None

    def current_region(self) -> RegionCoverage | None:
        code = self.current_code()
        if self.dashboard is None:
            return None
        for row in self.dashboard.children:
            if row.code == code:
                return row
        return None

    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CodeRole) == code:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def row_of(self, code: str) -> int:
        """The table row (as sorted) showing ``code``, or -1."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CodeRole) == code:
                return row
        return -1

    def _update_buttons(self, *_args) -> None:
        self.edit_button.setEnabled(self.dashboard is not None)
        self.report_button.setEnabled(self.report_run is None)

    # -- figures ------------------------------------------------------------------------
    def edit_figures(self) -> None:
        """Edit the selected region's figures (the scope's when nothing is selected)."""
        if self.dashboard is None:
            return
        region = self.current_region() or self.dashboard.scope
        dialog = CoverageTargetDialog(self.coverage, region, self)
        dialog.saved.connect(self._on_figures_saved)
        self._show_dialog(dialog)

    def _on_figures_saved(self, code: str) -> None:
        self._select_after = code
        self.main.statusBar().showMessage(self.tr("Figures saved."), 5000)
        self.refresh()

    def import_figures(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import potential workers and targets"), str(Path.home()),
            self.tr("Tables (*.csv *.xlsx);;All files (*)"))
        if not path:
            return
        try:
            result = self.coverage.import_targets(Path(path))
        except Exception as exc:  # shown; nothing was changed
            if not isinstance(exc, DesaPeduliError):
                log.exception("importing coverage figures failed")
            self._tell(QMessageBox.Icon.Warning, self.tr("Import figures"),
                       labels.error_message(exc))
            return
        self._tell(QMessageBox.Icon.Information, self.tr("Import figures"), self.tr(
            "{file}: figures of %n region(s) stored.", "", len(result.applied)).format(
            file=result.file))
        self.refresh()

    # -- report -------------------------------------------------------------------------
    def save_report(self) -> None:
        """Ask where, then write the report (PDF, XLSX or CSV) with progress."""
        if self.report_run is not None:
            return
        pdf, xlsx, csv = (self.tr("PDF for printing (*.pdf)"), self.tr("Excel (*.xlsx)"),
                          self.tr("CSV (*.csv)"))
        start = str(Path.home() / standard_name("pdf", dt.date.today()))
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save coverage report"), start, ";;".join((pdf, xlsx, csv)), pdf)
        if not path:
            return
        fmt = format_from(path) or {pdf: "pdf", xlsx: "xlsx", csv: "csv"}.get(chosen, "pdf")
        if Path(path).suffix.lower() != f".{fmt}":
            path += f".{fmt}"
        self.report_run = ReportSave(self, Path(path), fmt, self._on_report_finished)
        self._update_buttons()
        self.report_run.start()

    def _on_report_finished(self, path, error) -> None:
        self.report_run = None
        self._update_buttons()
        if error is not None:
            self._tell(QMessageBox.Icon.Warning, self.tr("Save coverage report"),
                       labels.error_message(error))
            return
        if path is None:
            self.main.statusBar().showMessage(self.tr("Report cancelled."), 5000)
            return
        self.main.statusBar().showMessage(self.tr("Report saved: {file}").format(
            file=path.name), 10_000)
        self.report_saved.emit(path)

    # -- dialogs ------------------------------------------------------------------------
    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _tell(self, icon, title: str, text: str) -> None:
        self._show_dialog(message_box(self, icon, title, text))
