"""Message boxes and error texts shared by every window: ``message_box`` (window-modal,
never a nested event loop), ``DialogHost``, the text of a failed file write, and for a
quick action on the UI thread ``busy_cursor()`` with ``show_failure()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMessageBox,
    QWidget,
)

from desa_peduli.errors import DesaPeduliError
from desa_peduli.ui import labels

log = logging.getLogger(__name__)


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                buttons: list[tuple[str, QMessageBox.ButtonRole]] | None = None) -> QMessageBox:
    """A message box with our own (translated) button texts; the caller opens it."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for text_, role in buttons or [(QApplication.translate("SyncDialogs", "OK"),
                                    QMessageBox.ButtonRole.AcceptRole)]:
        box.addButton(text_, role)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class DialogHost:
    """For a view that opens one window-modal dialog at a time: it is kept in
    ``self.dialog`` (tests find it there) and deleted when closed."""

    dialog: QWidget | None = None

    def show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self.show_dialog(message_box(cast(QWidget, self), icon, title, text))


def write_error_message(exc: Exception, folder: Path | None) -> str:
    """What to tell the person when a sync file could not be written."""
    if isinstance(exc, DesaPeduliError):
        return labels.error_message(exc)
    if isinstance(exc, OSError):
        return QApplication.translate(
            "SyncDialogs",
            "Could not write to {folder}: the USB stick may have been pulled out, or it is "
            "full or write-protected. Plug it in again and retry; nothing was lost, the "
            "registrations are still on this laptop.").format(folder=str(folder or ""))
    return labels.error_message(exc)


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while a short action runs on the UI thread (a slow one is a job:
    ``ui/jobs.py``); restored however the action ends."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def failure_text(exc: BaseException, bug: str) -> str:
    """What to tell the person about ``exc``; one that is no :class:`DesaPeduliError` is
    a bug and is logged as ``bug`` (with its traceback)."""
    if not isinstance(exc, DesaPeduliError):
        log.error(bug, exc_info=(type(exc), exc, exc.__traceback__))
    return labels.error_message(cast(Exception, exc))


def show_failure(tell: Callable[[QMessageBox.Icon, str, str], object], title: str,
                 exc: BaseException, bug: str) -> None:
    """A failed action: ``tell`` a warning titled ``title`` (a bug is logged as ``bug``)."""
    tell(QMessageBox.Icon.Warning, title, failure_text(exc, bug))
