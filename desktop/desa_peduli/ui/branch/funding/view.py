"""The branch window's Funding tab ("Pembiayaan"): funded batches, their members and bills.

Above, the batches (funder, cover period, members against the quota); below, the members
of the one selected. New batch…, Add registrations… (a village, a volunteer or the rows
selected in the Registrations tab, with the refusals listed) and Bill… (a month, a
format, a folder) open the dialogs of ``dialogs.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from desa_peduli import reference
from desa_peduli.services import batches
from desa_peduli.ui import labels
from desa_peduli.ui.branch.funding.dialogs import (
    AddRegistrationsDialog,
    BillDialog,
    CreateBatchDialog,
    ReadingDialog,
)
from desa_peduli.ui.branch.view_base import BranchView, table_cell
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.widgets import read_only_table

if TYPE_CHECKING:
    from desa_peduli.ui.branch.window import BranchMainWindow


class FundingView(BranchView):
    """Funded batches: list, create, add registrations, members, monthly bills."""

    def __init__(self, window: BranchMainWindow):
        super().__init__(window)
        self.items: list[batches.BatchSummary] = []
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&New batch…"), self)
        self.add_button = QPushButton(self.tr("&Add registrations…"), self)
        self.bill_button = QPushButton(self.tr("&Bill…"), self)
        self.bill_button.setToolTip(self.tr(
            "Write a month's bill for the selected batch: people covered, per kabupaten/kota "
            "and in total"))
        for button in (self.create_button, self.add_button, self.bill_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        reading_row = QHBoxLayout()
        self.reading_label = QLabel(self)
        self.reading_label.setWordWrap(True)
        self.reading_button = QPushButton(self.tr("C&hange reading…"), self)
        self.reading_button.setAutoDefault(False)
        self.reading_button.setToolTip(self.tr(
            "Whether a village budget counts as APBD for the PP 50/2025 relief, and why"))
        reading_row.addWidget(self.reading_label, 1)
        reading_row.addWidget(self.reading_button)
        layout.addLayout(reading_row)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = read_only_table(splitter, [
            self.tr("ID"), self.tr("Funder"), self.tr("Name"), self.tr("Decree or agreement"),
            self.tr("Cover period"), self.tr("Members"), self.tr("Quota")])
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):  # name and decree share the width left, cut with a tip: a
            # decree's full title pasted in must not push the cover period and members away
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.members_table = read_only_table(splitter, [
            self.tr("Registration"), self.tr("Name"), self.tr("Village"), self.tr("Covered from"),
            self.tr("Covered to"), self.tr("Added by")])
        self.members_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(splitter, 1)
        self.empty_label = QLabel(self.tr(
            "No funded batch yet. Press New batch… to record a funder's batch (DUMISAKE, DBH "
            "Sawit, dana desa, CSR) with its decree and cover period."), self)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.create_button.clicked.connect(self.create_batch)
        self.add_button.clicked.connect(self.add_registrations)
        self.bill_button.clicked.connect(self.write_bill)
        self.reading_button.clicked.connect(self.change_reading)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.refresh()

    # -- content ------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        selected = select_id if select_id is not None else self.current_id()
        self.items = batches.list_batches(self.session)
        english = current_language() == "en"
        funders = reference.funders()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            b = item.batch
            funder = funders.get(b.funder) or b.rules
            values = [table_cell(b.id, number=True),
                      table_cell(funder.label_en if english else funder.label_id),
                      table_cell(b.name), table_cell(b.reference),
                      table_cell(f"{b.first_month} – {b.last_month}"),
                      table_cell(item.members, number=True),
                      table_cell(b.quota or "", number=True)]
            for column, cell in enumerate(values):
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not self.items)
        reading = batches.relief_reading(self.session)
        self.reading_label.setText(self.tr("Dana desa and PP 50/2025: {reading}").format(
            reading=reading.label(current_language())))
        self.reading_label.setToolTip(reading.note)
        for row, item in enumerate(self.items):
            if item.batch.id == selected:
                self.table.selectRow(row)
        self._on_table_selection_changed()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()].batch.id if rows else None

    def current_batch(self):
        batch_id = self.current_id()
        return next((i.batch for i in self.items if i.batch.id == batch_id), None)

    def _on_table_selection_changed(self) -> None:
        batch_id = self.current_id()
        for button in (self.add_button, self.bill_button):
            button.setEnabled(batch_id is not None)
        rows = batches.members(self.session, batch_id) if batch_id is not None else []
        self.members_table.setRowCount(len(rows))
        for row, member in enumerate(rows):
            values = [table_cell(member.registration_id), table_cell(member.full_name),
                      table_cell(labels.village_name(member.village_code),
                                 tip=labels.village_path(member.village_code)),
                      table_cell(member.first_month), table_cell(member.last_month),
                      table_cell(f"{member.added_by or ''} · "
                                 f"{labels.format_timestamp(member.added_at)}")]
            for column, cell in enumerate(values):
                self.members_table.setItem(row, column, cell)

    # -- actions ------------------------------------------------------------------------
    def change_reading(self) -> None:
        dialog = ReadingDialog(self.session, self)
        dialog.changed.connect(self.refresh)
        self.show_dialog(dialog)

    def create_batch(self) -> None:
        dialog = CreateBatchDialog(self.session, self)
        dialog.created.connect(lambda batch_id: self.refresh(select_id=batch_id))
        self.show_dialog(dialog)

    def add_registrations(self) -> None:
        batch = self.current_batch()
        if batch is None:
            return
        registrations = self.main.registrations_view
        selected = [registrations.model.id_at(index.row())
                    for index in registrations.table.selectionModel().selectedRows()]
        dialog = AddRegistrationsDialog(self.session, batch, self.service.volunteers(),
                                        [i for i in selected if i], self)
        dialog.added.connect(lambda report: self._on_added(batch.id, report))
        self.show_dialog(dialog)

    def _on_added(self, batch_id: int, report: batches.AddReport) -> None:
        self.refresh(select_id=batch_id)
        self.tell(QMessageBox.Icon.Information, self.tr("Add registrations"), self.tr(
            "{added} registrations added, {moved} moved from another batch, {refused} "
            "refused.").format(added=len(report.added), moved=len(report.moved),
                               refused=len(report.refused)))

    def write_bill(self) -> None:
        batch = self.current_batch()
        if batch is None:
            return
        dialog = BillDialog(self.session, batch, self)
        dialog.written.connect(lambda path: self.tell(
            QMessageBox.Icon.Information, self.tr("Bill"),
            self.tr("Bill written: {file}\nin {folder}").format(file=path.name,
                                                                 folder=str(path.parent))))
        self.show_dialog(dialog)
