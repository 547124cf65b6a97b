"""The branch office's window: the merged registrations with their states, bundle import
with its report, the import history and the volunteers, in tabs (Ctrl+1…Ctrl+4).

Everything runs on the UI thread's connection except the bundle import and the recovery
of a volunteer's workspace, which run on a worker thread with their own connection
(``ui/sync_worker.py``) behind a modal dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui import about, labels
from desa_peduli.ui import help as guide
from desa_peduli.ui.branch_dialogs import (
    CorrectionDialog,
    DuplicateOfDialog,
    EnrolVolunteerDialog,
    KpjDialog,
    RecoverWorkspaceDialog,
    WriteReceiptDialog,
)
from desa_peduli.ui.branch_import import ImportView
from desa_peduli.ui.branch_registrations import (
    COLUMN_BRANCH_STATE,
    COLUMN_VOLUNTEER,
    OPEN_DUPLICATES,
    BranchListQuery,
    BranchRegistrationTableModel,
)
from desa_peduli.ui.i18n import store_language
from desa_peduli.ui.lock import WindowLock, minutes_to_ms
from desa_peduli.ui.registration_table_model import (
    COLUMN_NAME,
    COLUMN_NIK,
    COLUMN_OCCUPATION,
    COLUMN_STATUS,
    COLUMN_UPDATED,
    COLUMN_VILLAGE,
)
from desa_peduli.ui.reminders import reminder_text, short_path
from desa_peduli.ui.sync_dialogs import DialogHost, FingerprintDialog, message_box
from desa_peduli.ui.widgets import plain_labels, plain_tip

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
DEFAULT_SIZE = (1280, 720)


def _read_only_table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    return table


def _cell(text, *, number: bool = False, tip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(plain_tip(tip if tip is not None else item.text()))
    return item


class _View(QWidget, DialogHost):
    """A tab that opens dialogs with ``open()`` and remembers the one open (for tests)."""

    def __init__(self, window: BranchMainWindow):
        super().__init__(window.tabs)
        self.main = window
        self.session = window.session
        self.service = window.service
        self.dialog: QWidget | None = None


class RegistrationsView(_View):
    """Every registration the volunteers sent, with search, filters and the state actions."""

    state_changed = Signal(str)  # registration id

    def __init__(self, window: BranchMainWindow):
        super().__init__(window)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Name or NIK…"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 2)
        self.state_filter = QComboBox(self)
        state_label = QLabel(self.tr("S&tate:"), self)
        state_label.setBuddy(self.state_filter)
        filters.addWidget(state_label)
        filters.addWidget(self.state_filter, 1)
        self.volunteer_filter = QComboBox(self)
        self.volunteer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.volunteer_filter.setMinimumContentsLength(16)
        volunteer_label = QLabel(self.tr("&Volunteer:"), self)
        volunteer_label.setBuddy(self.volunteer_filter)
        filters.addWidget(volunteer_label)
        filters.addWidget(self.volunteer_filter, 1)
        layout.addLayout(filters)

        self.model = BranchRegistrationTableModel(self.session.registrations.store,
                                                  BranchListQuery(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setColumnHidden(COLUMN_STATUS, True)  # the volunteer's own status
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(COLUMN_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); padding: 4px;")
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_button.setToolTip(self.tr("The registration is complete and correct"))
        self.correction_button = QPushButton(self.tr("Needs c&orrection…"), self)
        self.correction_button.setToolTip(self.tr(
            "Send it back to the volunteer with a reason"))
        self.registered_button = QPushButton(self.tr("Re&gistered (KPJ)…"), self)
        self.registered_button.setToolTip(self.tr(
            "BPJS Ketenagakerjaan registered the worker: record the KPJ number"))
        self.duplicate_button = QPushButton(self.tr("&Duplicate of…"), self)
        self.duplicate_button.setToolTip(self.tr(
            "The same person was registered twice: keep the other registration"))
        for button in (self.accept_button, self.correction_button, self.registered_button,
                       self.duplicate_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.shown_label = QLabel(self)
        actions.addWidget(self.shown_label)
        layout.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.state_filter.currentIndexChanged.connect(self.apply_filters)
        self.volunteer_filter.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.accept_button.clicked.connect(self.accept_selected)
        self.correction_button.clicked.connect(self.ask_correction)
        self.registered_button.clicked.connect(self.ask_registered)
        self.duplicate_button.clicked.connect(self.ask_duplicate)
        self._fill_filters()  # the model already holds the unfiltered list: no second read
        self._after_change(None)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("M")
        widths = {
            COLUMN_NIK: self.table.fontMetrics().horizontalAdvance("0000000000000000") + 24,
            COLUMN_VILLAGE: em * 11,
            COLUMN_OCCUPATION: em * 11,
            COLUMN_UPDATED: self.table.fontMetrics().horizontalAdvance("00/00/0000 00:00") + 24,
            COLUMN_VOLUNTEER: em * 7,
            COLUMN_BRANCH_STATE: em * 12,
        }
        header.setMinimumSectionSize(60)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COLUMN_NAME, QHeaderView.ResizeMode.Stretch)
        # name, NIK, branch state, volunteer, village, occupation, changed
        header.moveSection(header.visualIndex(COLUMN_BRANCH_STATE), 2)
        header.moveSection(header.visualIndex(COLUMN_VOLUNTEER), 3)

    # -- list ---------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        state = self.state_filter.currentData()
        volunteer = self.volunteer_filter.currentData()
        open_pairs = len(self.service.duplicates(open_only=True))
        for combo in (self.state_filter, self.volunteer_filter):
            combo.blockSignals(True)
        try:
            self.state_filter.clear()
            self.state_filter.addItem(self.tr("All states"), None)
            for code, label in labels.branch_state_choices():
                self.state_filter.addItem(label, code)
            self.state_filter.addItem(self.tr("Possible duplicates to review ({count})").format(
                count=open_pairs), OPEN_DUPLICATES)
            self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(state))
                                              if state else 0)
            self.volunteer_filter.clear()
            self.volunteer_filter.addItem(self.tr("All volunteers"), None)
            for item in self.service.volunteers():
                self.volunteer_filter.addItem(f"{item['id']} · {item['name']}", item["id"])
            self.volunteer_filter.setCurrentIndex(
                max(0, self.volunteer_filter.findData(volunteer)) if volunteer else 0)
        finally:
            for combo in (self.state_filter, self.volunteer_filter):
                combo.blockSignals(False)

    def current_query(self) -> BranchListQuery:
        base = self.model.query
        return BranchListQuery(text=self.search_edit.text().strip(), sort=base.sort,
                               descending=base.descending,
                               branch_state=self.state_filter.currentData(),
                               volunteer_id=self.volunteer_filter.currentData())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        selected = self.current_id()
        self.model.set_query(self.current_query())
        self._after_change(selected)

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read filters and rows (after an import or a state change)."""
        selected = select_id or self.current_id()
        self._fill_filters()
        self.model.set_query(self.current_query())
        self._after_change(selected)

    def _after_change(self, select_id: str | None) -> None:
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.select_row(row)
        shown = self.model.rowCount()
        self.shown_label.setText(
            self.tr("The first {shown} matches: type more to narrow the search.").format(
                shown=shown) if self.model.truncated else
            self.tr("%n registration(s) shown", "", shown))
        if shown == 0:
            any_at_all = bool(self.session.registrations.store.counts().get("total"))
            self.empty_label.setText(
                self.tr("Nothing matches the search or the filters.") if any_at_all else
                self.tr("No registrations yet. Import the volunteers' bundles (Ctrl+2, "
                        "Import bundles…)."))
        self.empty_label.setVisible(shown == 0)
        self._update_buttons()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COLUMN_NAME)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _on_search_edit_return_pressed(self) -> None:
        self.apply_filters()
        if self.model.rowCount():
            if not self.table.selectionModel().selectedRows():
                self.select_row(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _current_name(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return (record or {}).get("full_name") or self.tr("(no name)")

    def _update_buttons(self, *_args) -> None:
        has_row = self.current_id() is not None
        for button in (self.accept_button, self.correction_button, self.registered_button,
                       self.duplicate_button):
            button.setEnabled(has_row)

    # -- states -------------------------------------------------------------------------
    def set_state(self, reg_id: str, state: str, **kwargs) -> bool:
        from desa_peduli.errors import DesaPeduliError

        try:
            self.service.set_state(reg_id, state, **kwargs)
        except Exception as exc:  # noqa: BLE001 - shown; one transaction, nothing changed
            if not isinstance(exc, DesaPeduliError):
                log.exception("setting a state failed")
            self.tell(QMessageBox.Icon.Warning, self.tr("Change state"),
                      labels.error_message(exc))
            return False
        self.refresh(select_id=reg_id)
        self.main.statusBar().showMessage(self.tr("{name}: {state}").format(
            name=self._current_name(), state=labels.branch_state_label(state)), 8000)
        self.state_changed.emit(reg_id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def accept_selected(self) -> None:
        reg_id = self.current_id()
        if reg_id:
            self.set_state(reg_id, "accepted")

    def ask_correction(self) -> None:
        reg_id = self.current_id()
        if not reg_id:
            return
        dialog = CorrectionDialog(self._current_name(), self)
        dialog.accepted.connect(
            lambda: self.set_state(reg_id, "correction", reason=dialog.reason))
        self.show_dialog(dialog)

    def ask_registered(self) -> None:
        reg_id = self.current_id()
        if not reg_id:
            return
        dialog = KpjDialog(self._current_name(), self)
        dialog.accepted.connect(lambda: self.set_state(reg_id, "registered", kpj=dialog.kpj))
        self.show_dialog(dialog)

    def ask_duplicate(self) -> None:
        reg_id = self.current_id()
        if not reg_id:
            return
        dialog = DuplicateOfDialog(self.service, reg_id, self)
        dialog.accepted.connect(
            lambda: self.set_state(reg_id, "duplicate", duplicate_of=dialog.duplicate_of))
        self.show_dialog(dialog)


class HistoryView(_View):
    """Every bundle imported, newest first."""

    def __init__(self, window: BranchMainWindow):
        super().__init__(window)
        layout = QVBoxLayout(self)
        self.table = _read_only_table(self, [
            self.tr("Imported"), self.tr("File"), self.tr("Volunteer"), self.tr("Changes"),
            self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Duplicates"),
            self.tr("Rejected"), self.tr("Written on the laptop"), self.tr("By"),
        ])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("No bundle has been imported yet."), self)
        self.empty_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.empty_label)
        self.refresh()

    def refresh(self) -> None:
        rows = self.service.import_history()
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            report = item.get("report") or {}
            values = [
                _cell(labels.format_timestamp(item["imported_at"])),
                _cell(item["file_name"]),
                _cell(item["volunteer_id"]),
                _cell(f"{item['seq_from']}–{item['seq_to']}", number=True),
                _cell(report.get("new", ""), number=True),
                _cell(report.get("updated", ""), number=True),
                _cell(report.get("unchanged", ""), number=True),
                _cell(report.get("duplicates", ""), number=True),
                _cell(len(report.get("rejected") or []), number=True),
                _cell(labels.format_timestamp(item["created_at"])),
                _cell(item["imported_by"]),
            ]
            for column, cell in enumerate(values):
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not rows)


