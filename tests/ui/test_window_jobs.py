"""The main window and its backup and restore jobs: a window closed while one runs closes
once it has ended, without touching the closed workspace; a restore asked for during a
backup waits its turn."""

from __future__ import annotations

from desa_peduli.ui.jobs import registry


def test_closing_during_a_backup_closes_after_it_without_touching_the_closed_session(
        qtbot, session, make_window, caplog):
    window = make_window()
    window.backup_now()
    assert window.workspace_actions.running
    window.close()  # put off: the backup must finish first
    assert session.workspace.db is not None
    qtbot.waitUntil(lambda: not registry().busy and session.workspace.db is None)
    qtbot.wait(50)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


def test_closing_during_a_restore_closes_after_it_without_touching_the_closed_session(
        qtbot, session, make_window, add_people, caplog):
    from desa_peduli.services import backups

    add_people(2)
    window = make_window()
    window.backup_now()
    qtbot.waitUntil(lambda: not window.workspace_actions.running)
    backup = backups.listing(session)[0][0]
    window.workspace_actions.restore(backup)
    assert window.workspace_actions.running
    window.close()
    assert session.workspace.db is not None
    qtbot.waitUntil(lambda: not registry().busy and session.workspace.db is None)
    qtbot.wait(50)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]



def test_a_restore_asked_for_during_a_backup_waits_for_it(
        qtbot, session, make_window, add_people):
    """Restore from backup… while a backup runs opens the dialog (it did nothing on main,
    silently) and the restore runs once the backup has ended."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desa_peduli.ui.workspace_dialogs import RestoreBackupDialog

    ids = add_people(2)
    window = make_window()
    window.backup_now()
    qtbot.waitUntil(lambda: not window.workspace_actions.running)
    session.registrations.delete(ids[0], "keliru")
    window.refresh()
    window.backup_now()
    assert window.workspace_actions.running
    window.restore_action.trigger()  # while the second backup runs
    qtbot.waitUntil(lambda: isinstance(window._dialog, RestoreBackupDialog)
                    and window._dialog.isVisible())
    dialog = window._dialog
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 3).text() == "2")
    dialog.table.selectRow(row)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    yes = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 and not registry().busy)
    assert window.model.row_of_id(ids[0]) >= 0


def test_the_branch_window_closed_during_a_restore_closes_after_it(qtbot, branch, caplog):
    from desa_peduli.services import backups
    from desa_peduli.ui.branch.window import BranchMainWindow

    backups.make(branch, reason="manual")
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.show()
    window.workspace_actions.restore(backups.listing(branch)[0][0])
    window.close()
    assert branch.workspace.db is not None
    qtbot.waitUntil(lambda: not registry().busy and branch.workspace.db is None)
    qtbot.wait(50)
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
