"""The branch office's window: the merged registrations with their states, bundle import
with its report, the import history and the volunteers, in tabs (Ctrl+1…Ctrl+4).

Quick reads and one-row writes run on the UI thread's connection; the bundle import, the
recovery of a volunteer's workspace, backups, restores and the slow counts run as jobs on
a worker thread with their own connection (``ui/jobs.py``). Backup, restore, passphrase
and language are ``ui/window_actions.py``'s, shared with the volunteer's window.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.services import reference_data
from desa_peduli.services.branch import BranchService
from desa_peduli.services.reminders import reminders_for
from desa_peduli.ui import about, labels
from desa_peduli.ui import help as guide
from desa_peduli.ui.branch import desk  # hand-over export, KPJ import, breach
from desa_peduli.ui.branch.bundle_import import ImportView
from desa_peduli.ui.branch.dashboard.view import DashboardView
from desa_peduli.ui.branch.funding.view import FundingView
from desa_peduli.ui.branch.history import HistoryView
from desa_peduli.ui.branch.registrations import RegistrationsView
from desa_peduli.ui.branch.review.view import ReviewView
from desa_peduli.ui.branch.volunteers import VolunteersView
from desa_peduli.ui.fingerprint import FingerprintDialog
from desa_peduli.ui.jobs import close_when_idle, run_job
from desa_peduli.ui.lock import WindowLock, minutes_to_ms
from desa_peduli.ui.messages import message_box
from desa_peduli.ui.reminders import reminder_text, short_path
from desa_peduli.ui.text_size import TextSizeMenu
from desa_peduli.ui.widgets import plain_labels
from desa_peduli.ui.window_actions import WorkspaceActions

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 720)


class BranchMainWindow(QMainWindow):
    """The branch office's window over one open branch :class:`Session`."""

    language_changed = Signal(str)  # stored in settings; applied at the next start

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.service = BranchService(session)
        self.fingerprint = self.service.fingerprint()
        self._closed = False
        self.dialog: QWidget | None = None
        self.workspace_actions = WorkspaceActions(
            self, show_dialog=self._show_dialog, backup_label_changed=self._update_backup_label,
            after_restore=self._after_restore, language_changed=self.language_changed.emit)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.window_lock = WindowLock(self, session.workspace, self.tabs, minutes_to_ms(
            session.settings.get("lock_after_minutes")))
        self.setCentralWidget(self.window_lock.stack)
        self.registrations_view = RegistrationsView(self)
        self.import_view = ImportView(session, self.tabs)
        self.history_view = HistoryView(self)
        self.volunteers_view = VolunteersView(self)
        self.review_view = ReviewView(self)
        self.dashboard_view = DashboardView(self)
        self.funding_view = FundingView(self)
        for view, title in ((self.registrations_view, self.tr("Registrations")),
                            (self.import_view, self.tr("Import")),
                            (self.history_view, self.tr("Import history")),
                            (self.volunteers_view, self.tr("Volunteers")),
                            (self.review_view, self.tr("Review")),
                            (self.dashboard_view, self.tr("Coverage")),
                            (self.funding_view, self.tr("Funding"))):
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
        self.language_actions = self.workspace_actions.language_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.reference_action)
        desk.install_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.passphrase_action)
        language_menu = file_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        self.text_size_menu = TextSizeMenu(self, self.session, file_menu)
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
        self._show_last_backup(self.session.settings.get("last_backup_at"))

    def _show_last_backup(self, last: str | None) -> None:
        self.backup_label.setText(
            self.tr("Last backup: {when}").format(when=labels.format_timestamp(last)) if last
            else self.tr("No backup yet"))

    def _show_reminders(self) -> None:
        """A backup reminder in the status bar (never a box to click away)."""
        try:
            found = reminders_for(self.session)
        except Exception:  # reminders must never break the window
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
        """Show what the import changed. In a large workspace (a long registration list,
        see its model) everything is read on reading jobs and shown as it arrives: after
        a big write the UI thread's connection would read it from a cold cache, in
        hundreds of milliseconds (tests/benchmarks/test_bench_event_loop.py)."""
        if not self.registrations_view.model.reads_in_background():
            self._update_backup_label()  # a backup is made before every import
            self.registrations_view.refresh_in_background()  # at once: a short list
            self.history_view.refresh()
            self.volunteers_view.refresh()
            return
        run_job(lambda session, _progress: session.settings.get("last_backup_at"),
                owner=self, session=self.session, on_success=self._show_last_backup)
        self.registrations_view.refresh_in_background()
        self.history_view.refresh_in_background()
        self.volunteers_view.refresh_in_background()

    def install_reference_update(self) -> None:
        """Install a newer rate table (rules.json + band CSV) or occupation list."""
        in_use = reference_data.versions(self.session)
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Reference data update (rate table in use: {version})").format(
                version=in_use["rates"]), "",
            self.tr("Rate table, occupation or funder list (*.json *.csv);;All files (*)"))
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
                 self.tr("Funder list installed.") if item["name"] == "funders" else
                 self.tr("Occupation list installed.") for item in installed]
        lines.append(self.tr("Every receipt from now on carries it to the volunteers' "
                             "laptops."))
        self._tell(QMessageBox.Icon.Information, self.tr("Reference data"), "\n".join(lines))

    def backup_now(self) -> None:
        self.workspace_actions.backup_now()

    def restore_from_backup(self) -> None:
        """Take the branch office's data back to one of its backups (after confirming)."""
        self.workspace_actions.restore_from_backup()

    def _after_restore(self) -> list:
        return [self.registrations_view.refresh_in_background, self.history_view.refresh,
                self.volunteers_view.refresh, lambda: self.review_view.mark_stale(recount=True),
                self.dashboard_view.refresh]

    def change_passphrase(self) -> None:
        self.workspace_actions.change_passphrase()

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
        self.workspace_actions.set_language(code)

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self._show_dialog(message_box(self, icon, title, text))

    # -- closing ------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        run = self.import_view.run
        if run is not None:  # running: the import's transaction must finish first
            run.cancel()
            self.statusBar().showMessage(self.tr(
                "Stopping the import… close the window again in a moment."), 10_000)
            event.ignore()
            return
        if close_when_idle(self):  # a backup or a restore must finish first
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            self.window_lock.stop()
            self.registrations_view.model.release()
            self.session.close()
        event.accept()
