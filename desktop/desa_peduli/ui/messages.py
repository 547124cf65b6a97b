"""Message boxes and error texts shared by every window: ``message_box`` (window-modal,
never a nested event loop), ``DialogHost`` and the text of a failed file write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QWidget,
)

from desa_peduli.ui import labels


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

    def show_dialog(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self.show_dialog(message_box(self, icon, title, text))


def write_error_message(exc: Exception, folder: Path | None) -> str:
    """What to tell the person when a sync file could not be written."""
    from desa_peduli.errors import DesaPeduliError

    if isinstance(exc, DesaPeduliError):
        return labels.error_message(exc)
    if isinstance(exc, OSError):
        return QApplication.translate(
            "SyncDialogs",
            "Could not write to {folder}: the USB stick may have been pulled out, or it is "
            "full or write-protected. Plug it in again and retry; nothing was lost, the "
            "registrations are still on this laptop.").format(folder=str(folder or ""))
    return labels.error_message(exc)
