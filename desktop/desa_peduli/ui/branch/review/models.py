"""Qt models of the review queue: its kinds with counts, a kind's items (fetched page by
page), and registrations field by field (side by side for a duplicate pair).

The data comes from ``services.review.ReviewService``; nothing here writes.
"""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desa_peduli import reference
from desa_peduli.services.review import DEVICE, DUPLICATE, INVALID, KINDS, PAGE, WARNING
from desa_peduli.ui import labels
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.widgets import plain_tip

KindRole = Qt.ItemDataRole.UserRole + 1  # the kind code ("duplicate", …)
CountRole = Qt.ItemDataRole.UserRole + 2  # how many items of the kind
ItemRole = Qt.ItemDataRole.UserRole + 3  # the item dict (a copy)
KeyRole = Qt.ItemDataRole.UserRole + 4  # what identifies the item (pair id, registration id…)
DiffersRole = Qt.ItemDataRole.UserRole + 5  # True when the compared values differ

_QModelIndex = QModelIndex | QPersistentModelIndex
DIFFERENT = QColor(255, 226, 160)  # a value that differs between the two registrations
PROBLEM = QColor(255, 205, 205)  # a field a problem is about


def number(value: int) -> str:
    """``12.345`` in Indonesian, ``12,345`` in English."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if current_language() != "en" else text


def kind_label(kind: str) -> str:
    return {
        DUPLICATE: QCoreApplication.translate("ReviewModels", "Duplicate NIKs"),
        INVALID: QCoreApplication.translate("ReviewModels", "Failed validation"),
        WARNING: QCoreApplication.translate("ReviewModels", "NIK warnings"),
        DEVICE: QCoreApplication.translate("ReviewModels", "New laptops"),
    }.get(kind, kind)


def kind_description(kind: str) -> str:
    if kind == DUPLICATE:
        return QCoreApplication.translate(
            "ReviewModels", "Two registrations with the same NIK: compare them and keep one.")
    if kind == INVALID:
        return QCoreApplication.translate(
            "ReviewModels", "Registrations that failed the checks on import: send them back "
            "for correction, or accept them after checking.")
    if kind == WARNING:
        return QCoreApplication.translate(
            "ReviewModels", "The birth date or sex typed differs from the NIK, or the NIK's "
            "region is unknown: check them against the KTP.")
    if kind == DEVICE:
        return QCoreApplication.translate(
            "ReviewModels", "A volunteer sent a bundle from another laptop: compare the "
            "fingerprint with the volunteer before approving it.")
    return ""


def _key_of(item: dict):
    if item["kind"] == DUPLICATE:
        return item["pair_id"]
    if item["kind"] == DEVICE:
        return item["volunteer_id"]
    return item["registration_id"]


class ReviewKindsModel(QAbstractListModel):
    """The queue's kinds, each with its count: "Duplicate NIKs (3)"."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._counts: dict[str, int] = dict.fromkeys(KINDS, 0)

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = {kind: int(counts.get(kind, 0)) for kind in KINDS}
        if KINDS:
            self.dataChanged.emit(self.index(0), self.index(len(KINDS) - 1))

    def count(self, kind: str) -> int:
        return self._counts.get(kind, 0)

    def total(self) -> int:
        return sum(self._counts.values())

    def row_of(self, kind: str) -> int:
        return KINDS.index(kind) if kind in KINDS else -1

    def rowCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KINDS)

    def flags(self, index: _QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(KINDS):
            return None
        kind = KINDS[index.row()]
        count = self._counts[kind]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{kind} ({count})").format(kind=kind_label(kind), count=number(count))
        if role == Qt.ItemDataRole.ToolTipRole:
            return kind_description(kind)
        if role == KindRole:
            return kind
        if role == CountRole:
            return count
        if role == Qt.ItemDataRole.FontRole and count:
            font = QFont()
            font.setBold(True)
            return font
        return None


ITEM_NAME, ITEM_NIK, ITEM_VOLUNTEER, ITEM_SINCE = range(4)
ITEM_COLUMNS = 4


class ReviewItemsTableModel(QAbstractTableModel):
    """One kind's items, read a page at a time as the view scrolls (keyset paging)."""

    def __init__(self, service, parent: QObject | None = None, *, page_size: int = PAGE):
        super().__init__(parent)
        self._service = service
        self._page = max(1, page_size)
        self.kind: str | None = None
        self._items: list[dict] = []
        self._more = False

    # -- loading ------------------------------------------------------------------------
    def set_kind(self, kind: str | None) -> None:
        """Show ``kind``'s items from the start (a full reset)."""
        self.beginResetModel()
        self.kind = kind
        self._items = []
        self._more = False
        if kind is not None:
            self._items = self._service.items(kind, limit=self._page)
            self._more = len(self._items) == self._page
        self.endResetModel()

    def reload(self, *, at_least: int = 0) -> None:
        """Read the kind again, keeping at least ``at_least`` rows loaded if there are."""
        kind = self.kind
        self.beginResetModel()
        self._items, self._more = [], kind is not None
        while kind is not None and self._more and (not self._items or len(self._items) < at_least):
            page = self._service.items(kind, after=self._items[-1]["cursor"] if self._items
                                       else None, limit=self._page)
            self._items += page
            self._more = len(page) == self._page
        self.endResetModel()

    def canFetchMore(self, parent: _QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self.kind is None:
            return
        after = self._items[-1]["cursor"] if self._items else None
        page = self._service.items(self.kind, after=after, limit=self._page)
        self._more = len(page) == self._page
        if page:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._items += page
            self.endInsertRows()

    # -- lookups ------------------------------------------------------------------------
    def item_at(self, row: int) -> dict | None:
        return dict(self._items[row]) if 0 <= row < len(self._items) else None

    def row_of_key(self, key) -> int:
        for row, item in enumerate(self._items):
            if _key_of(item) == key:
                return row
        return -1

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ITEM_COLUMNS

    def flags(self, index: _QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < ITEM_COLUMNS):
            return None
        if section == ITEM_NAME:
            return self.tr("Volunteer's name") if self.kind == DEVICE else self.tr("Name")
        if section == ITEM_NIK:
            return self.tr("New laptop") if self.kind == DEVICE else self.tr("NIK")
        if section == ITEM_VOLUNTEER:
            return self.tr("Volunteer")
        return self.tr("Since")

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._items) and 0 <= column < ITEM_COLUMNS):
            return None
        item = self._items[row]
        if role == ItemRole:
            return dict(item)
        if role == KeyRole:
            return _key_of(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tooltip(item, column))
        return None

    def _display(self, item: dict, column: int) -> str:
        kind = item["kind"]
        no_name = self.tr("(no name)")
        if column == ITEM_NAME:
            if kind == DUPLICATE and item["full_name"] != item["other_name"]:
                return f"{item['full_name'] or no_name} / {item['other_name'] or no_name}"
            return item.get("full_name") or no_name
        if column == ITEM_NIK:
            return item.get("fingerprint") or "" if kind == DEVICE else item.get("nik") or ""
        if column == ITEM_VOLUNTEER:
            if kind == DUPLICATE:
                return f"{item['volunteer_id'] or ''} / {item['other_volunteer_id'] or ''}"
            return item.get("volunteer_id") or ""
        return labels.format_date(item.get("since"))  # the date; the time in its tip

    def _tooltip(self, item: dict, column: int) -> str | None:
        if column == ITEM_NAME and item.get("problems"):
            return "\n".join(f"• {labels.problem_message(p)}" for p in item["problems"])
        if column == ITEM_NAME and item["kind"] == DUPLICATE:
            return self.tr("Same NIK {nik}: {first} and {second}").format(
                nik=item["nik"], first=item["full_name"] or "", second=item["other_name"] or "")
        if column == ITEM_SINCE:
            return labels.format_timestamp(item.get("since")) or None
        text = self._display(item, column)
        return text or None


