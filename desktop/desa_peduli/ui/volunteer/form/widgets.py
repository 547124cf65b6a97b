"""Small pieces of the form: message labels under fields, notes, a wrapping list, rupiah formatting."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSizePolicy, QWidget

ERROR_STYLE = (
    "QLabel { color: #a4161a; background: #fdecea; border-left: 3px solid #c62828;"
    " padding: 2px 6px; }"
)
WARNING_STYLE = (
    "QLabel { color: #6b4500; background: #fff4d6; border-left: 3px solid #e0a000;"
    " padding: 2px 6px; }"
)
NOTE_STYLE = "QLabel { color: #2f4a6d; padding: 1px 0px; }"


def rupiah(amount: int | None) -> str:
    """Indonesian style: ``16800`` → ``Rp16.800``."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(int(amount)):,}".replace(",", ".")


def thousands(amount: int) -> str:
    """``1500000`` → ``1.500.000`` (for the income field)."""
    return f"{int(amount):,}".replace(",", ".")


class MessageLabel(QLabel):
    """Problem messages for one field: red for errors, amber for warnings; hidden if none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setMaximumWidth(620)
        self.severity: str | None = None
        self.hide()

    def show_messages(self, messages: list[str], severity: str | None) -> None:
        """``severity``: "error" or "warning" (the worst of the messages)."""
        text = "\n".join(messages)
        if not text:
            parent = self.parentWidget()
            if (parent is not None and self.isVisibleTo(parent)) or self.text():
                self.clear()
                self.hide()
            self.severity = None
            return
        if severity != self.severity:
            self.setStyleSheet(ERROR_STYLE if severity == "error" else WARNING_STYLE)
            self.severity = severity
        if text != self.text():
            self.setText(text)
        self.show()


class NoteLabel(QLabel):
    """A quiet explanatory note under a field (hidden while empty)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(NOTE_STYLE)
        self.setMaximumWidth(620)
        self.hide()

    def set_note(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class WrappingListWidget(QListWidget):
    """A list of word-wrapped items, each as tall as its text at the current width.

    The view's own guess uses the width at the moment an item is added, which is wrong
    before the first layout; the heights are measured again on every resize.
    """

    def fit_items(self) -> None:
        width = max(self.viewport().width() - 2 * self.spacing() - 8, 120)
        metrics = self.fontMetrics()
        for row in range(self.count()):
            item = self.item(row)
            height = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                          item.text()).height()
            item.setSizeHint(QSize(width, height + 6))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_items()
