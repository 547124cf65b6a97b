"""Help → About: the program's name and version, where the workspace lives, licence notices.

The installed program (PyInstaller build, see packaging/README.md) carries every licence
text in ``licenses/`` beside its libraries; running from source, the dialog shows the
notices it can find (the region data's, shipped in ``resources/regions``) and says where
the rest are.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QFontDatabase, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli import APP_NAME, __version__

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
OVERVIEW_FILE = "THIRD-PARTY.txt"


def _icon_file(size: int):
    return resources.files("desa_peduli.resources") / "icons" / f"desa-peduli-{size}.png"


def app_icon() -> QIcon:
    """The application icon (every PNG size in resources/icons); empty if not shipped."""
    icon = QIcon()
    for size in ICON_SIZES:
        node = _icon_file(size)
        if node.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(node.read_bytes(), "PNG")
            icon.addPixmap(pixmap)
    return icon


def licence_folder() -> Path | None:
    """``licenses/`` of the installed program (None when running from source)."""
    base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and base:
        folder = Path(base) / "licenses"
        if folder.is_dir():
            return folder
    return None


def licence_notices() -> list[tuple[str, str]]:
    """(title, text) of every licence notice available: the overview first."""
    notices: list[tuple[str, str]] = []
    folder = licence_folder()
    if folder is not None:
        overview = folder / OVERVIEW_FILE
        if overview.is_file():
            notices.append((OVERVIEW_FILE, overview.read_text(encoding="utf-8", errors="replace")))
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != OVERVIEW_FILE:
                text = path.read_text(encoding="utf-8", errors="replace")
                notices.append((path.relative_to(folder).as_posix(), text))
        return notices
    wilayah = resources.files("desa_peduli.resources") / "regions" / "LICENSE-wilayah.txt"
    if wilayah.is_file():
        notices.append(("region-data/LICENSE-wilayah.txt", wilayah.read_text(encoding="utf-8")))
    return notices


class AboutDialog(QDialog):
    """Name, version, workspace folder and licence notices; one Close button."""

    def __init__(self, workspace_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace_path = Path(workspace_path) if workspace_path is not None else None
        self.setWindowTitle(self.tr("About Desa Peduli"))
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        icon = QLabel(self)
        pixmap = app_icon().pixmap(64, 64)
        if not pixmap.isNull():
            icon.setPixmap(pixmap)
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        self.name_label = QLabel(APP_NAME, self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        titles.addWidget(self.name_label)
        self.version_label = QLabel(self.tr("Version {version}").format(version=__version__), self)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(self.version_label)
        purpose = QLabel(self.tr(
            "Offline, encrypted registration of informal workers for BPJS "
            "Ketenagakerjaan (BPU), for the volunteers of Gerakan Desa Peduli Jaminan "
            "Sosial."), self)
        purpose.setWordWrap(True)
        titles.addWidget(purpose)
        header.addLayout(titles, 1)
        layout.addLayout(header)

        folder_row = QHBoxLayout()
        shown = str(self.workspace_path) if self.workspace_path else "—"
        self.folder_label = QLabel(self.tr("Data folder: {folder}").format(folder=shown), self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_row.addWidget(self.folder_label, 1)
        self.open_folder_button = QPushButton(self.tr("&Open folder"), self)
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.setEnabled(self.workspace_path is not None)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        folder_row.addWidget(self.open_folder_button)
        layout.addLayout(folder_row)

        components = QLabel(self.tr("Qt {qt}, Python {python}").format(
            qt=qVersion(), python=sys.version.split()[0]), self)
        components.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(components)

        summary = QLabel(self.tr(
            "Desa Peduli is free software under the MIT licence. It includes Qt and Qt "
            "for Python (PySide6) under the GNU LGPL version 3, the region codes of the "
            "cahyadsn/wilayah compilation (MIT) and other open-source components, each "
            "under its own licence, shown below."), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)

        self.notices = licence_notices()
        notice_row = QHBoxLayout()
        self.notice_combo = QComboBox(self)
        for title, _text in self.notices:
            self.notice_combo.addItem(title)
        notice_label = QLabel(self.tr("&Licence:"), self)
        notice_label.setBuddy(self.notice_combo)
        notice_row.addWidget(notice_label)
        notice_row.addWidget(self.notice_combo, 1)
        layout.addLayout(notice_row)
        self.notice_text = QPlainTextEdit(self)
        self.notice_text.setReadOnly(True)
        self.notice_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notice_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.notice_text, 1)
        folder = licence_folder()
        if folder is not None:
            where = self.tr("All licence files: {folder}").format(folder=str(folder))
        else:
            where = self.tr("Running from source: the installed program carries every "
                            "licence text in its licenses folder.")
        self.licence_folder_label = QLabel(where, self)
        self.licence_folder_label.setWordWrap(True)
        self.licence_folder_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.licence_folder_label)
        self.notice_combo.currentIndexChanged.connect(self._on_notice_combo_current_index_changed)
        self._on_notice_combo_current_index_changed(0)

        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def notice_titles(self) -> list[str]:
        return [title for title, _text in self.notices]

    def _on_notice_combo_current_index_changed(self, index: int) -> None:
        if 0 <= index < len(self.notices):
            self.notice_text.setPlainText(self.notices[index][1])
        else:
            self.notice_text.setPlainText("")

    def _on_open_folder_button_clicked(self) -> None:
        if self.workspace_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workspace_path)))


def show_about(window) -> AboutDialog:
    """Open the About dialog over ``window`` (a main window with ``session``)."""
    session = getattr(window, "session", None)
    workspace = getattr(session, "workspace", None)
    dialog = AboutDialog(getattr(workspace, "path", None), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.about_dialog = dialog
    dialog.open()
    return dialog


def install_about_action(window, menu) -> QAction:
    """Add "About Desa Peduli" to ``menu`` (the Help menu) of ``window``."""
    action = QAction(QCoreApplication.translate("AboutDialog", "&About Desa Peduli"), window)
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda _checked=False: show_about(window))
    menu.addAction(action)
    return action

