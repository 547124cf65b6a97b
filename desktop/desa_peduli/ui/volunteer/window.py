"""The main window: the registration list page, the form and the lock page, with the menus.

A QStackedWidget holds three pages: the list (``list_page.py``: search, filters, counts,
the empty state), the registration form (built by ``ui/volunteer/form``; imported on
first use) and the lock page, which ``ui/lock.py``'s ``WindowLock`` adds and runs (as in
the branch window; the form is saved before it locks). Every user action has a shortcut
or a mnemonic; dialogs are opened with ``open()`` so the idle lock can close them
without nested event loops.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.domain.listing import ListQuery
from desa_peduli.services.reminders import reminders_for
from desa_peduli.ui import about, labels
from desa_peduli.ui import help as guide
from desa_peduli.ui.icons import set_icons, set_menu_icon
from desa_peduli.ui.jobs import close_when_idle
from desa_peduli.ui.lock import WindowLock, minutes_to_ms
from desa_peduli.ui.messages import message_box
from desa_peduli.ui.reminders import short_path
from desa_peduli.ui.text_size import TextSizeMenu
from desa_peduli.ui.volunteer.dialogs import DeleteDialog, HistoryDialog
from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView
from desa_peduli.ui.volunteer.list_page import RegistrationListPage
from desa_peduli.ui.volunteer.sync import VolunteerSync
from desa_peduli.ui.widgets import plain_labels
from desa_peduli.ui.window_actions import WorkspaceActions

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 5 * 60 * 1000
DEFAULT_SIZE = (1280, 720)


def default_form_factory(session, parent: QWidget) -> RegistrationFormView:
    """The real registration form."""
    return RegistrationFormView(session, parent)


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
        if not self._form_open:
            self.list_view.focus_first_action()  # the first run: "Register the first worker"
        plain_labels(self)  # what it shows may quote user data

    # -- building -----------------------------------------------------------------------
    def _build_pages(self) -> None:
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        self.list_view = RegistrationListPage(session=self.session, parent=self.stack)
        self.list_page = self.list_view
        # the list's parts, as the window's (menus, tests and the lock reach them so)
        self.model = self.list_view.model
        self.table = self.list_view.table
        self.search_edit = self.list_view.search_edit
        self.status_filter = self.list_view.status_filter
        self.village_filter = self.list_view.village_filter
        self.occupation_filter = self.list_view.occupation_filter
        self.counts_view = self.list_view.counts_view
        self.empty_label = self.list_view.empty_label
        self.reminder_banner = self.list_view.reminder_banner
        self.list_view.open_requested.connect(self.edit_registration)
        self.list_view.new_requested.connect(self.new_registration)
        self.list_view.restore_requested.connect(self.restore_registration)
        self.list_view.selection_changed.connect(self._update_actions)
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
        self.shown_label = self.list_view.shown_label
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
        return self.list_view.selected_id()

    def _update_actions(self, *_args) -> None:
        if self.is_locked:
            return
        on_list = not self._form_open
        has_row = on_list and self.list_view.has_selection()
        live_row = has_row and not self.list_view.showing_deleted
        self.new_action.setEnabled(on_list)
        self.find_action.setEnabled(on_list)
        self.restore_action.setEnabled(on_list)
        self.edit_action.setEnabled(live_row)
        self.delete_action.setEnabled(live_row)
        self.history_action.setEnabled(has_row or (self._form_open and bool(self.current_id())))
        self.sync.update_actions(list_shown=on_list)

    # -- list ---------------------------------------------------------------------------
    def current_query(self) -> ListQuery:
        return self.list_view.current_query()

    def apply_filters(self) -> None:
        """Re-run the list query from the search box and the filters."""
        self.list_view.apply_filters()

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the list, the counts and the village filter (after any change)."""
        if self._closed:
            return
        self.list_view.refresh(select_id)
        self.sync.update_status()
        self.update_reminders()

    def select_row(self, row: int) -> None:
        self.list_view.select_row(row)

    def focus_search(self) -> None:
        if self._form_open or self.is_locked:
            return
        self.list_view.focus_search()

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
        self.list_view.closed_note.hide()
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
        self.list_view.focus_first_action()

    def _on_form_finished(self) -> None:
        reg_id = getattr(self._form, "current_id", None) if self._form is not None else None
        self.show_list()
        record = self.session.registrations.store.get(reg_id) if reg_id else None
        if record is not None:
            self.list_view.show_missing(record)  # closed incomplete: say what is missing

    def _on_form_saved(self, _reg_id: str) -> None:
        if self._closed:
            return
        self.list_view.set_counts(self.session.registrations.counts())
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

    def restore_registration(self, reg_id: str) -> None:
        """Bring a deleted registration back (the "Deleted" filter's "Restore")."""
        if self._form_open or self.is_locked or not reg_id:
            return
        try:
            with self.session.atomic():
                self.session.registrations.restore(reg_id)
        except Exception as exc:  # noqa: BLE001 - shown to the person
            self._warn(self.tr("Restore registration"), labels.error_message(exc))
            return
        self.refresh()
        self.statusBar().showMessage(self.tr(
            "Registration restored: it is back in the list."), 8000)
        self.list_view.focus_first_action()

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
            self.list_view.close_down()
            self.session.close()
        event.accept()
