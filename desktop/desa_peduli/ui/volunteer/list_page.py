"""The volunteer's list page: the registrations with search, filters, counts and empty state.

:class:`RegistrationListPage` shows the registrations a :class:`ListQuery` selects (the
search box and the status, village and occupation filters), the summary counts beside
them and, while there is nothing to show, what to do first. The "Deleted" status filter
lists deleted registrations with a "Restore" button. The main window (``window.py``)
wires its signals to the form and the menus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.domain.listing import DELETED, LIST_STATUSES, ListQuery
from desa_peduli.ui import labels
from desa_peduli.ui.icons import icon
from desa_peduli.ui.reminders import ReminderBanner
from desa_peduli.ui.volunteer.table_model import (
    COLUMN_NAME,
    COLUMN_NIK,
    COLUMN_NOTE,
    COLUMN_OCCUPATION,
    COLUMN_STATUS,
    COLUMN_UPDATED,
    COLUMN_VILLAGE,
    RegistrationTableModel,
)
from desa_peduli.ui.widgets import row_view

SEARCH_DEBOUNCE_MS = 150
# the page's texts keep the translation context they had in the window (MainWindow)
translate = QCoreApplication.translate


def used_village_codes(session) -> list[str]:
    """Distinct village codes of the registrations not deleted (plus the home village)."""
    codes = set(session.registrations.store.village_codes())
    home = session.settings.get("home_village")
    if home:
        codes.add(home)
    return sorted(codes, key=lambda code: (labels.village_name(code).casefold(), code))


class CountsView(QGroupBox):
    """Today, this week, total, and how many per status (sent ones apart from ready)."""

    KEYS = ("today", "week", "total", *LIST_STATUSES)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Summary"), parent)
        layout = QFormLayout(self)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.value_labels: dict[str, QLabel] = {}
        names = {
            "today": self.tr("Today"),
            "week": self.tr("This week"),
            "total": self.tr("Total"),
        }
        for key in self.KEYS:
            value = QLabel("0", self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.value_labels[key] = value
            name = names.get(key) or labels.status_label(key)
            caption = QLabel(name, self)
            caption.setWordWrap(True)
            if key in names:
                font = value.font()
                font.setBold(True)
                value.setFont(font)
            if key == LIST_STATUSES[0]:
                spacer = QLabel(self.tr("By status"), self)
                spacer.setStyleSheet("color: palette(placeholder-text); margin-top: 6px;")
                layout.addRow(spacer)
            layout.addRow(caption, value)

    def set_counts(self, counts: dict) -> None:
        by_status = counts.get("by_status") or {}
        for key, label in self.value_labels.items():
            value = by_status.get(key, 0) if key in LIST_STATUSES else counts.get(key, 0)
            label.setText(str(value or 0))

    def value(self, key: str) -> int:
        return int(self.value_labels[key].text())


class RegistrationListPage(QWidget):
    """The list page of the volunteer's window (see the module docstring)."""

    open_requested = Signal(str)  # a row was activated (Enter, double-click)
    new_requested = Signal()  # the empty list's first action
    restore_requested = Signal(str)  # "Restore" on a deleted registration
    selection_changed = Signal()

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.closed = False
        self._total = 0
        self.model = RegistrationTableModel(session.registrations.store, ListQuery(), self)
        self.shown_label = QLabel(self)  # the window puts it in its status bar
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_timer.start)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        page = QVBoxLayout(self)
        page.setContentsMargins(8, 8, 8, 4)
        self.reminder_banner = ReminderBanner(self)
        page.addWidget(self.reminder_banner)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(translate("MainWindow", "Name or NIK…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_edit.installEventFilter(self)
        search_label = QLabel(translate("MainWindow", "&Search:"), self)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 2)

        self.status_filter = QComboBox(self)
        self.status_filter.addItem(translate("MainWindow", "All statuses"), None)
        for code in (*LIST_STATUSES, DELETED):
            self.status_filter.addItem(labels.status_label(code), code)
        status_label = QLabel(translate("MainWindow", "S&tatus:"), self)
        status_label.setBuddy(self.status_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter, 1)

        self.village_filter = QComboBox(self)
        self.village_filter.addItem(translate("MainWindow", "All villages"), None)
        self.village_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.village_filter.setMinimumContentsLength(14)
        village_label = QLabel(translate("MainWindow", "&Village:"), self)
        village_label.setBuddy(self.village_filter)
        filters.addWidget(village_label)
        filters.addWidget(self.village_filter, 1)

        self.occupation_filter = QComboBox(self)
        self.occupation_filter.addItem(translate("MainWindow", "All occupations"), None)
        for code, label in labels.occupation_choices():
            self.occupation_filter.addItem(label, code)
        self.occupation_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.occupation_filter.setMinimumContentsLength(14)
        occupation_label = QLabel(translate("MainWindow", "&Occupation:"), self)
        occupation_label.setBuddy(self.occupation_filter)
        filters.addWidget(occupation_label)
        filters.addWidget(self.occupation_filter, 1)
        page.addLayout(filters)

        for combo in (self.status_filter, self.village_filter, self.occupation_filter):
            combo.currentIndexChanged.connect(self.apply_filters)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.closed_note = QLabel(self)  # what a form just closed still lacks
        self.closed_note.setWordWrap(True)
        self.closed_note.setStyleSheet(
            "QLabel { background: #fff4ce; color: #3d3000; padding: 6px 10px; "
            "border: 1px solid #e0c97a; }")
        self.closed_note.hide()
        left.addWidget(self.closed_note)
        self.empty_box = QWidget(self)
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(4, 4, 4, 4)
        self.empty_label = QLabel(self.empty_box)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 4px;")
        empty_layout.addWidget(self.empty_label)
        self.first_button = QPushButton(translate("MainWindow", "&Register the first worker"), self.empty_box)
        self.first_button.setDefault(True)
        self.first_button.setAutoDefault(True)
        font = self.first_button.font()
        font.setBold(True)
        self.first_button.setFont(font)
        self.first_button.clicked.connect(self.new_requested)
        self.first_button.setIcon(icon("user-plus"))  # the toolbar's "New registration"
        self.first_button.setMinimumHeight(self.first_button.sizeHint().height() * 3 // 2)
        empty_layout.addWidget(self.first_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        left.addWidget(self.empty_box)
        self._left = left

        self.table = row_view(self, self.model)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(COLUMN_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_changed)
        self.model.modelReset.connect(self._on_selection_changed)
        left.addWidget(self.table, 1)

        deleted_row = QHBoxLayout()
        self.restore_button = QPushButton(translate("MainWindow", "&Restore"), self)
        self.restore_button.setIcon(icon("restore"))
        self.restore_button.setToolTip(translate("MainWindow",
            "Bring the selected registration back into the list"))
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        deleted_row.addWidget(self.restore_button)
        deleted_row.addStretch(1)
        left.addLayout(deleted_row)
        body.addLayout(left, 1)

        side = QVBoxLayout()
        self.counts_view = CountsView(self)
        self.counts_view.setMinimumWidth(190)
        self.counts_view.setMaximumWidth(240)
        side.addWidget(self.counts_view)
        side.addStretch(1)
        body.addLayout(side)
        page.addLayout(body, 1)

        self.setTabOrder(self.search_edit, self.status_filter)
        self.setTabOrder(self.status_filter, self.village_filter)
        self.setTabOrder(self.village_filter, self.occupation_filter)
        self.setTabOrder(self.occupation_filter, self.first_button)
        self.setTabOrder(self.first_button, self.table)
        self._update_deleted_view()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        pad = 24
        widths = {
            COLUMN_NIK: metrics.horizontalAdvance("0000000000000000") + pad,
            COLUMN_VILLAGE: metrics.horizontalAdvance("M") * 10 + pad,
            COLUMN_OCCUPATION: metrics.horizontalAdvance("M") * 10 + pad,
            COLUMN_STATUS: metrics.horizontalAdvance("M") * 13 + pad,
            COLUMN_NOTE: metrics.horizontalAdvance("M") * 16 + pad,
            COLUMN_UPDATED: metrics.horizontalAdvance("00/00/0000 00:00") + pad,
        }
        header.setMinimumSectionSize(60)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COLUMN_NAME, QHeaderView.ResizeMode.Stretch)

    # -- the query ----------------------------------------------------------------------
    @property
    def showing_deleted(self) -> bool:
        return self.status_filter.currentData() == DELETED

    def current_query(self) -> ListQuery:
        base = self.model.query
        return ListQuery(
            status=self.status_filter.currentData(),
            village_prefix=self.village_filter.currentData(),
            occupation=self.occupation_filter.currentData(),
            text=self.search_edit.text().strip(),
            sort=base.sort,
            descending=base.descending,
        )

    def apply_filters(self) -> None:
        """Re-run the list query from the search box and the filters."""
        if self.closed:
            return
        self._search_timer.stop()
        self.closed_note.hide()
        selected = self.selected_id()
        self.model.set_query(self.current_query())
        self._update_deleted_view()
        self._after_list_change(selected)

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the list, the counts and the village filter (after any change)."""
        if self.closed:
            return
        selected = select_id or self.selected_id()
        counts = self.session.registrations.counts()
        self.set_counts(counts)
        self._refresh_village_filter()
        self.model.set_query(self.current_query())
        self._update_deleted_view()
        self._after_list_change(selected)

    def set_counts(self, counts: dict) -> None:
        self.counts_view.set_counts(counts)
        self._total = counts.get("total", 0)

    @property
    def total(self) -> int:
        return self._total

    def _after_list_change(self, select_id: str | None) -> None:
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.select_row(row)
        shown = self.model.rowCount()
        total = self._total
        if self.model.truncated:
            text = translate(
                "MainWindow", "the first {shown} matches: type more to narrow the search"
            ).format(shown=shown)
        elif self.showing_deleted:
            text = translate("MainWindow", "%n deleted registration(s)", "", shown)
        elif total and shown != total:
            text = translate("MainWindow", "{shown} of {total} shown").format(shown=shown, total=total)
        else:
            text = translate("MainWindow", "%n registration(s)", "", total)
        self.shown_label.setText(text)
        first_run = total == 0 and not self.showing_deleted
        if first_run:
            self.empty_label.setText(translate("MainWindow",
                "No registrations yet. Start with the first worker: the form asks for "
                "their KTP details one step at a time."))
        elif self.showing_deleted and shown == 0:
            self.empty_label.setText(translate("MainWindow", "No deleted registrations."))
        elif shown == 0:
            self.empty_label.setText(translate("MainWindow", "Nothing matches the search or the filters."))
        self.first_button.setVisible(first_run)
        self.table.setVisible(not first_run)  # no empty grey table: the first action
        self._left.setStretchFactor(self.empty_box, 1 if first_run else 0)
        self.empty_label.setVisible(shown == 0)
        self.empty_box.setVisible(shown == 0)
        self.selection_changed.emit()

    def show_missing(self, record: dict) -> None:
        """After a form was closed: what the draft ``record`` still lacks (hidden with
        the next search or filter change)."""
        missing = labels.missing_fields(record.get("problems") or [])
        if record.get("status") != "draft" or not missing:
            self.closed_note.hide()
            return
        name = (" ".join(str(record.get("full_name") or "").split())
                or translate("MainWindow", "(no name yet)"))
        self.closed_note.setText(translate("MainWindow",
            "{name} is saved as a draft and cannot be sent yet. Still missing: {missing}. "
            "Open it again to finish.").format(name=name, missing=", ".join(missing)))
        self.closed_note.show()

    def _update_deleted_view(self) -> None:
        deleted = self.showing_deleted
        self.restore_button.setVisible(deleted)
        self.restore_button.setEnabled(deleted and self.selected_id() is not None)

    def _refresh_village_filter(self) -> None:
        current = self.village_filter.currentData()
        codes = used_village_codes(self.session)
        self.village_filter.blockSignals(True)
        try:
            self.village_filter.clear()
            self.village_filter.addItem(translate("MainWindow", "All villages"), None)
            for code in codes:
                self.village_filter.addItem(labels.village_name(code), code)
                self.village_filter.setItemData(
                    self.village_filter.count() - 1, labels.village_path(code),
                    Qt.ItemDataRole.ToolTipRole)
            index = self.village_filter.findData(current) if current else 0
            self.village_filter.setCurrentIndex(max(0, index))
        finally:
            self.village_filter.blockSignals(False)

    # -- selection ----------------------------------------------------------------------
    def selected_id(self) -> str | None:
        """The registration selected in the list."""
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        if not index.isValid():
            return None
        return self.model.id_at(index.row())

    def has_selection(self) -> bool:
        return bool(self.table.selectionModel().selectedRows())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COLUMN_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def focus_first_action(self) -> None:
        """Focus what to do next: the first worker's button on an empty list, else the table."""
        if not self.first_button.isHidden():  # (the window may not be shown yet)
            self.first_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_selection_changed(self, *_args) -> None:
        self._update_deleted_view()
        self.selection_changed.emit()

    def _on_search_edit_return_pressed(self) -> None:
        self.apply_filters()
        if self.model.rowCount() == 0:
            return
        if not self.table.selectionModel().selectedRows():
            self.select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self._on_search_edit_return_pressed()
                return True
        return super().eventFilter(watched, event)

    def _on_table_activated(self, index) -> None:
        if not index.isValid():
            return
        reg_id = self.model.id_at(index.row())
        if not reg_id:
            return
        if not self.showing_deleted:  # a deleted one comes back through "Restore" only
            self.open_requested.emit(reg_id)

    def _on_restore_button_clicked(self) -> None:
        reg_id = self.selected_id()
        if reg_id:
            self.restore_requested.emit(reg_id)

    def close_down(self) -> None:
        """The workspace is closing: stop searching, forget every row."""
        self.closed = True
        self._search_timer.stop()
        self.model.release()


__all__ = ["CountsView", "RegistrationListPage", "used_village_codes"]
