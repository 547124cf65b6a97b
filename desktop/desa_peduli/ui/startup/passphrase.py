"""Opening a workspace with its passphrase, the slow key unwrap running off the UI thread.

age's scrypt unwrap takes about 1.5 s. The SQLCipher connection must belong to the UI
thread, so only the unwrap runs in the background; the database is then opened with the
raw key (no KDF, fast) on the UI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desa_peduli.errors import WrongPassphrase
from desa_peduli.ui import labels
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.text_size import scaled
from desa_peduli.ui.widgets import busy_bar, button_box, error_label, password_edit, show_error


def unwrap_workspace_key(path: Path, passphrase: str) -> bytes:
    """The database key of the workspace at ``path`` (slow: scrypt). Touches no database."""
    from desa_peduli.services.session import Session  # noqa: PLC0415 - start-up: loads after the passphrase dialog

    return Session.unwrap_key(path, passphrase)


def open_session_with_key(path: Path, key: bytes):
    """A Session on the UI thread with a key from :func:`unwrap_workspace_key` (fast)."""
    from desa_peduli.services.session import Session  # noqa: PLC0415 - start-up: loads after the passphrase dialog

    return Session.open_with_key(path, key)


def workspace_in_use(path: Path) -> bool:
    """True when another program holds the workspace's lock right now."""
    from desa_peduli.services.session import workspace_in_use  # noqa: PLC0415 - start-up: loads after the passphrase dialog

    return workspace_in_use(path)


class PassphraseDialog(QDialog):
    """Asks for the passphrase until it is right; ``session`` is set when accepted.

    A problem the passphrase cannot fix (locked by another program, damaged, too new)
    rejects the dialog with ``fatal_error`` set.
    """

    opened = Signal(object)  # the Session

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._path = Path(path)
        self._worker: Job | None = None
        self.session = None
        self.fatal_error: Exception | None = None
        self.setWindowTitle(self.tr("Desa Peduli"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Type your passphrase to open your registrations."), self)
        title.setWordWrap(True)
        layout.addWidget(title)
        where = QLabel(self.tr("Data folder: {folder}").format(folder=str(self._path)), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(where)
        self.passphrase_edit = password_edit(self)
        label = QLabel(self.tr("&Passphrase:"), self)
        label.setBuddy(self.passphrase_edit)
        layout.addWidget(label)
        layout.addWidget(self.passphrase_edit)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.forgotten = QLabel(self.tr(
            "Forgotten the passphrase? Press F1: the guide says what to do."), self)
        self.forgotten.setWordWrap(True)
        self.forgotten.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.forgotten)
        self.busy = busy_bar(self)
        layout.addWidget(self.busy)
        self.buttons = button_box(self, self.tr("&Open"), self.tr("&Quit"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(scaled(440))  # wider with the text size
        self.passphrase_edit.setFocus()

    @property
    def is_busy(self) -> bool:
        return self._worker is not None

    @property
    def help_role(self) -> str:
        """The guide F1 opens: the volunteer's or the branch office's (workspace.json)."""
        try:
            from desa_peduli.services.session import workspace_role  # noqa: PLC0415 - start-up: loads after the passphrase dialog

            return workspace_role(self._path) or "volunteer"
        except Exception:  # noqa: BLE001 - a damaged folder still gets the guide
            return "volunteer"

    def _on_buttons_accepted(self) -> None:
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            show_error(self.error, self.tr("Type the passphrase first."))
            return
        self._set_busy(True)
        path = self._path
        self._worker = run_job(
            lambda _s, _p: unwrap_workspace_key(path, passphrase), owner=self,
            on_success=self._on_worker_succeeded, on_failure=self._on_worker_failed)

    def _set_busy(self, busy: bool) -> None:
        self.passphrase_edit.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            show_error(self.error, "")

    def _on_worker_succeeded(self, key: bytes) -> None:
        self._worker = None
        try:
            self.session = open_session_with_key(self._path, key)
        except Exception as exc:  # noqa: BLE001 - shown, then the app exits with code 3
            self._on_worker_failed(exc)
            return
        self._set_busy(False)
        self.opened.emit(self.session)
        self.accept()

    def _on_worker_failed(self, exc: Exception) -> None:
        self._worker = None
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            show_error(self.error, labels.error_message(exc))
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            return
        self.fatal_error = exc
        self.reject()

    def reject(self) -> None:
        if self.is_busy:
            return
        super().reject()
