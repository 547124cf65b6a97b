"""The branch office's merged registration list: the volunteers' model plus who sent each
registration and the branch's own processing state (filters and sorts in storage's
``ListQuery``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desa_peduli.domain.listing import OPEN_DUPLICATES, ListQuery  # noqa: F401 - re-exported
from desa_peduli.ui import labels
from desa_peduli.ui.volunteer.table_model import (
    COLUMN_COUNT,
    MODEL_ROLES,
    RegistrationTableModel,
    SortRole,
)

COLUMN_VOLUNTEER = COLUMN_COUNT
COLUMN_BRANCH_STATE = COLUMN_COUNT + 1
BRANCH_COLUMN_COUNT = COLUMN_COUNT + 2
BranchStateRole = Qt.ItemDataRole.UserRole + 10  # the branch_state code
VolunteerRole = Qt.ItemDataRole.UserRole + 11  # the sending volunteer's id

EXTRA_SORTS = {COLUMN_VOLUNTEER: "volunteer_id", COLUMN_BRANCH_STATE: "branch_state"}
_ATTENTION = QColor(170, 20, 20)

_QModelIndex = QModelIndex | QPersistentModelIndex
_ROLES = frozenset((*MODEL_ROLES, BranchStateRole, VolunteerRole))  # what data() answers


BranchListQuery = ListQuery  # the list's query, with ``branch_state`` and ``volunteer_id``


class BranchRegistrationTableModel(RegistrationTableModel):
    """Every registration the branch holds, with the volunteer and the branch state."""

    def __init__(self, store, query: ListQuery | None = None, parent=None, **kwargs):
        super().__init__(store, query or BranchListQuery(), parent, **kwargs)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else BRANCH_COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section in (COLUMN_VOLUNTEER, COLUMN_BRANCH_STATE)):
            return self.tr("Volunteer") if section == COLUMN_VOLUNTEER else self.tr("Branch state")
        return super().headerData(section, orientation, role)

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:  # first: painting a cell asks for about seven roles
            return None
        if not index.isValid() or index.parent().isValid():
            return None
        column = index.column()
        if role in (BranchStateRole, VolunteerRole) and 0 <= column < BRANCH_COLUMN_COUNT:
            record = self._record(index.row())
            if record is None:
                return None
            return record.get("branch_state" if role == BranchStateRole else "volunteer_id")
        if column < COLUMN_COUNT:
            return super().data(index, role)
        if column >= BRANCH_COLUMN_COUNT:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole, SortRole):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        state = record.get("branch_state")
        if column == COLUMN_VOLUNTEER:
            if role in (Qt.ItemDataRole.DisplayRole, SortRole):
                return record.get("volunteer_id") or ""
            return None
        if role == SortRole:
            return state or ""
        if role == Qt.ItemDataRole.DisplayRole:
            return labels.branch_state_label(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_ATTENTION) if state in ("correction", "invalid") else None
        return self._state_tooltip(record)

    def _state_tooltip(self, record: dict) -> str | None:
        lines = []
        if record.get("branch_reason"):
            lines.append(self.tr("Reason: {reason}").format(reason=record["branch_reason"]))
        if record.get("kpj_number"):
            lines.append(self.tr("KPJ number: {number}").format(number=record["kpj_number"]))
        problems = [p for p in record.get("problems") or [] if p.get("severity") != "warning"]
        if problems:
            lines.append(self.tr("Problems found on import:"))
            lines += [f"• {labels.problem_message(p)}" for p in problems[:5]]
        lines.append(self.tr("Volunteer's status: {status}").format(
            status=labels.status_label(record.get("status"))))
        return "\n".join(lines)

    def sort_key(self, column: int) -> str | None:
        return EXTRA_SORTS.get(column) or super().sort_key(column)
