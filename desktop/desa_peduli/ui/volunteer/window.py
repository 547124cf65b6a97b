"""The main window: the registration list with search, filters and counts, and the form.

A QStackedWidget holds three pages: the list, the registration form (built by
``ui/volunteer/form``; imported on first use) and the lock page, which ``ui/lock.py``'s
``WindowLock`` adds and runs (as in the branch window; the form is saved before it
locks). Every user action has a shortcut or a mnemonic; dialogs are opened with
``open()`` so the idle lock can close them without nested event loops.

Over 600 lines: this is the volunteer's only window, and it still wires the list (search,
filters, counts), the form page and the menus in one class. The next seam is the list
with its filters (about 110 lines), left for a later change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.domain.listing import ListQuery
from desa_peduli.domain.registration import STATUSES
from desa_peduli.services.reminders import reminders_for
from desa_peduli.ui import about, labels
from desa_peduli.ui import help as guide
from desa_peduli.ui.icons import set_icons, set_menu_icon
from desa_peduli.ui.jobs import close_when_idle
from desa_peduli.ui.lock import WindowLock, minutes_to_ms
from desa_peduli.ui.messages import message_box
from desa_peduli.ui.reminders import ReminderBanner, short_path
from desa_peduli.ui.text_size import TextSizeMenu
from desa_peduli.ui.volunteer.dialogs import DeleteDialog, HistoryDialog
from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView
from desa_peduli.ui.volunteer.sync import VolunteerSync
from desa_peduli.ui.volunteer.table_model import (
    COLUMN_NAME,
    COLUMN_NIK,
    COLUMN_OCCUPATION,
    COLUMN_STATUS,
    COLUMN_UPDATED,
    COLUMN_VILLAGE,
    RegistrationTableModel,
)
from desa_peduli.ui.widgets import plain_labels
from desa_peduli.ui.window_actions import WorkspaceActions

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 150
BACKUP_CHECK_MS = 5 * 60 * 1000
DEFAULT_SIZE = (1280, 720)


def default_form_factory(session, parent: QWidget) -> RegistrationFormView:
    """The real registration form."""
    return RegistrationFormView(session, parent)


def used_village_codes(session) -> list[str]:
    """Distinct village codes of the registrations not deleted (plus the home village)."""
    codes = set(session.registrations.store.village_codes())
    home = session.settings.get("home_village")
    if home:
        codes.add(home)
    return sorted(codes, key=lambda code: (labels.village_name(code).casefold(), code))


class CountsView(QGroupBox):
    """Today, this week, total, and how many per status."""

    KEYS = ("today", "week", "total", *STATUSES)

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
            if key in names:
                font = value.font()
                font.setBold(True)
                value.setFont(font)
            if key == STATUSES[0]:
                spacer = QLabel(self.tr("By status"), self)
                spacer.setStyleSheet("color: palette(placeholder-text); margin-top: 6px;")
                layout.addRow(spacer)
            layout.addRow(caption, value)

    def set_counts(self, counts: dict) -> None:
        by_status = counts.get("by_status") or {}
        for key, label in self.value_labels.items():
            value = by_status.get(key, 0) if key in STATUSES else counts.get(key, 0)
            label.setText(str(value or 0))

    def value(self, key: str) -> int:
        return int(self.value_labels[key].text())


class MainWindow(QMainWindow):
    """The volunteer's window over one open :class:`Session`."""

    locked = Signal()
    unlocked = Signal()
    language_changed = Signal(str)  # stored in settings; applied at the next start

    def __init__(
        self,
        session,
        *,
        form_factory: Callable[[object, QWidget], RegistrationFormView] | None = None,
        lock_timeout_ms: int | None = None,
        backup_check_ms: int = BACKUP_CHECK_MS,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self._form_factory = form_factory or default_form_factory
        self._form: RegistrationFormView | None = None
        self._form_open = False
        self._closed = False
        self._dialog: QDialog | None = None
        self._total = 0

        self.model = RegistrationTableModel(session.registrations.store, ListQuery(), self)
        self.workspace_actions = WorkspaceActions(
            self, show_dialog=self._show_dialog, backup_label_changed=self._update_backup_label,
            after_restore=self._after_restore, language_changed=self.language_changed.emit)
        self._build_pages()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self.sync = VolunteerSync(self)  # the Sync menu and the sync line in the status bar
        self.sync.changed.connect(self.refresh)
        self.sync.changed.connect(self._drop_closed_form)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))  # after Sync: last
        self.guide_action = self._action(
            self.tr("&User guide"), self.show_guide, QKeySequence.StandardKey.HelpContents,
            self.tr("The guide, at the part about what is on the screen (F1)"))
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.about_action = about.install_about_action(self, self.help_menu)
        set_icons({self.guide_action: "help", self.about_action: "info-circle"})
        guide.install_help_key()
        self._update_title()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_timer.start)

        if lock_timeout_ms is None:
            lock_timeout_ms = minutes_to_ms(session.settings.get("lock_after_minutes"))
        self.idle_lock = self.window_lock.idle
        self.idle_lock.set_timeout_ms(lock_timeout_ms)
        self.window_lock.locking.connect(self._flush_form)
        self.window_lock.locked.connect(self.locked)
        self.window_lock.unlocked.connect(self.unlocked)

        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(max(1000, backup_check_ms))
        self._backup_timer.timeout.connect(self._on_backup_timer_timeout)
        self._backup_timer.start()

        self.refresh()
        self._update_backup_label()
        self._apply_default_size()
        self.window_lock.start()
        self._restore_open_draft()
        plain_labels(self)  # what it shows may quote user data

    # -- building -----------------------------------------------------------------------
    def _build_pages(self) -> None:
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        self.list_page = QWidget(self.stack)
        page = QVBoxLayout(self.list_page)
        page.setContentsMargins(8, 8, 8, 4)
        self.reminder_banner = ReminderBanner(self.list_page)
        page.addWidget(self.reminder_banner)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self.list_page)
        self.search_edit.setPlaceholderText(self.tr("Name or NIK…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        self.search_edit.installEventFilter(self)
        search_label = QLabel(self.tr("&Search:"), self.list_page)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 2)

        self.status_filter = QComboBox(self.list_page)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code, label in labels.status_choices():
            self.status_filter.addItem(label, code)
        status_label = QLabel(self.tr("S&tatus:"), self.list_page)
        status_label.setBuddy(self.status_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter, 1)

        self.village_filter = QComboBox(self.list_page)
        self.village_filter.addItem(self.tr("All villages"), None)
        self.village_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.village_filter.setMinimumContentsLength(14)
        village_label = QLabel(self.tr("&Village:"), self.list_page)
        village_label.setBuddy(self.village_filter)
        filters.addWidget(village_label)
        filters.addWidget(self.village_filter, 1)

        self.occupation_filter = QComboBox(self.list_page)
        self.occupation_filter.addItem(self.tr("All occupations"), None)
        for code, label in labels.occupation_choices():
            self.occupation_filter.addItem(label, code)
        self.occupation_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.occupation_filter.setMinimumContentsLength(14)
        occupation_label = QLabel(self.tr("&Occupation:"), self.list_page)
        occupation_label.setBuddy(self.occupation_filter)
        filters.addWidget(occupation_label)
        filters.addWidget(self.occupation_filter, 1)
        page.addLayout(filters)

        for combo in (self.status_filter, self.village_filter, self.occupation_filter):
            combo.currentIndexChanged.connect(self.apply_filters)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.empty_label = QLabel(self.list_page)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 4px;")
        left.addWidget(self.empty_label)
        self.table = QTableView(self.list_page)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(COLUMN_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._size_columns()
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        left.addWidget(self.table, 1)
        body.addLayout(left, 1)

        side = QVBoxLayout()
        self.counts_view = CountsView(self.list_page)
        self.counts_view.setMinimumWidth(190)
        self.counts_view.setMaximumWidth(240)
        side.addWidget(self.counts_view)
        side.addStretch(1)
        body.addLayout(side)
        page.addLayout(body, 1)
        self.stack.addWidget(self.list_page)

        self.form_page = QWidget(self.stack)
        form_layout = QVBoxLayout(self.form_page)
        self._form_layout = form_layout  # the form goes in when first opened
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.setSpacing(0)
        self.form_banner = QLabel(self.form_page)
        self.form_banner.setWordWrap(True)
        self.form_banner.setStyleSheet(
            "background: #fff4ce; color: #3d3000; padding: 6px 10px; "
            "border-bottom: 1px solid #e0c97a;")
        self.form_banner.hide()
        form_layout.addWidget(self.form_banner)
        self.stack.addWidget(self.form_page)

        # the lock page (ui/lock.py); its timeout is set in __init__
        self.window_lock = WindowLock(self, self.session.workspace, None, 0, stack=self.stack)
        self.lock_view = self.window_lock.view
        self.stack.setCurrentWidget(self.list_page)

        self.setTabOrder(self.search_edit, self.status_filter)
        self.setTabOrder(self.status_filter, self.village_filter)
        self.setTabOrder(self.village_filter, self.occupation_filter)
        self.setTabOrder(self.occupation_filter, self.table)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        pad = 24
        widths = {
            COLUMN_NIK: metrics.horizontalAdvance("0000000000000000") + pad,
            COLUMN_VILLAGE: metrics.horizontalAdvance("M") * 13 + pad,
            COLUMN_OCCUPATION: metrics.horizontalAdvance("M") * 13 + pad,
            COLUMN_STATUS: metrics.horizontalAdvance("M") * 10 + pad,
            COLUMN_UPDATED: metrics.horizontalAdvance("00/00/0000 00:00") + pad,
        }
        header.setMinimumSectionSize(60)
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(COLUMN_NAME, QHeaderView.ResizeMode.Stretch)

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New registration"), self.new_registration, QKeySequence.StandardKey.New,
            self.tr("Register a worker (Ctrl+N)"))
        self.edit_action = self._action(
            self.tr("&Open"), self.edit_registration, "Ctrl+E",
            self.tr("Open the selected registration (Enter or double-click)"))
        self.delete_action = self._action(
            self.tr("&Delete…"), self.delete_selected, QKeySequence.StandardKey.Delete,
            self.tr("Delete the selected registration, with a reason (Del)"))
        # Del must keep deleting characters in the search box: only the table takes it.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.delete_action)
        self.table.addAction(self.delete_action)
        self.history_action = self._action(
            self.tr("&History…"), self.show_history, "Ctrl+H",
            self.tr("Every change of the selected registration (Ctrl+H)"))
        self.find_action = self._action(
            self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find,
            self.tr("Search by name or NIK (Ctrl+F)"))
        self.backup_action = self._action(
            self.tr("&Back up now"), self.backup_now, None,
            self.tr("Make a backup copy of the data now"))
        self.restore_action = self._action(
            self.tr("&Restore from backup…"), self.restore_from_backup, None,
            self.tr("Go back to an earlier backup"))
        self.passphrase_action = self._action(
            self.tr("Change &passphrase…"), self.change_passphrase, None)
        self.lock_action = self._action(
            self.tr("&Lock now"), self.lock, "Ctrl+L",
            self.tr("Hide the data until the passphrase is typed (Ctrl+L)"))
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        self.language_actions = self.workspace_actions.language_actions()
        self._list_actions = (self.new_action, self.edit_action, self.delete_action,
                              self.find_action, self.restore_action)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.passphrase_action)
        language_menu = file_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        self.text_size_menu = TextSizeMenu(self, self.session, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.quit_action)

        reg_menu = bar.addMenu(self.tr("&Registration"))
        for action in (self.new_action, self.edit_action, self.delete_action,
                       self.history_action):
            reg_menu.addAction(action)
        reg_menu.addSeparator()
        reg_menu.addAction(self.find_action)

        self.toolbar = QToolBar(self.tr("Registrations"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        set_icons({self.new_action: "user-plus", self.edit_action: "pencil",
                   self.delete_action: "trash", self.history_action: "history",
                   self.find_action: "search", self.backup_action: "archive",
                   self.restore_action: "restore", self.passphrase_action: "key",
                   self.lock_action: "lock", self.quit_action: "logout"})
        set_menu_icon(language_menu, "language")
        set_menu_icon(self.text_size_menu.menu, "text-size")
        for action in (self.new_action, self.edit_action, self.delete_action,
                       self.history_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.backup_action)
        self.toolbar.addAction(self.lock_action)
        new_button = self.toolbar.widgetForAction(self.new_action)
        if new_button is not None:
            font = new_button.font()
            font.setBold(True)
            new_button.setFont(font)
        self.addToolBar(self.toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.shown_label = QLabel(self)
        self.backup_label = QLabel(self)
        for label in (self.shown_label, self.backup_label):
            label.setContentsMargins(8, 0, 8, 0)
        status.addPermanentWidget(self.shown_label)
        status.addPermanentWidget(self.backup_label)

    def _apply_default_size(self) -> None:
        screen = QGuiApplication.primaryScreen()
        width, height = DEFAULT_SIZE
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width())
            height = min(height, available.height())
        self.resize(width, height)

    def _update_title(self) -> None:
        """``Desa Peduli — Rina Marlina (RLW-001) · ~/.local/share/DesaPeduli``."""
        settings = self.session.settings
        name = settings.get("volunteer_name") or self.session.workspace.path.name
        volunteer_id = settings.get("volunteer_id")
        who = f"{name} ({volunteer_id})" if volunteer_id else name
        self.setWindowTitle(self.tr("Desa Peduli — {name} · {folder}").format(
            name=who, folder=short_path(self.session.workspace.path)))

    def help_section(self) -> str:
        """The guide's section for what is on the screen (F1)."""
        if self.is_locked:
            return "lock"
        if self._form_open and self._form is not None:
            pages = getattr(self._form, "pages", None)
            if pages is not None:
                return guide.FORM_SECTIONS[max(0, min(pages.currentIndex(),
                                                      len(guide.FORM_SECTIONS) - 1))]
            return "form"
        return "list"

    def show_guide(self) -> None:
        guide.show_help_for(QApplication.focusWidget() or self)

    # -- reminders ----------------------------------------------------------------------
    def update_reminders(self) -> None:
        """The banner above the list: registrations waiting, receipt, backup."""
        if self._closed:
            return
        try:
            found = reminders_for(self.session)
        except Exception:  # reminders must never break the window
            log.exception("reminders")
            found = []
        self.reminder_banner.set_reminders(found, {
            "unsent": self.sync.export_action,
            "receipt": self.sync.receipt_action,
            "not_enrolled": self.sync.enrol_action,
            "backup": self.backup_action,
        })

    # -- state --------------------------------------------------------------------------
    @property
    def form(self) -> QWidget | None:
        return self._form

    @property
    def is_locked(self) -> bool:
        return self.window_lock.is_locked

    @property
    def form_is_open(self) -> bool:
        return self._form_open

    def current_id(self) -> str | None:
        """The registration selected in the list (or open in the form)."""
        if self._form_open and self._form is not None:
            return getattr(self._form, "current_id", None)
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        if not index.isValid():
            return None
        return self.model.id_at(index.row())

    def _update_actions(self, *_args) -> None:
        if self.is_locked:
            return
        on_list = not self._form_open
        has_row = on_list and bool(self.table.selectionModel().selectedRows())
        self.new_action.setEnabled(on_list)
        self.find_action.setEnabled(on_list)
        self.restore_action.setEnabled(on_list)
        self.edit_action.setEnabled(has_row)
        self.delete_action.setEnabled(has_row)
        self.history_action.setEnabled(has_row or (self._form_open and bool(self.current_id())))
        self.sync.update_actions(list_shown=on_list)

    # -- list ---------------------------------------------------------------------------
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
        if self._closed:
            return
        self._search_timer.stop()
        selected = self.current_id() if not self._form_open else None
        self.model.set_query(self.current_query())
        self._after_list_change(selected)

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the list, the counts and the village filter (after any change)."""
        if self._closed:
            return
        selected = select_id or (self.current_id() if not self._form_open else None)
        counts = self.session.registrations.counts()
        self.counts_view.set_counts(counts)
        self._total = counts.get("total", 0)
        self._refresh_village_filter()
        self.model.set_query(self.current_query())
        self._after_list_change(selected)
        self.sync.update_status()
        self.update_reminders()

    def _after_list_change(self, select_id: str | None) -> None:
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.select_row(row)
        shown = self.model.rowCount()
        total = self._total
        if self.model.truncated:
            text = self.tr("the first {shown} matches: type more to narrow the search").format(
                shown=shown)
        elif total and shown != total:
            text = self.tr("{shown} of {total} shown").format(shown=shown, total=total)
        else:
            text = self.tr("%n registration(s)", "", total)
        self.shown_label.setText(text)
        if total == 0:
            self.empty_label.setText(self.tr(
                "No registrations yet. Press Ctrl+N (New registration) to register a worker."))
        elif shown == 0:
            self.empty_label.setText(self.tr("Nothing matches the search or the filters."))
        self.empty_label.setVisible(shown == 0)
        self._update_actions()

    def _refresh_village_filter(self) -> None:
        current = self.village_filter.currentData()
        codes = used_village_codes(self.session)
        self.village_filter.blockSignals(True)
        try:
            self.village_filter.clear()
            self.village_filter.addItem(self.tr("All villages"), None)
            for code in codes:
                self.village_filter.addItem(labels.village_name(code), code)
                self.village_filter.setItemData(
                    self.village_filter.count() - 1, labels.village_path(code),
                    Qt.ItemDataRole.ToolTipRole)
            index = self.village_filter.findData(current) if current else 0
            self.village_filter.setCurrentIndex(max(0, index))
        finally:
            self.village_filter.blockSignals(False)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COLUMN_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def focus_search(self) -> None:
        if self._form_open or self.is_locked:
            return
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

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
        if index.isValid():
            self.edit_registration(self.model.id_at(index.row()))

    # -- the form -----------------------------------------------------------------------
    def _ensure_form(self) -> RegistrationFormView:
        if self._form is None:
            form = self._form_factory(self.session, self.form_page)
            self._form_layout.addWidget(form, 1)
            form.finished.connect(self._on_form_finished)
            form.saved.connect(self._on_form_saved)
            form.open_requested.connect(self._on_form_open_requested)
            self._form = form
        return self._form

    def _drop_closed_form(self) -> None:
        """A receipt may bring a newer occupation list or rate table: the next form is
        built afresh with it (the form is never open while a receipt is applied)."""
        if self._form is not None and not self._form_open:
            self._form.deleteLater()
            self._form = None

    def _show_form(self, banner: str | None = None) -> None:
        self._form_open = True
        self.form_banner.setText(banner or "")
        self.form_banner.setVisible(bool(banner))
        self.stack.setCurrentWidget(self.form_page)
        self._update_actions()

    def new_registration(self) -> None:
        if self._form_open or self.is_locked:
            return
        form = self._ensure_form()
        form.new_registration()
        self._show_form()
        form.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_registration(self, reg_id: str | None = None) -> None:
        if self._form_open or self.is_locked:
            return
        reg_id = reg_id or self.current_id()
        if not reg_id:
            return
        form = self._ensure_form()
        form.open_registration(reg_id)
        self._show_form()
        form.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_list(self) -> None:
        """Back to the list (what the form's ``finished`` does)."""
        select = getattr(self._form, "current_id", None) if self._form is not None else None
        self._form_open = False
        self.form_banner.hide()
        self.stack.setCurrentWidget(self.list_page)
        self.refresh(select_id=select)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_form_finished(self) -> None:
        self.show_list()

    def _on_form_saved(self, _reg_id: str) -> None:
        if self._closed:
            return
        self.counts_view.set_counts(self.session.registrations.counts())
        self._update_actions()

    def _on_form_open_requested(self, reg_id: str) -> None:
        if self._form is None or not reg_id:
            return
        self._flush_form()
        self._form.open_registration(reg_id)
        self.form_banner.hide()
        self._update_actions()

    def _flush_form(self) -> None:
        if self._form is None or not self._form_open:
            return
        try:
            self._form.flush()
        except Exception:  # locking or closing must go on; logged
            log.exception("saving the form failed")
            self.statusBar().showMessage(self.tr("The form could not be saved."), 10_000)

    def _restore_open_draft(self) -> None:
        reg_id = self.session.settings.get("open_draft_id")
        if not reg_id:
            return
        record = self.session.registrations.store.get(reg_id)
        if record is None or record.get("deleted_at"):
            self.session.settings.set("open_draft_id", None)
            return
        form = self._ensure_form()
        form.open_registration(reg_id)
        message = self.tr("The unfinished draft was reopened.")
        self._show_form(banner=message)
        self.statusBar().showMessage(message, 15_000)

    # -- delete and history -------------------------------------------------------------
    def delete_selected(self) -> None:
        if self._form_open or self.is_locked:
            return
        reg_id = self.current_id()
        if not reg_id:
            return
        record = self.model.record_at(self.table.currentIndex().row()) or {}
        dialog = DeleteDialog(record.get("full_name") or "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_delete_dialog_accepted(reg_id, dialog.reason))
        self._dialog = dialog
        dialog.open()

    def _on_delete_dialog_accepted(self, reg_id: str, reason: str) -> None:
        row = self.table.currentIndex().row()
        try:
            self.session.registrations.delete(reg_id, reason)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self._warn(self.tr("Delete registration"), labels.error_message(exc))
            return
        self.refresh()
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        self.statusBar().showMessage(self.tr("Registration deleted."), 8000)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_history(self, reg_id: str | None = None) -> None:
        if self.is_locked:
            return
        reg_id = reg_id or self.current_id()
        if not reg_id:
            return
        record = self.session.registrations.store.get(reg_id) or {}
        rows = self.session.registrations.history(reg_id)
        dialog = HistoryDialog(record.get("full_name") or "", rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.open()

    # -- backups, passphrase and language (ui/window_actions.py) -------------------------
    def backup_now(self) -> None:
        if self.is_locked:
            return
        self._flush_form()
        self.workspace_actions.backup_now()

    def _on_backup_timer_timeout(self) -> None:
        if not self._closed:
            self.workspace_actions.scheduled_backup()

    def _update_backup_label(self) -> None:
        last = self.session.settings.get("last_backup_at")
        if last:
            text = self.tr("Last backup: {when}").format(when=labels.format_timestamp(last))
        else:
            text = self.tr("No backup yet")
        self.backup_label.setText(text)
        self.update_reminders()

    def restore_from_backup(self) -> None:
        if self._form_open or self.is_locked:
            return
        self.workspace_actions.restore_from_backup()

    def _after_restore(self) -> list:
        return [self._update_title, self.refresh]

    def change_passphrase(self) -> None:
        if self.is_locked:
            return
        self.workspace_actions.change_passphrase()

    def set_language(self, code: str) -> None:
        """Store the language; it takes effect at the next start."""
        self.workspace_actions.set_language(code)

    def _show_dialog(self, dialog: QDialog) -> None:
        self._dialog = dialog
        dialog.open()

    def _warn(self, title: str, text: str) -> None:
        self._tell(QMessageBox.Icon.Warning, title, text)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self._show_dialog(message_box(self, icon, title, text))

    # -- lock (ui/lock.py) --------------------------------------------------------------
    def lock(self, idle: bool = False) -> None:
        """Save the form, hide everything behind the passphrase page."""
        if not self._closed:
            self.window_lock.lock(idle=idle)

    # -- closing ------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        if close_when_idle(self):  # a backup or a restore must finish first
            event.ignore()
            return
        if not self._closed:
            if not self.is_locked:
                self._flush_form()
            self._closed = True
            self.window_lock.stop()
            self._backup_timer.stop()
            self._search_timer.stop()
            self.model.release()
            self.session.close()
        event.accept()
