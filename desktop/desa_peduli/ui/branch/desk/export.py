"""The hand-over export for the core system: format, filters, columns, with a count before saving.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desa_peduli import reference
from desa_peduli.errors import DesaPeduliError
from desa_peduli.services import handover
from desa_peduli.services.handover import DEFAULT_STATE, OPEN_DUPLICATES, HandoverFilter, default_columns
from desa_peduli.ui import labels
from desa_peduli.ui.branch.desk.base import DeskDialog, format_buttons, save_path
from desa_peduli.ui.branch.desk.columns import (
    FIELD_COLUMN,
    HEADER_COLUMN,
    HandoverColumnsTableModel,
    file_language,
)
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.widgets import show_error

COUNT_DEBOUNCE_MS = 250


# ------------------------------------------------------------------------------ export
def date_format_label(pattern: str) -> str:
    """``DD-MM-YYYY`` with an example (2 March 1988), in the interface's letters."""
    example = dt.date(1988, 3, 2).strftime(handover.DateFormat.parse(pattern).strftime)
    if file_language() == "id":  # Indonesian letters: tanggal, bulan, tahun
        pattern = pattern.replace("DD", "HH").replace("YYYY", "TTTT").replace("MM", "BB")
    return f"{pattern} ({example})"


def _state_choices(parent: QWidget) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = [
        (QCoreApplication.translate("DeskDialog", "All states"), None)]
    out += [(label, code) for code, label in labels.branch_state_choices()]
    out.append((QCoreApplication.translate("DeskDialog", "Possible duplicates to review"),
                OPEN_DUPLICATES))
    return out