class VolunteersView(_View):
    """The enrolled volunteers: their laptop, what was acknowledged, open corrections."""

    changed = Signal()

    def __init__(self, window: BranchMainWindow):
        super().__init__(window)
        self.volunteers: list[dict] = []
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("&Enrol volunteer…"), self)
        self.enrol_button.setToolTip(self.tr(
            "Record a volunteer and write their enrolment file for their laptop"))
        self.receipt_button = QPushButton(self.tr("Write &receipt…"), self)
        self.receipt_button.setToolTip(self.tr(
            "Write the receipt for the selected volunteer: states, reasons, KPJ numbers"))
        self.recover_button = QPushButton(self.tr("Re&cover a workspace…"), self)
        self.recover_button.setToolTip(self.tr(
            "Set a new passphrase on a volunteer's workspace whose passphrase was forgotten"))
        for button in (self.enrol_button, self.receipt_button, self.recover_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = _read_only_table(self, [
            self.tr("ID"), self.tr("Name"), self.tr("Villages"), self.tr("Laptop fingerprint"),
            self.tr("Registrations"), self.tr("Acknowledged up to"), self.tr("Last bundle"),
            self.tr("Last receipt"), self.tr("Open corrections"),
        ])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr(
            "No volunteer is enrolled yet. Press Enrol volunteer… to write the first "
            "enrolment file."), self)
        self.empty_label.setStyleSheet("color: palette(mid);")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.enrol_button.clicked.connect(self.enrol_volunteer)
        self.receipt_button.clicked.connect(self.write_receipt)
        self.recover_button.clicked.connect(self.recover_workspace)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.write_receipt())
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        selected = select_id or self.current_id()
        self.volunteers = self.service.volunteers()
        never = self.tr("never")
        self.table.setRowCount(len(self.volunteers))
        for row, item in enumerate(self.volunteers):
            villages = ", ".join(labels.village_name(code) for code in item["villages"])
            paths = "\n".join(labels.village_path(code) for code in item["villages"])
            fingerprint = item["device_fingerprint"] or self.tr("no bundle yet")
            values = [
                _cell(item["id"]),
                _cell(item["name"]),
                _cell(villages, tip=paths or villages),
                _cell(fingerprint),
                _cell(item.get("registrations", 0), number=True),
                _cell(item.get("acked_seq", 0), number=True),
                _cell(labels.format_timestamp(item.get("last_bundle_at")) or never),
                _cell(labels.format_timestamp(item.get("last_receipt_at")) or never),
                _cell(item.get("open_corrections", 0), number=True),
            ]
            for column, cell in enumerate(values):
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not self.volunteers)
        if selected:
            for row, item in enumerate(self.volunteers):
                if item["id"] == selected:
                    self.table.selectRow(row)
        self._update_buttons()

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.volunteers[rows[0].row()]["id"] if rows else None

    def select(self, volunteer_id: str) -> None:
        self.refresh(select_id=volunteer_id)

    def _update_buttons(self) -> None:
        self.receipt_button.setEnabled(self.current_id() is not None)

    def enrol_volunteer(self) -> None:
        dialog = EnrolVolunteerDialog(self.service, self)
        dialog.enrolled.connect(self._on_enrol_dialog_enrolled)
        self.show_dialog(dialog)

    def _on_enrol_dialog_enrolled(self, volunteer_id: str, path) -> None:
        self.refresh(select_id=volunteer_id)
        self.changed.emit()
        self.tell(QMessageBox.Icon.Information, self.tr("Enrol a volunteer"), self.tr(
            "Enrolment file written: {file}\nin {folder}\n\nGive it to the volunteer. When "
            "their laptop is enrolled, read the fingerprints aloud together; the branch "
            "office's is {fingerprint}.").format(
            file=path.name, folder=str(path.parent), fingerprint=self.main.fingerprint))

    def write_receipt(self) -> None:
        volunteer_id = self.current_id()
        if not volunteer_id:
            return
        volunteer = next(v for v in self.volunteers if v["id"] == volunteer_id)
        dialog = WriteReceiptDialog(self.service, volunteer, self)
        dialog.written.connect(lambda path: self._on_receipt_written(volunteer_id, path))
        self.show_dialog(dialog)

    def _on_receipt_written(self, volunteer_id: str, path) -> None:
        self.refresh(select_id=volunteer_id)
        self.tell(QMessageBox.Icon.Information, self.tr("Write receipt"), self.tr(
            "Receipt written: {file}\nin {folder}\n\nThe volunteer imports it on their laptop "
            "(Sync → Import receipt…).").format(file=path.name, folder=str(path.parent)))

    def recover_workspace(self) -> None:
        dialog = RecoverWorkspaceDialog(self.session, self)
        dialog.recovered.connect(lambda volunteer_id: self.tell(
            QMessageBox.Icon.Information, self.tr("Recover a volunteer's workspace"),
            self.tr("A new passphrase is set for the workspace of volunteer {id}. The "
                    "volunteer opens it with the new passphrase.").format(id=volunteer_id)))
        self.show_dialog(dialog)


