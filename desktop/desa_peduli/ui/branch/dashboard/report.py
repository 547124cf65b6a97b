"""Saving the coverage report (PDF) on a worker thread, with progress and cancel.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QProgressDialog,
)

from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.jobs import run_with_own_connection

if TYPE_CHECKING:
    from desa_peduli.ui.branch.dashboard.view import DashboardView

log = logging.getLogger(__name__)


class ReportSaveRun(QObject):
    """Writes one report: the figures on a worker thread (with its own connection), then
    the file there too (CSV, XLSX) or, for the PDF, drawn on the UI thread (QtCharts are
    widgets). A progress dialog shows the steps; Cancel stops before the file is written."""

    finished = Signal(object, object)  # Path written (None: cancelled), the error or None

    def __init__(self, view: DashboardView, path: Path, fmt: str):
        super().__init__(view)
        self.view = view
        self.path = path
        self.fmt = fmt
        self.cancelled = False
        self.progress = QProgressDialog(self.tr("Counting the coverage figures…"),
                                        self.tr("Cancel"), 0, 3, view)
        self.progress.setWindowTitle(self.tr("Save coverage report"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._on_progress_canceled)
        self.worker = None

    def start(self) -> None:
        from desa_peduli.services import coverage_report as reports

        lang = current_language()
        path, fmt = self.path, self.fmt
        level = reports.DEFAULT_LEVEL[fmt]

        def work(session):
            report = reports.build_report(session, level=level)
            if self.cancelled:
                return None
            if fmt == "csv":
                reports.write_csv(report, path, lang)
            elif fmt == "xlsx":
                reports.write_xlsx(report, path, lang)
            return report

        self.progress.setValue(1)
        self.progress.show()
        self.worker = run_with_own_connection(self.view.session, work, self._on_worker_done,
                                              self._on_worker_failed, self)

    def _on_progress_canceled(self) -> None:
        self.cancelled = True

    def _on_worker_done(self, report) -> None:
        if report is None or self.cancelled:
            self._finish(None, None)
            return
        if self.fmt == "pdf":
            from desa_peduli.ui.branch.dashboard.report_pdf import write_pdf

            self.progress.setLabelText(self.tr("Drawing the PDF…"))
            self.progress.setValue(2)
            try:
                write_pdf(report, self.path, lang=current_language())
            except Exception as exc:  # noqa: BLE001 - shown to the person
                log.exception("writing the PDF report failed")
                self._finish(None, exc)
                return
        self._finish(self.path, None)

    def _on_worker_failed(self, exc) -> None:
        self._finish(None, exc)

    def _finish(self, path, error) -> None:
        self.progress.setValue(3)
        self.progress.hide()
        self.progress.deleteLater()
        self.finished.emit(path, error)
        self.deleteLater()
