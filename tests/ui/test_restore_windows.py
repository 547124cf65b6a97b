"""Both windows restore through the same service as the command line: what must never go
back survives a restore made from the window too, and the window shows the restored data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.ui.volunteer.table_model import COLUMN_NAME
from desa_peduli.ui.workspace_dialogs import RestoreBackupDialog
from tests.ui.conftest import person


def _restore_through_dialog(qtbot, window, dialog_of) -> None:
    """Trigger File → Restore, take the newest backup, confirm."""
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: isinstance(dialog_of(), RestoreBackupDialog)
                    and dialog_of().isVisible())
    dialog = dialog_of()
    assert dialog.table.rowCount() == 1
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    yes = next(b for b in box.buttons()
               if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Restored"))


def _name_shown(window, reg_id: str) -> str:
    model = window.model
    return model.data(model.index(model.row_of_id(reg_id), COLUMN_NAME))


def test_main_window_restore_shows_the_old_data_and_keeps_revisions_going_up(
        qtbot, session, make_window, valid_registration):
    reg = session.registrations.save(person(valid_registration, 1)).id
    window = make_window()
    window.backup_now()
    qtbot.waitUntil(lambda: not window.workspace_actions.running)
    session.registrations.save(person(valid_registration, 1, full_name="Nama Baru"), reg_id=reg)
    window.refresh()
    assert _name_shown(window, reg) == "Nama Baru"
    _restore_through_dialog(qtbot, window, lambda: window._dialog)
    assert _name_shown(window, reg) == person(valid_registration, 1)["full_name"]
    assert session.registrations.store.get(reg)["revision"] == 1
    session.registrations.save(person(valid_registration, 1, street="Jalan Lain"), reg_id=reg)
    assert session.registrations.store.get(reg)["revision"] == 3  # never 2 again


def test_branch_window_restore_keeps_receipt_numbers_going_up(
        qtbot, branch, make_volunteer, tmp_path, valid_registration):
    from desa_peduli.storage.backups import make_backup
    from desa_peduli.ui.branch.window import BranchMainWindow

    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    rina.registrations.save(person(valid_registration, 1))
    svc = BranchService(branch)
    svc.import_bundle(FieldSync(rina).export(out).path)
    make_backup(branch.workspace, reason="manual")
    FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.show()
    _restore_through_dialog(qtbot, window, lambda: window.dialog)
    # the laptop applied receipt 1; the restored branch's next receipt is 2, not 1 again
    report = FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    assert report.receipt_seq == 2
    window.close()
