"""Shared fixtures. Sets QT_QPA_PLATFORM=offscreen before anything can load Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import shutil
from pathlib import Path

import pytest

PASSPHRASE = "rahasia-desa-123"
BRANCH_NAME = "Kantor Cabang Jambi"


@pytest.fixture(scope="session", autouse=True)
def _log_folder(tmp_path_factory):
    """The log file (set up at every CLI start) goes to a temporary folder, not the user's."""
    os.environ["DESA_PEDULI_LOG_DIR"] = str(tmp_path_factory.mktemp("logs"))


@pytest.fixture(scope="session")
def workspace_template(tmp_path_factory) -> tuple[Path, bytes]:
    """One volunteer workspace made once per test run (age's scrypt costs ~2 s a wrap)."""
    from desa_peduli.services.session import Session

    path = tmp_path_factory.mktemp("template") / "ws"
    session = Session.create_volunteer(
        path, name="Relawan Uji", passphrase=PASSPHRASE, home_village="15.04.05.2003"
    )
    key = session.workspace.key
    session.close()
    return path, key


@pytest.fixture
def workspace_dir(workspace_template, tmp_path) -> Path:
    """A fresh copy of the template workspace (closed); passphrase is PASSPHRASE."""
    src, _key = workspace_template
    dst = tmp_path / "ws"
    shutil.copytree(src, dst)
    return dst


@pytest.fixture
def session(workspace_template, workspace_dir):
    """An open Session on a fresh workspace (opened with the raw key: no scrypt wait)."""
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    _src, key = workspace_template
    s = Session(Workspace.open_with_key(workspace_dir, key))
    yield s
    s.close()


@pytest.fixture(scope="session")
def branch_template(tmp_path_factory) -> tuple[Path, bytes]:
    """One branch workspace made once per test run; copied for each test."""
    from desa_peduli.services.branch import create_branch

    path = tmp_path_factory.mktemp("branch-template") / "br"
    session = create_branch(path, name=BRANCH_NAME, province="15", passphrase=PASSPHRASE)
    key = session.workspace.key
    session.close()
    return path, key


@pytest.fixture
def branch(branch_template, tmp_path):
    """An open branch Session on a fresh copy of the template."""
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    src, key = branch_template
    dst = tmp_path / "branch"
    shutil.copytree(src, dst)
    session = Session(Workspace.open_with_key(dst, key))
    yield session
    session.close()


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """``run_cli(workspace, *argv)`` runs the CLI in-process on that workspace with the
    test passphrase; returns (exit code, stdout, stderr)."""
    from desa_peduli.cli import main

    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)

    def run(workspace, *argv):
        code = main(["--data-dir", str(workspace), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def valid_registration() -> dict:
    """A complete, valid registration in CLI.md's JSON form (a woman from Batanghari)."""
    return {
        "nik": "1504054203880001",
        "full_name": "Siti Nur'aini",
        "birth_place": "Muara Bulian",
        "birth_date": "1988-03-02",
        "sex": "F",
        "phone": "081234567890",
        "email": None,
        "village_code": "15.04.05.2003",
        "rt": "002",
        "rw": "001",
        "street": "Jalan Pasar Lama",
        "occupation": "pedagang_pasar",
        "work_location": "Pasar Muara Bulian",
        "declared_income": 1500000,
        "programs": ["JKK", "JKM"],
        "payment_months": 1,
        "funding_source": "mandiri",
        "heirs": [{"name": "Ahmad Fauzi", "relationship": "suami", "phone": "081298765432"}],
        "consent": {
            "given": True,
            "at": "2026-11-20T09:30:00+07:00",
            "method": "verbal_witnessed",
            "witness": "Budi Santoso",
        },
    }


def pytest_generate_tests(metafunc):
    """The modules in EMULATED_MODULES run twice: as on Linux and as on Windows."""
    from tests.windows_emulation import EMULATED_MODULES

    if metafunc.module.__name__ in EMULATED_MODULES and "file_semantics" in metafunc.fixturenames:
        metafunc.parametrize("file_semantics", ["posix", "windows"], indirect=True)


@pytest.fixture(autouse=True)
def file_semantics(request, monkeypatch):
    """"posix", or "windows" where a module runs under the Windows emulation
    (tests/windows_emulation.py); set up before the test's other fixtures."""
    mode = getattr(request, "param", "posix")
    if mode == "windows":
        _emulate_windows(request, monkeypatch)
    return mode


def _emulate_windows(request, monkeypatch):
    from tests.windows_emulation import WindowsSemantics

    request.node.windows_semantics = WindowsSemantics(monkeypatch).install()
    return request.node.windows_semantics


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item):
    """Under the Windows emulation the test runs with cp1252 consoles."""
    emulation = getattr(item, "windows_semantics", None)
    if emulation is None:
        return (yield)
    with emulation.consoles():
        return (yield)


@pytest.fixture
def windows(request, monkeypatch):
    """Windows file semantics for this test (see tests/windows_emulation.py)."""
    return _emulate_windows(request, monkeypatch)


@pytest.fixture(autouse=True)
def _shipped_reference_data():
    """Each test starts and ends with the shipped rate table and occupation list (opening
    a workspace activates its own set process-wide)."""
    from desa_peduli import reference

    reference.activate(None)
    yield
    reference.activate(None)


@pytest.fixture(autouse=True)
def _interface_language_restored():
    """A CLI command run in-process that draws a PDF makes the QApplication and installs
    its ``--lang`` translator (cli/common.qt_application); afterwards the language and
    translators of before are put back, so a later test does not inherit them.
    (tests/ui/conftest.py has its own version bound to pytest-qt's qapp.)"""
    import sys

    i18n = sys.modules.get("desa_peduli.ui.i18n")
    before = (i18n._state["language"], list(i18n._state["translators"])) if i18n else None
    yield
    i18n = sys.modules.get("desa_peduli.ui.i18n")
    if i18n is None:
        return
    from PySide6.QtCore import QCoreApplication

    language, translators = before or (i18n.DEFAULT_LANGUAGE, [])
    app = QCoreApplication.instance()
    if app is not None:
        for translator in i18n._state["translators"]:
            app.removeTranslator(translator)
        for translator in translators:
            app.installTranslator(translator)
    i18n._state["language"], i18n._state["translators"] = language, translators


@pytest.fixture
def make_volunteer(workspace_template, branch, tmp_path):
    """``make_volunteer("RLW-001")`` → an open volunteer Session enrolled with ``branch``
    (its own copy of the volunteer template, its own keys)."""
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    opened = []

    def make(volunteer_id: str, name: str = "Rina Marlina"):
        src, key = workspace_template
        dst = tmp_path / f"vol-{volunteer_id}-{len(opened)}"
        shutil.copytree(src, dst)
        folder = tmp_path / "enrolments"
        folder.mkdir(exist_ok=True)
        enrolment = BranchService(branch).enrol(volunteer_id=volunteer_id, name=name,
                                                villages=["15.04.05.2003"], target=folder)
        session = Session(Workspace.open_with_key(dst, key))
        FieldSync(session).enrol(enrolment)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.close()
