"""Saving the coverage report (PDF, XLSX, CSV) as a job, with progress and cancel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from desa_peduli.services import coverage_report as reports
from desa_peduli.ui.branch.dashboard.report_pdf import write_pdf
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.jobs import Job, run_job

if TYPE_CHECKING:
    from desa_peduli.ui.branch.dashboard.view import DashboardView

log = logging.getLogger(__name__)



class ReportSave:
    """Writes one report: the figures in a job (with its own connection), then the file
    there too (CSV, XLSX) or, for the PDF, drawn on the UI thread (QtCharts are widgets).
    A progress dialog shows the steps; Cancel stops before the file is written.
    ``on_finished(path, error)``: the path written (None: cancelled), the error or None."""

    def __init__(self, view: DashboardView, path: Path, fmt: str,
                 on_finished: Callable[[Path | None, Exception | None], None]):
        self.view = view
        self.path = path
        self.fmt = fmt
        self._on_finished = on_finished
        translate = QCoreApplication.translate
        self.progress = QProgressDialog(
            translate("ReportSave", "Counting the coverage figures…"),
            translate("ReportSave", "Cancel"), 0, 3, view)
        self.progress.setWindowTitle(translate("ReportSave", "Save coverage report"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._on_progress_canceled)
        self.job: Job | None = None

    def start(self) -> None:
        lang = current_language()
        path, fmt = self.path, self.fmt
        level = reports.DEFAULT_LEVEL[fmt]

        def work(session, progress):
            report = reports.build_report(session, level=level)
            progress.check()
            if fmt == "csv":
                reports.write_csv(report, path, lang)
            elif fmt == "xlsx":
                reports.write_xlsx(report, path, lang)
            return report

        self.progress.setValue(1)
        self.progress.show()
        self.job = run_job(work, owner=self.view, session=self.view.session,
                           on_success=self._on_job_done, on_failure=lambda exc: self._finish(
                               None, exc), on_cancel=lambda: self._finish(None, None))

    def _on_progress_canceled(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_job_done(self, report) -> None:
        assert self.job is not None  # the job calling back
        if self.job.cancel_requested:
            self._finish(None, None)
            return
        if self.fmt == "pdf":
            self.progress.setLabelText(
                QCoreApplication.translate("ReportSave", "Drawing the PDF…"))
            self.progress.setValue(2)
            try:
                write_pdf(report, self.path, lang=current_language())
            except Exception as exc:  # shown to the person
                log.exception("writing the PDF report failed")
                self._finish(None, exc)
                return
        self._finish(self.path, None)

    def _finish(self, path, error) -> None:
        self.progress.setValue(3)
        self.progress.hide()
        self.progress.deleteLater()
        self._on_finished(path, error)
