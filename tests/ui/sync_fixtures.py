"""Fixtures for the sync GUI tests: a branch office, an enrolled volunteer, file dialogs.

Imported by the test modules that use them (``from tests.ui.sync_fixtures import *``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import BRANCH_NAME

VOLUNTEER_ID = "RLW-0001"


@pytest.fixture
def stick(tmp_path) -> Path:
    """A folder standing in for a USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def enrol(branch, tmp_path):
    """``enrol(session, volunteer_id)`` enrols a volunteer workspace with ``branch``."""
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.field import FieldSync

    def do(session, volunteer_id: str = VOLUNTEER_ID, name: str = "Rina Marlina"):
        folder = tmp_path / "enrolments"
        folder.mkdir(exist_ok=True)
        path = BranchService(branch).enrol(volunteer_id=volunteer_id, name=name,
                                           villages=["15.04.05.2003"], target=folder)
        FieldSync(session).enrol(path)
        return path

    return do


@pytest.fixture
def volunteer(session, enrol):
    """tests/conftest.py's volunteer ``session``, enrolled with ``branch`` as RLW-0001."""
    enrol(session)
    return session


@pytest.fixture
def other_volunteer(workspace_template, tmp_path, enrol):
    """``other_volunteer(volunteer_id)``: another enrolled volunteer workspace (own keys)."""
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    opened = []

    def make(volunteer_id: str, name: str = "Budi Santoso"):
        src, key = workspace_template
        dst = tmp_path / f"vol-{volunteer_id}-{len(opened)}"
        shutil.copytree(src, dst)
        session = Session(Workspace.open_with_key(dst, key))
        opened.append(session)
        enrol(session, volunteer_id, name)
        return session

    yield make
    for session in opened:
        session.close()


@pytest.fixture
def no_usb_sticks(monkeypatch):
    """No removable drive is plugged in (the test machine's own mounts are ignored)."""
    from desa_peduli.ui import drives

    monkeypatch.setattr(drives, "removable_volumes", lambda: [])


@pytest.fixture
def file_dialogs(monkeypatch):
    """Answers for QFileDialog's static methods: set ``.folder``, ``.open_file``,
    ``.open_files``, ``.save_file`` before the dialog would appear; ``.asked`` records
    the calls."""

    class Answers:
        def __init__(self):
            self.folder: Path | None = None
            self.open_file: Path | None = None
            self.open_files: list[Path] = []
            self.save_file: Path | None = None
            self.asked: list[str] = []

    answers = Answers()

    def get_existing_directory(*_args, **_kwargs):
        answers.asked.append("folder")
        return str(answers.folder) if answers.folder else ""

    def get_open_file_name(*_args, **_kwargs):
        answers.asked.append("open_file")
        return (str(answers.open_file) if answers.open_file else "", "")

    def get_open_file_names(*_args, **_kwargs):
        answers.asked.append("open_files")
        return ([str(p) for p in answers.open_files], "")

    def get_save_file_name(*_args, **_kwargs):
        answers.asked.append("save_file")
        return (str(answers.save_file) if answers.save_file else "", "")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", get_existing_directory)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", get_open_file_names)
    return answers


def open_message(qtbot, holder) -> QMessageBox:
    """The message box ``holder.dialog`` shows, once visible."""
    qtbot.waitUntil(lambda: isinstance(holder.dialog, QMessageBox) and holder.dialog.isVisible())
    return holder.dialog


def click_button(qtbot, box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    """Click the message box's button with ``role`` (our boxes have custom buttons)."""
    from PySide6.QtCore import Qt

    button = next(b for b in box.buttons() if box.buttonRole(b) == role)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


__all__ = ["BRANCH_NAME", "VOLUNTEER_ID", "click_button", "enrol",
           "file_dialogs", "no_usb_sticks", "open_message", "other_volunteer", "stick",
           "volunteer"]
