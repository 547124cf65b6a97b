"""Icons of the toolbar and the menus: one open set (Tabler, MIT) shipped in resources/icons/tabler.

``set_icon(action, "user-plus")`` gives an action the icon ``resources/icons/tabler/
user-plus.svg`` and remembers its name in the ``icon_name`` property, so a test can check
that every icon an action shows is shipped (with the set's LICENSE beside it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu

from desa_peduli.reference import resource

ICON_SET = "tabler"
ICON_NAME_PROPERTY = "icon_name"


def icon_folder() -> Path:
    """The folder of the vendored icon set (with its LICENSE)."""
    return Path(str(resource("icons", ICON_SET)))


def icon_path(name: str) -> Path:
    return icon_folder() / f"{name}.svg"


def icon(name: str) -> QIcon:
    """The set's icon ``name`` (an empty icon if the file is missing: the test catches it)."""
    return QIcon(str(icon_path(name)))


def set_icon(action: QAction, name: str) -> QAction:
    action.setIcon(icon(name))
    action.setProperty(ICON_NAME_PROPERTY, name)
    return action


def set_icons(names: dict[QAction, str]) -> None:
    for action, name in names.items():
        set_icon(action, name)


def set_menu_icon(menu: QMenu, name: str) -> QMenu:
    """A submenu's icon (on its menu action, where the test looks)."""
    set_icon(menu.menuAction(), name)
    return menu
