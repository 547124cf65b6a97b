"""The volunteer's Sync menu driven like a person, the first-run wizard's sync paths, and
the whole round trip: export → branch import → correction → receipt → the volunteer's list."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.ui.branch.registration_model import COLUMN_BRANCH_STATE, BranchStateRole
from desa_peduli.ui.branch.review.dialogs import CorrectionDialog, KpjDialog
from desa_peduli.ui.branch.volunteer_dialogs import WriteReceiptDialog
from desa_peduli.ui.fingerprint import FingerprintDialog
from desa_peduli.ui.volunteer.sync import ExportDialog
from desa_peduli.ui.volunteer.table_model import COLUMN_NAME, COLUMN_NIK, COLUMN_STATUS
from tests.conftest import PASSPHRASE
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures
from tests.ui.sync_fixtures import BRANCH_NAME, VOLUNTEER_ID, click_button, open_message

LEFT = Qt.MouseButton.LeftButton
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_export_dialog(qtbot, window) -> ExportDialog:
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ExportDialog)
                    and window.sync.dialog.isVisible())
    return window.sync.dialog


def export_through_dialog(qtbot, window, file_dialogs, folder):
    dialog = open_export_dialog(qtbot, window)
    file_dialogs.folder = folder
    qtbot.mouseClick(dialog.target.other_button, LEFT)
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as blocker:
        qtbot.mouseClick(dialog.export_button, LEFT)
    return dialog, blocker.args[0]


def click_radio(qtbot, button) -> None:
    """Click on the round indicator (the widget is as wide as its layout)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def click_row(qtbot, view, model, row: int, column: int = COLUMN_NAME) -> None:
    index = model.index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())


# -- export ---------------------------------------------------------------------------
def test_export_to_a_folder_through_the_dialog(qtbot, volunteer, add_people, make_window,
                                               stick, no_usb_sticks, file_dialogs):
    add_people(3)
    window = make_window()
    status = window.sync.status_label.full_text()
    assert status.startswith("3 registration(s) not sent yet ·")
    assert "last bundle: never" in status and "last receipt: never" in status

    dialog = open_export_dialog(qtbot, window)
    assert "3 registration(s) are waiting" in dialog.pending_label.text()
    assert dialog.target.empty_label.isVisible()  # no USB stick plugged in
    assert not dialog.export_button.isEnabled()  # nowhere to write yet
    file_dialogs.folder = stick
    qtbot.mouseClick(dialog.target.other_button, LEFT)
    assert dialog.target.folder() == stick and dialog.export_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as blocker:
        qtbot.mouseClick(dialog.export_button, LEFT)
    result = blocker.args[0]

    assert list(stick.glob("*.dpbundle")) == [result.path]
    assert result.path.name.startswith(VOLUNTEER_ID)
    assert result.path.name in dialog.done_label.text()
    assert "encrypted" in dialog.done_label.text()
    assert b"150405420388" not in result.path.read_bytes()  # no NIK readable on the stick
    # what was sent stays "waiting" until the branch office's receipt says it arrived
    assert FieldSync(volunteer).pending_changes() == 3
    status = window.sync.status_label.full_text()
    assert status.startswith("0 registration(s) not sent yet · 3 awaiting the receipt ·")
    assert "last bundle: never" not in status
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_export_with_nothing_new_says_so(qtbot, volunteer, make_window, stick, no_usb_sticks,
                                         file_dialogs):
    window = make_window()
    dialog, result = export_through_dialog(qtbot, window, file_dialogs, stick)
    assert result.path is None
    assert "Nothing new to send" in dialog.done_label.text()
    assert list(stick.iterdir()) == []


def test_a_full_stick_is_reported_in_indonesian_and_nothing_is_lost(
        qtbot, volunteer, add_people, make_window, stick, no_usb_sticks, file_dialogs,
        monkeypatch):
    add_people(2)
    window = make_window()
    dialog = open_export_dialog(qtbot, window)
    file_dialogs.folder = stick
    qtbot.mouseClick(dialog.target.other_button, LEFT)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", full)
        qtbot.mouseClick(dialog.export_button, LEFT)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "Penyimpanan penuh" in dialog.error.text()
    assert list(stick.iterdir()) == []  # no half file left behind
    assert volunteer.settings.get("last_export_at") is None
    assert FieldSync(volunteer).pending_changes() == 2

    with qtbot.waitSignal(dialog.exported, timeout=15_000):  # space freed: try again
        qtbot.mouseClick(dialog.export_button, LEFT)
    assert len(list(stick.glob("*.dpbundle"))) == 1


