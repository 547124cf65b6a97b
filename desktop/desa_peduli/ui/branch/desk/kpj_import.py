"""Importing the KPJ numbers the core system gave back: map columns, preview, apply.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services import kpj_import
from desa_peduli.services.kpj_import import column_letter
from desa_peduli.services.spreadsheet import write_csv
from desa_peduli.ui import labels
from desa_peduli.ui.branch.desk.base import DeskDialog, save_path
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.widgets import show_error


# ------------------------------------------------------------------------------ KPJ
class KpjImportDialog(DeskDialog):
    """Choose the core system's file and its NIK and KPJ columns; check or import."""

    imported = Signal(object)  # services.kpj_import.KpjReport (applied)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Import KPJ numbers"))
        self.path: Path | None = None
        self.preview = None
        self.report: kpj_import.KpjReport | None = None
        self._preview_worker: Job | None = None

        intro = QLabel(self.tr(
            "Choose the CSV or Excel file from the core system with each participant's NIK "
            "and KPJ number. Each matching registration is marked Registered with its number "
            "and the volunteer learns it from the next receipt. Rows that cannot be used are "
            "listed below with their row number."), self)
        results_intro = QLabel(self.tr(
            "A result column may say what the core system did with each row: registered "
            "(new KPJ number), already_participant (existing KPJ number), dukcapil_mismatch "
            "or rejected. The last two go back to their volunteer as Needs correction, with "
            "the reason column's text."), self)
        results_intro.setWordWrap(True)
        intro.setWordWrap(True)

        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("C&hoose file…"), self)
        self.choose_button.setAutoDefault(False)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.choose_button)
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)

        self.preview_table = QTableWidget(0, 0, self)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setTabKeyNavigation(False)
        self.preview_table.setWordWrap(False)
        self.preview_table.setMaximumHeight(self.fontMetrics().height() * 12)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

        mapping = QHBoxLayout()
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(0, 30)
        self.header_spin.setSpecialValueText(self.tr("none"))
        self.nik_combo = QComboBox(self)
        self.kpj_combo = QComboBox(self)
        self.result_combo = QComboBox(self)
        self.reason_combo = QComboBox(self)
        for combo in (self.nik_combo, self.kpj_combo, self.result_combo, self.reason_combo):
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for text, widget in ((self.tr("Header &row:"), self.header_spin),
                             (self.tr("&NIK column:"), self.nik_combo),
                             (self.tr("&KPJ column:"), self.kpj_combo)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            mapping.addWidget(label)
            mapping.addWidget(widget)
            mapping.addSpacing(12)
        mapping.addStretch(1)
        result_mapping = QHBoxLayout()
        for text, widget in ((self.tr("Res&ult column:"), self.result_combo),
                             (self.tr("Reas&on column:"), self.reason_combo)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            result_mapping.addWidget(label)
            result_mapping.addWidget(widget)
            result_mapping.addSpacing(12)
        result_mapping.addStretch(1)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.unmatched_table = QTableWidget(0, 4, self)
        self.unmatched_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("NIK"), self.tr("KPJ number"), self.tr("Why not used")])
        self.unmatched_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unmatched_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unmatched_table.setTabKeyNavigation(False)
        self.unmatched_table.setWordWrap(False)
        self.unmatched_table.verticalHeader().hide()
        header = self.unmatched_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        buttons = QHBoxLayout()
        self.save_list_button = QPushButton(self.tr("&Save this list…"), self)
        self.save_list_button.setToolTip(self.tr("The rows not used, as a CSV file"))
        self.check_button = QPushButton(self.tr("Chec&k"), self)
        self.check_button.setToolTip(self.tr("See what would change, without changing anything"))
        self.import_button = QPushButton(self.tr("&Import"), self)
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        for button in (self.save_list_button, self.check_button, self.close_button):
            button.setAutoDefault(False)
        buttons.addWidget(self.save_list_button)
        buttons.addWidget(self.progress_bar, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(results_intro)
        layout.addLayout(file_row)
        layout.addWidget(self.preview_table)
        layout.addLayout(mapping)
        layout.addLayout(result_mapping)
        layout.addWidget(self.error)
        layout.addWidget(self.status_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.unmatched_table, 1)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.header_spin.valueChanged.connect(self._on_header_spin_value_changed)
        self.nik_combo.currentIndexChanged.connect(self._on_column_chosen)
        self.kpj_combo.currentIndexChanged.connect(self._on_column_chosen)
        self.result_combo.currentIndexChanged.connect(self._on_column_chosen)
        self.reason_combo.currentIndexChanged.connect(self._on_column_chosen)
        self.check_button.clicked.connect(lambda: self.run_import(apply=False))
        self.import_button.clicked.connect(lambda: self.run_import(apply=True))
        self.save_list_button.clicked.connect(self.save_list)
        self.close_button.clicked.connect(self.reject)
        self.resize(900, 620)
        self.update_buttons()

    # -- the file -----------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import KPJ numbers"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read the first rows off the UI thread and guess the columns."""
        self.path = path
        self.preview = None
        self.report = None
        self.file_edit.setText(str(path))
        self._show_report(None)
        show_error(self.error, "")
        self.status_label.setText(self.tr("Reading {file}…").format(file=path.name))
        remembered = kpj_import.remembered_columns(self.session.settings)
        self._preview_worker = run_job(
            lambda _s, _p: kpj_import.inspect(path, remembered), owner=self,
            on_success=self._on_preview_read, on_failure=self._on_preview_failed)
        self.update_buttons()

    def _on_preview_read(self, preview) -> None:
        self._preview_worker = None
        self.preview = preview
        self.status_label.clear()
        rows = preview.rows[:10]
        self.preview_table.setColumnCount(preview.width)
        self.preview_table.setRowCount(len(rows))
        self.preview_table.setHorizontalHeaderLabels(
            [kpj_import_letter(i) for i in range(preview.width)])
        self.preview_table.setVerticalHeaderLabels([str(i + 1) for i in range(len(rows))])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.preview_table.setItem(r, c, item)
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(preview.header_row or 0)
        self.header_spin.blockSignals(False)
        self._fill_column_combos(preview.nik_column, preview.kpj_column,
                                 preview.result_column, preview.reason_column)
        if preview.nik_column is None or preview.kpj_column is None:
            self.status_label.setText(self.tr(
                "Choose the NIK and KPJ columns: they could not be recognised."))
        self.update_buttons()

    def _on_preview_failed(self, exc: Exception) -> None:
        self._preview_worker = None
        self.path = None
        show_error(self.error, labels.error_message(exc))
        self.status_label.clear()
        self.update_buttons()

    def _on_column_chosen(self, *_args) -> None:
        self._mark_preview()
        self.update_buttons()

    def _mark_preview(self) -> None:
        """Name the chosen columns above the preview and shade the header row."""
        if self.preview is None:
            return
        chosen = {self.nik_combo.currentData(): "NIK", self.kpj_combo.currentData(): "KPJ",
                  self.result_combo.currentData(): self.tr("result"),
                  self.reason_combo.currentData(): self.tr("reason")}
        names = []
        for index in range(self.preview.width):
            letter = kpj_import_letter(index)
            names.append(f"{letter} · {chosen[index]}" if index in chosen else letter)
        self.preview_table.setHorizontalHeaderLabels(names)
        header = self.header_spin.value()
        for row in range(self.preview_table.rowCount()):
            for column in range(self.preview_table.columnCount()):
                item = self.preview_table.item(row, column)
                if item is not None:
                    font = item.font()
                    font.setBold(row + 1 == header)
                    item.setFont(font)

    def _on_header_spin_value_changed(self, _value: int) -> None:
        if self.preview is not None:
            self._fill_column_combos(self.nik_combo.currentData(), self.kpj_combo.currentData(),
                                     self.result_combo.currentData(),
                                     self.reason_combo.currentData())

    def column_names(self) -> list[str]:
        if self.preview is None:
            return []
        header = self.header_spin.value()
        if header:
            return self.preview.column_names(header)
        return [kpj_import_letter(i) for i in range(self.preview.width)]

    def _fill_column_combos(self, nik: int | None, kpj: int | None, result: int | None = None,
                            reason: int | None = None) -> None:
        names = self.column_names()
        for combo, chosen in ((self.nik_combo, nik), (self.kpj_combo, kpj),
                              (self.result_combo, result), (self.reason_combo, reason)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(choose)") if combo in (self.nik_combo, self.kpj_combo)
                          else self.tr("(none)"), None)
            for index, name in enumerate(names):
                letter = kpj_import_letter(index)
                combo.addItem(name if name == letter else f"{letter}: {name}", index)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.blockSignals(False)
        self._mark_preview()
        self.update_buttons()

    # -- running ------------------------------------------------------------------------
    def update_buttons(self) -> None:
        running = self.running or self._preview_worker is not None
        ready = (self.preview is not None and self.nik_combo.currentData() is not None
                 and self.kpj_combo.currentData() is not None
                 and self.nik_combo.currentData() != self.kpj_combo.currentData())
        for widget in (self.choose_button, self.header_spin, self.nik_combo, self.kpj_combo,
                       self.result_combo, self.reason_combo):
            widget.setEnabled(not running and (widget is self.choose_button
                                               or self.preview is not None))
        self.check_button.setEnabled(not running and ready)
        self.import_button.setEnabled(not running and ready)
        self.save_list_button.setEnabled(
            not running and self.report is not None and bool(self.report.unmatched))
        self.close_button.setText(self.tr("Cancel") if self.running else self.tr("Close"))

    def run_import(self, *, apply: bool) -> Job | None:
        if self.preview is None or self.path is None:
            return None
        names = self.column_names()  # header texts, or letters without a header row
        nik = names[self.nik_combo.currentData()]
        kpj = names[self.kpj_combo.currentData()]
        result, reason = (names[combo.currentData()] if combo.currentData() is not None
                          else "none" for combo in (self.result_combo, self.reason_combo))
        header = self.header_spin.value()
        path = self.path

        def work(session, progress):
            return kpj_import.import_kpj(
                session, path, nik_column=nik, kpj_column=kpj, header_row=header,
                result_column=result, reason_column=reason, apply=apply, progress=progress)

        busy = (self.tr("Importing {file}…") if apply else self.tr("Checking {file}…")).format(
            file=path.name)
        return self.run_job(work, self._on_import_done, busy, writes=apply)

    def _on_import_done(self, report) -> None:
        self.report = report
        self.status_label.clear()
        self._show_report(report)
        if report.applied:
            self.imported.emit(report)
        self.update_buttons()

    def _show_report(self, report) -> None:
        if report is None:
            self.summary_label.clear()
            self.unmatched_table.setRowCount(0)
            return
        if report.applied:
            text = self.tr("Done: %n registration(s) marked Registered.", "", report.registered)
        else:
            text = self.tr("Check only, nothing changed: %n registration(s) would be marked "
                           "Registered.", "", report.registered)
        text += " " + self.tr("%n already registered with the same number.", "",
                              report.unchanged)
        text += " " + self.tr("%n row(s) not used (below).", "", len(report.unmatched))
        if report.result_column:
            lines = [self.tr("registered (new KPJ): %n", "", report.results["registered"]),
                     self.tr("already a participant (existing KPJ): %n", "",
                             report.results["already_participant"]),
                     self.tr("Dukcapil mismatch, sent back to be corrected: %n", "",
                             report.results["dukcapil_mismatch"]),
                     self.tr("rejected, sent back with the reason: %n", "",
                             report.results["rejected"])]
            text += "\n" + "\n".join(f"• {line}" for line in lines)
        self.summary_label.setText(text)
        lang = "en" if current_language() == "en" else "id"
        table = self.unmatched_table
        table.setRowCount(len(report.unmatched))
        for row, item in enumerate(report.unmatched):
            for column, value in enumerate((str(item.row), item.nik, item.kpj,
                                            item.message(lang))):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                if column == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, cell)

    def save_list(self) -> None:
        if self.report is None or not self.report.unmatched:
            return
        name = f"{Path(self.report.file).stem}_not-used.csv"
        path = save_path(self, self.tr("Save the rows not used"), name, "csv")
        if path is not None:
            self.save_list_to(path)

    def save_list_to(self, path: Path) -> None:
        assert self.report is not None  # save_list: only with a report
        lang = "en" if current_language() == "en" else "id"
        try:
            write_csv(path, [self.tr("Row"), self.tr("NIK"), self.tr("KPJ number"),
                             self.tr("Why not used")],
                      ([item.row, item.nik, item.kpj, item.message(lang)]
                       for item in self.report.unmatched))
        except (OSError, DesaPeduliError) as exc:  # FileInUse: open in Excel
            show_error(self.error, labels.error_message(exc))
            return
        self.status_label.setText(self.tr("List saved: {file}").format(file=path.name))


def kpj_import_letter(index: int) -> str:
    return column_letter(index)
