"""The branch office's hand-over desk: the export for the core system (format, filters,
column mapping), the import of KPJ numbers, and the breach report.

:func:`install_actions` puts the three actions in a menu of the branch window. Each
dialog runs its work on a worker thread with a connection of its own
(:class:`DeskJob`, over ``ui/sync_worker.py``), shows progress and can cancel; the
services (``services/handover.py``, ``kpj_import.py``, ``breach.py``) do the work.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui import labels
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.sync_dialogs import message_box
from desa_peduli.ui.sync_worker import run_with_own_connection
from desa_peduli.ui.widgets import error_label, show_error
from desa_peduli.ui.workers import run_in_background

log = logging.getLogger(__name__)

COUNT_DEBOUNCE_MS = 250
_QModelIndex = QModelIndex | QPersistentModelIndex


# ------------------------------------------------------------------------------ jobs
class _Relay(QObject):
    """Lives on the UI thread; the worker emits through it (queued)."""

    progress = Signal(int, int)


class DeskJob(QObject):
    """``work(session, progress, cancelled)`` on a worker thread with its own connection.

    ``progress(done, total)`` and the result arrive on the UI thread; :meth:`cancel`
    makes ``cancelled()`` true, which the services check every few hundred rows.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, session, work: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._work = work
        self._cancel = threading.Event()
        self._relay = _Relay()
        self._relay.progress.connect(self._on_relay_progress, Qt.ConnectionType.QueuedConnection)
        self._worker = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        work, relay, cancel = self._work, self._relay, self._cancel

        def task(session):
            try:
                return work(session, relay.progress.emit, cancel.is_set)
            except Exception as exc:  # noqa: BLE001 - a cancel is no failure worth a log
                if _is_cancel(exc):
                    return _Stopped(exc)
                raise

        self._worker = run_with_own_connection(
            self._session, task, self._on_worker_succeeded, self._on_worker_failed, self)

    def cancel(self) -> None:
        self._cancel.set()

    @Slot(int, int)
    def _on_relay_progress(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    def _on_worker_succeeded(self, result) -> None:
        self._worker = None
        if isinstance(result, _Stopped):
            self.failed.emit(result.exc)
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    def _on_worker_failed(self, exc) -> None:
        self._worker = None
        self.failed.emit(exc)
        self.finished.emit()


class _Stopped:
    """What a cancelled job hands back (a cancel is not an error to log)."""

    def __init__(self, exc: Exception):
        self.exc = exc


def _is_cancel(exc: Exception) -> bool:
    from desa_peduli.errors import Cancelled

    return isinstance(exc, Cancelled)


class _DeskDialog(QDialog):
    """A dialog with one job at a time, a progress bar and a button that cancels it.

    Closing while the job runs cancels it and closes once it has stopped.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.job: DeskJob | None = None
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

    def run_job(self, work: Callable, on_success: Callable, busy_text: str) -> DeskJob:
        job = DeskJob(self.session, work, self)
        self.job = job
        job.progress.connect(self._on_job_progress)
        job.succeeded.connect(on_success)
        job.failed.connect(self._on_job_failed)
        job.finished.connect(self._on_job_finished)
        show_error(self.error, "")
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.status_label.setText(busy_text)
        job.start()
        self.update_buttons()
        return job

    def _on_job_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_bar.setFormat(QCoreApplication.translate("DeskDialog", "%v of %m"))
        else:
            self.progress_bar.setRange(0, 0)

    def _on_job_failed(self, exc: Exception) -> None:
        from desa_peduli.errors import DesaPeduliError

        if _is_cancel(exc):
            self.status_label.setText(QCoreApplication.translate(
                "DeskDialog", "Cancelled. Nothing was written or changed."))
            return
        if not isinstance(exc, DesaPeduliError | OSError):
            log.error("desk job failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.status_label.clear()
        text = labels.error_message(exc)
        if isinstance(exc, OSError) and not isinstance(exc, DesaPeduliError):
            text = QCoreApplication.translate(
                "DeskDialog", "The file could not be written ({error}). Check the folder and "
                "try again; nothing was changed.").format(error=exc.strerror or exc)
        show_error(self.error, text)

    def _on_job_finished(self) -> None:
        self.progress_bar.hide()
        self.update_buttons()
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def cancel_job(self) -> None:
        if self.running:
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


def _format_buttons(parent: QWidget) -> tuple[QRadioButton, QRadioButton, QButtonGroup]:
    xlsx = QRadioButton(QCoreApplication.translate("DeskDialog", "E&xcel workbook (.xlsx)"),
                        parent)
    csv_ = QRadioButton(QCoreApplication.translate("DeskDialog", "&CSV text (.csv)"), parent)
    xlsx.setChecked(True)
    group = QButtonGroup(parent)
    group.addButton(xlsx)
    group.addButton(csv_)
    return xlsx, csv_, group


def _save_path(parent: QWidget, title: str, name: str, fmt: str) -> Path | None:
    filters = (QCoreApplication.translate("DeskDialog", "Excel workbook (*.xlsx)")
               if fmt == "xlsx" else QCoreApplication.translate("DeskDialog", "CSV text (*.csv)"))
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), filters)
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() != f".{fmt}":
        path = path.with_name(path.name + f".{fmt}")
    return path


# ------------------------------------------------------------------------------ columns
FIELD_COLUMN, HEADER_COLUMN = 0, 1


def field_label(key: str) -> str:
    from desa_peduli.services.handover import SPECS

    spec = SPECS.get(key)
    if spec is None:
        return key
    return spec.label_en if current_language() == "en" else spec.label_id


class HandoverColumnsTableModel(QAbstractTableModel):
    """The hand-over file's columns in order: a field (tick to include) and its header."""

    def __init__(self, columns: list, parent: QObject | None = None):
        super().__init__(parent)
        self._columns = [self._copy(c) for c in columns]

    @staticmethod
    def _copy(column):
        from desa_peduli.services.handover import Column

        return Column(column.field, column.header, column.enabled)

    def columns(self) -> list:
        return [self._copy(c) for c in self._columns]

    def set_columns(self, columns: list) -> None:
        self.beginResetModel()
        self._columns = [self._copy(c) for c in columns]
        self.endResetModel()

    def rowCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._columns) else None
        return {FIELD_COLUMN: self.tr("Field"), HEADER_COLUMN: self.tr("Header in the file")}.get(
            section)

    def flags(self, index: _QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == FIELD_COLUMN:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < len(self._columns)) or index.column() not in (0, 1):
            return None
        column = self._columns[index.row()]
        if index.column() == FIELD_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return field_label(column.field)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if column.enabled else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.field
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.header
        if role == Qt.ItemDataRole.ForegroundRole and not column.enabled:
            return self._muted()
        return None

    @staticmethod
    def _muted():
        from PySide6.QtGui import QBrush, QColor

        return QBrush(QColor(128, 128, 128))

    def setData(self, index: _QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self._columns)):
            return False
        column = self._columns[index.row()]
        if index.column() == FIELD_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            column.enabled = bool(checked)
            self.dataChanged.emit(index, self.index(index.row(), HEADER_COLUMN))
            return True
        if index.column() == HEADER_COLUMN and role == Qt.ItemDataRole.EditRole:
            text = " ".join(str(value or "").split())
            if not text:
                return False
            column.header = text[:100]
            self.dataChanged.emit(index, index)
            return True
        return False

    def move(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); its new row, or ``row`` if it cannot move."""
        target = row + delta
        if not (0 <= row < len(self._columns) and 0 <= target < len(self._columns)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._columns.insert(target, self._columns.pop(row))
        self.endMoveRows()
        return target


# ------------------------------------------------------------------------------ export
def _state_choices(parent: QWidget) -> list[tuple[str, str | None]]:
    from desa_peduli.services.handover import OPEN_DUPLICATES

    out = [(QCoreApplication.translate("DeskDialog", "All states"), None)]
    out += [(label, code) for code, label in labels.branch_state_choices()]
    out.append((QCoreApplication.translate("DeskDialog", "Possible duplicates to review"),
                OPEN_DUPLICATES))
    return out


def _volunteers(db) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.execute("SELECT id, name FROM volunteers ORDER BY id")]


class HandoverExportDialog(_DeskDialog):
    """Choose the registrations, the format and the columns; write the file."""

    exported = Signal(object)  # services.handover.HandoverResult

    def __init__(self, session, parent: QWidget | None = None, *, query=None):
        from desa_peduli.services import handover

        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Export for hand-over"))
        self.result_info = None
        self.shown_count: int | None = None
        self._count_generation = 0
        self._count_job: DeskJob | None = None

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
        for volunteer_id, name in _volunteers(session.db):
            self.volunteer_combo.addItem(f"{volunteer_id} · {name}", volunteer_id)
        self.volunteer_combo.setMinimumContentsLength(14)
        self.volunteer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region_edit = QLineEdit(filters)
        self.region_edit.setPlaceholderText(self.tr("e.g. 15.04 or 15.04.05.2003"))
        self.region_edit.setMaxLength(13)
        self.region_label = QLabel(filters)
        self.region_label.setWordWrap(True)
        self.region_label.setStyleSheet("color: palette(mid);")
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
        self.xlsx_radio, self.csv_radio, self._format_group = _format_buttons(formats)
        format_layout.addWidget(self.xlsx_radio)
        format_layout.addWidget(self.csv_radio)

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
        hint.setStyleSheet("color: palette(mid);")
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
        from desa_peduli.services.handover import DEFAULT_STATE

        state = getattr(query, "branch_state", None) or DEFAULT_STATE
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(state)))
        volunteer = getattr(query, "volunteer_id", None)
        if volunteer:
            self.volunteer_combo.setCurrentIndex(max(0, self.volunteer_combo.findData(volunteer)))
        self.region_edit.setText(getattr(query, "village_prefix", None) or "")
        self.search_edit.setText(getattr(query, "text", "") or "")
        self._update_region_label()

    def filters(self):
        from desa_peduli.services.handover import HandoverFilter

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
        from desa_peduli import reference

        found = reference.regions().get(code)
        if found is None:
            self.region_label.setText(self.tr("Unknown region code"))
        else:
            names = [r.name for r in reference.regions().path(found.code)
                     if r.level != "province"]
            self.region_label.setText(", ".join(reversed(names)))

    def update_count(self) -> None:
        """Count the chosen registrations off the UI thread (the latest request wins)."""
        from desa_peduli.services import handover

        self._count_timer.stop()
        self._count_generation += 1
        generation, filters = self._count_generation, self.filters()
        self.count_label.setText(self.tr("Counting…"))
        job = DeskJob(self.session, lambda s, _p, _c: handover.count(s.db, filters), self)
        job.succeeded.connect(lambda n: self._on_count(generation, n))
        job.failed.connect(lambda _e: self._on_count(generation, None))
        self._count_job = job
        job.start()

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
        from desa_peduli.services.handover import default_columns

        self.model.set_columns(default_columns())
        self.status_label.setText(self.tr("The standard columns are shown; save them as "
                                          "default to keep them."))

    def save_columns(self) -> None:
        from desa_peduli.errors import DesaPeduliError
        from desa_peduli.services import handover

        try:
            with self.session.db.atomic():
                handover.save_columns(self.session.settings, self.model.columns())
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
                       self.search_edit, self.xlsx_radio, self.csv_radio):
            widget.setEnabled(not running)
        self.export_button.setEnabled(not running and self.shown_count != 0)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- export -------------------------------------------------------------------------
    def choose_and_export(self) -> None:
        from desa_peduli.errors import DesaPeduliError
        from desa_peduli.services import handover

        try:
            handover.check_columns(self.model.columns())
        except DesaPeduliError as exc:
            show_error(self.error, labels.error_message(exc))
            return
        path = _save_path(self, self.tr("Export for hand-over"),
                          handover.standard_name(self.format), self.format)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> DeskJob:
        from desa_peduli.services import handover

        fmt, columns, filters = self.format, self.model.columns(), self.filters()

        def work(session, progress, cancelled):
            return handover.export(session.db, path, fmt=fmt, columns=columns, filters=filters,
                                   progress=progress, cancelled=cancelled)

        return self.run_job(work, self._on_exported, self.tr("Writing {file}…").format(
            file=path.name))

    def _on_exported(self, result) -> None:
        self.result_info = result
        self.status_label.setText(self.tr("{count} registration(s) written to {file}").format(
            count=result.rows, file=result.path.name))
        self.exported.emit(result)
        self.tell(QMessageBox.Icon.Information, self.tr("Export for hand-over"), self.tr(
            "{count} registration(s) written:\n{path}\n\nThe file holds personal data: hand "
            "it over to the core system, then delete it.").format(
            count=result.rows, path=str(result.path)))


# ------------------------------------------------------------------------------ KPJ
class KpjImportDialog(_DeskDialog):
    """Choose the core system's file and its NIK and KPJ columns; check or import."""

    imported = Signal(object)  # services.kpj_import.KpjReport (applied)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Import KPJ numbers"))
        self.path: Path | None = None
        self.preview = None
        self.report = None
        self._preview_worker = None

        intro = QLabel(self.tr(
            "Choose the CSV or Excel file from the core system with each participant's NIK "
            "and KPJ number. Each matching registration is marked Registered with its number "
            "and the volunteer learns it from the next receipt. Rows that cannot be used are "
            "listed below with their row number."), self)
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
        for combo in (self.nik_combo, self.kpj_combo):
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
        layout.addLayout(file_row)
        layout.addWidget(self.preview_table)
        layout.addLayout(mapping)
        layout.addWidget(self.error)
        layout.addWidget(self.status_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.unmatched_table, 1)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.header_spin.valueChanged.connect(self._on_header_spin_value_changed)
        self.nik_combo.currentIndexChanged.connect(self._on_column_chosen)
        self.kpj_combo.currentIndexChanged.connect(self._on_column_chosen)
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
        from desa_peduli.services import kpj_import

        self.path = path
        self.preview = None
        self.report = None
        self.file_edit.setText(str(path))
        self._show_report(None)
        show_error(self.error, "")
        self.status_label.setText(self.tr("Reading {file}…").format(file=path.name))
        remembered = kpj_import.remembered_columns(self.session.settings)
        self._preview_worker = run_in_background(
            lambda: kpj_import.inspect(path, remembered), self._on_preview_read,
            self._on_preview_failed, self)
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
        self._fill_column_combos(preview.nik_column, preview.kpj_column)
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
        nik, kpj = self.nik_combo.currentData(), self.kpj_combo.currentData()
        names = []
        for index in range(self.preview.width):
            letter = kpj_import_letter(index)
            names.append(f"{letter} · NIK" if index == nik else
                         f"{letter} · KPJ" if index == kpj else letter)
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
            self._fill_column_combos(self.nik_combo.currentData(), self.kpj_combo.currentData())

    def column_names(self) -> list[str]:
        if self.preview is None:
            return []
        header = self.header_spin.value()
        if header:
            return self.preview.column_names(header)
        return [kpj_import_letter(i) for i in range(self.preview.width)]

    def _fill_column_combos(self, nik: int | None, kpj: int | None) -> None:
        names = self.column_names()
        for combo, chosen in ((self.nik_combo, nik), (self.kpj_combo, kpj)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(choose)"), None)
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
        for widget in (self.choose_button, self.header_spin, self.nik_combo, self.kpj_combo):
            widget.setEnabled(not running and (widget is self.choose_button
                                               or self.preview is not None))
        self.check_button.setEnabled(not running and ready)
        self.import_button.setEnabled(not running and ready)
        self.save_list_button.setEnabled(
            not running and self.report is not None and bool(self.report.unmatched))
        self.close_button.setText(self.tr("Cancel") if self.running else self.tr("Close"))

    def run_import(self, *, apply: bool) -> DeskJob | None:
        from desa_peduli.services import kpj_import

        if self.preview is None or self.path is None:
            return None
        names = self.column_names()  # header texts, or letters without a header row
        nik = names[self.nik_combo.currentData()]
        kpj = names[self.kpj_combo.currentData()]
        header = self.header_spin.value()
        path = self.path

        def work(session, progress, cancelled):
            return kpj_import.import_kpj(
                session, path, nik_column=nik, kpj_column=kpj, header_row=header,
                apply=apply, progress=lambda n: progress(n, 0), cancelled=cancelled)

        busy = (self.tr("Importing {file}…") if apply else self.tr("Checking {file}…")).format(
            file=path.name)
        return self.run_job(work, self._on_import_done, busy)

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
        path = _save_path(self, self.tr("Save the rows not used"), name, "csv")
        if path is not None:
            self.save_list_to(path)

    def save_list_to(self, path: Path) -> None:
        from desa_peduli.errors import DesaPeduliError
        from desa_peduli.services.spreadsheet import write_csv

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
    from desa_peduli.services.kpj_import import column_letter

    return column_letter(index)


# ------------------------------------------------------------------------------ breach
class BreachReportDialog(_DeskDialog):
    """Whose data a lost laptop or USB stick could hold: choose it, write the list."""

    written = Signal(object)  # services.breach.BreachReport

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Breach report"))
        self.report = None
        self._devices: list[dict] = []
        self.preview_info = None
        self._preview_job: DeskJob | None = None
        self._preview_generation = 0
        self.extra_files: list[Path] = []

        intro = QLabel(self.tr(
            "When a volunteer's laptop or a USB stick with bundles is lost, the people whose "
            "data it held must be told within 3×24 hours (UU 27/2022). Choose what was lost; "
            "the report lists those people and what data of theirs it held."), self)
        intro.setWordWrap(True)

        kind = QHBoxLayout()
        self.laptop_radio = QRadioButton(self.tr("A volunteer's &laptop"), self)
        self.stick_radio = QRadioButton(self.tr("A USB &stick with bundles"), self)
        self.laptop_radio.setChecked(True)
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.laptop_radio)
        self._kind_group.addButton(self.stick_radio)
        kind.addWidget(self.laptop_radio)
        kind.addWidget(self.stick_radio)
        kind.addStretch(1)

        self.pages = QStackedWidget(self)
        laptop = QWidget(self.pages)
        laptop_page = QVBoxLayout(laptop)  # the form at the top, the spare room below it
        laptop_page.setContentsMargins(0, 0, 0, 0)
        laptop_form = QFormLayout()
        laptop_page.addLayout(laptop_form)
        laptop_page.addStretch(1)
        self.volunteer_combo = QComboBox(laptop)
        for volunteer_id, name in _volunteers(session.db):
            self.volunteer_combo.addItem(f"{volunteer_id} · {name}", volunteer_id)
        self.device_combo = QComboBox(laptop)
        for combo in (self.volunteer_combo, self.device_combo):
            combo.setMinimumContentsLength(28)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        for text, widget in ((self.tr("&Volunteer:"), self.volunteer_combo),
                             (self.tr("Lapt&op:"), self.device_combo)):
            label = QLabel(text, laptop)
            label.setBuddy(widget)
            laptop_form.addRow(label, widget)
        self.device_info = QLabel(laptop)
        self.device_info.setWordWrap(True)
        laptop_form.addRow("", self.device_info)
        laptop_note = QLabel(self.tr(
            "The laptop holds every registration it sent the branch, including those the "
            "volunteer deleted. Those registered and told in a receipt may since have been "
            "removed by the volunteer (purge): they are listed and marked, because the "
            "laptop's backups can still hold them. Registrations made after its last bundle "
            "are unknown to the branch: ask the volunteer."), laptop)
        laptop_note.setWordWrap(True)
        laptop_form.addRow("", laptop_note)
        stick = QWidget(self.pages)
        stick_layout = QVBoxLayout(stick)
        stick_layout.setContentsMargins(0, 0, 0, 0)
        stick_label = QLabel(self.tr("Tick the &bundles that were on the stick (from the "
                                     "import history), or add bundle files:"), stick)
        stick_label.setWordWrap(True)
        self.bundle_list = QListWidget(stick)
        stick_label.setBuddy(self.bundle_list)
        self._fill_bundles()
        self.add_file_button = QPushButton(self.tr("&Add bundle file…"), stick)
        self.add_file_button.setAutoDefault(False)
        stick_layout.addWidget(stick_label)
        stick_layout.addWidget(self.bundle_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_file_button)
        row.addStretch(1)
        stick_layout.addLayout(row)
        self.pages.addWidget(laptop)
        self.pages.addWidget(stick)

        options = QFormLayout()
        self.discovered_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.discovered_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.discovered_edit.setCalendarPopup(True)
        self.deadline_label = QLabel(self)
        discovered_label = QLabel(self.tr("Loss &discovered:"), self)
        discovered_label.setBuddy(self.discovered_edit)
        discovered_row = QHBoxLayout()
        discovered_row.addWidget(self.discovered_edit)
        discovered_row.addWidget(self.deadline_label, 1)
        options.addRow(discovered_label, discovered_row)
        format_row = QHBoxLayout()
        self.xlsx_radio, self.csv_radio, self._format_group = _format_buttons(self)
        format_row.addWidget(self.xlsx_radio)
        format_row.addWidget(self.csv_radio)
        format_row.addStretch(1)
        options.addRow(QLabel(self.tr("Format:"), self), format_row)
        self.full_nik_check = QCheckBox(self.tr("Write full &NIKs"), self)
        self.full_nik_check.setToolTip(self.tr(
            "Only when the recipient needs them. Without it the NIK shows the region and the "
            "last four digits; name, desa and phone are always written."))
        self.nik_warning = QLabel(self.tr(
            "The file will hold full NIKs with names: keep it encrypted and delete it after "
            "use."), self)
        self.nik_warning.setWordWrap(True)
        self.nik_warning.setStyleSheet("color: #a15c00;")
        self.nik_warning.hide()
        options.addRow("", self.full_nik_check)
        options.addRow("", self.nik_warning)

        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        font = self.preview_label.font()
        font.setBold(True)
        self.preview_label.setFont(font)

        buttons = QHBoxLayout()
        self.write_button = QPushButton(self.tr("&Write report…"), self)
        self.write_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        buttons.addWidget(self.progress_bar, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(kind)
        layout.addWidget(self.pages, 1)
        layout.addLayout(options)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(COUNT_DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.laptop_radio.toggled.connect(self._on_kind_toggled)
        self.volunteer_combo.currentIndexChanged.connect(self._on_volunteer_changed)
        self.device_combo.currentIndexChanged.connect(self._on_device_changed)
        self.bundle_list.itemChanged.connect(lambda _item: self._preview_timer.start())
        self.add_file_button.clicked.connect(self.add_bundle_file)
        self.discovered_edit.dateTimeChanged.connect(lambda _d: self._update_deadline())
        self.full_nik_check.toggled.connect(self.nik_warning.setVisible)
        self.write_button.clicked.connect(self.choose_and_write)
        self.close_button.clicked.connect(self.reject)
        self._on_volunteer_changed()
        self._update_deadline()
        self.update_buttons()
        self.resize(780, 560)

    # -- the scope ----------------------------------------------------------------------
    def _fill_bundles(self) -> None:
        rows = self.session.db.execute(
            "SELECT bundle_id, file_name, volunteer_id, created_at, imported_at FROM bundles "
            "ORDER BY imported_at DESC, rowid DESC LIMIT 500").fetchall()
        for bundle_id, file_name, volunteer_id, created_at, imported_at in rows:
            item = QListWidgetItem(self.tr("{file} · {volunteer} · made {made}, imported "
                                           "{imported}").format(
                file=file_name or bundle_id, volunteer=volunteer_id,
                made=labels.format_timestamp(created_at),
                imported=labels.format_timestamp(imported_at)), self.bundle_list)
            item.setData(Qt.ItemDataRole.UserRole, bundle_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _on_kind_toggled(self, laptop: bool) -> None:
        self.pages.setCurrentIndex(0 if laptop else 1)
        self._preview_timer.start()

    def _on_volunteer_changed(self, *_args) -> None:
        from desa_peduli.services import breach

        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        volunteer_id = self.volunteer_combo.currentData()
        self._devices = breach.devices(self.session.db, volunteer_id) if volunteer_id else []
        for device in reversed(self._devices):
            text = (self.tr("{fingerprint} (current laptop)") if device["current"] else
                    self.tr("{fingerprint} (earlier laptop)")).format(
                fingerprint=device["fingerprint"])
            self.device_combo.addItem(text, device["fingerprint"])
        if volunteer_id and self.device_combo.count() == 0:
            self.device_combo.addItem(self.tr("no bundle received yet"), None)
        self.device_combo.blockSignals(False)
        self._on_device_changed()

    def _on_device_changed(self, *_args) -> None:
        fingerprint = self.device_combo.currentData()
        device = next((d for d in self._devices if d["fingerprint"] == fingerprint), None)
        if device is None or not device["bundles"]:
            self.device_info.setText(self.tr("No bundle from this laptop has reached the "
                                             "branch."))
        else:
            self.device_info.setText(self.tr(
                "%n bundle(s) from this laptop, from {first} to {last}.", "",
                device["bundles"]).format(first=labels.format_timestamp(device["first_bundle"]),
                                          last=labels.format_timestamp(device["last_bundle"])))
        self._preview_timer.start()

    def add_bundle_file(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add bundle files"), str(Path.home()),
            self.tr("Sync bundles (*.dpbundle);;All files (*)"))
        for path in paths:
            self.add_bundle_path(Path(path))

    def add_bundle_path(self, path: Path) -> None:
        item = QListWidgetItem(self.tr("File: {path}").format(path=str(path)))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.bundle_list.insertItem(0, item)
        self.extra_files.append(path)

    def bundle_refs(self) -> list[str]:
        refs = []
        for row in range(self.bundle_list.count()):
            item = self.bundle_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                refs.append(item.data(Qt.ItemDataRole.UserRole))
        return refs

    def _scope_work(self) -> Callable | None:
        """A function building the scope on the worker's connection, or None."""
        from desa_peduli.services import breach

        if self.laptop_radio.isChecked():
            volunteer_id = self.volunteer_combo.currentData()
            device = self.device_combo.currentData()
            if not volunteer_id:
                return None
            return lambda session: breach.device_scope(session.db, volunteer_id, device)
        refs = self.bundle_refs()
        if not refs:
            return None

        def scope(session):
            from desa_peduli.services.branch import BranchService

            return breach.bundle_scope(session.db, refs,
                                       identity=BranchService(session).keys()[1])

        return scope

    def update_preview(self) -> None:
        from desa_peduli.services import breach

        self._preview_timer.stop()
        self._preview_generation += 1
        generation = self._preview_generation
        make_scope = self._scope_work()
        self.preview_info = None
        if make_scope is None:
            self.preview_label.setText(self.tr("Choose what was lost."))
            self.update_buttons()
            return
        self.preview_label.setText(self.tr("Looking up the people…"))
        job = DeskJob(self.session, lambda s, _p, _c: breach.preview(s.db, make_scope(s)), self)
        job.succeeded.connect(lambda info: self._on_preview(generation, info, None))
        job.failed.connect(lambda exc: self._on_preview(generation, None, exc))
        self._preview_job = job
        self.update_buttons()
        job.start()

    def _on_preview(self, generation: int, info: dict | None, exc) -> None:
        if generation != self._preview_generation:
            return
        self.preview_info = info
        if info is None:
            self.preview_label.setText(labels.error_message(exc))
        else:
            text = self.tr("%n person(s) whose data it could hold.", "", info["people"])
            if info["possibly_purged"]:
                text += " " + self.tr("%n of them possibly removed by the volunteer (purge).",
                                      "", info["possibly_purged"])
            if info["never_sent"]:
                text += " " + self.tr("%n more begun on the laptop but never sent: the branch "
                                      "has no data on them; ask the volunteer.", "",
                                      info["never_sent"])
            self.preview_label.setText(text)
        self.update_buttons()

    def _update_deadline(self) -> None:
        deadline = self.discovered_edit.dateTime().addSecs(72 * 3600)
        self.deadline_label.setText(self.tr("Tell the people by {when}").format(
            when=deadline.toString("dd/MM/yyyy HH:mm")))

    def discovered_at(self) -> dt.datetime:
        value = self.discovered_edit.dateTime().toPython()
        return value if value.tzinfo else value.astimezone()

    def update_buttons(self) -> None:
        running = self.running
        for widget in (self.laptop_radio, self.stick_radio, self.pages, self.discovered_edit,
                       self.xlsx_radio, self.csv_radio, self.full_nik_check):
            widget.setEnabled(not running)
        self.write_button.setEnabled(not running and self.preview_info is not None)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    # -- writing ------------------------------------------------------------------------
    @property
    def format(self) -> str:
        return "csv" if self.csv_radio.isChecked() else "xlsx"

    def standard_name(self) -> str:
        what = (self.volunteer_combo.currentData() if self.laptop_radio.isChecked()
                else "usb-stick") or "report"
        return f"breach-report_{what}_{dt.datetime.now():%Y%m%d-%H%M}.{self.format}"

    def choose_and_write(self) -> None:
        path = _save_path(self, self.tr("Breach report"), self.standard_name(), self.format)
        if path is not None:
            self.write_to(path)

    def write_to(self, path: Path) -> DeskJob | None:
        from desa_peduli.services import breach
        from desa_peduli.services.branch import BranchService

        make_scope = self._scope_work()
        if make_scope is None:
            return None
        fmt, full_nik, discovered = self.format, self.full_nik_check.isChecked(), \
            self.discovered_at()
        lang = "en" if current_language() == "en" else "id"

        def work(session, progress, cancelled):
            service = BranchService(session)
            return breach.write_report(
                session.db, make_scope(session), path, fmt=fmt, full_nik=full_nik,
                discovered_at=discovered, lang=lang, branch_name=service.name,
                actor=session.actor, progress=progress, cancelled=cancelled)

        return self.run_job(work, self._on_written, self.tr("Writing {file}…").format(
            file=path.name))

    def _on_written(self, report) -> None:
        self.report = report
        self.status_label.setText(self.tr("Report written: {file}").format(
            file=report.path.name))
        self.written.emit(report)
        extra = ("\n" + str(report.summary_path)) if report.summary_path else ""
        self.tell(QMessageBox.Icon.Information, self.tr("Breach report"), self.tr(
            "The list of %n person(s) is written:\n{path}\n\nIts summary sheet gives the "
            "counts, the time range and the kinds of data for the notice.", "",
            report.people).format(path=str(report.path) + extra))


# ------------------------------------------------------------------------------ menu
class HandoverDesk(QObject):
    """The three actions of the branch window and the dialog each opens."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        self.export_action = self._action(self.tr("Export for &hand-over…"), self.export,
                                          "Ctrl+Shift+E")
        self.kpj_action = self._action(self.tr("Import &KPJ numbers…"), self.import_kpj,
                                       "Ctrl+Shift+K")
        self.breach_action = self._action(self.tr("Brea&ch report…"), self.breach_report)
        self.actions = [self.export_action, self.kpj_action, self.breach_action]

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _query(self):
        view = getattr(self.window, "registrations_view", None)
        return view.current_query() if view is not None else None

    def export(self) -> QDialog:
        return self._show(HandoverExportDialog(self.window.session, self.window,
                                               query=self._query()))

    def import_kpj(self) -> QDialog:
        dialog = KpjImportDialog(self.window.session, self.window)
        dialog.imported.connect(self._on_kpj_imported)
        return self._show(dialog)

    def _on_kpj_imported(self, report) -> None:
        for name in ("registrations_view", "volunteers_view"):
            view = getattr(self.window, name, None)
            if view is not None and hasattr(view, "refresh"):
                view.refresh()
        self.window.statusBar().showMessage(self.tr(
            "%n registration(s) marked Registered from {file}", "", report.registered).format(
            file=report.file), 10_000)

    def breach_report(self) -> QDialog:
        return self._show(BreachReportDialog(self.window.session, self.window))


def install_actions(window, menu) -> HandoverDesk:
    """Add the desk's actions to ``menu`` of the branch ``window`` (kept as
    ``window.handover_desk``)."""
    desk = HandoverDesk(window)
    window.handover_desk = desk
    menu.addSeparator()
    for action in desk.actions:
        menu.addAction(action)
    return desk


__all__ = ["BreachReportDialog", "DeskJob", "HandoverColumnsTableModel", "HandoverDesk",
           "HandoverExportDialog", "KpjImportDialog", "install_actions"]
