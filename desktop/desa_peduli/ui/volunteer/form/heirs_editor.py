"""The heirs (ahli waris) editor: one row of name, relationship and phone per heir."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui.volunteer.form.widgets import MessageLabel

MAX_HEIRS = 10
NAME_WIDTH = 300
RELATIONSHIP_WIDTH = 210
PHONE_WIDTH = 170


class HeirRow(QWidget):
    """One heir: name, relationship, phone, a remove button and the row's messages."""

    changed = Signal()
    remove_requested = Signal(object)  # self

    def __init__(self, relationships: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.number = QLabel(self)
        self.number.setMinimumWidth(22)
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("Name as on the KK or KTP"))
        self.name.setFixedWidth(NAME_WIDTH)
        self.relationship = QComboBox(self)
        self.relationship.setPlaceholderText(self.tr("Choose…"))
        for code, label in relationships:
            self.relationship.addItem(label, code)
        self.relationship.setCurrentIndex(-1)
        self.relationship.setFixedWidth(RELATIONSHIP_WIDTH)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("optional"))
        self.phone.setFixedWidth(PHONE_WIDTH)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.message = MessageLabel(self)
        grid.addWidget(self.number, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.relationship, 0, 2)
        grid.addWidget(self.phone, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.message, 1, 1, 1, 4)
        grid.setColumnStretch(5, 1)
        self.name.textEdited.connect(self.changed)
        self.phone.textEdited.connect(self.changed)
        self.relationship.currentIndexChanged.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def set_number(self, number: int) -> None:
        self.number.setText(f"{number}.")
        self.message.setObjectName(f"message:heirs[{number - 1}]")
        self.name.setAccessibleName(self.tr("Name of heir {number}").format(number=number))
        self.relationship.setAccessibleName(
            self.tr("Relationship of heir {number}").format(number=number))
        self.phone.setAccessibleName(self.tr("Phone of heir {number}").format(number=number))
        self.remove_button.setAccessibleName(self.tr("Remove heir {number}").format(number=number))

    def value(self) -> dict:
        return {
            "name": self.name.text(),
            "relationship": self.relationship.currentData(),
            "phone": self.phone.text().strip() or None,
        }

    def set_value(self, heir: dict) -> None:
        self.name.setText(heir.get("name") or "")
        index = self.relationship.findData(heir.get("relationship"))
        self.relationship.setCurrentIndex(index)
        self.phone.setText(heir.get("phone") or "")

    def is_blank(self) -> bool:
        value = self.value()
        return not value["name"].strip() and not value["relationship"] and not value["phone"]

    def focus_widgets(self) -> list[QWidget]:
        return [self.name, self.relationship, self.phone, self.remove_button]


class HeirsEditor(QWidget):
    """Rows of heirs with Add/Remove buttons; fully keyboard operable."""

    changed = Signal()
    rows_changed = Signal()  # a row was added or removed (the tab order moved)

    def __init__(self, relationships: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._relationships = relationships
        self.rows: list[HeirRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setSpacing(8)
        spacer = QLabel("", self)
        spacer.setMinimumWidth(22)
        header.addWidget(spacer)
        for text, width in ((self.tr("Name"), NAME_WIDTH),
                            (self.tr("Relationship"), RELATIONSHIP_WIDTH),
                            (self.tr("Phone"), PHONE_WIDTH)):
            label = QLabel(f"<b>{text}</b>", self)
            label.setTextFormat(Qt.TextFormat.RichText)  # our own heading, not user data
            label.setFixedWidth(width)
            header.addWidget(label)
        header.addStretch(1)
        layout.addLayout(header)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(6)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add another heir"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    # -- API --------------------------------------------------------------------------
    def values(self) -> tuple[list[dict], list[HeirRow]]:
        """The non-blank heirs and the rows they come from (same order)."""
        rows = [row for row in self.rows if not row.is_blank()]
        return [row.value() for row in rows], rows

    def set_values(self, heirs: list[dict], *, blank_row: bool = True) -> None:
        for row in list(self.rows):
            self._remove(row)
        for heir in heirs:
            self.add_row().set_value(heir)
        if blank_row and not heirs:
            self.add_row()
        self._renumber()

    def add_row(self) -> HeirRow:
        row = HeirRow(self._relationships, self)
        # keep the tab order: the previous row (or what precedes the Add button), this
        # row's fields, then the Add button
        anchor = self.rows[-1].remove_button if self.rows else self.add_button.previousInFocusChain()
        assert anchor is not None  # the focus chain is a ring: the button has a previous
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # now, not after the layout's queued show: Tab must reach it at once
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._on_row_remove_requested)
        for first, second in pairwise([anchor, *row.focus_widgets(), self.add_button]):
            QWidget.setTabOrder(first, second)
        self._renumber()
        self.add_button.setEnabled(len(self.rows) < MAX_HEIRS)
        self.rows_changed.emit()
        return row

    def first_focus(self) -> QWidget:
        return self.rows[0].name if self.rows else self.add_button

    # -- internals --------------------------------------------------------------------
    def _remove(self, row: HeirRow) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()

    def _renumber(self) -> None:
        for i, row in enumerate(self.rows, start=1):
            row.set_number(i)

    def _on_add_button_clicked(self) -> None:
        row = self.add_row()
        row.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _on_row_remove_requested(self, row: HeirRow) -> None:
        index = self.rows.index(row)
        was_blank = row.is_blank()
        self._remove(row)
        self._renumber()
        self.add_button.setEnabled(len(self.rows) < MAX_HEIRS)
        if index < len(self.rows):
            self.rows[index].name.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rows_changed.emit()
        if not was_blank:
            self.changed.emit()
