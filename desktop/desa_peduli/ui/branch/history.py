"""The branch window's History tab: what was imported, decided and handed over, newest first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QVBoxLayout,
)

from desa_peduli.services.branch import BranchService
from desa_peduli.ui import labels
from desa_peduli.ui.branch.view_base import BranchView, table_cell
from desa_peduli.ui.jobs import run_job
from desa_peduli.ui.widgets import elide_in_the_middle, read_only_table

if TYPE_CHECKING:
    from desa_peduli.ui.branch.window import BranchMainWindow


class HistoryView(BranchView):
    """Every bundle imported, newest first."""

    def __init__(self, window: BranchMainWindow):
        super().__init__(window)
        layout = QVBoxLayout(self)
        self.table = read_only_table(self, [
            self.tr("Imported"), self.tr("File"), self.tr("Volunteer"), self.tr("Changes"),
            self.tr("New"), self.tr("Updated"), self.tr("Unchanged"), self.tr("Duplicates"),
            self.tr("Rejected"), self.tr("Written on the laptop"), self.tr("By"),
        ])
        elide_in_the_middle(self.table)  # two bundles' names differ at the end
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("No bundle has been imported yet."), self)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.empty_label)
        self.refresh()

    def refresh(self) -> None:
        self._show(self.service.import_history())

    def refresh_in_background(self) -> None:
        """Re-read the history on a reading job (after an import into a large workspace:
        the UI thread's connection reads nothing); shown when it arrives."""
        run_job(lambda session, _progress: BranchService(session).import_history(),
                owner=self, session=self.session, on_success=self._show)

    def _show(self, rows: list[dict]) -> None:
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            report = item.get("report") or {}
            values = [
                table_cell(labels.format_timestamp(item["imported_at"])),
                table_cell(item["file_name"]),
                table_cell(item["volunteer_id"]),
                table_cell(f"{item['seq_from']}–{item['seq_to']}", number=True),
                table_cell(report.get("new", ""), number=True),
                table_cell(report.get("updated", ""), number=True),
                table_cell(report.get("unchanged", ""), number=True),
                table_cell(report.get("duplicates", ""), number=True),
                table_cell(len(report.get("rejected") or []), number=True),
                table_cell(labels.format_timestamp(item["created_at"])),
                table_cell(labels.actor_label(item["imported_by"])),
            ]
            for column, cell in enumerate(values):
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not rows)