# -- registrations field by field -----------------------------------------------------------
DATA_ROWS = (
    "full_name", "nik", "birth_place", "birth_date", "sex", "phone", "email", "village_code",
    "rt", "rw", "street", "occupation", "work_location", "declared_income", "programs",
    "payment_months", "funding_source", "heirs", "consent", "nationality", "no_phone_reason",
    "family_phone",
)
# who sent it and what the branch did: shown, never highlighted as a difference
META_ROWS = ("volunteer_id", "branch_state", "created_at", "updated_at", "revision")
FIELD_ROWS = DATA_ROWS + META_ROWS


def _rupiah(value) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        return "" if value is None else str(value)
    return "Rp" + f"{value:,}".replace(",", ".")


def _label_from(items, code: str | None) -> str:
    for item in items:
        if item.code == code:
            return item.label_en if current_language() == "en" else item.label_id
    return code or ""


def field_value(record: dict, name: str) -> str:
    """How one field of a registration reads in the comparison (one line)."""
    value = record.get(name)
    if value is None or value == "" or value == []:
        return ""
    if name == "sex":
        return {"F": QCoreApplication.translate("ReviewModels", "Female"),
                "M": QCoreApplication.translate("ReviewModels", "Male")}.get(value, str(value))
    if name == "village_code":
        return f"{labels.village_name(value)} ({value})"
    if name == "birth_date":
        return labels.format_date(value) or str(value)  # "29 Des 1977", as the app reads dates
    if name == "occupation":
        return labels.occupation_label(value)
    if name == "declared_income":
        return _rupiah(value)
    if name == "programs":
        return ", ".join(value) if isinstance(value, list) else str(value)
    if name == "payment_months":
        return (QCoreApplication.translate("ReviewModels", "%n month(s)", "", value)
                if isinstance(value, int) else str(value))
    if name == "funding_source":
        return _label_from(reference.funding_sources(), value)
    if name == "heirs":
        if isinstance(value, str):
            value = json.loads(value)
        relationships = reference.heir_relationships()
        parts = []
        for heir in value if isinstance(value, list) else []:
            if not isinstance(heir, dict):
                continue
            details = ", ".join(x for x in (_label_from(relationships, heir.get("relationship")),
                                            heir.get("phone") or "") if x)
            parts.append(f"{heir.get('name') or ''} ({details})" if details else
                         heir.get("name") or "")
        return "; ".join(parts)
    if name == "consent":
        if isinstance(value, str):
            value = json.loads(value)
        if not isinstance(value, dict):
            return str(value)
        raw_method = value.get("method")
        methods = {"signature": QCoreApplication.translate("ReviewModels", "signature"),
                   "verbal_witnessed": QCoreApplication.translate("ReviewModels", "spoken, witnessed"),
                   "paper": QCoreApplication.translate("ReviewModels", "paper form")}
        method = methods.get(str(raw_method), raw_method or "")
        parts = [method, labels.format_timestamp(value.get("at"))]
        if value.get("witness"):
            parts.append(QCoreApplication.translate("ReviewModels", "witness: {name}").format(
                name=value["witness"]))
        if value.get("reference"):
            parts.append(QCoreApplication.translate("ReviewModels", "form no. {number}").format(
                number=value["reference"]))
        return ", ".join(p for p in parts if p)
    if name == "branch_state":
        return labels.branch_state_label(value)
    if name in ("created_at", "updated_at"):
        return labels.format_timestamp(value)
    return str(value)


