"""The toolbar's and menus' icons come from one open set, shipped with its licence."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from desa_peduli.ui.icons import ICON_NAME_PROPERTY, ICON_SET, icon_folder, icon_path
from tests.ui.sync_fixtures import enrol, volunteer  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]


def test_every_icon_of_the_volunteer_window_is_shipped(qtbot, volunteer):  # noqa: F811
    """Each action (and tool button) showing an icon names its file in the set, the file
    is a real SVG of the set, and the toolbar's main actions all have one."""
    from desa_peduli.ui.volunteer.window import MainWindow

    window = MainWindow(volunteer, lock_timeout_ms=0)
    qtbot.addWidget(window)
    window.show()
    def in_menu(menu) -> list[QAction]:
        found = []
        for action in menu.actions():
            found.append(action)
            if action.menu() is not None:
                found += in_menu(action.menu())
        return found

    shown = in_menu(window.menuBar()) + window.toolbar.actions() + window.sync.toolbar.actions()
    with_icons: list = [a for a in shown if not a.icon().isNull()]
    with_icons += [b for b in window.findChildren(QToolButton)
                   if b.property(ICON_NAME_PROPERTY)]
    names = set()
    for item in with_icons:
        name = item.property(ICON_NAME_PROPERTY)
        what = item.text() if hasattr(item, "text") else item
        assert name, f"{what!r} shows an icon that is not from the set"
        path = icon_path(name)
        assert path.is_file(), f"{what!r}: {path} is not shipped"
        assert path.read_text(encoding="utf-8").lstrip().startswith("<svg")
        assert not item.icon().pixmap(24, 24).isNull()
        names.add(name)
    for action in (window.new_action, window.edit_action, window.delete_action,
                   window.history_action, window.backup_action, window.lock_action,
                   window.sync.export_action, window.sync.receipt_action):
        assert action.property(ICON_NAME_PROPERTY) in names, action.text()
    for button in (window.sync.control.send_button, window.sync.control.receive_button):
        assert window.sync.toolbar.isAncestorOf(button) and not button.icon().isNull()


def test_the_icon_set_ships_its_licence_and_only_used_icons():
    folder = icon_folder()
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    assert ICON_SET == "tabler" and "MIT License" in licence and "Paweł Kuna" in licence
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "desktop" / "desa_peduli" / "ui").rglob("*.py"))
    for svg in folder.glob("*.svg"):  # vendored only what is used
        assert f'"{svg.stem}"' in source, f"{svg.name} is shipped but not used"


def test_packaging_includes_the_icons():
    """The wheel's package data takes everything under resources/ (the icons and the
    LICENSE beside them); the frozen build ships desa_peduli/resources whole."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert setuptools["package-dir"]["desa_peduli.resources"] == "resources"
    assert "**/*" in setuptools["package-data"]["desa_peduli.resources"]
    assert (ROOT / "resources" / "icons" / ICON_SET / "LICENSE").is_file()
    linux = (ROOT / "tests" / "packaging" / "test_linux_package.py").read_text(encoding="utf-8")
    assert f"icons/{ICON_SET}/LICENSE" in linux  # the package test checks the built package
