"""Dialogs of the volunteer's window: delete with a reason and a registration's history.

Both are opened with ``open()`` (window-modal, no nested event loop) and report through
``accepted``/``finished``, so the idle lock can close them and tests can drive them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui import labels
from desa_peduli.ui.widgets import (
    button_box,
    plain_labels,
    read_only_table,
)

MIN_REASON = 3



class DeleteDialog(QDialog):
    """Asks why a registration is deleted; OK only with a reason of 3+ characters."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete registration"))
        layout = QVBoxLayout(self)
        question = QLabel(
            self.tr(
                "Delete the registration of {name}? It disappears from the list; its "
                "history is kept and the branch office is told with the next sync."
            ).format(name=name or self.tr("(no name yet)")),
            self,
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        form = QFormLayout()
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("e.g. registered twice, person withdrew"))
        self.reason_edit.setMaxLength(300)
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)
        layout.addLayout(form)
        self.hint = QLabel(
            self.tr("Write a reason of at least {count} characters.").format(count=MIN_REASON),
            self,
        )
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        self.buttons = button_box(self, self.tr("&Delete"))
        self.delete_button = self.buttons.buttons()[0]
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edit_text_changed)
        self._on_reason_edit_text_changed("")
        self.setMinimumWidth(460)
        plain_labels(self)  # what it shows may quote user data

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def _on_reason_edit_text_changed(self, _text: str) -> None:
        ok = len(self.reason) >= MIN_REASON
        self.delete_button.setEnabled(ok)
        self.hint.setVisible(not ok)

    def accept(self) -> None:
        if len(self.reason) < MIN_REASON:
            return
        super().accept()


class HistoryDialog(QDialog):
    """Every change of one registration: when, who, what, which fields, why."""

    def __init__(self, name: str, rows: list[dict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: {name}").format(name=name or self.tr("(no name yet)")))
        layout = QVBoxLayout(self)
        self.table = read_only_table(self, [
            self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Fields"),
            self.tr("Reason"),
        ])
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            fields = ", ".join(labels.field_label(f) for f in item.get("fields") or [])
            values = [
                labels.format_timestamp(item.get("at")),
                item.get("actor") or "",
                labels.history_action_label(item.get("action") or ""),
                fields,
                item.get("reason") or "",
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 220)
        # rows as tall as their wrapped text at the columns' real widths (known once shown)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        self.table.setCurrentCell(-1, -1)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)
        plain_labels(self)  # what it shows may quote user data

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.reject()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # the stretched column has its real width only once laid out: rows fit it then
        QTimer.singleShot(0, self.table.resizeRowsToContents)
