"""Dialogs of the Funding tab: a new batch, adding registrations, a month's bill.

Adding and billing run as writing jobs (``ui/jobs.py``) with a progress bar; the
refusals of an add are listed in the dialog, which then offers to add the others.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desa_peduli import reference
from desa_peduli.domain.batches import Batch
from desa_peduli.domain.funders import ReliefReading
from desa_peduli.errors import DesaPeduliError
from desa_peduli.services import batches, reference_data
from desa_peduli.ui import labels
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.messages import failure_text
from desa_peduli.ui.widgets import button_box, error_label, show_error

log = logging.getLogger(__name__)


def month_edit(parent: QWidget, month: str | None = None) -> QDateEdit:
    """A month chooser (MM/yyyy); ``month_of`` reads it as ``YYYY-MM``."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("MM/yyyy")
    if month:
        edit.setDate(QDate(int(month[:4]), int(month[5:]), 1))
    else:
        today = QDate.currentDate()
        edit.setDate(QDate(today.year(), today.month(), 1))
    return edit


def month_of(edit: QDateEdit) -> str:
    day = edit.date()
    return f"{day.year():04d}-{day.month():02d}"


class _JobDialog(QDialog):
    """A dialog whose OK runs one writing job with a progress bar."""

    buttons: QDialogButtonBox  # made by the subclass, with its own OK text

    def __init__(self, session, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.job: Job | None = None
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = error_label(self)

    def _start(self, work, on_success) -> None:
        show_error(self.error, "")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.buttons.setEnabled(False)
        self.job = run_job(work, owner=self, session=self.session, writes=True,
                           on_success=lambda result: self._done(on_success, result),
                           on_failure=self._on_job_failure, on_cancel=self._on_job_cancel,
                           on_progress=self._on_job_progress)

    def _done(self, on_success, result) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)
        on_success(result)

    def _on_job_progress(self, done: int, total: int, _text) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_job_failure(self, exc: BaseException) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)
        show_error(self.error, failure_text(exc, "funding job failed"))

    def _on_job_cancel(self) -> None:
        self.progress.hide()
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        super().reject()


class CreateBatchDialog(QDialog):
    """A new batch: funder, name, decree or agreement, cover period, optional quota."""

    created = Signal(int)  # the new batch's id

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("New funded batch"))
        form = QFormLayout()
        self.funder_combo = QComboBox(self)
        english = current_language() == "en"
        for funder in reference.funding_sources():
            if funder.funder_pays and not funder.replaced_by:
                self.funder_combo.addItem(funder.label_en if english else funder.label_id,
                                          funder.code)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. DUMISAKE 2027 Tahap 1"))
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(self.tr("decree or agreement number"))
        year = QDate.currentDate().year() + 1
        self.first_edit = month_edit(self, f"{year}-01")
        self.last_edit = month_edit(self, f"{year}-12")
        self.quota_spin = QSpinBox(self)
        self.quota_spin.setRange(0, 10_000_000)
        self.quota_spin.setSpecialValueText(self.tr("no quota"))
        for label, widget in ((self.tr("&Funder:"), self.funder_combo),
                              (self.tr("&Name:"), self.name_edit),
                              (self.tr("&Decree or agreement:"), self.reference_edit),
                              (self.tr("Cover &from:"), self.first_edit),
                              (self.tr("Cover &to:"), self.last_edit),
                              (self.tr("&Quota (people):"), self.quota_spin)):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Create batch"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def accept(self) -> None:
        try:
            batch = batches.create(
                self.session, funder=self.funder_combo.currentData(),
                name=self.name_edit.text(), reference_text=self.reference_edit.text(),
                first_month=month_of(self.first_edit), last_month=month_of(self.last_edit),
                quota=self.quota_spin.value() or None)
        except DesaPeduliError as exc:
            show_error(self.error, labels.error_message(exc))
            return
        self.created.emit(batch.id)
        super().accept()