class BranchMainWindow(QMainWindow):
    """The branch office's window over one open branch :class:`Session`."""

    language_changed = Signal(str)  # stored in settings; applied at the next start

    def __init__(self, session, parent: QWidget | None = None):
        from desa_peduli.services.branch import BranchService

        super().__init__(parent)
        self.session = session
        self.service = BranchService(session)
        self.fingerprint = self.service.fingerprint()
        self._closed = False
        self.dialog: QWidget | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.window_lock = WindowLock(self, session.workspace, self.tabs, minutes_to_ms(
            session.settings.get("lock_after_minutes")))
        self.setCentralWidget(self.window_lock.stack)
        self.registrations_view = RegistrationsView(self)
        self.import_view = ImportView(session, self.tabs)
        self.history_view = HistoryView(self)
        self.volunteers_view = VolunteersView(self)
        from desa_peduli.ui.branch_review import ReviewView

        self.review_view = ReviewView(self)
        from desa_peduli.ui.branch_dashboard import DashboardView

        self.dashboard_view = DashboardView(self)
        for view, title in ((self.registrations_view, self.tr("Registrations")),
                            (self.import_view, self.tr("Import")),
                            (self.history_view, self.tr("Import history")),
                            (self.volunteers_view, self.tr("Volunteers")),
                            (self.review_view, self.tr("Review")),
                            (self.dashboard_view, self.tr("Coverage"))):
            index = self.tabs.addTab(view, title)
            self.tabs.setTabToolTip(index, self.tr("Ctrl+{number}").format(number=index + 1))
        self.import_view.imported.connect(self._on_import_view_imported)
        self.registrations_view.state_changed.connect(lambda _id: self.volunteers_view.refresh())
        self.volunteers_view.changed.connect(self.registrations_view.refresh)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.setWindowTitle(self.tr("Desa Peduli — {branch} (branch office) · {folder}").format(
            branch=self.service.name, folder=short_path(session.workspace.path)))
        self._apply_default_size()
        self.registrations_view.search_edit.setFocus()
        guide.install_help_key()
        self.window_lock.start()
        self._update_backup_label()
        self._show_reminders()
        plain_labels(self)  # what it shows may quote user data

    # -- building -----------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.tab_actions = []
        for index in range(self.tabs.count()):
            self.tab_actions.append(self._action(
                self.tabs.tabText(index), lambda i=index: self.show_tab(i), f"Ctrl+{index + 1}"))
        self.import_action = self._action(
            self.tr("&Import bundles…"), self.import_bundles, "Ctrl+I")
        self.reference_action = self._action(
            self.tr("Install &reference data update…"), self.install_reference_update)
        self.find_action = self._action(
            self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find)
        self.backup_action = self._action(self.tr("&Back up now"), self.backup_now)
        self.restore_action = self._action(
            self.tr("Res&tore from backup…"), self.restore_from_backup)
        self.lock_action = self._action(
            self.tr("&Lock now"), lambda: self.window_lock.lock(), "Ctrl+L")
        self.passphrase_action = self._action(
            self.tr("Change &passphrase…"), self.change_passphrase)
        self.fingerprint_action = self._action(
            self.tr("Branch &fingerprint…"), self.show_fingerprint)
        self.guide_action = self._action(
            self.tr("&User guide"), self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.quit_action = self._action(self.tr("&Quit"), self.close,
                                        QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.language_group = QActionGroup(self)
        current = self.session.settings.get("language") or "id"
        self.language_actions: dict[str, QAction] = {}
        for code, text in (("id", "Bahasa &Indonesia"), ("en", "&English")):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.reference_action)
        from desa_peduli.ui import branch_handover  # hand-over export, KPJ import, breach

        branch_handover.install_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.passphrase_action)
        language_menu = file_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(self.tr("&View"))
        for action in self.tab_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.fingerprint_action)
        help_menu.addSeparator()
        self.about_action = about.install_about_action(self, help_menu)

    def _build_status_bar(self) -> None:
        self.fingerprint_label = QLabel(
            self.tr("Branch fingerprint: {fingerprint}").format(fingerprint=self.fingerprint),
            self)
        self.fingerprint_label.setContentsMargins(8, 0, 8, 0)
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_label = QLabel(self)
        self.backup_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.fingerprint_label)

    def _update_backup_label(self) -> None:
        last = self.session.settings.get("last_backup_at")
        self.backup_label.setText(
            self.tr("Last backup: {when}").format(when=labels.format_timestamp(last)) if last
            else self.tr("No backup yet"))

    def _show_reminders(self) -> None:
        """A backup reminder in the status bar (never a box to click away)."""
        from desa_peduli.services.reminders import reminders_for

        try:
            found = reminders_for(self.session)
        except Exception:  # noqa: BLE001 - reminders must never break the window
            log.exception("reminders")
            return
        if found:
            self.statusBar().showMessage(" ".join(reminder_text(r) for r in found), 60_000)

    def help_section(self) -> str | None:
        """The guide's section for the tab in front (F1)."""
        if self.window_lock.is_locked:
            return "lock"
        return {self.registrations_view: "registrations", self.import_view: "import",
                self.history_view: "history", self.volunteers_view: "volunteers",
                self.review_view: "review", self.dashboard_view: "coverage",
                }.get(self.tabs.currentWidget())

    def show_guide(self) -> None:
        guide.show_help_for(QApplication.focusWidget() or self)

    def _apply_default_size(self) -> None:
        screen = QGuiApplication.primaryScreen()
        width, height = DEFAULT_SIZE
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width())
            height = min(height, available.height())
        self.resize(width, height)

    # -- actions ------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        view = self.tabs.currentWidget()
        target = {self.registrations_view: self.registrations_view.table,
                  self.import_view: self.import_view.import_button,
                  self.history_view: self.history_view.table,
                  self.volunteers_view: self.volunteers_view.table}.get(view)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.registrations_view)
        self.registrations_view.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.registrations_view.search_edit.selectAll()

    def import_bundles(self) -> None:
        self.tabs.setCurrentWidget(self.import_view)
        self.import_view.choose_and_import()

    def _on_import_view_imported(self) -> None:
        self._update_backup_label()  # a backup is made before every import
        self.registrations_view.refresh()
        self.history_view.refresh()
        self.volunteers_view.refresh()

    def install_reference_update(self) -> None:
        """Install a newer rate table (rules.json + band CSV) or occupation list."""
        from desa_peduli.errors import DesaPeduliError
        from desa_peduli.services import reference_data

        in_use = reference_data.versions(self.session.db)
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Reference data update (rate table in use: {version})").format(
                version=in_use["rates"]), "",
            self.tr("Rate table or occupation list (*.json *.csv);;All files (*)"))
        if not paths:
            return
        try:
            installed = reference_data.install_files(self.session, [Path(p) for p in paths])
        except DesaPeduliError as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Reference data"),
                       labels.error_message(exc))
            return
        lines = [self.tr("Rate table version {version} installed.").format(
                     version=item["version"]) if item["name"] == "rates" else
                 self.tr("Occupation list installed.") for item in installed]
        lines.append(self.tr("Every receipt from now on carries it to the volunteers' "
                             "laptops."))
        self._tell(QMessageBox.Icon.Information, self.tr("Reference data"), "\n".join(lines))

    def backup_now(self) -> None:
        from desa_peduli.storage.backups import make_backup

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = make_backup(self.session.workspace, reason="manual")
        except Exception as exc:  # noqa: BLE001 - shown to the person
            QApplication.restoreOverrideCursor()
            self._tell(QMessageBox.Icon.Warning, self.tr("Back up now"),
                       labels.error_message(exc))
            return
        QApplication.restoreOverrideCursor()
        self._update_backup_label()
        self.statusBar().showMessage(
            self.tr("Backup saved: {file}").format(file=info.path.name), 10_000)

    def restore_from_backup(self) -> None:
        """Take the branch office's data back to one of its backups (after confirming)."""
        from desa_peduli.ui.dialogs import RestoreBackupDialog

        if self.import_view.running:
            return
        dialog = RestoreBackupDialog.for_session(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_restore_dialog_accepted(dialog.selected_backup()))
        self.dialog = dialog
        dialog.open()

    def _on_restore_dialog_accepted(self, backup) -> None:
        from desa_peduli.services import backups

        if backup is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backups.restore(self.session, backup)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            QApplication.restoreOverrideCursor()
            self._tell(QMessageBox.Icon.Warning, self.tr("Restore from a backup"),
                       labels.error_message(exc))
            return
        QApplication.restoreOverrideCursor()
        self._update_backup_label()
        for view in (self.registrations_view, self.history_view, self.volunteers_view):
            view.refresh()
        self.review_view.mark_stale(recount=True)
        self.dashboard_view.refresh()
        self.statusBar().showMessage(
            self.tr("Restored the backup of {date}.").format(
                date=labels.format_timestamp(backup.created_at)), 15_000)

    def change_passphrase(self) -> None:
        from desa_peduli.ui.dialogs import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.session.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self.statusBar().showMessage(
            self.tr("Passphrase changed. Use the new one from now on."), 15_000))
        self.dialog = dialog
        dialog.open()

    def show_fingerprint(self) -> None:
        dialog = FingerprintDialog(
            [(self.tr("This branch office:"), self.fingerprint)],
            self.tr("Read it aloud when a volunteer enrols their laptop: the volunteer must "
                    "see the same fingerprint on their screen (Sync → Show fingerprints)."),
            self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def set_language(self, code: str) -> None:
        """Store the language; it takes effect at the next start."""
        restart = store_language(self.session, code)
        if restart is None:
            return
        self.language_actions[code].setChecked(True)
        self.language_changed.emit(code)
        if restart:
            self._tell(QMessageBox.Icon.Information, self.tr("Language"), self.tr(
                "The new language is used the next time you start Desa Peduli."))

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = message_box(self, icon, title, text)
        self.dialog = box
        box.open()

    # -- closing ------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if self.import_view.running:  # the import's transaction must finish first
            self.import_view.run.cancel()
            self.statusBar().showMessage(self.tr(
                "Stopping the import… close the window again in a moment."), 10_000)
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.window_lock.stop()
            self.registrations_view.model.release()
            self.session.close()
        event.accept()
