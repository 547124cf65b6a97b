"""The branch office's text size: File → Text size (100, 125 or 150 %), driven from the
keyboard through the menu, live in the open window, kept in the workspace and in QSettings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from desa_peduli.ui.text_size import apply_text_scale, current_scale
from tests.ui.volunteer.test_text_size import FakePrefs

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def base_size(qapp):
    apply_text_scale(qapp, 100)
    yield qapp.font().pointSizeF()
    apply_text_scale(qapp, 100)


def choose_text_size(qtbot, window, percent: int) -> None:
    """Alt+F, down to "Text size", Right, down to ``percent``, Enter: as a person does."""
    window.activateWindow()  # the offscreen platform does not give it back after a menu
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, ALT)
    [file_menu] = [m for m in window.menuBar().findChildren(QMenu)
                   if m.menuAction() in window.menuBar().actions()
                   and m.menuAction().text() == window.tr("&File")]
    qtbot.waitUntil(file_menu.isVisible)
    submenu = window.text_size_menu.menu
    while file_menu.activeAction() is not submenu.menuAction():
        qtbot.keyClick(file_menu, Qt.Key.Key_Down)
    qtbot.keyClick(file_menu, Qt.Key.Key_Right)
    qtbot.waitUntil(submenu.isVisible)
    wanted = window.text_size_menu.actions[percent]
    while submenu.activeAction() is not wanted:
        qtbot.keyClick(submenu, Qt.Key.Key_Down)
    qtbot.keyClick(submenu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not file_menu.isVisible())


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: menus grab the keyboard
def test_the_branch_menu_changes_the_text_size_at_once_and_keeps_it(qtbot, branch, base_size):
    """125 % from the menu: the application font is 1.25 × as large at once, the open
    tabs' tables with it; the workspace keeps 125; back to 100 % the same way."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    menu = window.text_size_menu
    assert [a.text() for a in menu.menu.actions()] == ["100 %", "125 %", "150 %"]
    assert menu.actions[100].isChecked()
    table = window.registrations_view.table
    table_size = table.font().pointSizeF()
    with qtbot.waitSignal(menu.changed) as changed:
        choose_text_size(qtbot, window, 125)
    assert changed.args == [125]
    assert QApplication.instance().font().pointSizeF() == pytest.approx(base_size * 1.25)
    qtbot.waitUntil(lambda: table.font().pointSizeF() == pytest.approx(table_size * 1.25))
    assert branch.settings.get("text_scale") == 125 and menu.actions[125].isChecked()
    with qtbot.waitSignal(menu.changed):
        choose_text_size(qtbot, window, 100)
    assert branch.settings.get("text_scale") == 100
    assert current_scale(QApplication.instance()) == 100


def test_the_branch_text_size_applies_at_start_and_is_kept(qtbot, branch, monkeypatch,
                                                          base_size):
    """The branch workspace's 125 % wins over QSettings' 100 % at start; 150 % chosen in
    the window is kept in QSettings for the next start (before the passphrase)."""
    from desa_peduli import app
    from desa_peduli.ui.branch.window import BranchMainWindow

    FakePrefs.store = {"ui/text_scale": 100}
    monkeypatch.setattr(app, "QSettings", FakePrefs)
    branch.settings.set("text_scale", 125)
    monkeypatch.setattr(app, "_open_workspace", lambda _path, _lang: (branch, 0))
    in_window = []

    def fake_exec(_app=None):
        [window] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, BranchMainWindow) and w.isVisible()]
        in_window.append(current_scale(QApplication.instance()))
        window.text_size_menu.actions[150].trigger()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.run_gui(data_dir=str(branch.workspace.path)) == 0
    assert in_window == [125]
    assert FakePrefs.store["ui/text_scale"] == 150