# -- enrolment and fingerprints ---------------------------------------------------------
def test_enrol_this_laptop_from_the_menu_shows_both_fingerprints(
        qtbot, session, branch, make_window, tmp_path, no_usb_sticks, file_dialogs):
    enrolment = BranchService(branch).enrol(volunteer_id="RLW-0009", name="Rina Marlina",
                                            villages=["15.04.05.2003"], target=tmp_path)
    window = make_window()
    sync = window.sync
    assert sync.enrol_action.isVisible() and not sync.export_action.isEnabled()
    assert "not enrolled" in sync.status_label.full_text()

    file_dialogs.open_file = enrolment
    sync.enrol_action.trigger()
    box = open_message(qtbot, sync)
    assert "RLW-0009" in box.text() and BranchService(branch).fingerprint() in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: isinstance(sync.dialog, FingerprintDialog))
    shown = sync.dialog.fingerprints()
    assert shown == [FieldSync(session).fingerprint(), BranchService(branch).fingerprint()]
    assert session.settings.get("volunteer_id") == "RLW-0009"
    assert not sync.enrol_action.isVisible() and sync.export_action.isEnabled()
    assert "last bundle: never" in sync.status_label.full_text()


def test_wizard_with_an_enrolment_file_shows_both_fingerprints(qtbot, tmp_path, branch,
                                                               no_usb_sticks, file_dialogs):
    from desa_peduli.ui.startup.wizard import FirstRunWizard

    enrolment = BranchService(branch).enrol(volunteer_id="RLW-0042", name="Dewi Lestari",
                                            villages=["15.04.05.2016"], target=tmp_path)
    wizard = FirstRunWizard(tmp_path / "laptop")
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    welcome = wizard.welcome_page
    click_radio(qtbot, welcome.start_enrolment)
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()  # no file yet
    file_dialogs.open_file = enrolment
    qtbot.mouseClick(welcome.enrolment_chooser.choose_button, LEFT)
    assert BRANCH_NAME in welcome.enrolment_chooser.details.text()
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), LEFT)

    page = wizard.volunteer_page
    assert wizard.currentPage() is page
    assert page.name_edit.text() == "Dewi Lestari"  # from the enrolment file
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    pp = wizard.passphrase_page
    assert wizard.currentPage() is pp and "branch office can set a new one" in pp.warning.text()
    qtbot.keyClicks(pp.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(pp.repeat_edit, PASSPHRASE)
    qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)

    session = wizard.session
    assert session.settings.get("volunteer_id") == "RLW-0042"
    assert wizard.done_page.fingerprints() == [FieldSync(session).fingerprint(),
                                               BranchService(branch).fingerprint()]
    assert not wizard.button(wizard.WizardButton.BackButton).isEnabled()
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), LEFT)
    session.close()


def test_wizard_enrols_only_the_enrolment_it_showed(qtbot, tmp_path, branch, no_usb_sticks,
                                                     file_dialogs):
    """The file chosen on the first page is swapped (on the stick) for one signed by
    another key before the wizard finishes: the laptop is not enrolled with that key."""
    from desa_peduli.ui.startup.wizard import FirstRunWizard
    from tests.sync.test_enrolment_binding import _other_branch_file

    enrolment = BranchService(branch).enrol(volunteer_id="RLW-0042", name="Dewi Lestari",
                                            villages=["15.04.05.2016"], target=tmp_path)
    wizard = FirstRunWizard(tmp_path / "laptop")
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    welcome = wizard.welcome_page
    click_radio(qtbot, welcome.start_enrolment)
    file_dialogs.open_file = enrolment
    qtbot.mouseClick(welcome.enrolment_chooser.choose_button, LEFT)
    assert BranchService(branch).fingerprint() in welcome.enrolment_chooser.details.text()
    _other_branch_file(enrolment, tmp_path / "other.dpenrol").replace(enrolment)
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), LEFT)
    qtbot.keyClick(wizard.volunteer_page.name_edit, Qt.Key.Key_Return)
    pp = wizard.passphrase_page
    qtbot.keyClicks(pp.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(pp.repeat_edit, PASSPHRASE)
    qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)
    session = wizard.session
    assert not FieldSync(session).enrolled
    assert not (session.workspace.path / "keys" / "branch.age").exists()
    session.close()


