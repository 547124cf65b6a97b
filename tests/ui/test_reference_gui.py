"""Reference-data updates through the windows: the branch installs a newer rate table and
occupation list from its File menu; the volunteer's receipt brings them to the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desa_peduli import reference
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.ui.volunteer.form.registration_form import RegistrationFormView
from tests.sync.test_reference_updates import GUIDE, newer_rates, occupations_file
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures
from tests.ui.sync_fixtures import VOLUNTEER_ID, click_button, open_message

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_update_installed_at_the_branch_reaches_the_volunteers_form(
        qtbot, branch, volunteer, add_people, make_window, stick, file_dialogs, tmp_path):
    from desa_peduli.ui.branch.window import BranchMainWindow

    office = BranchMainWindow(branch)
    qtbot.addWidget(office)
    office.show()
    file_dialogs.open_files = [newer_rates(tmp_path / "upd", "2027.1"),
                               occupations_file(tmp_path / "upd", add=GUIDE)]
    office.reference_action.trigger()
    box = open_message(qtbot, office)
    assert "2027.1" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)

    # the same update again is refused with the reason, nothing changes
    file_dialogs.open_files = [newer_rates(tmp_path / "again", "2027.1")]
    office.reference_action.trigger()
    box = open_message(qtbot, office)
    assert box.icon() == QMessageBox.Icon.Warning and "2027.1" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)

    add_people(1)
    BranchService(branch).import_bundle(FieldSync(volunteer).export(stick).path)
    receipt = BranchService(branch).receipt(VOLUNTEER_ID, stick)
    office.close()
    reference.activate(None)  # the volunteer's laptop is another process

    window = make_window(form_factory=lambda s, p: RegistrationFormView(s, p))
    window.new_registration()  # the form is built with the shipped occupation list
    assert window._form.occupation_combo.findData("pemandu_wisata") == -1
    qtbot.mouseClick(window._form.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window._form_open)

    file_dialogs.open_file = receipt
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    from desa_peduli.ui.volunteer.sync_control import ReceiptDialog

    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ReceiptDialog)
                    and window.sync.dialog.isVisible())
    qtbot.mouseClick(window.sync.dialog.other_button, Qt.MouseButton.LeftButton)  # not on a stick
    box = open_message(qtbot, window.sync)
    assert "2027.1" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)

    assert reference.rate_table().version == "2027.1"
    window.new_registration()  # built afresh: the new occupation is offered
    assert window._form.occupation_combo.findData("pemandu_wisata") >= 0
