"""Backup, restore, passphrase and language: the workspace actions both main windows share.

:class:`WorkspaceActions` does the work of the actions the windows put in their menus.
Backups and restores are writing jobs (``ui/jobs.py``). A restore shows a window-modal
progress dialog: the window takes no input, so nothing is written that the restore would
then throw away. A backup only reads the data (and stores its time at the end), so the
person may go on working: a manual one shows the busy cursor, the scheduled one nothing.
Its messages are translated under its own context (``WorkspaceActions``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QProgressDialog

from desa_peduli.services import backups
from desa_peduli.ui import labels
from desa_peduli.ui.i18n import store_language
from desa_peduli.ui.jobs import Job, registry, run_job
from desa_peduli.ui.messages import message_box
from desa_peduli.ui.workspace_dialogs import ChangePassphraseDialog, RestoreBackupDialog

if TYPE_CHECKING:
    from desa_peduli.services.session import Session

log = logging.getLogger(__name__)


class _MainWindow(Protocol):
    """What the actions need of either main window besides being a QMainWindow."""

    session: Session
    language_actions: dict[str, QAction]



class WorkspaceActions(QObject):
    """The workspace actions of ``window`` over ``window.session``.

    ``show_dialog(dialog)`` opens a dialog the window keeps (tests find it there);
    ``backup_label_changed()`` updates the window's "Last backup" label;
    ``after_restore()`` gives the steps that refresh what the window shows after a
    restore (each runs in a turn of the event loop of its own, so none adds to another);
    ``window.language_actions``: its language menu; ``language_changed(code)``: its signal.
    """

    def __init__(self, window: QMainWindow, *, show_dialog: Callable[[QDialog], None],
                 backup_label_changed: Callable[[], None],
                 after_restore: Callable[[], list[Callable[[], object]]],
                 language_changed: Callable[[str], None]):
        super().__init__(window)
        self.window = window
        self._show_dialog = show_dialog
        self._backup_label_changed = backup_label_changed
        self._after_restore = after_restore
        self._language_changed = language_changed
        self.job: Job | None = None  # the backup or restore running
        self.progress: QProgressDialog | None = None

    @property
    def session(self) -> Session:
        return cast("_MainWindow", self.window).session

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    @property
    def restoring(self) -> bool:
        """A restore waits for its turn or runs (its progress dialog shows)."""
        return self.progress is not None

    # -- backups ------------------------------------------------------------------------
    def backup_now(self) -> Job | None:
        """A backup now; the busy cursor shows while it runs (the window stays usable)."""
        if self.running:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.job = run_job(lambda s, _p: backups.make(s, reason="manual"), owner=self,
                           session=self.session, writes=True,
                           on_success=self._on_backup_made, on_failure=self._on_backup_failed)
        return self.job

    def _on_backup_made(self, info) -> None:
        QApplication.restoreOverrideCursor()
        self._backup_label_changed()
        self.window.statusBar().showMessage(
            self.tr("Backup saved: {file}").format(file=info.path.name), 10_000)

    def _on_backup_failed(self, exc: Exception) -> None:
        QApplication.restoreOverrideCursor()
        self.tell(QMessageBox.Icon.Warning, self.tr("Back up now"), labels.error_message(exc))

    def scheduled_backup(self) -> Job | None:
        """The scheduled backup, if it is due and no other write is running (it is tried
        again at the next check): a job, the window stays usable."""
        if registry().writing:
            return None
        try:
            due = backups.due(self.session)
        except Exception:  # noqa: BLE001 - a missed scheduled backup is retried later
            self._on_scheduled_failed(None)
            return None
        if not due:
            return None
        return run_job(lambda s, _p: backups.make(s, reason="scheduled"), owner=self,
                       session=self.session, writes=True,
                       on_success=lambda _info: self._backup_label_changed(),
                       on_failure=self._on_scheduled_failed)

    def _on_scheduled_failed(self, exc: Exception | None) -> None:
        if exc is None:
            log.exception("scheduled backup failed")
        else:
            log.error("scheduled backup failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.window.statusBar().showMessage(
            self.tr("The automatic backup failed; it is tried again later."), 10_000)

    def restore_from_backup(self) -> None:
        """Choose a backup (the dialog confirms), then restore it (after a backup or
        another write still running: writing jobs run one at a time, and the window
        takes no input from the moment the restore is asked for)."""
        if self.restoring:
            return
        dialog = RestoreBackupDialog.for_session(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.restore(dialog.selected_backup()))
        self._show_dialog(dialog)

    def restore(self, backup) -> Job | None:
        """Go back to ``backup``, behind a window-modal progress dialog."""
        if backup is None or self.restoring:
            return None
        self._show_progress(self.tr("Restore from a backup"))
        self.job = run_job(lambda s, _p: backups.restore_data(s, backup), owner=self,
                           session=self.session, writes=True,
                           on_success=lambda _safety: self._on_restored(backup),
                           on_failure=self._on_restore_failed)
        return self.job

    def _on_restored(self, backup) -> None:
        self._hide_progress()
        backups.reload(self.session)
        self._in_turns([*self._after_restore(), self._backup_label_changed,
                        lambda: self.window.statusBar().showMessage(
                            self.tr("Restored the backup of {date}.").format(
                                date=labels.format_timestamp(backup.created_at)), 15_000)])

    def _in_turns(self, steps: list[Callable[[], object]]) -> None:
        """Each step in a later turn of the event loop than the one before; none once
        the window has closed its workspace meanwhile (a close put off by the job)."""
        if steps:
            def run() -> None:
                if not self.session.is_open:
                    return
                steps[0]()
                self._in_turns(steps[1:])

            QTimer.singleShot(0, self, run)

    def _on_restore_failed(self, exc: Exception) -> None:
        self._hide_progress()
        backups.reload(self.session)  # nothing changed, but nothing cached may be stale
        self.tell(QMessageBox.Icon.Warning, self.tr("Restore from a backup"),
                  labels.error_message(exc))

    def _show_progress(self, title: str) -> None:
        progress = QProgressDialog(self.window)
        progress.setWindowTitle(title)
        progress.setCancelButton(None)
        progress.setRange(0, 0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.progress = progress
        progress.show()

    def _hide_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    # -- passphrase and language --------------------------------------------------------
    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session.workspace, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self.window.statusBar().showMessage(
            self.tr("Passphrase changed. Use the new one from now on."), 15_000))
        self._show_dialog(dialog)

    def language_actions(self) -> dict[str, QAction]:
        """One checkable action per language, exclusive, the workspace's own checked; each
        language is named in itself, so it can be found whatever the current one is."""
        group = QActionGroup(self.window)
        current = self.session.settings.get("language") or "id"
        actions: dict[str, QAction] = {}
        for code, text in (("id", "Bahasa &Indonesia"), ("en", "&English")):
            action = QAction(text, self.window)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            actions[code] = action
        return actions

    def set_language(self, code: str) -> None:
        """Store the language; it takes effect at the next start."""
        restart = store_language(self.session, code)
        if restart is None:
            return
        cast("_MainWindow", self.window).language_actions[code].setChecked(True)
        self._language_changed(code)
        if restart:
            self.tell(QMessageBox.Icon.Information, self.tr("Language"), self.tr(
                "The new language is used the next time you start Desa Peduli."))

    def tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self._show_dialog(message_box(self.window, icon, title, text))
