"""The sync control on the volunteer's toolbar, and the dialog that reads a receipt.

:class:`SyncControl` shows what waits (not sent yet, sent but not confirmed by a receipt,
the last bundle) with the two things a volunteer does with a USB stick: "Send to USB
stick" (the export dialog, which lists the sticks plugged in) and "Read receipt"
(:class:`ReceiptDialog`, which lists the receipts found on the sticks plugged in, or a
file chosen elsewhere). It drives the actions of :class:`VolunteerSync`, so the menu,
the shortcuts and the toolbar do the same thing and are enabled alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desa_peduli.ui import labels
from desa_peduli.ui.drives import Volume
from desa_peduli.ui.icons import icon
from desa_peduli.ui.style import HINT_STYLE
from desa_peduli.ui.text_size import scaled

RECEIPT_SUFFIX = ".dpreceipt"
PathRole = Qt.ItemDataRole.UserRole
SEARCH_DEPTH = 2  # the stick's top folder and the folders in it


@dataclass(frozen=True)
class FoundReceipt:
    volume: str  # the stick's name
    path: Path
    modified: float  # seconds since the epoch


def find_receipts(volumes: list[Volume], volunteer_id: str | None = None) -> list[FoundReceipt]:
    """The receipts (``*.dpreceipt``) on ``volumes``, in the top folder of each and one
    folder down, newest first; only this volunteer's (their id starts the file name the
    branch office writes) when ``volunteer_id`` is given."""
    found = []
    for volume in volumes:
        folders = [volume.path]
        try:
            if SEARCH_DEPTH > 1:
                folders += [p for p in volume.path.iterdir() if p.is_dir()
                            and not p.name.startswith((".", "$"))]
        except OSError:  # a stick pulled out, a folder we may not read
            pass
        for folder in folders:
            try:
                files = [p for p in folder.iterdir()
                         if p.suffix == RECEIPT_SUFFIX and p.is_file()]
            except OSError:
                continue
            for path in files:
                if volunteer_id and not path.name.startswith(f"{volunteer_id}_"):
                    continue
                try:
                    modified = path.stat().st_mtime
                except OSError:
                    continue
                found.append(FoundReceipt(volume.name, path, modified))
    return sorted(found, key=lambda r: (-r.modified, r.path.name))


def _modified_text(modified: float) -> str:
    """When a receipt file was written, as the list shows it ("?" for a date no calendar
    holds: a stick with a broken clock, NTFS keeps dates up to the year 30828)."""
    try:
        when = dt.datetime.fromtimestamp(modified).astimezone()
    except (ValueError, OverflowError, OSError):
        return "?"
    return labels.format_timestamp(when.isoformat(timespec="seconds"))


class ReceiptDialog(QDialog):
    """Choose the branch office's receipt: those found on the USB sticks, or another file."""

    chosen = Signal(object)  # the Path to read

    def __init__(self, parent: QWidget | None = None, *, volunteer_id: str | None = None,
                 volumes: list[Volume] | None = None):
        super().__init__(parent)
        self._volunteer_id = volunteer_id
        self.setWindowTitle(self.tr("Read the branch office's receipt"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Receipts found on the USB sticks:"), self)
        layout.addWidget(label)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(self.fontMetrics().height() * 5)
        label.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self.empty_label = QLabel(self.tr(
            "No receipt found. Plug in the USB stick from the branch office and press "
            "Refresh, or choose the file."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.empty_label)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.other_button = QPushButton(self.tr("&Other file…"), self)
        for button in (self.refresh_button, self.other_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(self)
        self.read_button = self.buttons.addButton(
            self.tr("&Read receipt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_read)
        self.buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.other_button.clicked.connect(self.choose_other_file)
        self.list.itemActivated.connect(lambda _item: self._on_read())
        self.list.currentItemChanged.connect(lambda *_a: self._update_button())
        self.setMinimumWidth(scaled(520))
        self.refresh(volumes)
        self.list.setFocus()

    def refresh(self, volumes: list[Volume] | None = None) -> None:
        if volumes is None:
            from desa_peduli.ui import drives  # noqa: PLC0415 - looked up at call time: tests replace it

            volumes = drives.removable_volumes()
        self.list.clear()
        # the paths stay here, not in the items: Qt drops what a name holds that is not
        # UTF-8 (a Linux stick's stray byte), and "Read" would open another file
        self._paths: list[Path] = []
        for receipt in find_receipts(volumes, self._volunteer_id):
            item = QListWidgetItem(self.tr("USB {name}: {file} ({when})").format(
                name=receipt.volume, file=receipt.path.name,
                when=_modified_text(receipt.modified)))
            item.setData(PathRole, len(self._paths))
            self._paths.append(receipt.path)
            item.setToolTip(str(receipt.path))
            self.list.addItem(item)
        self.empty_label.setVisible(self.list.count() == 0)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_button()

    def _update_button(self) -> None:
        self.read_button.setEnabled(self.list.currentItem() is not None)

    def selected_path(self) -> Path | None:
        item = self.list.currentItem()
        return self._paths[item.data(PathRole)] if item is not None else None

    def choose_other_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Read the branch office's receipt"), str(Path.home()),
            self.tr("Receipts (*{suffix});;All files (*)").format(suffix=RECEIPT_SUFFIX))
        if path:
            self._choose(Path(path))

    def _on_read(self) -> None:
        path = self.selected_path()
        if path is not None:
            self._choose(path)

    def _choose(self, path: Path) -> None:
        self.accept()
        self.chosen.emit(path)


def sync_summary(session, state=None) -> str:
    """``3 not sent · 5 waiting for the receipt · last bundle 02/12/2026 10:15``."""
    from desa_peduli.services.reminders import reminder_state  # noqa: PLC0415 - start-up

    state = state or reminder_state(session)
    unsent = state.unsent  # lupdate takes a plain name as the count
    parts = [QCoreApplication.translate("SyncControl", "%n not sent", "", unsent)]
    if not state.enrolled:
        parts.append(QCoreApplication.translate("SyncControl", "not enrolled yet"))
        return " · ".join(parts)
    waiting = max(0, state.unacknowledged - state.unsent)
    parts.append(QCoreApplication.translate("SyncControl", "%n waiting for the receipt", "",
                                            waiting))
    if state.last_export_at:
        parts.append(QCoreApplication.translate("SyncControl", "last bundle {when}").format(
            when=labels.format_timestamp(state.last_export_at)))
    else:
        parts.append(QCoreApplication.translate("SyncControl", "no bundle yet"))
    return " · ".join(parts)


class SyncControl(QFrame):
    """What waits to be sent or confirmed, and the two buttons (see the module docstring)."""

    def __init__(self, session, send_action: QAction, receive_action: QAction,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("syncControl")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 4, 2)
        row.setSpacing(6)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("syncSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.summary_label)
        self.send_button = self._button(
            send_action, self.tr("Send to USB stick"), "usb")
        self.receive_button = self._button(
            receive_action, self.tr("Read receipt"), "receipt")
        row.addWidget(self.send_button)
        row.addWidget(self.receive_button)
        self.update_summary()

    def _button(self, action: QAction, text: str, icon_name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setIcon(icon(icon_name))
        button.setProperty("icon_name", icon_name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(action.toolTip())
        button.setAccessibleName(text)
        button.clicked.connect(lambda _checked=False: action.trigger())
        button.setEnabled(action.isEnabled())
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        return button

    def update_summary(self, state=None) -> None:
        """Re-read what waits (``state``: a ``ReminderState`` already read, if any)."""
        text = sync_summary(self.session, state)
        self.summary_label.setText(text)
        self.summary_label.setAccessibleName(text)