def test_wizard_creates_a_branch_office(qtbot, tmp_path):
    from desa_peduli.services.session import Session
    from desa_peduli.ui.startup.wizard import FirstRunWizard

    path = tmp_path / "cabang"
    wizard = FirstRunWizard(path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    click_radio(qtbot, wizard.welcome_page.role_branch)
    assert not wizard.welcome_page.start_box.isVisible()
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), LEFT)
    page = wizard.branch_page
    assert wizard.currentPage() is page and page.province == "15"  # Jambi by default
    qtbot.keyClicks(page.name_edit, "Kantor Cabang Muara Bulian")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    pp = wizard.passphrase_page
    assert wizard.currentPage() is pp and "nobody can open" in pp.warning.text()
    qtbot.keyClicks(pp.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(pp.repeat_edit, PASSPHRASE)
    qtbot.keyClick(pp.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=20_000)
    session = wizard.session
    assert session.role == "branch"
    assert wizard.done_page.fingerprints() == [BranchService(session).fingerprint()]
    with qtbot.waitSignal(wizard.accepted):
        qtbot.keyClick(wizard.done_page, Qt.Key.Key_Return)
    session.close()
    with Session.open(path, PASSPHRASE) as reopened:
        assert BranchService(reopened).name == "Kantor Cabang Muara Bulian"
        assert reopened.settings.get("province") == "15"


def test_run_gui_opens_the_branch_window_for_a_branch_workspace(qtbot, branch, monkeypatch):
    from desa_peduli import app
    from desa_peduli.ui.branch.window import BranchMainWindow

    monkeypatch.setattr(app, "_open_workspace", lambda path, lang: (branch, 0))
    shown = []

    def fake_exec(_app=None):
        shown.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, BranchMainWindow) and w.isVisible())
        for window in shown:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.run_gui(data_dir=str(branch.workspace.path)) == 0
    assert len(shown) == 1 and BRANCH_NAME in shown[0].windowTitle()


