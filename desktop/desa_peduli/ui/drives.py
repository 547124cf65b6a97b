"""Where sync files go: the USB sticks plugged in, or another folder the person picks."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")
_DRIVE_LETTER = re.compile(r"^([A-Za-z]):[\\/]?$")
PathRole = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Volume:
    name: str
    path: Path
    free: int  # bytes


def is_removable_root(root: str) -> bool:
    """A mount point where USB sticks appear: under /media, /run/media, /mnt, or a
    drive letter other than C: on Windows."""
    match = _DRIVE_LETTER.match(root)
    if match:
        return match.group(1).upper() != "C"
    return any(root.startswith(prefix) for prefix in REMOVABLE_ROOTS)


def removable_volumes() -> list[Volume]:
    """The removable drives that are mounted, ready and writable, by name."""
    found = []
    for info in QStorageInfo.mountedVolumes():
        root = info.rootPath()
        if not (info.isValid() and info.isReady()) or info.isReadOnly():
            continue
        if not is_removable_root(root) or not os.access(root, os.W_OK):
            continue
        name = info.displayName() or info.name() or root
        if sys.platform == "win32" and info.name():
            letter = root.rstrip("/\\")
            name = f"{info.name()} ({letter})"
        found.append(Volume(name, Path(root), max(0, info.bytesAvailable())))
    return sorted(found, key=lambda v: v.name.casefold())


def format_free(size: int) -> str:
    if size >= 1024 ** 3:
        return QCoreApplication.translate("Drives", "{size} GB free").format(
            size=f"{size / 1024 ** 3:.1f}")
    return QCoreApplication.translate("Drives", "{size} MB free").format(
        size=f"{size / 1024 ** 2:.0f}")


class TargetChooser(QWidget):
    """A list of USB sticks plus "Other folder…"; :meth:`folder` is the chosen one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, volumes: list[Volume] | None = None,
                 dialog_title: str | None = None):
        super().__init__(parent)
        self._dialog_title = dialog_title or self.tr("Choose a folder")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(self.fontMetrics().height() * 4)
        self.list.setMaximumHeight(self.fontMetrics().height() * 7)
        layout.addWidget(self.list)
        self.empty_label = QLabel(self.tr(
            "No USB stick found. Plug one in and press Refresh, or choose another folder."),
            self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setAutoDefault(False)
        self.other_button = QPushButton(self.tr("O&ther folder…"), self)
        self.other_button.setAutoDefault(False)
        row.addWidget(self.refresh_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.other_button.clicked.connect(self.choose_other_folder)
        self.list.currentItemChanged.connect(lambda *_a: self.changed.emit())
        self._other: Path | None = None
        self.refresh(volumes)

    def refresh(self, volumes: list[Volume] | None = None) -> None:
        """Re-read the plugged-in drives (keeps an other folder chosen before)."""
        if volumes is None:
            from desa_peduli.ui import drives  # noqa: PLC0415 - looked up at call time: tests replace it

            volumes = drives.removable_volumes()
        chosen = self.folder()
        self.list.clear()
        for volume in volumes:
            item = QListWidgetItem(
                self.tr("USB: {name} ({free})").format(name=volume.name,
                                                        free=format_free(volume.free)))
            item.setData(PathRole, str(volume.path))
            item.setToolTip(str(volume.path))
            self.list.addItem(item)
        if self._other is not None:
            self._add_other(self._other)
        self.empty_label.setVisible(not volumes)
        self._select(chosen)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.changed.emit()

    def _add_other(self, folder: Path) -> None:
        item = QListWidgetItem(self.tr("Folder: {folder}").format(folder=str(folder)))
        item.setData(PathRole, str(folder))
        item.setToolTip(str(folder))
        self.list.addItem(item)

    def _select(self, folder: Path | None) -> None:
        if folder is None:
            return
        for row in range(self.list.count()):
            if self.list.item(row).data(PathRole) == str(folder):
                self.list.setCurrentRow(row)
                return

    def choose_other_folder(self) -> None:
        start = str(self.folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self._dialog_title, start)
        if not chosen:
            return
        folder = Path(chosen)
        if self._other is not None and self._other != folder:
            for row in range(self.list.count()):
                if self.list.item(row).data(PathRole) == str(self._other):
                    self.list.takeItem(row)
                    break
        if self._other != folder:
            self._other = folder
            self._add_other(folder)
        self._select(folder)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def folder(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(PathRole)) if item is not None else None
