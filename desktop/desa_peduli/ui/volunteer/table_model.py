"""The registration list as a lazy Qt table model: primary keys up front, rows in pages.

The model holds only the ordered primary keys a :class:`ListQuery` selects (an int
each; 50,000 of them are a few hundred kilobytes) and fetches the columns it shows in
pages of ``page_size`` rows through ``RegistrationStore.rows_for_pks`` when the view
asks for them. A bounded LRU cache keeps the pages recently shown. Filtering and
sorting happen in SQL: :meth:`sort` changes the query's order and re-reads the keys.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desa_peduli.domain.listing import RECEIVED, SENT, ListQuery
from desa_peduli.ui import labels
from desa_peduli.ui.jobs import Job, run_job
from desa_peduli.ui.widgets import plain_tip

SortRole = Qt.ItemDataRole.UserRole + 1  # comparable values (also what SQL sorts on)
IdRole = Qt.ItemDataRole.UserRole + 2  # the registration id (str)
StatusRole = Qt.ItemDataRole.UserRole + 3  # the status code ("draft", "ready", ...)

COLUMN_NAME = 0
COLUMN_NIK = 1
COLUMN_VILLAGE = 2
COLUMN_OCCUPATION = 3
COLUMN_STATUS = 4
COLUMN_NOTE = 5  # the branch office's reason, the KPJ number, the bundle it went in
COLUMN_UPDATED = 6
COLUMN_COUNT = 7
KEEP_LONG_LIST = 100_000  # keys: a list this long is kept for the same query's return

# the ListQuery.sort key each column sorts by
SORT_KEYS = {
    COLUMN_NAME: "full_name",
    COLUMN_NIK: "nik",
    COLUMN_VILLAGE: "village_code",
    COLUMN_OCCUPATION: "occupation",
    COLUMN_STATUS: "status",
    COLUMN_UPDATED: "updated_at",
}
_CORRECTION_COLOUR = QColor(170, 20, 20)
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)  # once: enum.Flag's | is slow, per cell
MODEL_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.ForegroundRole, SortRole, IdRole, StatusRole))

_QModelIndex = QModelIndex | QPersistentModelIndex


def _position(pks: list[int], pk: int) -> int:
    """Where ``pk`` is in ``pks``, or -1."""
    try:
        return pks.index(pk)
    except ValueError:
        return -1


class RegistrationRows(Protocol):
    """What the model reads: ``session.registrations.store`` (a RegistrationStore)."""

    def query_pks(self, query: ListQuery) -> list[int]: ...
    def get(self, reg_id: str) -> dict | None: ...
    def rows_for_pks(self, pks: list[int]) -> dict[int, dict]: ...


class RegistrationTableModel(QAbstractTableModel):
    """Registrations matching a :class:`ListQuery`, fetched page by page."""

    def __init__(
        self,
        store: RegistrationRows,
        query: ListQuery | None = None,
        parent: QObject | None = None,
        *,
        page_size: int = 200,
        max_cached_pages: int = 16,
    ):
        super().__init__(parent)
        self._store = store
        self._query = query or ListQuery()
        self._page_size = max(1, page_size)
        self._max_pages = max(1, max_cached_pages)
        self._pages: OrderedDict[int, dict[int, dict]] = OrderedDict()
        self._pks: list[int] = []
        self._kept: tuple | None = None  # (query, data stamp, keys) of a long list
        self._found: tuple | None = None  # (id, row, keys): found by the refresh's job
        self.truncated = False  # a search matched more than the list shows
        self._load()
        self.rows_fetched = 0  # total rows read from the database (for tests and tuning)

    # -- query --------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return dataclasses.replace(self._query)

    def set_query(self, query: ListQuery) -> None:
        """Show what ``query`` selects (a full reset; the view's selection is cleared)."""
        self.beginResetModel()
        self._query = dataclasses.replace(query)
        self._pages.clear()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        # A long list (a branch's million keys take half a second to read) is kept for
        # when the same query comes back, e.g. a filter cleared, while nothing changed.
        key = dataclasses.astuple(self._query)
        stamp = getattr(self._store, "data_stamp", lambda: None)()
        if stamp is not None and self._kept and self._kept[:2] == (key, stamp):
            self._pks = self._kept[2]
        else:
            self._pks = self._store.query_pks(self._query)
            if stamp is not None and len(self._pks) >= KEEP_LONG_LIST:
                self._kept = (key, stamp, self._pks)
        self._export_at: str | None | bool = False
        truncated = getattr(self._store, "search_truncated", None)
        self.truncated = bool(truncated and self._query.text and truncated(self._query))

    def refresh(self) -> None:
        """Re-read keys and rows (after a save, a delete, a restore)."""
        self.set_query(self._query)

    def reads_in_background(self) -> bool:
        """The list is long enough (``KEEP_LONG_LIST`` keys) that re-reading it after a
        job changed the data is a reading job of its own (:meth:`refresh_in_background`)."""
        return len(self._pks) >= KEEP_LONG_LIST

    def refresh_in_background(self, session: object,
                              on_done: Callable[[], None] | None = None, *,
                              select_id: str | None = None) -> Job | None:
        """Re-read the keys of a long list on a reading job (a million keys take about a
        second to read, far too long for the UI thread after an import or a restore); the
        rows shown stay until they arrive. The job also reads the first page and, if
        ``select_id`` is given, where that registration now is and its page, so the
        first paint and ``row_of_id(select_id)`` need no read on the UI thread. A short
        list is re-read at once. ``on_done()`` runs once the new keys are shown (not if
        another query replaced this one)."""
        if not self.reads_in_background():
            self.refresh()
            if on_done is not None:
                on_done()
            return None
        query = dataclasses.replace(self._query)
        size = self._page_size

        def read(worker_session, _progress) -> tuple[list[int], dict[int, dict[int, dict]],
                                                     int]:
            store = worker_session.registrations.store
            pks = list(store.query_pks(query))
            pages = {0: pks[:size]}
            row = -1
            record = store.get(select_id) if select_id else None
            if record is not None:
                row = _position(pks, record["pk"])
                if row >= 0:
                    start = row // size * size
                    pages.setdefault(row // size, pks[start:start + size])
            return pks, {no: store.rows_for_pks(keys) for no, keys in pages.items()}, row

        def show(result: object) -> None:
            if dataclasses.astuple(self._query) != dataclasses.astuple(query):
                return  # the person changed the search or a filter meanwhile
            pks, pages, row = cast("tuple[list[int], dict[int, dict[int, dict]], int]",
                                   result)
            self.beginResetModel()
            self._pages.clear()
            self._pages.update(pages)
            self.rows_fetched += sum(len(page) for page in pages.values())
            self._pks = pks
            if select_id is not None:
                self._found = (select_id, row, pks)
            stamp = getattr(self._store, "data_stamp", lambda: None)()
            if stamp is not None and len(self._pks) >= KEEP_LONG_LIST:
                self._kept = (dataclasses.astuple(query), stamp, self._pks)
            self.endResetModel()
            if on_done is not None:
                on_done()

        return run_job(read, owner=self, session=session, on_success=show)

    def release(self) -> None:
        """Forget every row and stop reading (the workspace is being closed)."""
        self.beginResetModel()
        self._pks = []
        self._pages.clear()
        self.endResetModel()

    def total_rows(self) -> int:
        return len(self._pks)

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def id_at(self, row: int) -> str | None:
        record = self._record(row)
        return record["id"] if record else None

    def row_of_id(self, reg_id: str) -> int:
        """The row showing ``reg_id``, or -1."""
        found = self._found
        if found is not None and found[0] == reg_id and found[2] is self._pks:
            return found[1]  # found by the job that read these keys
        record = self._store.get(reg_id)
        if record is None:
            return -1
        return _position(self._pks, record["pk"])

    def record_at(self, row: int) -> dict | None:
        """The list columns of one row (a copy)."""
        record = self._record(row)
        return dict(record) if record else None

    # -- paging -------------------------------------------------------------------------
    def _page(self, page_no: int) -> dict[int, dict]:
        page = self._pages.get(page_no)
        if page is not None:
            self._pages.move_to_end(page_no)
            return page
        start = page_no * self._page_size
        pks = self._pks[start:start + self._page_size]
        page = self._store.rows_for_pks(pks)
        self.rows_fetched += len(pks)
        self._pages[page_no] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def _record(self, row: int) -> dict | None:
        if not 0 <= row < len(self._pks):
            return None
        return self._page(row // self._page_size).get(self._pks[row])

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pks)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: _QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("NIK"),
            self.tr("Village"),
            self.tr("Occupation"),
            self.tr("Status"),
            self.tr("Note"),
            self.tr("Changed"),
        )

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in MODEL_ROLES:  # first: painting a cell asks for about seven roles
            return None
        if not index.isValid() or index.parent().isValid():
            return None
        column = index.column()
        if not 0 <= column < COLUMN_COUNT:
            return None
        record = self._record(index.row())
        if record is None:
            return None
        if role == IdRole:
            return record["id"]
        if role == StatusRole:
            return record["status"]
        if role == SortRole:
            return self._sort_value(record, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(record, column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column in (COLUMN_STATUS, COLUMN_NOTE) and record["status"] == "correction":
                return QBrush(_CORRECTION_COLOUR)
        return None

    def _display(self, record: dict, column: int) -> str:
        if column == COLUMN_NAME:
            return record["full_name"] or self.tr("(no name yet)")
        if column == COLUMN_NIK:
            return record["nik"] or ""
        if column == COLUMN_VILLAGE:
            return labels.village_name(record["village_code"])
        if column == COLUMN_OCCUPATION:
            return labels.occupation_label(record["occupation"])
        if column == COLUMN_STATUS:
            if record.get("sent"):
                return labels.status_label(RECEIVED if record.get("acknowledged") else SENT)
            return labels.status_label(record["status"])
        if column == COLUMN_NOTE:
            return self._note(record)
        return labels.format_timestamp(record["updated_at"])

    def _note(self, record: dict) -> str:
        """What the status alone does not say: the branch office's reason, the KPJ
        number, the bundle a sent registration went in, what a draft still lacks."""
        status = record["status"]
        if record.get("branch_reason") and status in ("correction", "duplicate"):
            return " ".join(str(record["branch_reason"]).split())
        if record.get("kpj_number"):
            return self.tr("KPJ number {number}").format(number=record["kpj_number"])
        if record.get("sent") and not record.get("acknowledged"):
            when = self._last_export_at()
            return self.tr("In the bundle of {date}").format(
                date=labels.format_timestamp(when)) if when else ""
        if status == "draft":
            missing = [p for p in record.get("problems") or [] if p.get("severity") != "warning"]
            if missing:
                return self.tr("%n thing(s) still missing", "", len(missing))
        return ""

    def _last_export_at(self) -> str | None:
        if self._export_at is False:  # read once per list load, not at every paint
            read = getattr(self._store, "last_export_at", None)
            self._export_at = read() if read is not None else None
        return self._export_at if isinstance(self._export_at, str) else None

    @staticmethod
    def _sort_value(record: dict, column: int):
        if column == COLUMN_NAME:
            return (record["full_name"] or "").casefold()
        if column == COLUMN_NIK:
            return record["nik"] or ""
        if column == COLUMN_VILLAGE:
            return record["village_code"] or ""
        if column == COLUMN_OCCUPATION:
            return record["occupation"] or ""
        if column == COLUMN_STATUS:
            return record["status"] or ""
        if column == COLUMN_NOTE:
            return record.get("branch_reason") or record.get("kpj_number") or ""
        return record["updated_at"] or ""

    def _tooltip(self, record: dict, column: int) -> str | None:
        if column == COLUMN_VILLAGE:
            return labels.village_path(record["village_code"]) or None
        if column == COLUMN_NOTE:
            return self._note(record) or None
        if column != COLUMN_STATUS:
            return None
        lines = []
        if record.get("branch_reason"):
            lines.append(self.tr("Branch office: {reason}").format(reason=record["branch_reason"]))
        if record.get("kpj_number"):
            lines.append(self.tr("KPJ number: {number}").format(number=record["kpj_number"]))
        problems = [p for p in record.get("problems") or [] if p.get("severity") != "warning"]
        if record["status"] == "draft" and problems:
            lines.append(self.tr("Still to complete:"))
            lines += [f"• {labels.problem_message(p)}" for p in problems[:5]]
            if len(problems) > 5:
                lines.append(self.tr("… and {count} more").format(count=len(problems) - 5))
        return "\n".join(lines) or None

    def sort_key(self, column: int) -> str | None:
        """The ListQuery sort key of a column (None: not sortable)."""
        return SORT_KEYS.get(column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; rows keep their selection (persistent indexes follow their key)."""
        key = self.sort_key(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending:
            return
        self.layoutAboutToBeChanged.emit()
        old_pks = self._pks
        self._query = dataclasses.replace(self._query, sort=key, descending=descending)
        self._load()
        self._pages.clear()
        new_rows = {pk: row for row, pk in enumerate(self._pks)}
        old_indexes = self.persistentIndexList()
        new_indexes = []
        for old in old_indexes:
            row = new_rows.get(old_pks[old.row()], -1) if 0 <= old.row() < len(old_pks) else -1
            new_indexes.append(self.index(row, old.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()