# -- the round trip ---------------------------------------------------------------------
def test_round_trip_through_both_windows(qtbot, volunteer, branch, add_people, make_window,
                                         stick, no_usb_sticks, file_dialogs, monkeypatch):
    from desa_peduli.ui import drives
    from desa_peduli.ui.branch.window import BranchMainWindow
    from desa_peduli.ui.drives import Volume
    from desa_peduli.ui.volunteer.sync_control import ReceiptDialog

    first, second = add_people(2)
    window = make_window()
    dialog, result = export_through_dialog(qtbot, window, file_dialogs, stick)
    qtbot.mouseClick(dialog.close_button, LEFT)

    # the branch office imports the bundle from the stick
    office = BranchMainWindow(branch)
    qtbot.addWidget(office)
    office.show()
    office.show_tab(1)
    view = office.import_view
    file_dialogs.open_files = [result.path]
    with qtbot.waitSignal(view.finished, timeout=15_000) as done:
        qtbot.mouseClick(view.import_button, LEFT)
    [outcome] = done.args[0]
    assert outcome.status == "applied"
    assert [view.table.item(0, c).text() for c in range(1, 7)] == [
        VOLUNTEER_ID, "2", "0", "0", "0", "0"]
    assert view.table.item(0, 7).text().startswith("Imported.")
    assert any("pre-import" in p.name for p in branch.workspace.backups_dir.iterdir())
    assert office.history_view.table.rowCount() == 1

    # … marks the first registration "needs correction", the second "registered"
    office.show_tab(0)
    regs = office.registrations_view
    assert regs.model.rowCount() == 2
    click_row(qtbot, regs.table, regs.model, regs.model.row_of_id(first))
    qtbot.mouseClick(regs.correction_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(regs.dialog, CorrectionDialog))
    correction = regs.dialog
    assert not correction.ok_button.isEnabled()
    qtbot.keyClicks(correction.reason_edit, "Nomor HP tidak aktif")
    qtbot.mouseClick(correction.ok_button, LEFT)
    row = regs.model.row_of_id(first)
    assert regs.model.data(regs.model.index(row, COLUMN_BRANCH_STATE), BranchStateRole) \
        == "correction"
    assert "Nomor HP tidak aktif" in regs.model.data(
        regs.model.index(row, COLUMN_BRANCH_STATE), Qt.ItemDataRole.ToolTipRole)

    click_row(qtbot, regs.table, regs.model, regs.model.row_of_id(second))
    qtbot.mouseClick(regs.registered_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(regs.dialog, KpjDialog))
    qtbot.keyClicks(regs.dialog.kpj_edit, "12345abc")  # letters are not taken
    assert regs.dialog.kpj == "12345" and not regs.dialog.ok_button.isEnabled()
    qtbot.keyClicks(regs.dialog.kpj_edit, "678901")
    qtbot.keyClick(regs.dialog.kpj_edit, Qt.Key.Key_Return)
    assert branch.registrations.store.get(second)["kpj_number"] == "12345678901"

    # … and writes the receipt to the stick
    office.show_tab(3)
    volunteers = office.volunteers_view
    assert volunteers.table.item(0, 8).text() == "1"  # one open correction
    click_row(qtbot, volunteers.table, volunteers.table.model(), 0, 0)
    qtbot.mouseClick(volunteers.receipt_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(volunteers.dialog, WriteReceiptDialog))
    file_dialogs.folder = stick
    qtbot.mouseClick(volunteers.dialog.target.other_button, LEFT)
    qtbot.mouseClick(volunteers.dialog.buttons.buttons()[0], LEFT)
    box = open_message(qtbot, volunteers)
    [receipt] = stick.glob("*.dpreceipt")
    assert receipt.name in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)

    # the volunteer imports the receipt: the list shows the branch office's answers
    with qtbot.waitActive(window):
        window.activateWindow()
    # the stick is plugged in: the receipt dialog lists the receipt found on it
    monkeypatch.setattr(drives, "removable_volumes",
                        lambda: [Volume("KINGSTON", stick, 7_000_000_000)])
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ReceiptDialog)
                    and window.sync.dialog.isVisible())
    chooser = window.sync.dialog
    assert chooser.list.count() == 1 and receipt.name in chooser.list.item(0).text()
    assert "KINGSTON" in chooser.list.item(0).text() and not chooser.empty_label.isVisible()
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    box = open_message(qtbot, window.sync)
    assert "need correction: 1" in box.text() and "registered (with KPJ number): 1" in box.text()
    assert "received everything" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)

    model = window.model
    corrected = model.index(model.row_of_id(first), COLUMN_STATUS)
    assert model.data(corrected) == "Perlu diperbaiki"
    assert "Nomor HP tidak aktif" in model.data(corrected, Qt.ItemDataRole.ToolTipRole)
    registered = model.index(model.row_of_id(second), COLUMN_STATUS)
    assert model.data(registered) == "Terdaftar di BPJS"
    assert "12345678901" in model.data(registered, Qt.ItemDataRole.ToolTipRole)
    assert FieldSync(volunteer).pending_changes() == 0
    status = window.sync.status_label.full_text()
    assert status.startswith("0 registration(s) not sent yet · last bundle:")
    assert "awaiting" not in status and "last receipt: never" not in status

    # registered and acknowledged: its personal data can leave the laptop
    volunteer.settings.set("purge_after_days", -1)  # at once (0 counts as unset: 30)
    window.sync.purge_action.trigger()
    box = open_message(qtbot, window.sync)
    assert "1 registration(s)" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    box = open_message(qtbot, window.sync)
    assert "1 registration(s) was removed" in box.text()
    assert model.data(model.index(model.row_of_id(second), COLUMN_NIK)) == ""
    assert volunteer.registrations.store.get(first)["nik"]  # not registered: kept


@pytest.fixture(autouse=True)
def _close_message_boxes():
    """A message box left open must not outlive its test."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()
