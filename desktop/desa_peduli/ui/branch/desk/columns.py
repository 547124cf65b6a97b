"""The columns of the hand-over export: which fields, in which order, under which heading.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desa_peduli.services.handover import SPECS, Column
from desa_peduli.ui.i18n import current_language

_QModelIndex = QModelIndex | QPersistentModelIndex


# ------------------------------------------------------------------------------ columns
FIELD_COLUMN, HEADER_COLUMN = 0, 1


def file_language() -> str:
    """The language of the hand-over file's headers and values: the interface's."""
    return "en" if current_language() == "en" else "id"


def field_label(key: str) -> str:
    spec = SPECS.get(key)
    if spec is None:
        return key
    return spec.label(file_language())


class HandoverColumnsTableModel(QAbstractTableModel):
    """The hand-over file's columns in order: a field (tick to include) and its header."""

    def __init__(self, columns: list, parent: QObject | None = None):
        super().__init__(parent)
        self._columns = [self._copy(c) for c in columns]

    @staticmethod
    def _copy(column):
        return Column(column.field, column.header, column.enabled)

    def columns(self) -> list:
        return [self._copy(c) for c in self._columns]

    def set_columns(self, columns: list) -> None:
        self.beginResetModel()
        self._columns = [self._copy(c) for c in columns]
        self.endResetModel()

    def rowCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if 0 <= section < len(self._columns) else None
        return {FIELD_COLUMN: self.tr("Field"), HEADER_COLUMN: self.tr("Header in the file")}.get(
            section)

    def flags(self, index: _QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == FIELD_COLUMN:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < len(self._columns)) or index.column() not in (0, 1):
            return None
        column = self._columns[index.row()]
        if index.column() == FIELD_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return field_label(column.field)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if column.enabled else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.field
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.title(file_language())  # its own, or the field's name
        if role == Qt.ItemDataRole.ForegroundRole and not column.enabled:
            return self._muted()
        if role == Qt.ItemDataRole.FontRole and column.header is None:
            font = QFont()
            font.setItalic(True)  # follows the language: not typed by the clerk
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column.header is None:
            return self.tr("The field's name in the interface language; type to rename it")
        return None

    @staticmethod
    def _muted():
        return QBrush(QColor(128, 128, 128))

    def setData(self, index: _QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (0 <= index.row() < len(self._columns)):
            return False
        column = self._columns[index.row()]
        if index.column() == FIELD_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            column.enabled = bool(checked)
            self.dataChanged.emit(index, self.index(index.row(), HEADER_COLUMN))
            return True
        if index.column() == HEADER_COLUMN and role == Qt.ItemDataRole.EditRole:
            text = " ".join(str(value or "").split())[:100]
            if not text:
                return False
            # the field's own name again: it follows the language, as before renaming
            column.header = None if text == field_label(column.field) else text
            self.dataChanged.emit(index, index)
            return True
        return False

    def move(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); its new row, or ``row`` if it cannot move."""
        target = row + delta
        if not (0 <= row < len(self._columns) and 0 <= target < len(self._columns)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._columns.insert(target, self._columns.pop(row))
        self.endMoveRows()
        return target
