"""The matching code (fingerprint) of a key shown in large type, to compare between a laptop and the branch.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui.text_size import scaled


def fingerprint_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
    font.setBold(True)
    return font


class FingerprintDialog(QDialog):
    """Fingerprints to read aloud and compare (this laptop's, the branch office's)."""

    def __init__(self, rows: list[tuple[str, str]], note: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fingerprints"))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.value_labels: list[QLabel] = []
        for row, (caption, value) in enumerate(rows):
            grid.addWidget(QLabel(caption, self), row, 0)
            shown = QLabel(value, self)
            shown.setFont(fingerprint_font())
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, row, 1)
            self.value_labels.append(shown)
        layout.addLayout(grid)
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(scaled(520))  # wider with the text size

    def fingerprints(self) -> list[str]:
        return [label.text() for label in self.value_labels]


def volunteer_fingerprints(session) -> list[tuple[str, str]]:
    """(caption, fingerprint) for this laptop and its branch office (raises NotEnrolled)."""
    from desa_peduli.services.field import FieldSync  # noqa: PLC0415 - not at start-up: loaded with the passphrase dialog, the sync layer is not

    field = FieldSync(session)
    mine = field.fingerprint()
    branch = session.settings.get("branch") or {}
    return [
        (QApplication.translate("SyncDialogs", "This laptop:"), mine),
        (QApplication.translate("SyncDialogs", "Branch office ({name}):").format(
            name=branch.get("name") or ""), branch.get("fingerprint") or ""),
    ]
