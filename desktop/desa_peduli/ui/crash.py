"""Crash handling in the GUI: uncaught exceptions and Qt's messages go to the log, and a dialog
says where the log is and what to do (a windowed build has no console to show a traceback).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from desa_peduli import logs

qt_log = logging.getLogger("desa_peduli.qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_state: dict = {"relay": None, "dialog": None, "previous_qt_handler": None}


class _CrashRelay(QObject):
    """Lives on the UI thread: a crash in any thread shows the dialog there, once the
    failing slot has returned (queued)."""

    crashed = Signal()


def install(app: QApplication) -> None:
    """Hook uncaught exceptions (all threads) and Qt's messages into the log."""
    relay = _CrashRelay(app)
    relay.crashed.connect(show_crash_dialog)  # emitted from any thread: queued to the UI
    _state["relay"] = relay
    logs.install_crash_hooks(on_crash=relay.crashed.emit)
    _state["previous_qt_handler"] = qInstallMessageHandler(qt_message_handler)


def qt_message_handler(mode: QtMsgType, context, message: str) -> None:
    """Qt's warnings (and fatal messages, before Qt aborts) go to the log."""
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
    if mode == QtMsgType.QtFatalMsg:
        logs.flush()
    previous = _state["previous_qt_handler"]
    if previous is not None:
        previous(mode, context, message)


def crash_dialog() -> QMessageBox | None:
    """The crash dialog on screen, if any (for tests)."""
    return _state["dialog"]


def show_crash_dialog() -> None:
    """Tell the person what happened, where the log is and what to do (one at a time)."""
    shown = _state["dialog"]
    if shown is not None and shown.isVisible():
        return
    path = logs.log_path()
    translate = QCoreApplication.translate
    text = translate(
        "CrashDialog",
        "Something unexpected went wrong in Desa Peduli. Everything saved before this "
        "moment is safe (registrations are saved while you type).\n\nWhat to do: close Desa "
        "Peduli and start it again. If this happens again, send the log file to the branch "
        "office (it holds no NIKs, names or phone numbers):\n{path}",
    ).format(path=str(path) if path else translate(
        "CrashDialog", "(no log file could be written)"))
    box = QMessageBox(QMessageBox.Icon.Critical, translate("CrashDialog", "Desa Peduli: unexpected error"),
                      text, QMessageBox.StandardButton.NoButton)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path
    open_folder = box.addButton(translate("CrashDialog", "Open the log &folder"),
                                QMessageBox.ButtonRole.ActionRole)
    open_folder.setEnabled(path is not None)
    box.addButton(translate("CrashDialog", "OK"), QMessageBox.ButtonRole.AcceptRole)

    def on_clicked(button) -> None:
        if button is open_folder and path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(on_clicked)
    _state["dialog"] = box
    box.open()  # not exec(): no nested event loop inside a failing slot
