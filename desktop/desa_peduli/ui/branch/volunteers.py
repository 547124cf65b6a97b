"""The branch window's Volunteers tab: enrolled volunteers, their laptops, bundles and receipts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desa_peduli.services.branch import BranchService
from desa_peduli.ui import labels
from desa_peduli.ui.branch.view_base import BranchView, table_cell
from desa_peduli.ui.branch.volunteer_dialogs import (
    EnrolVolunteerDialog,
    RecoverWorkspaceDialog,
    WriteReceiptDialog,
)
from desa_peduli.ui.jobs import run_job
from desa_peduli.ui.widgets import read_only_table

if TYPE_CHECKING:
    from desa_peduli.ui.branch.window import BranchMainWindow


class VolunteersView(BranchView):
    """The enrolled volunteers: their laptop, what was acknowledged, open corrections."""

    changed = Signal()

    def __init__(self, window: BranchMainWindow):
        super().__init__(window)
        self.volunteers: list[dict] = []
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("&Enrol volunteer…"), self)
        self.enrol_button.setToolTip(self.tr(
            "Record a volunteer and write their enrolment file for their laptop"))
        self.receipt_button = QPushButton(self.tr("Write &receipt…"), self)
        self.receipt_button.setToolTip(self.tr(
            "Write the receipt for the selected volunteer: states, reasons, KPJ numbers"))
        self.recover_button = QPushButton(self.tr("Re&cover a workspace…"), self)
        self.recover_button.setToolTip(self.tr(
            "Set a new passphrase on a volunteer's workspace whose passphrase was forgotten"))
        for button in (self.enrol_button, self.receipt_button, self.recover_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = read_only_table(self, [
            self.tr("ID"), self.tr("Name"), self.tr("Villages"), self.tr("Laptop fingerprint"),
            self.tr("Registrations"), self.tr("Acknowledged up to"), self.tr("Last bundle"),
            self.tr("Last receipt"), self.tr("Open corrections"),
        ])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr(
            "No volunteer is enrolled yet. Press Enrol volunteer… to write the first "
            "enrolment file."), self)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.enrol_button.clicked.connect(self.enrol_volunteer)
        self.receipt_button.clicked.connect(self.write_receipt)
        self.recover_button.clicked.connect(self.recover_workspace)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.write_receipt())
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        self._show(self.service.volunteers(), select_id)

    def refresh_in_background(self) -> None:
        """Re-read the volunteers on a reading job (after an import into a large
        workspace: the UI thread's connection reads nothing); shown when they arrive."""
        run_job(lambda session, _progress: BranchService(session).volunteers(), owner=self,
                session=self.session, on_success=self._show)

    def _show(self, volunteers: list[dict], select_id: str | None = None) -> None:
        """Show ``volunteers``, rewriting only the rows that changed (an import changes
        one volunteer's; two hundred rows of cells cost the UI thread ~50 ms)."""
        selected = select_id or self.current_id()
        shown, self.volunteers = self.volunteers, volunteers
        never = self.tr("never")
        self.table.setRowCount(len(self.volunteers))
        for row, item in enumerate(self.volunteers):
            if row < len(shown) and shown[row] == item:
                continue  # its cells show it already
            villages = ", ".join(labels.village_name(code) for code in item["villages"])
            paths = "\n".join(labels.village_path(code) for code in item["villages"])
            fingerprint = item["device_fingerprint"] or self.tr("no bundle yet")
            values = [
                table_cell(item["id"]),
                table_cell(item["name"]),
                table_cell(villages, tip=paths or villages),
                table_cell(fingerprint),
                table_cell(item.get("registrations", 0), number=True),
                table_cell(item.get("acked_seq", 0), number=True),
                table_cell(labels.format_timestamp(item.get("last_bundle_at")) or never),
                table_cell(labels.format_timestamp(item.get("last_receipt_at")) or never),
                table_cell(item.get("open_corrections", 0), number=True),
            ]
            for column, cell in enumerate(values):
                self.table.setItem(row, column, cell)
        self.empty_label.setVisible(not self.volunteers)
        if selected:
            for row, item in enumerate(self.volunteers):
                if item["id"] == selected:
                    self.table.selectRow(row)
        self._update_buttons()

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.volunteers[rows[0].row()]["id"] if rows else None

    def select(self, volunteer_id: str) -> None:
        self.refresh(select_id=volunteer_id)

    def _update_buttons(self) -> None:
        self.receipt_button.setEnabled(self.current_id() is not None)

    def enrol_volunteer(self) -> None:
        dialog = EnrolVolunteerDialog(self.service, self)
        dialog.enrolled.connect(self._on_enrol_dialog_enrolled)
        self.show_dialog(dialog)

    def _on_enrol_dialog_enrolled(self, volunteer_id: str, path) -> None:
        self.refresh(select_id=volunteer_id)
        self.changed.emit()
        self.tell(QMessageBox.Icon.Information, self.tr("Enrol a volunteer"), self.tr(
            "Enrolment file written: {file}\nin {folder}\n\nGive it to the volunteer. When "
            "their laptop is enrolled, read the fingerprints aloud together; the branch "
            "office's is {fingerprint}.").format(
            file=path.name, folder=str(path.parent), fingerprint=self.main.fingerprint))

    def write_receipt(self) -> None:
        volunteer_id = self.current_id()
        if not volunteer_id:
            return
        volunteer = next(v for v in self.volunteers if v["id"] == volunteer_id)
        dialog = WriteReceiptDialog(self.service, volunteer, self)
        dialog.written.connect(lambda path: self._on_receipt_written(volunteer_id, path))
        self.show_dialog(dialog)

    def _on_receipt_written(self, volunteer_id: str, path) -> None:
        self.refresh(select_id=volunteer_id)
        self.tell(QMessageBox.Icon.Information, self.tr("Write receipt"), self.tr(
            "Receipt written: {file}\nin {folder}\n\nThe volunteer imports it on their laptop "
            "(Sync → Import receipt…).").format(file=path.name, folder=str(path.parent)))

    def recover_workspace(self) -> None:
        dialog = RecoverWorkspaceDialog(self.session, self)
        dialog.recovered.connect(lambda volunteer_id: self.tell(
            QMessageBox.Icon.Information, self.tr("Recover a volunteer's workspace"),
            self.tr("A new passphrase is set for the workspace of volunteer {id}. The "
                    "volunteer opens it with the new passphrase.").format(id=volunteer_id)))
        self.show_dialog(dialog)
