"""The Coverage tab's table models (coverage per region, volunteer activity) and their labels.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desa_peduli import reference
from desa_peduli.services.coverage import (
    RegionCoverage,
    VolunteerActivity,
)
from desa_peduli.ui import labels
from desa_peduli.ui.branch.dashboard.charts import (
    format_int,
    format_percent,
    format_target,
)
from desa_peduli.ui.i18n import current_language

SortRole = Qt.ItemDataRole.UserRole + 1  # comparable values (None sorts last)
CodeRole = Qt.ItemDataRole.UserRole + 2  # the region code / volunteer id
_MISSING = float("-inf")


def level_name(level: str | None, *, plural: bool = False) -> str:
    translate = QCoreApplication.translate
    names = {
        "province": (translate("Coverage", "Province"), translate("Coverage", "Provinces")),
        "regency": (translate("Coverage", "Kabupaten/kota"), translate("Coverage", "Kabupaten/kota")),
        "district": (translate("Coverage", "Kecamatan"), translate("Coverage", "Kecamatan")),
        "village": (translate("Coverage", "Desa/kelurahan"), translate("Coverage", "Desa/kelurahan")),
    }
    pair = names.get(level or "", ("", ""))
    return pair[1] if plural else pair[0]


def funding_label(code: str) -> str:
    for item in reference.funding_sources():
        if item.code == code:
            return item.label_en if current_language() == "en" else item.label_id
    return code or QCoreApplication.translate("Coverage", "(none)")


def reason_label(reason: str) -> str:
    translate = QCoreApplication.translate
    return {
        "quiet": translate("Coverage", "no registrations for 2 weeks"),
        "no_bundle": translate("Coverage", "no bundle for 14 days"),
        "corrections": translate("Coverage", "many open corrections"),
    }.get(reason, reason)


# -- models -----------------------------------------------------------------------------------
class CoverageTableModel(QAbstractTableModel):
    """The regions below the dashboard's scope, one row each."""

    (COLUMN_NAME, COLUMN_TOTAL, COLUMN_REGISTERED, COLUMN_WAITING, COLUMN_CORRECTION,
     COLUMN_INVALID, COLUMN_ACTIVE, COLUMN_POTENTIAL, COLUMN_COVERAGE, COLUMN_TARGET,
     COLUMN_GAP) = range(11)
    COLUMN_COUNT = 11
    # awaiting, needs correction, invalid, active participants: shown from the header's menu
    HIDDEN_BY_DEFAULT = (3, 4, 5, 6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RegionCoverage] = []

    def set_rows(self, rows: list[RegionCoverage]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Region"), self.tr("Regis-\ntrations"), self.tr("Regis-\ntered"),
                self.tr("Awaiting\nBPJS"), self.tr("Needs\ncorrection"), self.tr("Invalid"),
                self.tr("Active\nparticipants"), self.tr("Potential\nworkers"),
                self.tr("Cover-\nage"), self.tr("Target"), self.tr("To go"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [
                self.tr("Double-click or press Enter to see the regions below"),
                self.tr("Registrations at the branch (not deleted), every state"),
                self.tr("Registered by BPJS Ketenagakerjaan (a KPJ number is recorded)"),
                self.tr("Received or accepted, not yet registered by BPJS"),
                self.tr("Sent back to the volunteer to correct"),
                self.tr("Failed validation at import: to check"),
                self.tr("Participants already active before (published figures)"),
                self.tr("BPJS's count of potential workers: the denominator"),
                self.tr("(Registered + active participants) ÷ potential workers"),
                self.tr("Coverage target (a parent region's when the region has none)"),
                self.tr("Participants still needed to reach the target"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.COLUMN_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, row: RegionCoverage, column: int):
        return {
            self.COLUMN_NAME: row.name,
            self.COLUMN_TOTAL: row.total,
            self.COLUMN_REGISTERED: row.registered,
            self.COLUMN_WAITING: row.count("received") + row.count("accepted"),
            self.COLUMN_CORRECTION: row.count("correction"),
            self.COLUMN_INVALID: row.count("invalid"),
            self.COLUMN_ACTIVE: row.active_participants,
            self.COLUMN_POTENTIAL: row.potential_workers,
            self.COLUMN_COVERAGE: row.coverage_percent,
            self.COLUMN_TARGET: row.target_percent,
            self.COLUMN_GAP: row.gap,
        }[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(row, column)
            if column == self.COLUMN_NAME:
                return value
            if column == self.COLUMN_COVERAGE:
                if value is None:
                    return "—"
                # no participant count: registrations only, so "at least"
                return format_percent(value) if row.participants_known else (
                    "≥ " + format_percent(value))
            if column in (self.COLUMN_ACTIVE, self.COLUMN_GAP) and value is None and (
                    row.potential_workers is not None):
                return "?"  # no participant count exists for this region
            if column == self.COLUMN_TARGET:
                return format_target(value)
            return format_int(value) if value is not None else ""
        if role == SortRole:
            value = self._value(row, column)
            if column == self.COLUMN_NAME:
                return (value or "").casefold()
            return _MISSING if value is None else float(value)
        if role == CodeRole:
            return row.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COLUMN_NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COLUMN_COVERAGE:
            progress = row.progress
            if progress is not None:
                return QBrush(QColor("#2e7d32" if progress >= 1 else "#b35c00"))
        return None

    def _tooltip(self, row: RegionCoverage, column: int) -> str | None:
        if column == self.COLUMN_NAME:
            parts = [f"{row.name} ({row.code})"]
            if row.source:
                parts.append(self.tr("Figures: {source}").format(source=row.source))
            if row.figures_summed:
                parts.append(self.tr("Potential workers: the sum of the regions below"))
            return "\n".join(parts)
        if column == self.COLUMN_COVERAGE:
            if row.coverage_percent is None:
                return self.tr("No potential-worker figure for this region: enter it with "
                               "Edit figures…")
            if not row.participants_known:
                return self.tr("No participant count exists for this region: coverage "
                               "counts the {registered} registered through Desa Peduli "
                               "÷ {potential} potential workers, so it is at least this "
                               "much.").format(registered=format_int(row.registered),
                                               potential=format_int(row.potential_workers))
            return self.tr("({registered} registered + {active} active) ÷ {potential} "
                           "potential workers").format(
                registered=format_int(row.registered),
                active=format_int(row.active_participants or 0),
                potential=format_int(row.potential_workers))
        if column in (self.COLUMN_ACTIVE, self.COLUMN_GAP) and not row.participants_known \
                and row.potential_workers is not None:
            return self.tr("No participant count exists for this region (none was "
                           "published): enter it with Edit figures…")
        if column == self.COLUMN_TARGET and row.target_inherited:
            return self.tr("The parent region's target")
        if column == self.COLUMN_TOTAL:
            return self.tr("Duplicates: {count}").format(count=format_int(row.count("duplicate")))
        return None


class VolunteerActivityTableModel(QAbstractTableModel):
    """Volunteers: registrations per week, last bundle, open corrections, visit needed."""

    COLUMN_ID, COLUMN_NAME, COLUMN_TOTAL = 0, 1, 2
    FIRST_WEEK = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[VolunteerActivity] = []
        self.weeks: list = []

    @property
    def column_last_bundle(self) -> int:
        return self.FIRST_WEEK + len(self.weeks)

    @property
    def column_corrections(self) -> int:
        return self.column_last_bundle + 1

    @property
    def column_visit(self) -> int:
        return self.column_last_bundle + 2

    def set_rows(self, rows: list[VolunteerActivity]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.weeks = [m for m, _ in rows[0].weeks] if rows else []
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_WEEK + len(self.weeks) + 3

    def column_texts(self, column: int) -> list[str]:
        """What the column shows, row by row (to size it without asking for every role)."""
        return [str(self.data(self.index(row, column)) or "") for row in range(len(self.rows))]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        first_week = self.FIRST_WEEK
        if role == Qt.ItemDataRole.DisplayRole:
            if first_week <= section < self.column_last_bundle:
                monday = self.weeks[section - first_week]
                # the week's Monday, "13 Okt": never an ISO week number such as W42
                return labels.week_label(monday).replace(" ", "\n", 1)  # "mg." over "12 Okt"
            return {
                self.COLUMN_ID: self.tr("ID"), self.COLUMN_NAME: self.tr("Name"),
                self.COLUMN_TOTAL: self.tr("Regis-\ntrations"),
                self.column_last_bundle: self.tr("Last bundle"),
                self.column_corrections: self.tr("Open\ncorrections"),
                self.column_visit: self.tr("Needs a visit"),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole and first_week <= section < self.column_last_bundle:
            monday = self.weeks[section - first_week]
            return self.tr("Registrations made in the week starting {date}").format(
                date=labels.format_date(monday))
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        first_week = self.FIRST_WEEK
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            sort = role == SortRole
            if column == self.COLUMN_ID:
                return row.id
            if column == self.COLUMN_NAME:
                return row.name.casefold() if sort else row.name
            if column == self.COLUMN_TOTAL:
                return row.registrations if sort else format_int(row.registrations)
            if first_week <= column < self.column_last_bundle:
                n = row.weeks[column - first_week][1]
                return n if sort else (format_int(n) if n else "·")
            if column == self.column_last_bundle:
                if sort:
                    return row.last_bundle_at or ""
                return labels.format_timestamp(row.last_bundle_at) or self.tr("never")
            if column == self.column_corrections:
                return row.open_corrections if sort else format_int(row.open_corrections)
            if column == self.column_visit:
                if sort:
                    return (len(row.reasons), row.open_corrections)
                return ", ".join(reason_label(r) for r in row.reasons)
        if role == CodeRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (
                self.COLUMN_ID, self.COLUMN_NAME, self.column_visit, self.column_last_bundle):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.column_visit and row.reasons:
            return QBrush(QColor("#b35c00"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMN_NAME:
            return ", ".join(labels.village_name(code) for code in row.villages)
        return None
