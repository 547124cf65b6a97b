"""Help → About in both main windows: name, version, data folder, licence notices."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desa_peduli import __version__
from desa_peduli.ui import about


def last_menu_actions(window) -> list:
    """The actions of the menu bar's last menu (Help)."""
    return window.menuBar().actions()[-1].menu().actions()


def open_about_by_menu(qtbot, window):
    """Help → About Desa Peduli (the last entry of the last menu)."""
    window.about_dialog = None
    assert last_menu_actions(window)[-1] is window.about_action
    assert window.about_action.isEnabled()
    window.about_action.trigger()
    qtbot.waitUntil(lambda: window.about_dialog is not None and window.about_dialog.isVisible())
    return window.about_dialog


def test_about_in_the_volunteer_window(qtbot, make_window, session):
    window = make_window()
    assert window.menuBar().actions()[-1].menu() is window.help_menu
    dialog = open_about_by_menu(qtbot, window)
    assert dialog.name_label.text() == "Desa Peduli"
    assert __version__ in dialog.version_label.text()
    assert str(session.workspace.path) in dialog.folder_label.text()
    # running from source: at least the region data's licence is shown
    assert any("wilayah" in title for title in dialog.notice_titles())
    assert "MIT" in dialog.notice_text.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_about_in_the_branch_window(qtbot, branch):
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.show()
    assert window.fingerprint_action in last_menu_actions(window)  # the Help menu
    dialog = open_about_by_menu(qtbot, window)
    assert __version__ in dialog.version_label.text()
    assert str(branch.workspace.path) in dialog.folder_label.text()
    dialog.close()
    window.close()


def test_app_icon_has_every_size():
    icon = about.app_icon()
    sizes = {size.width() for size in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    assert QApplication.instance() is not None
