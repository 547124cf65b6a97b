"""Importing sync bundles at the branch office: the worker run, the report per file, the
approval of a volunteer's new laptop.

:func:`import_all` is the import job (``ui/jobs.py``, a writing job with its own database
connection): the backup before the import, then the files one after another (each one
transaction in ``BranchService``), each file reported as it finishes; cancelling stops at
the next check inside the current file, which then rolls back. :class:`ImportView` is the
window's Import tab.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.errors import BundleRejected, Cancelled, DesaPeduliError
from desa_peduli.services import backups
from desa_peduli.services.branch import DEVICE_REFUSALS, BranchService, ImportReport
from desa_peduli.ui import drives, labels
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.messages import message_box
from desa_peduli.ui.widgets import elide_in_the_middle, plain_labels

log = logging.getLogger(__name__)

APPLIED, REJECTED, CANCELLED, FAILED = "applied", "rejected", "cancelled", "failed"


@dataclass
class BundleOutcome:
    """What happened to one file: a report, a refusal, a cancel or an error."""

    path: Path
    status: str
    report: ImportReport | None = None  # when applied
    error: Exception | None = None

    @property
    def reason(self) -> str | None:
        return getattr(self.error, "reason", None)

    @property
    def device_fingerprint(self) -> str | None:
        return getattr(self.error, "device_fingerprint", None)


def import_all(session, paths: list[Path], progress, outcomes: list) -> list | NoBackup:
    """The import job (on its worker thread): a backup, then every file, one transaction
    each (see BranchService). ``progress.report(index, len(paths), name)`` when a file
    starts, the service's ``report(records)`` while it is read; each file's outcome is
    appended to ``outcomes`` before the next starts. Returns a :class:`NoBackup` if the
    backup failed (then nothing was imported)."""
    try:
        backups.make(session, reason="pre-import")
    except Exception as exc:  # noqa: BLE001 - no import without a backup
        log.warning("backup before import failed: %s", type(exc).__name__)
        return NoBackup(exc)
    service = BranchService(session)
    try:
        return _import_each(service, paths, progress, outcomes)
    finally:
        service.close()  # the decoding process, if a large bundle started one


@dataclass
class NoBackup:
    """The backup before the import failed: nothing was imported."""

    error: Exception


def _import_each(service, paths: list[Path], progress, outcomes: list) -> list:
    for index, path in enumerate(paths):
        if progress.cancelled:
            outcome = BundleOutcome(path, CANCELLED)
        else:
            progress.report(index, len(paths), path.name)
            try:
                report = service.import_bundle(path, progress=progress,
                                               upcoming=paths[index + 1:])
                outcome = BundleOutcome(path, APPLIED, report=report)
            except Cancelled:
                outcome = BundleOutcome(path, CANCELLED)
            except BundleRejected as exc:
                outcome = BundleOutcome(path, REJECTED, error=exc)
            except (DesaPeduliError, OSError) as exc:
                outcome = BundleOutcome(path, FAILED, error=exc)
            except Exception as exc:  # a bug: logged, the file rolled back
                log.exception("importing a bundle failed")
                outcome = BundleOutcome(path, FAILED, error=exc)
        outcomes.append(outcome)
    return list(outcomes)


# ------------------------------------------------------------------------------- view
COLUMNS = ("file", "volunteer", "new", "updated", "unchanged", "duplicates", "rejected",
           "result")


class ImportView(QWidget):
    """The Import tab: choose bundles, watch them import, read the report per file."""

    imported = Signal()  # the database changed: the other tabs refresh
    finished = Signal(list)  # every BundleOutcome of the run

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.run: Job | None = None
        self.paths: list[Path] = []
        self._run_outcomes: list[BundleOutcome] = []
        self._shown = 0
        self.progress: QProgressDialog | None = None
        self.dialog: QWidget | None = None
        self.outcomes: list[BundleOutcome] = []
        self._current = (0, "")  # index and name of the file being imported

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import bundles…"), self)
        self.import_button.setToolTip(self.tr(
            "Choose the .dpbundle files the volunteers brought (Ctrl+I)"))
        self.approve_button = QPushButton(self.tr("Approve this &laptop…"), self)
        self.approve_button.setToolTip(self.tr(
            "For a bundle refused because it came from a new laptop: check its fingerprint "
            "with the volunteer, approve it, and import the bundle again"))
        top.addWidget(self.import_button)
        top.addWidget(self.approve_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.hint = QLabel(self.tr(
            "A backup is made before every import. Each file is imported whole or not at "
            "all; a refused file changes nothing."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Volunteer"), self.tr("New"), self.tr("Updated"),
            self.tr("Unchanged"), self.tr("Duplicates"), self.tr("Rejected"), self.tr("Result"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # one line a file; the details below say it all
        elide_in_the_middle(self.table)  # two bundles' names differ at the end
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("M") * 22)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(self.fontMetrics().height() * 4)
        self.details.setStyleSheet("padding: 4px;")
        layout.addWidget(self.details)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.import_button.clicked.connect(self.choose_and_import)
        self.approve_button.clicked.connect(self.approve_device)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self._update_buttons()
        plain_labels(self)  # what it shows may quote user data

    # -- choosing and running -----------------------------------------------------------
    def choose_and_import(self) -> None:
        if self.running:
            return
        volumes = drives.removable_volumes()
        start = str(volumes[0].path) if volumes else str(Path.home())
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import sync bundles"), start,
            self.tr("Sync bundles (*.dpbundle);;All files (*)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    @property
    def running(self) -> bool:
        return self.run is not None

    def import_files(self, paths: list[Path]) -> None:
        """Back up, then import ``paths`` (one writing job) with a progress dialog that can
        cancel."""
        if self.running or not paths:
            return
        if self.progress is not None:
            self.progress.deleteLater()
        paths = [Path(p) for p in paths]
        progress = QProgressDialog(self.tr("Preparing…"), self.tr("&Cancel"), 0, len(paths),
                                   self.window())
        progress.setWindowTitle(self.tr("Importing bundles"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(460)
        progress.setValue(0)
        self.progress = progress
        self.paths, self._shown = paths, 0
        outcomes: list[BundleOutcome] = []
        self._run_outcomes = outcomes
        self.run = run_job(
            lambda s, p: import_all(s, paths, p, outcomes), owner=self, session=self.session,
            writes=True, on_success=self._on_run_succeeded, on_failure=self._on_run_failed,
            on_cancel=lambda: self._on_run_finished(
                [BundleOutcome(p, CANCELLED) for p in paths]),
            on_progress=self._on_run_progress)
        progress.canceled.connect(self._on_progress_canceled)
        self._update_buttons()
        progress.show()

    def _on_progress_canceled(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def _on_run_progress(self, done: int, total: int, name: str | None) -> None:
        if self.progress is None or self.run is None:
            return
        if name is not None:  # a file starts: ``done`` files are behind it
            self._show_new_outcomes()
            self._current = (done, name)
            self.progress.setValue(done)
            self.progress.setLabelText(self.tr("Importing {file}\n(file {number} of {count})")
                                       .format(file=name, number=done + 1,
                                               count=len(self.paths)))
            return
        index, name = self._current  # records read so far in the current file
        self.progress.setLabelText(self.tr(
            "Importing {file}\n(file {number} of {count}): {records} records read").format(
            file=name, number=index + 1, count=len(self.paths), records=done))

    def _show_new_outcomes(self) -> None:
        finished = self._run_outcomes[self._shown:]
        self._shown += len(finished)
        for outcome in finished:
            self._show_outcome(outcome)
            if self.progress is not None:
                self.progress.setValue(min(self.progress.value() + 1, len(self.paths)))

    def _on_run_succeeded(self, result) -> None:
        if isinstance(result, NoBackup):
            self.run = None
            if self.progress is not None:
                self.progress.close()
            self._update_buttons()
            self._tell(QMessageBox.Icon.Warning, self.tr("Import bundles"), self.tr(
                "No backup could be made, so nothing was imported: {error}").format(
                error=labels.error_message(result.error)))
            return
        self._show_new_outcomes()
        self._on_run_finished(result)

    def _on_run_failed(self, exc: Exception) -> None:  # the connection did not open
        outcomes = [BundleOutcome(p, FAILED, error=exc) for p in self.paths]
        for outcome in outcomes:
            self._show_outcome(outcome)
        self._on_run_finished(outcomes)

    def _on_run_finished(self, outcomes: list) -> None:
        self.run = None
        if self.progress is not None:
            # closed, not deleted: setValue() of a modal progress dialog processes events,
            # so this may run inside one of its calls (deleted before the next import)
            self.progress.close()
        counts = {status: sum(1 for o in outcomes if o.status == status)
                  for status in (APPLIED, REJECTED, CANCELLED, FAILED)}
        parts = [self.tr("%n bundle(s) imported", "", counts[APPLIED])]
        if counts[REJECTED] or counts[FAILED]:
            parts.append(self.tr("%n refused", "", counts[REJECTED] + counts[FAILED]))
        if counts[CANCELLED]:
            parts.append(self.tr("%n cancelled", "", counts[CANCELLED]))
        self.summary.setText(" · ".join(parts))
        self._update_buttons()
        if counts[APPLIED]:
            self.imported.emit()
        self.finished.emit(outcomes)

    # -- the report ----------------------------------------------------------------------
    def _row_of(self, path: Path) -> int:
        for row, outcome in enumerate(self.outcomes):
            if outcome.path == path:
                return row
        return -1

    def _show_outcome(self, outcome: BundleOutcome) -> None:
        row = self._row_of(outcome.path)
        if row < 0:
            row = len(self.outcomes)
            self.outcomes.append(outcome)
            self.table.insertRow(row)
        else:
            self.outcomes[row] = outcome
        report = outcome.report
        values = [outcome.path.name, getattr(report, "volunteer_id", None) or ""]
        if report is not None:
            values += [str(report.new), str(report.updated), str(report.unchanged),
                       str(report.duplicates), str(len(report.rejected))]
        else:
            values += ["", "", "", "", ""]
        values.append(self.result_text(outcome))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if 2 <= column <= 6:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(value)
            if column == 0:
                item.setToolTip(str(outcome.path))
            if outcome.status != APPLIED and column == len(values) - 1:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, column, item)
        if report is not None and report.rejected:
            rejected_item = self.table.item(row, 6)  # set just above
            assert rejected_item is not None
            rejected_item.setToolTip(self._rejected_text(report.rejected))
        self.table.selectRow(row)
        self._update_details()

    def result_text(self, outcome: BundleOutcome) -> str:
        if outcome.status == APPLIED:
            text = self.tr("Imported.")
            report = outcome.report
            assert report is not None  # applied: a report
            if report.device_bound:
                text += " " + self.tr("First bundle from this volunteer: laptop {fingerprint} "
                                      "registered.").format(fingerprint=report.device_fingerprint)
            if report.rejected:
                text += " " + self.tr("%n registration(s) need checking (state \"invalid\").",
                                      "", len(report.rejected))
            return text
        if outcome.status == CANCELLED:
            return self.tr("Cancelled: nothing from this file was imported.")
        message = labels.error_message(cast(Exception, outcome.error))  # refused/failed: its error
        prefix = f"{outcome.path.name}: "
        if message.startswith(prefix):
            message = message[len(prefix):]
        if outcome.reason in DEVICE_REFUSALS and outcome.device_fingerprint:
            message += " " + self.tr("New laptop's fingerprint: {fingerprint}.").format(
                fingerprint=outcome.device_fingerprint)
        return self.tr("Refused: {message}").format(message=message)

    def _rejected_text(self, rejected: list[dict]) -> str:
        lines = []
        for item in rejected[:10]:
            problems = "; ".join(p.get("message") or "" for p in item.get("problems") or [])
            lines.append(f"{item.get('id')}: {problems or item.get('reason')}")
        if len(rejected) > 10:
            lines.append(self.tr("… and {count} more").format(count=len(rejected) - 10))
        return "\n".join(lines)

    def selected_outcome(self) -> BundleOutcome | None:
        rows = self.table.selectionModel().selectedRows()
        return self.outcomes[rows[0].row()] if rows else None

    def _update_details(self) -> None:
        outcome = self.selected_outcome()
        if outcome is None:
            self.details.clear()
            return
        text = f"{outcome.path}\n{self.result_text(outcome)}"
        if outcome.report is not None and outcome.report.rejected:
            text += "\n" + self._rejected_text(outcome.report.rejected)
        self.details.setText(text)

    def _on_table_selection_changed(self) -> None:
        self._update_details()
        self._update_buttons()

    def _update_buttons(self) -> None:
        outcome = self.selected_outcome()
        self.import_button.setEnabled(not self.running)
        self.approve_button.setEnabled(
            not self.running and outcome is not None and outcome.reason in DEVICE_REFUSALS)

    # -- a volunteer's new laptop --------------------------------------------------------
    def approve_device(self) -> None:
        outcome = self.selected_outcome()
        if outcome is None or outcome.reason not in DEVICE_REFUSALS or self.running:
            return
        if outcome.reason == "device_changed":
            text = self.tr(
                "{file} was sent from a laptop other than the one registered for this "
                "volunteer.\n\nIts fingerprint: {fingerprint}\n\nAsk the volunteer to read "
                "the fingerprint on their laptop (Sync → Show fingerprints). Approve only "
                "if it is the same; then the bundle is imported again.")
        else:
            text = self.tr(
                "{file} was sent from a laptop not yet confirmed for this volunteer: it "
                "does not prove their enrolment file.\n\nIts fingerprint: {fingerprint}\n\n"
                "Ask the volunteer to read the fingerprint on their laptop (Sync → Show "
                "fingerprints). Approve only if it is the same; then the bundle is imported "
                "again.")
        box = message_box(
            self, QMessageBox.Icon.Warning, self.tr("Approve this laptop"),
            text.format(file=outcome.path.name, fingerprint=outcome.device_fingerprint or "?"),
            [(self.tr("&Approve and import"), QMessageBox.ButtonRole.AcceptRole),
             (self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)])
        yes, no = box.buttons()[0], cast(QPushButton, box.buttons()[1])  # message_box's are
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.finished.connect(
            lambda _r: self._on_approve_confirmed(outcome.path, outcome.device_fingerprint)
            if box.clickedButton() is yes else None)
        self.dialog = box
        box.open()

    def _on_approve_confirmed(self, path: Path, shown: str | None) -> None:
        try:  # only the laptop whose fingerprint was shown (the file may have changed)
            BranchService(self.session).approve_device(path, shown=shown or "?")
        except Exception as exc:  # shown; nothing was changed
            if not isinstance(exc, DesaPeduliError):
                log.exception("approving a device failed")
            self._tell(QMessageBox.Icon.Warning, self.tr("Approve this laptop"),
                       labels.error_message(exc))
            return
        self.import_files([path])

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = message_box(self, icon, title, text)
        self.dialog = box
        box.open()


__all__ = ["BundleOutcome", "ImportView", "import_all"]
