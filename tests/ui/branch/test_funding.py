"""The branch window's Funding tab driven like a person: a DUMISAKE batch made in its
dialog, a village added (the self-paid worker refused and listed, then the others
added), members shown, and the March bill written as PDF and XLSX through a job."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desa_peduli.services import batches
from desa_peduli.ui.branch.funding.dialogs import (
    AddRegistrationsDialog,
    BillDialog,
    CreateBatchDialog,
)
from tests.services.desk_helpers import fill_branch
from tests.ui.sync_fixtures import click_button, open_message

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def funding(qtbot, branch):
    """The branch window on its Funding tab; 3 DUMISAKE workers and 1 self-paid one in
    Serasah."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    ids = fill_branch(branch.db, 3, start=1, base={"funding_source": "dumisake"})
    mandiri = fill_branch(branch.db, 1, start=9)
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.tabs.setCurrentWidget(window.funding_view)
    return window.funding_view, ids, mandiri


def press_ok(qtbot, dialog) -> None:
    buttons = dialog.buttons
    ok = next(b for b in buttons.buttons()
              if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(ok, LEFT)


def test_batch_village_and_march_bill_from_the_funding_tab(qtbot, funding, tmp_path):
    view, ids, mandiri = funding
    assert view.empty_label.isVisible() and not view.add_button.isEnabled()

    qtbot.mouseClick(view.create_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, CreateBatchDialog)
    dialog.funder_combo.setCurrentIndex(dialog.funder_combo.findData("dumisake"))
    qtbot.keyClicks(dialog.name_edit, "DUMISAKE 2027 Tahap 1")
    qtbot.keyClicks(dialog.reference_edit, "SK Gubernur Jambi 1/2027")
    dialog.first_edit.setDate(QDate(2027, 1, 1))
    dialog.last_edit.setDate(QDate(2027, 12, 1))
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert view.current_id() == 1 and view.add_button.isEnabled()
    assert view.table.item(0, 4).text() == "2027-01 – 2027-12"

    qtbot.mouseClick(view.add_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, AddRegistrationsDialog)
    qtbot.keyClicks(dialog.village_edit, "15.04.05.2003")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.refusals.isVisible())
    assert mandiri[0] in dialog.refusals.toPlainText()
    assert batches.members(view.session, 1) == [] and dialog.skip_check.isChecked()
    press_ok(qtbot, dialog)
    box = open_message(qtbot, view)
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    assert view.members_table.rowCount() == 3
    assert {view.members_table.item(r, 0).text() for r in range(3)} == set(ids)

    for fmt in ("pdf", "xlsx"):
        qtbot.mouseClick(view.bill_button, LEFT)
        dialog = view.dialog
        assert isinstance(dialog, BillDialog)
        dialog.month_edit.setDate(QDate(2027, 3, 1))
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
        qtbot.keyClicks(dialog.folder_edit, str(tmp_path))
        press_ok(qtbot, dialog)
        box = open_message(qtbot, view)
        assert dialog.path == tmp_path / f"tagihan_batch-1_2027-03.{fmt}"
        click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    assert (tmp_path / "tagihan_batch-1_2027-03.pdf").read_bytes().startswith(b"%PDF")
    book = load_workbook(tmp_path / "tagihan_batch-1_2027-03.xlsx", read_only=True)
    people = list(book.worksheets[1].iter_rows(values_only=True))[1:]
    book.close()
    assert len(people) == 3 and sum(row[8] for row in people) == 3 * 16_800


def test_bill_dialog_needs_an_existing_folder(qtbot, funding, tmp_path):
    view, _ids, _mandiri = funding
    batches.create(view.session, funder="csr", name="CSR", reference_text="PKS 1",
                   first_month="2027-01", last_month="2027-03")
    view.refresh(select_id=1)
    qtbot.mouseClick(view.bill_button, LEFT)
    dialog = view.dialog
    qtbot.keyClicks(dialog.folder_edit, str(tmp_path / "nowhere"))
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert not (tmp_path / "nowhere").exists()
    assert view.session.db.execute("SELECT count(*) FROM batch_bills").fetchone()[0] == 0


def test_the_dana_desa_reading_is_changed_with_its_source(qtbot, funding):
    """Worked example: the branch switches from the stricter default (APBDes = APBD, no
    PP 50/2025 relief) to "APBDes is not APBD" citing a circular; without a source the
    dialog refuses and nothing changes."""
    from desa_peduli.domain.funders import ReliefReading
    from desa_peduli.ui.branch.funding.dialogs import ReadingDialog

    view, _ids, _mandiri = funding
    session = view.session
    assert batches.relief_reading(session).village_budget_is_apbd  # the stricter default
    qtbot.mouseClick(view.reading_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, ReadingDialog) and dialog.strict_radio.isChecked()
    qtbot.mouseClick(dialog.relief_radio, LEFT)
    dialog.note_edit.selectAll()
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Delete)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible()  # a source is required
    assert batches.relief_reading(session).village_budget_is_apbd  # nothing changed

    qtbot.keyClicks(dialog.note_edit, "SE Kemendagri 900/2026")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    reading = batches.relief_reading(session)
    assert not reading.village_budget_is_apbd and reading.note == "SE Kemendagri 900/2026"
    from desa_peduli.ui.i18n import current_language

    assert ReliefReading(False).label(current_language()) in view.reading_label.text()
    assert view.reading_label.toolTip() == "SE Kemendagri 900/2026"