class HandoverExportDialog(DeskDialog):
    """Choose the registrations, the format and the columns; write the file."""

    exported = Signal(object)  # services.handover.HandoverResult

    def __init__(self, session, parent: QWidget | None = None, *, query=None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Export for hand-over"))
        self.result_info = None
        self.shown_count: int | None = None
        self._count_generation = 0
        self._count_job: Job | None = None

        intro = QLabel(self.tr(
            "Writes the registrations for BPJS Ketenagakerjaan's core system. Choose which "
            "ones, the file format and the columns; the file holds personal data: hand it "
            "over and then delete it."), self)
        intro.setWordWrap(True)

        # which registrations
        filters = QGroupBox(self.tr("Registrations"), self)
        form = QFormLayout(filters)
        self.state_combo = QComboBox(filters)
        for text, code in _state_choices(self):
            self.state_combo.addItem(text, code)
        self.volunteer_combo = QComboBox(filters)
        self.volunteer_combo.addItem(self.tr("All volunteers"), None)
        for volunteer_id, name in session.desk.volunteer_choices():
            self.volunteer_combo.addItem(f"{volunteer_id} · {name}", volunteer_id)
        self.volunteer_combo.setMinimumContentsLength(14)
        self.volunteer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region_edit = QLineEdit(filters)
        self.region_edit.setPlaceholderText(self.tr("e.g. 15.04 or 15.04.05.2003"))
        self.region_edit.setMaxLength(13)
        self.region_label = QLabel(filters)
        self.region_label.setWordWrap(True)
        self.region_label.setStyleSheet("color: palette(placeholder-text);")
        self.search_edit = QLineEdit(filters)
        self.search_edit.setPlaceholderText(self.tr("Name or NIK…"))
        self.search_edit.setClearButtonEnabled(True)
        for text, widget in ((self.tr("S&tate:"), self.state_combo),
                             (self.tr("&Volunteer:"), self.volunteer_combo),
                             (self.tr("&Region:"), self.region_edit),
                             ("", self.region_label),
                             (self.tr("&Search:"), self.search_edit)):
            label = QLabel(text, filters) if text else None
            if label is not None:
                label.setBuddy(widget)
                form.addRow(label, widget)
            else:
                form.addRow("", widget)
        self.count_label = QLabel(filters)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        form.addRow(self.count_label)

        formats = QGroupBox(self.tr("Format"), self)
        format_layout = QVBoxLayout(formats)
        self.xlsx_radio, self.csv_radio, self._format_group = format_buttons(formats)
        format_layout.addWidget(self.xlsx_radio)
        format_layout.addWidget(self.csv_radio)
        options = QFormLayout()
        self.date_combo = QComboBox(formats)
        for pattern in handover.DATE_FORMATS:
            self.date_combo.addItem(date_format_label(pattern), pattern)
        self.date_combo.setToolTip(self.tr(
            "How dates are written in a CSV file and shown in an Excel workbook (where they "
            "are real dates)"))
        self.split_combo = QComboBox(formats)
        for text, code in ((self.tr("One file"), None),
                           (self.tr("One file per kabupaten"), "kabupaten"),
                           (self.tr("One file per funder"), "funder")):
            self.split_combo.addItem(text, code)
        self.split_combo.setToolTip(self.tr(
            "Several files, named by kabupaten code or funder, each with a summary of "
            "people and monthly contributions per funder"))
        for text, widget in ((self.tr("&Dates:"), self.date_combo),
                             (self.tr("F&iles:"), self.split_combo)):
            label = QLabel(text, formats)
            label.setBuddy(widget)
            options.addRow(label, widget)
        format_layout.addLayout(options)

        left = QVBoxLayout()
        left.addWidget(filters)
        left.addWidget(formats)
        left.addStretch(1)

        # the columns
        columns = QGroupBox(self.tr("Columns (tick, order, rename)"), self)
        columns_layout = QVBoxLayout(columns)
        self.model = HandoverColumnsTableModel(handover.load_columns(session.settings), self)
        self.table = QTableView(columns)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HEADER_COLUMN, QHeaderView.ResizeMode.Stretch)
        columns_layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Space ticks a field; F2 or typing renames its header."), columns)
        hint.setStyleSheet("color: palette(placeholder-text);")
        hint.setWordWrap(True)
        columns_layout.addWidget(hint)
        column_buttons = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move &up"), columns)
        self.down_button = QPushButton(self.tr("Move d&own"), columns)
        self.reset_button = QPushButton(self.tr("&Default columns"), columns)
        self.reset_button.setToolTip(self.tr("Every field in the standard order and names"))
        self.save_columns_button = QPushButton(self.tr("Save as de&fault"), columns)
        self.save_columns_button.setToolTip(self.tr(
            "Use these columns for every hand-over file from now on"))
        for button in (self.up_button, self.down_button, self.reset_button,
                       self.save_columns_button):
            button.setAutoDefault(False)
            column_buttons.addWidget(button)
        column_buttons.insertStretch(2, 1)
        columns_layout.addLayout(column_buttons)

        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addWidget(columns, 6)

        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.progress_bar, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DEBOUNCE_MS)
        self._count_timer.timeout.connect(self.update_count)
        self.state_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.volunteer_combo.currentIndexChanged.connect(self._on_filters_changed)
        self.region_edit.textChanged.connect(self._on_filters_changed)
        self.search_edit.textChanged.connect(self._on_filters_changed)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.reset_button.clicked.connect(self.reset_columns)
        self.save_columns_button.clicked.connect(self.save_columns)
        self.export_button.clicked.connect(self.choose_and_export)
        self.close_button.clicked.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.update_buttons())

        self._apply_query(query)
        self.resize(980, 600)
        self.update_buttons()
        self.update_count()

    # -- filters ------------------------------------------------------------------------
    def _apply_query(self, query) -> None:
        """Start from the list's filters (the state defaults to Accepted)."""
        state = getattr(query, "branch_state", None) or DEFAULT_STATE
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(state)))
        volunteer = getattr(query, "volunteer_id", None)
        if volunteer:
            self.volunteer_combo.setCurrentIndex(max(0, self.volunteer_combo.findData(volunteer)))
        self.region_edit.setText(getattr(query, "village_prefix", None) or "")
        self.search_edit.setText(getattr(query, "text", "") or "")
        self._update_region_label()

    def filters(self):
        return HandoverFilter(branch_state=self.state_combo.currentData(),
                              volunteer_id=self.volunteer_combo.currentData(),
                              village_prefix=self.region_edit.text().strip() or None,
                              text=self.search_edit.text().strip())

    @property
    def format(self) -> str:
        return "csv" if self.csv_radio.isChecked() else "xlsx"

    def _on_filters_changed(self, *_args) -> None:
        self._update_region_label()
        self._count_timer.start()

    def _update_region_label(self) -> None:
        code = self.region_edit.text().strip().rstrip(".")
        if not code:
            self.region_label.setText(self.tr("Every kabupaten, kecamatan and desa"))
            return
        found = reference.regions().get(code)
        if found is None:
            self.region_label.setText(self.tr("Unknown region code"))
        else:
            names = [r.name for r in reference.regions().path(found.code)
                     if r.level != "province"]
            self.region_label.setText(", ".join(reversed(names)))

    def update_count(self) -> None:
        """Count the chosen registrations off the UI thread (the latest request wins)."""
        self._count_timer.stop()
        self._count_generation += 1
        generation, filters = self._count_generation, self.filters()
        self.count_label.setText(self.tr("Counting…"))
        self._count_job = run_job(
            lambda s, _p: s.desk.handover_count(filters), owner=self, session=self.session,
            on_success=lambda n: self._on_count(generation, n),
            on_failure=lambda _e: self._on_count(generation, None))

    def _on_count(self, generation: int, count: int | None) -> None:
        if generation != self._count_generation:
            return
        self.shown_count = count
        if count is None:
            self.count_label.setText(self.tr("The registrations could not be counted."))
        else:
            self.count_label.setText(self.tr("%n registration(s) will be written.", "", count))
        self.update_buttons()

    # -- columns ------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def move_current(self, delta: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        column = self.table.selectionModel().currentIndex().column()
        target = self.model.move(row, delta)
        self.table.setCurrentIndex(self.model.index(target, max(column, 0)))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.update_buttons()

    def reset_columns(self) -> None:
        self.model.set_columns(default_columns())
        self.status_label.setText(self.tr("The standard columns are shown; save them as "
                                          "default to keep them."))

    def save_columns(self) -> None:
        try:
            self.session.desk.save_handover_columns(self.model.columns())
        except DesaPeduliError as exc:
            show_error(self.error, labels.error_message(exc))
            return
        show_error(self.error, "")
        self.status_label.setText(self.tr("These columns are now the default."))

    def update_buttons(self) -> None:
        running = self.running
        row = self.current_row()
        self.up_button.setEnabled(not running and row > 0)
        self.down_button.setEnabled(not running and 0 <= row < self.model.rowCount() - 1)
        for widget in (self.reset_button, self.save_columns_button, self.table,
                       self.state_combo, self.volunteer_combo, self.region_edit,
                       self.search_edit, self.xlsx_radio, self.csv_radio, self.date_combo,
                       self.split_combo):
            widget.setEnabled(not running)
        self.export_button.setEnabled(not running and self.shown_count != 0)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- export -------------------------------------------------------------------------
    def choose_and_export(self) -> None:
        try:
            handover.check_columns(self.model.columns(), file_language())
        except DesaPeduliError as exc:
            show_error(self.error, labels.error_message(exc))
            return
        path = save_path(self, self.tr("Export for hand-over"),
                          handover.standard_name(self.format), self.format)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> Job:
        fmt, columns, filters = self.format, self.model.columns(), self.filters()
        dates, split, lang = (self.date_combo.currentData(), self.split_combo.currentData(),
                              file_language())

        def work(session, progress):
            return session.desk.handover_export(path, fmt=fmt, columns=columns,
                                                filters=filters, progress=progress,
                                                lang=lang, date_format=dates, split=split)

        return self.run_job(work, self._on_exported, self.tr("Writing {file}…").format(
            file=path.name))

    def _on_exported(self, result) -> None:
        self.result_info = result
        self.exported.emit(result)
        if len(result.files) <= 1 and result.summary_path is None:
            self.status_label.setText(self.tr("{count} registration(s) written to {file}").format(
                count=result.rows, file=result.path.name))
            self.tell(QMessageBox.Icon.Information, self.tr("Export for hand-over"), self.tr(
                "{count} registration(s) written:\n{path}\n\nThe file holds personal data: "
                "hand it over to the core system, then delete it.").format(
                count=result.rows, path=str(result.path)))
            return
        names = [f.path.name for f in result.files]
        if result.summary_path is not None:
            names.append(result.summary_path.name)
        self.status_label.setText(self.tr("{count} registration(s) written to {files} file(s) "
                                          "in {folder}").format(
            count=result.rows, files=len(names), folder=str(result.path.parent)))
        self.tell(QMessageBox.Icon.Information, self.tr("Export for hand-over"), self.tr(
            "{count} registration(s) written to {folder}:\n{names}\n\nThe files hold personal "
            "data: hand them over to the core system, then delete them.").format(
            count=result.rows, folder=str(result.path.parent), names="\n".join(names)))
