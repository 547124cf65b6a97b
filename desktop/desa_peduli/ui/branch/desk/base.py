"""What the desk's dialogs share: the job's progress and cancel, the format choice, the save path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.ui import labels
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.messages import message_box
from desa_peduli.ui.widgets import error_label, show_error

log = logging.getLogger(__name__)


class DeskDialog(QDialog):
    """A dialog with one job at a time, a progress bar and a button that cancels it.

    Closing while the job runs cancels it and closes once it has stopped.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.job: Job | None = None
        self.message: QMessageBox | None = None  # the last message shown (for tests)
        self._close_when_done = False
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.error = error_label(self)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def run_job(self, work: Callable, on_success: Callable, busy_text: str, *,
                writes: bool = False) -> Job:
        """``work(session, progress)`` as a job on a connection of its own."""
        show_error(self.error, "")
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.status_label.setText(busy_text)
        self.job = run_job(work, owner=self, session=self.session, writes=writes,
                           on_success=lambda result: self._on_job_done(on_success, result),
                           on_failure=self._on_job_failed, on_cancel=self._on_job_cancelled,
                           on_progress=self._on_job_progress)
        self.update_buttons()
        return self.job

    def _on_job_done(self, on_success: Callable, result) -> None:
        on_success(result)
        self._on_job_finished()

    def _on_job_progress(self, done: int, total: int, _text=None) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setFormat(QCoreApplication.translate("DeskDialog", "%v of %m"))
        else:
            self.progress_bar.setRange(0, 0)

    def _on_job_cancelled(self) -> None:
        self.status_label.setText(QCoreApplication.translate(
            "DeskDialog", "Cancelled. Nothing was written or changed."))
        self._on_job_finished()

    def _on_job_failed(self, exc: Exception) -> None:
        self.status_label.clear()
        text = labels.error_message(exc)
        if isinstance(exc, OSError) and not isinstance(exc, DesaPeduliError):
            text = QCoreApplication.translate(
                "DeskDialog", "The file could not be written ({error}). Check the folder and "
                "try again; nothing was changed.").format(error=exc.strerror or exc)
        show_error(self.error, text)
        self._on_job_finished()

    def _on_job_finished(self) -> None:
        self.progress_bar.hide()
        self.update_buttons()
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def cancel_job(self) -> None:
        if self.running and self.job is not None:  # running: a job
            self.job.cancel()
            self.status_label.setText(QCoreApplication.translate("DeskDialog", "Stopping…"))

    def reject(self) -> None:
        if self.running:
            self._close_when_done = True
            self.cancel_job()
            return
        super().reject()

    def update_buttons(self) -> None:  # overridden
        pass

    def tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = message_box(self, icon, title, text)
        self.message = box
        box.open()


def format_buttons(parent: QWidget) -> tuple[QRadioButton, QRadioButton, QButtonGroup]:
    xlsx = QRadioButton(QCoreApplication.translate("DeskDialog", "E&xcel workbook (.xlsx)"),
                        parent)
    csv_ = QRadioButton(QCoreApplication.translate("DeskDialog", "&CSV text (.csv)"), parent)
    xlsx.setChecked(True)
    group = QButtonGroup(parent)
    group.addButton(xlsx)
    group.addButton(csv_)
    return xlsx, csv_, group


def save_path(parent: QWidget, title: str, name: str, fmt: str) -> Path | None:
    filters = (QCoreApplication.translate("DeskDialog", "Excel workbook (*.xlsx)")
               if fmt == "xlsx" else QCoreApplication.translate("DeskDialog", "CSV text (*.csv)"))
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), filters)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(path.name + f".{fmt}")
    return path

