"""The branch office's merged registration list: the volunteers' model plus who sent each
registration and the branch's own processing state.

Storage does not yet offer ``volunteer_id``/``branch_state`` in its list rows, filters or
sorts (``ListQuery``, ``LIST_COLUMNS``, ``SORTABLE``). Until it does, a
:class:`BranchRegistrationSource` wraps the ``RegistrationStore`` and adds them with two
small read-only queries; the model is the shared :class:`RegistrationTableModel` with two
more columns. When storage grows those fields, the source goes away.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desa_peduli.storage.registrations import ListQuery
from desa_peduli.ui import labels
from desa_peduli.ui.registration_table_model import (
    COLUMN_COUNT,
    RegistrationTableModel,
    SortRole,
)

COLUMN_VOLUNTEER = COLUMN_COUNT
COLUMN_BRANCH_STATE = COLUMN_COUNT + 1
BRANCH_COLUMN_COUNT = COLUMN_COUNT + 2
BranchStateRole = Qt.ItemDataRole.UserRole + 10  # the branch_state code
VolunteerRole = Qt.ItemDataRole.UserRole + 11  # the sending volunteer's id

EXTRA_SORTS = {COLUMN_VOLUNTEER: "volunteer_id", COLUMN_BRANCH_STATE: "branch_state"}
OPEN_DUPLICATES = "open_duplicates"  # a pseudo state: in an unresolved duplicate pair
_ATTENTION = QColor(170, 20, 20)

_QModelIndex = QModelIndex | QPersistentModelIndex


@dataclass
class BranchListQuery(ListQuery):
    """A :class:`ListQuery` with the branch's filters (ignored by the store itself)."""

    branch_state: str | None = None  # a branch state, or OPEN_DUPLICATES
    volunteer_id: str | None = None


class BranchRegistrationSource:
    """A ``RegistrationStore`` seen with ``volunteer_id`` and ``branch_state`` per row."""

    def __init__(self, store):
        self._store = store
        self.db = store.db

    def get(self, reg_id: str) -> dict | None:
        return self._store.get(reg_id)

    def query_pks(self, query: ListQuery) -> list[int]:
        pks = self._store.query_pks(query)
        state = getattr(query, "branch_state", None)
        volunteer = getattr(query, "volunteer_id", None)
        sort_column = query.sort if query.sort in EXTRA_SORTS.values() else None
        if not (state or volunteer or sort_column):
            return pks
        clauses, params = ["deleted_at IS NULL"], []
        if state == OPEN_DUPLICATES:
            clauses.append("id IN (SELECT registration_id FROM duplicates WHERE resolved_at IS "
                           "NULL UNION SELECT other_id FROM duplicates WHERE resolved_at IS NULL)")
        elif state:
            clauses.append("branch_state = ?")
            params.append(state)
        if volunteer:
            clauses.append("volunteer_id = ?")
            params.append(volunteer)
        extra = {pk: (vol or "", st or "") for pk, vol, st in self.db.execute(
            "SELECT pk, volunteer_id, branch_state FROM registrations WHERE "
            + " AND ".join(clauses), params)}
        pks = [pk for pk in pks if pk in extra]
        if sort_column:
            at = 0 if sort_column == "volunteer_id" else 1
            pks.sort(key=lambda pk: extra[pk][at], reverse=query.descending)
        return pks

    def rows_for_pks(self, pks: list[int]) -> dict[int, dict]:
        rows = self._store.rows_for_pks(pks)
        if rows:
            marks = ",".join("?" for _ in rows)
            for pk, volunteer, state in self.db.execute(
                f"SELECT pk, volunteer_id, branch_state FROM registrations WHERE pk IN ({marks})",
                list(rows),
            ):
                rows[pk]["volunteer_id"] = volunteer
                rows[pk]["branch_state"] = state
        return rows


class BranchRegistrationTableModel(RegistrationTableModel):
    """Every registration the branch holds, with the volunteer and the branch state."""

    def __init__(self, store, query: ListQuery | None = None, parent=None, **kwargs):
        super().__init__(BranchRegistrationSource(store), query or BranchListQuery(), parent,
                         **kwargs)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else BRANCH_COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section in (COLUMN_VOLUNTEER, COLUMN_BRANCH_STATE)):
            return self.tr("Volunteer") if section == COLUMN_VOLUNTEER else self.tr("Branch state")
        return super().headerData(section, orientation, role)

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
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
