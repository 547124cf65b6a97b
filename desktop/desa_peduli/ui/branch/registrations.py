"""The branch window's Registrations tab: search, filters, and the actions on the chosen registrations.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services.branch import BranchService
from desa_peduli.ui import labels
from desa_peduli.ui.branch.registration_model import (
    COLUMN_BRANCH_STATE,
    COLUMN_VOLUNTEER,
    OPEN_DUPLICATES,
    BranchListQuery,
    BranchRegistrationTableModel,
)
from desa_peduli.ui.branch.review.dialogs import CorrectionDialog, DuplicateOfDialog, KpjDialog
from desa_peduli.ui.branch.view_base import BranchView
from desa_peduli.ui.jobs import run_job
from desa_peduli.ui.volunteer.table_model import (
    COLUMN_NAME,
    COLUMN_NIK,
    COLUMN_OCCUPATION,
    COLUMN_STATUS,
    COLUMN_UPDATED,
    COLUMN_VILLAGE,
)
from desa_peduli.ui.widgets import row_view

if TYPE_CHECKING:
    from desa_peduli.ui.branch.window import BranchMainWindow

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150


def filter_choices(service: BranchService) -> tuple[int, list[dict]]:
    """What the filters offer: the number of open duplicate pairs and the volunteers."""
    return len(service.duplicates(open_only=True)), service.volunteers()


class RegistrationsView(BranchView):
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
        self.table = row_view(self, self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setColumnHidden(COLUMN_STATUS, True)  # the volunteer's own status
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(COLUMN_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 4px;")
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
        # the hand-over desk's buttons, beside the list they work on (ui/branch/desk/menu.py)
        self.handover_row = QHBoxLayout()
        layout.addLayout(self.handover_row)

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
    def _fill_filters(self, choices: tuple[int, list[dict]] | None = None) -> None:
        """The filters' choices: ``choices`` read by a job (:func:`filter_choices`), or
        read now."""
        state = self.state_filter.currentData()
        volunteer = self.volunteer_filter.currentData()
        open_pairs, volunteers = choices or filter_choices(self.service)
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
            for item in volunteers:
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

    def refresh_in_background(self) -> None:
        """Re-read filters and rows after a job changed the data (an import, a restore).
        A long list (see the model) is read on reading jobs: its keys, first page and the
        selected row on one, the filters' choices on another; a short one at once."""
        selected = self.current_id()
        if not self.model.reads_in_background():
            self._fill_filters()
            if self.current_query() != self.model.query:
                self.refresh(selected)
                return
            self.model.refresh_in_background(self.session, lambda: self._after_change(selected))
            return
        run_job(lambda session, _progress: filter_choices(BranchService(session)), owner=self,
                session=self.session, on_success=self._on_filter_choices_read)
        self.model.refresh_in_background(self.session, lambda: self._after_change(selected),
                                         select_id=selected)

    def _on_filter_choices_read(self, choices: tuple[int, list[dict]]) -> None:
        self._fill_filters(choices)
        if self.current_query() != self.model.query:  # a volunteer chosen is gone
            self.refresh(self.current_id())

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
        try:
            self.service.set_state(reg_id, state, **kwargs)
        except Exception as exc:  # shown; one transaction, nothing changed
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
