"""What the branch window's table tabs share: a read-only table, its cells, and the view base class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QTableWidgetItem,
    QWidget,
)

from desa_peduli.ui.messages import DialogHost
from desa_peduli.ui.widgets import plain_tip

if TYPE_CHECKING:
    from desa_peduli.ui.branch.window import BranchMainWindow



def table_cell(text, *, number: bool = False, tip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(plain_tip(tip if tip is not None else item.text()) or "")
    return item


class BranchView(QWidget, DialogHost):
    """A tab that opens dialogs with ``open()`` and remembers the one open (for tests)."""

    def __init__(self, window: BranchMainWindow):
        super().__init__(window.tabs)
        self.main = window
        self.session = window.session
        self.service = window.service
        self.dialog: QWidget | None = None
