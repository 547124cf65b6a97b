"""The log file: masked, rotating, and where every uncaught exception ends up (issue 10, item 25)."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from desa_peduli import logs

NIK = "1504054203880001"
PHONE = "081234567890"


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup(tmp_path / "log")
    yield path
    logs.setup()  # back to the session's folder ($DESA_PEDULI_LOG_DIR)


def _read(path) -> str:
    logs.flush()
    return path.read_text("utf-8")


def test_personal_data_is_masked_in_messages_and_tracebacks(log_file):
    log = logging.getLogger("desa_peduli.test")
    record = {"nik": NIK, "full_name": "Siti Nur'aini", "phone": "+6281234567890",
              "heirs": [{"name": "Ahmad Fauzi", "phone": "081298765432"}], "rt": "002"}
    log.warning("saving %r failed", record)
    log.info("NIK %s, HP %s / +62 812-3456-7890, e-mail siti@example.com", NIK, PHONE)
    try:
        raise ValueError(f"NIK {NIK} sudah ada (Siti, {PHONE})")
    except ValueError:
        log.exception("saving failed: full_name=Siti")
    text = _read(log_file)
    for secret in (NIK, PHONE, "6281234567890", "812-3456-7890", "Nur'aini", "Ahmad Fauzi",
                   "081298765432", "siti@example.com", "full_name=Siti"):
        assert secret not in text
    assert "[NIK]" in text and "[HP]" in text and "'full_name': ***" in text
    assert "Traceback (most recent call last)" in text and "ValueError: NIK [NIK]" in text
    assert "line " in text  # line numbers are no phone numbers


def test_the_log_rotates(tmp_path):
    path = logs.setup(tmp_path / "small", max_bytes=2_000, backups=2)
    try:
        log = logging.getLogger("desa_peduli.test")
        for index in range(60):
            log.warning("line %03d %s", index, "x" * 80)
        logs.flush()
        names = sorted(p.name for p in path.parent.iterdir())
        assert names == ["desa-peduli.log", "desa-peduli.log.1", "desa-peduli.log.2"]
        assert all(p.stat().st_size <= 2_000 for p in path.parent.iterdir())
        assert "line 059" in path.read_text("utf-8")
    finally:
        logs.setup()


def test_uncaught_exceptions_in_any_thread_are_logged(log_file, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *args: None)  # restored afterwards
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    crashes = []
    logs.install_crash_hooks(on_crash=lambda: crashes.append(1))
    try:
        raise RuntimeError(f"main thread, NIK {NIK}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())

    def work():
        raise KeyError(f"worker thread, HP {PHONE}")

    thread = threading.Thread(target=work, name="pekerja")
    thread.start()
    thread.join()
    text = _read(log_file)
    assert crashes == [1, 1]
    assert "uncaught exception\n" in text and "RuntimeError: main thread, NIK [NIK]" in text
    assert "uncaught exception in thread pekerja" in text and "worker thread, HP [HP]" in text
    assert NIK not in text and PHONE not in text


def test_an_unexpected_cli_error_is_logged_not_thrown(workspace_dir, monkeypatch, capsys):
    from desa_peduli import cli

    def broken(_args):
        raise ZeroDivisionError(f"bug near NIK {NIK}")

    monkeypatch.setitem(cli.COMMANDS, "check", broken)
    code = cli.main(["--data-dir", str(workspace_dir), "check"])
    err = capsys.readouterr().err
    path = logs.log_path()
    assert code == 1 and "Traceback" not in err
    assert "kesalahan tak terduga (ZeroDivisionError)" in err and str(path) in err
    assert "kirim berkas itu ke kantor cabang" in err
    text = _read(path)
    assert "desa-peduli check: unexpected error" in text and "in broken" in text
    assert "ZeroDivisionError: bug near NIK [NIK]" in text and NIK not in text


def test_the_log_keeps_writing_when_windows_refuses_the_rollover(tmp_path, windows):
    """Another Desa Peduli (the GUI while a CLI runs) holds the log open: Windows refuses to
    rename it, so the rollover fails; every later message still reaches the file (the one
    that says why the program stopped most of all) instead of being dropped."""
    path = logs.setup(tmp_path / "held", max_bytes=2_000, backups=2)
    try:
        log = logging.getLogger("desa_peduli.test")
        log.warning("first %s", "x" * 80)
        logs.flush()
        with open(path, "rb"):  # the other program's handle
            for index in range(40):
                log.warning("line %03d %s", index, "x" * 80)
            logs.flush()
        assert ("rename", str(path)) in windows.refused
        text = path.read_text("utf-8")
        assert "line 000" in text and "line 039" in text
        for index in range(40, 80):  # once the other program let go, it rotates again
            log.warning("line %03d %s", index, "x" * 80)
        logs.flush()
        assert (path.parent / "desa-peduli.log.1").exists()
        assert path.stat().st_size <= 2_000 and "line 079" in path.read_text("utf-8")
    finally:
        logs.setup()
