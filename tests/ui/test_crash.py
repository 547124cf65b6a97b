"""A bug in the GUI is logged and explained, not lost in a windowed build (issue 10, item 25)."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QMessageBox, QPushButton

from desa_peduli import logs
from tests.ui.sync_fixtures import click_button

NIK = "1504054203880001"


@pytest.fixture
def crash_handling(qapp, tmp_path, monkeypatch):
    """The GUI's crash handling as run_gui installs it, logging into a temporary folder."""
    from desa_peduli.ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # all three restored afterwards
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = logs.setup(tmp_path / "log")
    crash.install(qapp)
    yield crash, path
    qInstallMessageHandler(crash._state["previous_qt_handler"])
    dialog = crash.crash_dialog()
    if dialog is not None:
        dialog.close()
    logs.setup()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_explained(qtbot, crash_handling):
    crash, path = crash_handling
    button = QPushButton("Simpan")
    qtbot.addWidget(button)

    def on_clicked() -> None:
        raise ValueError(f"bug while saving NIK {NIK}")

    button.clicked.connect(on_clicked)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: crash.crash_dialog() is not None and crash.crash_dialog().isVisible())
    box = crash.crash_dialog()
    assert box.icon() == QMessageBox.Icon.Critical
    assert str(path) in box.text() and "start it again" in box.text()
    assert "branch office" in box.text()
    logs.flush()
    text = path.read_text("utf-8")
    assert "uncaught exception" in text and "in on_clicked" in text
    assert "ValueError: bug while saving NIK [NIK]" in text and NIK not in text
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: not box.isVisible())


@pytest.mark.qt_log_ignore("a warning from Qt for the log")
def test_qt_warnings_go_to_the_log(qtbot, crash_handling):
    _crash, path = crash_handling
    qWarning(f"a warning from Qt for the log, NIK {NIK}")
    logs.flush()
    text = path.read_text("utf-8")
    assert "WARNING desa_peduli.qt" in text and "a warning from Qt for the log, NIK [NIK]" in text
