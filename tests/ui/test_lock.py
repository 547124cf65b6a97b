"""Idle auto-lock: the form is saved, the data hidden, and everything comes back as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE


def test_idle_window_locks_and_unlocks_with_the_passphrase(qtbot, make_window, add_people):
    add_people(3)
    window = make_window(lock_timeout_ms=0)  # no lock while the test types
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    form.name_edit.setFocus()
    qtbot.keyClicks(form.name_edit, "Budi Santoso")

    window.idle_lock.set_timeout_ms(150)
    window.idle_lock.start()
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.is_locked
    assert window.stack.currentWidget() is window.lock_view
    assert form.flushes >= 1  # autosaved before hiding
    assert not window.form_page.isVisible()
    assert not window.new_action.isEnabled() and not window.quit_action.isEnabled()
    assert window.toolbar.isHidden()

    lock = window.lock_view
    qtbot.keyClicks(lock.passphrase_edit, "bukan-sandinya")
    qtbot.keyClick(lock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.error.isVisible(), timeout=10_000)
    assert "salah" in lock.error.text().lower() or "wrong" in lock.error.text().lower()
    assert window.is_locked

    qtbot.keyClicks(lock.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        qtbot.keyClick(lock.passphrase_edit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.stack.currentWidget() is window.form_page
    assert form.name_edit.text() == "Budi Santoso"
    assert window.toolbar.isVisible()
    assert window.quit_action.isEnabled()
    assert not window.new_action.isEnabled()  # still in the form, as before
    assert lock.passphrase_edit.text() == ""
    assert window.idle_lock.is_running


def test_lock_closes_open_dialogs_and_ctrl_l_locks(qtbot, make_window, add_people):
    add_people(2)
    window = make_window()
    window.table.setFocus()
    window.select_row(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window._dialog is not None and window._dialog.isVisible())
    dialog = window._dialog
    qtbot.keyClicks(dialog.reason_edit, "alasan")
    window.lock_action.trigger()
    assert window.is_locked
    assert not dialog.isVisible()
    assert window.model.rowCount() == 2  # the delete was not carried out
    assert window.stack.currentWidget() is window.lock_view


def test_idle_lock_timer_is_reset_by_input(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from desa_peduli.ui.lock import IdleLock

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    idle = IdleLock(400)
    fired = []
    idle.idle.connect(lambda: fired.append(True))
    idle.start()
    for _ in range(6):  # typing every 100 ms keeps it from firing
        qtbot.wait(100)
        qtbot.keyClick(edit, Qt.Key.Key_A)
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    idle.stop()
    assert not idle.is_running


def test_branch_window_locks_when_idle_and_unlocks_as_it_was(qtbot, branch):
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_tab(2)
    lock = window.window_lock
    lock.idle.set_timeout_ms(150)
    lock.start()
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass
    assert lock.stack.currentWidget() is lock.view
    assert not window.tabs.isEnabled() and not window.menuBar().isEnabled()
    assert not window.import_action.isEnabled() and not window.tab_actions[0].isEnabled()
    qtbot.keyClicks(lock.view.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        qtbot.keyClick(lock.view.passphrase_edit, Qt.Key.Key_Return)
    assert lock.stack.currentWidget() is window.tabs and window.tabs.currentIndex() == 2
    assert window.import_action.isEnabled() and window.menuBar().isEnabled()
    lock.idle.set_timeout_ms(0)
