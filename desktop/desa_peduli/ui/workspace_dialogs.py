"""Dialogs both windows share for their workspace: restore a backup and change the passphrase.

Both are opened with ``open()`` (window-modal, no nested event loop) and report through
``accepted``/``finished``, so the idle lock can close them and tests can drive them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.errors import WrongPassphrase
from desa_peduli.services import backups
from desa_peduli.services.backups import BackupInfo
from desa_peduli.ui import labels
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.widgets import (
    MIN_PASSPHRASE,
    PassphraseHint,
    busy_bar,
    button_box,
    error_label,
    password_edit,
    read_only_table,
    show_error,
)


class RestoreBackupDialog(QDialog):
    """Lists the workspace's backups; accepted after the person confirms one."""

    @classmethod
    def for_session(cls, session, parent: QWidget | None = None) -> RestoreBackupDialog:
        """The dialog over every backup of ``session``'s workspace, each with its
        registrations."""
        return cls(backups.listing(session), parent)

    def __init__(self, backups: list[tuple[BackupInfo, int | None]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self._backups = [b for b, _count in backups]
        self._confirm: QMessageBox | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose a backup to go back to. The current data is backed up first, so "
                "a restore can itself be undone."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = read_only_table(self, [
            self.tr("Date"), self.tr("Reason"), self.tr("Size"), self.tr("Registrations"),
        ])
        self.table.setRowCount(len(backups))
        for row, (info, count) in enumerate(backups):
            values = [
                labels.format_timestamp(info.created_at),
                labels.backup_reason_label(info.reason),
                labels.format_size(info.size),
                "?" if count is None else str(count),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.empty_label = QLabel(self.tr("There are no backups yet."), self)
        self.empty_label.setVisible(not backups)
        layout.addWidget(self.empty_label)
        self.buttons = button_box(self, self.tr("&Restore…"))
        self.restore_button = self.buttons.buttons()[0]
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.itemActivated.connect(self._on_buttons_accepted)
        if backups:
            self.table.selectRow(0)
        self._on_table_selection_changed()
        self.resize(640, 400)

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _on_table_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _on_buttons_accepted(self, *_args) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Restore from a backup"))
        box.setText(
            self.tr(
                "Replace all current data with the backup of {date}? Changes made after "
                "that time are set aside in a new backup."
            ).format(date=labels.format_timestamp(backup.created_at))
        )
        yes = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self._confirm = box
        box.finished.connect(lambda _result: self._on_confirm_finished(box.clickedButton() is yes))
        box.open()

    def _on_confirm_finished(self, confirmed: bool) -> None:
        self._confirm = None
        if confirmed:
            self.accept()


class ChangePassphraseDialog(QDialog):
    """Old passphrase, new one twice; the key is re-wrapped off the UI thread."""

    changed = Signal()

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace = workspace
        self._worker: Job | None = None
        self.setWindowTitle(self.tr("Change passphrase"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old_edit = password_edit(self)
        self.new_edit = password_edit(self)
        self.repeat_edit = password_edit(self)
        for text, edit in (
            (self.tr("&Current passphrase:"), self.old_edit),
            (self.tr("&New passphrase:"), self.new_edit),
            (self.tr("&Repeat new passphrase:"), self.repeat_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.hint = PassphraseHint(self.new_edit, self)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.busy = busy_bar(self)
        layout.addWidget(self.busy)
        self.buttons = button_box(self, self.tr("C&hange"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    def _on_buttons_accepted(self) -> None:
        old, new = self.old_edit.text(), self.new_edit.text()
        if not old:
            show_error(self.error, self.tr("Type your current passphrase."))
            self.old_edit.setFocus()
            return
        if len(new) < MIN_PASSPHRASE:
            show_error(self.error, self.tr(
                "The new passphrase is too short: at least {count} characters."
            ).format(count=MIN_PASSPHRASE))
            self.new_edit.setFocus()
            return
        if new != self.repeat_edit.text():
            show_error(self.error, self.tr("The two new passphrases are not the same."))
            self.repeat_edit.selectAll()
            self.repeat_edit.setFocus()
            return
        show_error(self.error, "")
        self._set_busy(True)
        workspace = self._workspace
        self._worker = run_job(
            lambda _s, _p: workspace.change_passphrase(old, new), owner=self,
            on_success=self._on_worker_succeeded, on_failure=self._on_worker_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.old_edit, self.new_edit, self.repeat_edit, self.buttons):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)

    def _on_worker_succeeded(self, _result) -> None:
        self._worker = None
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _on_worker_failed(self, exc: Exception) -> None:
        self._worker = None
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            show_error(self.error, self.tr(
                "The current passphrase is wrong. Nothing was changed; try again."))
            self.old_edit.selectAll()
            self.old_edit.setFocus()
        else:
            show_error(self.error, labels.error_message(exc))

    def reject(self) -> None:
        if self.is_busy:  # the key is being re-wrapped: let it finish
            return
        super().reject()