def field_name_label(name: str) -> str:
    extra = {
        "volunteer_id": QCoreApplication.translate("ReviewModels", "Volunteer"),
        "branch_state": QCoreApplication.translate("ReviewModels", "Branch state"),
        "created_at": QCoreApplication.translate("ReviewModels", "Registered on"),
        "updated_at": QCoreApplication.translate("ReviewModels", "Last changed"),
        "revision": QCoreApplication.translate("ReviewModels", "Revision"),
    }
    return extra.get(name) or labels.field_label(name)


class ComparisonTableModel(QAbstractTableModel):
    """Registrations field by field: a row per field, a column per registration.

    With two registrations the data fields that differ are highlighted (``DiffersRole``);
    fields named in ``problem_fields`` are highlighted in another colour.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._records: list[dict] = []
        self._headers: list[str] = []
        self._values: list[list[str]] = []  # per row: one text per record
        self._problem_fields: set[str] = set()

    def set_records(self, records: list[dict], headers: list[str],
                    problem_fields=()) -> None:
        self.beginResetModel()
        self._records = [dict(r) for r in records]
        self._headers = list(headers)
        self._values = [[field_value(r, name) for r in self._records] for name in FIELD_ROWS]
        self._problem_fields = {f.split("[")[0].split(".")[0] for f in problem_fields}
        self.endResetModel()

    def clear(self) -> None:
        self.set_records([], [])

    def differs(self, row: int) -> bool:
        if not 0 <= row < len(DATA_ROWS) or row >= len(self._values):
            return False
        values = self._values[row]
        return len(values) > 1 and len(set(values)) > 1

    def differing_fields(self) -> list[str]:
        return [FIELD_ROWS[row] for row in range(len(self._values)) if self.differs(row)]

    def rowCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._records else len(FIELD_ROWS)

    def columnCount(self, parent: _QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._records)

    def flags(self, index: _QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Field")
        if 1 <= section <= len(self._headers):
            return self._headers[section - 1]
        return None

    def data(self, index: _QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return None
        name = FIELD_ROWS[row]
        differs = self.differs(row)
        if role == DiffersRole:
            return differs
        if role == KeyRole:
            return name
        if role == Qt.ItemDataRole.DisplayRole:
            return field_name_label(name) if column == 0 else self._values[row][column - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return self.tr("These values differ") if differs else None
            return plain_tip(self._values[row][column - 1]) or None
        if role == Qt.ItemDataRole.BackgroundRole and column > 0:
            if name in self._problem_fields:
                return QBrush(PROBLEM)
            if differs:
                return QBrush(DIFFERENT)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and (differs or name in self._problem_fields):
            return QBrush(QColor(0, 0, 0))  # readable on the highlight in any palette
        if role == Qt.ItemDataRole.FontRole and column == 0 and (
                differs or name in self._problem_fields):
            font = QFont()
            font.setBold(True)
            return font
        return None


__all__ = ["ComparisonTableModel", "CountRole", "DiffersRole", "ItemRole", "KeyRole",
           "KindRole", "ReviewItemsTableModel", "ReviewKindsModel", "field_value",
           "kind_description", "kind_label", "number"]