class ReadingDialog(QDialog):
    """Whether a village budget (APBDes) counts as APBD for the PP 50/2025 relief: the
    branch's reading, with the source or reason it rests on (bills name the reading)."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Dana desa and PP 50/2025"))
        current = batches.relief_reading(session)
        lang = current_language()
        intro = QLabel(self.tr(
            "PP 50/2025 gives no relief to participants paid from the state or regional "
            "budget (APBN/APBD). Whether a village budget (APBDes) counts as APBD is not "
            "settled: choose the reading the branch follows and write what it rests on. "
            "Every bill names the reading it used."), self)
        intro.setWordWrap(True)
        self.strict_radio = QRadioButton(ReliefReading(True).label(lang), self)
        self.relief_radio = QRadioButton(ReliefReading(False).label(lang), self)
        (self.strict_radio if current.village_budget_is_apbd else self.relief_radio).setChecked(True)
        self.note_edit = QPlainTextEdit(current.note, self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 5)
        note_label = QLabel(self.tr("&Source or reason:"), self)
        note_label.setBuddy(self.note_edit)
        layout = QVBoxLayout(self)
        for widget in (intro, self.strict_radio, self.relief_radio, note_label, self.note_edit):
            layout.addWidget(widget)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        try:
            reference_data.set_relief_reading(self.session, self.strict_radio.isChecked(),
                                              self.note_edit.toPlainText())
        except DesaPeduliError as exc:
            show_error(self.error, labels.error_message(exc))
            return
        self.changed.emit()
        super().accept()


class AddRegistrationsDialog(_JobDialog):
    """Adds a village's, a volunteer's or the selected registrations to a batch."""

    added = Signal(object)  # the AddReport

    def __init__(self, session, batch: Batch, volunteers: list[dict], selected: list[str],
                 parent: QWidget | None = None):
        super().__init__(session, parent)
        self.batch = batch
        self.selected = selected
        self.report: batches.AddReport | None = None
        self.setWindowTitle(self.tr("Add registrations to {batch}").format(batch=batch.name))
        layout = QVBoxLayout(self)
        self.village_radio = QRadioButton(self.tr("&Village (or kecamatan/kabupaten code):"), self)
        self.village_edit = QLineEdit(self)
        self.village_edit.setPlaceholderText("15.04.05.2003")
        self.volunteer_radio = QRadioButton(self.tr("V&olunteer:"), self)
        self.volunteer_combo = QComboBox(self)
        for volunteer in volunteers:
            self.volunteer_combo.addItem(f"{volunteer['id']} — {volunteer.get('name') or ''}",
                                         volunteer["id"])
        self.selection_radio = QRadioButton(self.tr(
            "&Selected in the Registrations tab ({count})").format(count=len(selected)), self)
        self.selection_radio.setEnabled(bool(selected))
        group = QButtonGroup(self)
        form = QFormLayout()
        for radio, widget in ((self.village_radio, self.village_edit),
                              (self.volunteer_radio, self.volunteer_combo)):
            group.addButton(radio)
            form.addRow(radio, widget)
        group.addButton(self.selection_radio)
        form.addRow(self.selection_radio)
        self.village_radio.setChecked(True)
        layout.addLayout(form)
        self.move_check = QCheckBox(self.tr(
            "&Move registrations another batch covers in these months"), self)
        self.skip_check = QCheckBox(self.tr("Add the &others when some are refused"), self)
        layout.addWidget(self.move_check)
        layout.addWidget(self.skip_check)
        self.refusals = QPlainTextEdit(self)
        self.refusals.setReadOnly(True)
        self.refusals.hide()
        layout.addWidget(self.refusals, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        where: dict[str, Any] = {}
        if self.village_radio.isChecked():
            code = self.village_edit.text().strip()
            if not code:
                show_error(self.error, self.tr("Type a village code, e.g. 15.04.05.2003."))
                return
            where["village"] = code
        elif self.volunteer_radio.isChecked():
            if self.volunteer_combo.currentData() is None:
                show_error(self.error, self.tr("No volunteer is enrolled yet."))
                return
            where["volunteer_id"] = self.volunteer_combo.currentData()
        else:
            where["ids"] = list(self.selected)
        batch_id, move, skip = self.batch.id, self.move_check.isChecked(), self.skip_check.isChecked()

        def work(session, progress):
            return batches.add(session, batch_id, move=move, skip_refused=skip,
                               progress=progress, **where)

        self._start(work, self._on_added)

    def _on_added(self, report: batches.AddReport) -> None:
        self.report = report
        lang = current_language()
        lines = [f"{r.registration_id}: {r.message(lang)}" for r in report.refused]
        lines += [self.tr("{id}: not found").format(id=i) for i in report.not_found]
        if report.applied:
            self.added.emit(report)
            super().accept()
            return
        self.refusals.setPlainText("\n".join(lines))
        self.refusals.show()
        self.skip_check.setChecked(True)
        show_error(self.error, self.tr(
            "{count} registrations were refused (listed above); nothing was added. Press Add "
            "again to add the others.").format(count=len(lines)))


class BillDialog(_JobDialog):
    """A month's bill as XLSX, CSV or PDF into a folder."""

    written = Signal(object)  # the path written

    def __init__(self, session, batch: Batch, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.batch = batch
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Bill for {batch}").format(batch=batch.name))
        form = QFormLayout()
        this_month = QDate.currentDate()
        month = f"{this_month.year():04d}-{this_month.month():02d}"
        self.month_edit = month_edit(self, min(max(month, batch.first_month), batch.last_month))
        self.format_combo = QComboBox(self)
        for fmt in batches.FORMATS:
            self.format_combo.addItem(fmt.upper(), fmt)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(self)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(self.tr("&Month:"), self.month_edit)
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self.tr("F&older:"), folder_row)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr(
            "A month's bill is kept as first issued: printing it again later gives the same "
            "figures, even after a rate-table update."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        self.buttons = button_box(self, self.tr("&Write bill"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _on_browse_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the bill"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def accept(self) -> None:
        folder = Path(self.folder_edit.text().strip()) if self.folder_edit.text().strip() else None
        if folder is None or not folder.is_dir():
            show_error(self.error, self.tr("Choose an existing folder for the bill."))
            return
        batch_id, month, fmt = self.batch.id, month_of(self.month_edit), self.format_combo.currentData()
        lang = current_language()

        def work(session, progress):
            progress.report(0, 2, "")
            bill = batches.bill(session, batch_id, month)
            target = batches.resolve_target(folder, bill, fmt)
            progress.check()
            if fmt == "csv":
                batches.write_csv_bill(bill, target, lang)
            elif fmt == "xlsx":
                batches.write_xlsx_bill(bill, target, lang)
            progress.report(1, 2, "")
            return bill, target

        self._start(work, self._on_bill_priced)

    def _on_bill_priced(self, result) -> None:
        bill, target = result
        if self.format_combo.currentData() == "pdf":
            from desa_peduli.ui.branch.funding.bill_pdf import write_bill_pdf  # noqa: PLC0415

            try:  # Qt draws the PDF on the UI thread (a page of text: milliseconds)
                write_bill_pdf(bill, target, lang=current_language())
            except (DesaPeduliError, OSError) as exc:
                show_error(self.error, failure_text(exc, "writing the bill PDF failed"))
                return
        self.path = target
        self.written.emit(target)
        super().accept()
