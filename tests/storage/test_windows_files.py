"""Windows file semantics: backups, files held open, private files, network shares."""

from __future__ import annotations

import subprocess

import pytest
from sqlcipher3.dbapi2 import OperationalError

from desa_peduli.cli import main
from desa_peduli.errors import EXIT_INPUT, EXIT_WORKSPACE, FileInUse, NetworkWorkspace
from desa_peduli.storage import files
from desa_peduli.storage.backups import list_backups, make_backup
from desa_peduli.storage.workspace import Workspace
from tests.conftest import PASSPHRASE


# -- item 19: backups ---------------------------------------------------------------------
class _DiskFillsMidCopy:
    """A connection whose backup() writes part of the copy, then finds the disk full."""

    def __init__(self, conn):
        self._conn = conn

    def backup(self, target, **_kwargs):
        target.execute("CREATE TABLE half_copied (x)")
        target.commit()
        raise OperationalError("database or disk is full")

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_backup_on_windows_leaves_no_tmp_when_the_disk_fills_and_prunes_old_ones(
        session, windows, monkeypatch):
    ws = session.workspace
    first = make_backup(ws, reason="manual")  # fsync through a writable handle works
    assert first.path.exists()
    crashed = ws.backups_dir / "20260101T000000000000-scheduled.tmp"  # a power cut's left-over
    crashed.write_bytes(b"x" * 4096)
    real_conn = ws.db.conn
    monkeypatch.setattr(ws.db, "conn", _DiskFillsMidCopy(real_conn))
    with pytest.raises(Exception, match="full|space"):
        make_backup(ws, reason="manual")
    monkeypatch.setattr(ws.db, "conn", real_conn)
    leftovers = {p.name for p in ws.backups_dir.iterdir()} - {crashed.name, first.path.name}
    assert leftovers == set()  # neither the half copy nor its journal
    make_backup(ws, reason="manual")
    assert not list(ws.backups_dir.glob("*.tmp*"))  # the crash's left-over went too
    assert len(list_backups(ws)) == 2


# -- item 20: a file held open by another program -------------------------------------------
def test_replace_waits_for_a_file_held_open_then_says_so(tmp_path, windows, monkeypatch):
    target = tmp_path / "daftar.csv"
    target.write_bytes(b"lama")
    waits = []
    monkeypatch.setattr(files.time, "sleep", waits.append)
    clock = iter(range(1000))
    monkeypatch.setattr(files.time, "monotonic", lambda: next(clock) * 0.3)
    with open(target, "rb"), pytest.raises(FileInUse) as caught:  # "Excel" holds it
        files.atomic_write_bytes(target, b"baru")
    assert waits and sum(waits) < 3  # retried briefly with backoff, never long
    assert "sedang dibuka program lain" in caught.value.message("id")
    assert "open in another program" in caught.value.message("en")
    assert caught.value.exit_code == EXIT_INPUT
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["daftar.csv"]  # no temporary file


def test_replace_succeeds_once_the_other_program_lets_go(tmp_path, windows, monkeypatch):
    target = tmp_path / "laporan.xlsx"
    target.write_bytes(b"lama")
    held = open(target, "rb")  # released by the "scanner" below

    def scanner_finishes(_seconds):
        held.close()

    monkeypatch.setattr(files.time, "sleep", scanner_finishes)
    files.atomic_write_bytes(target, b"baru")
    assert held.closed and target.read_bytes() == b"baru"
    assert windows.refused  # the first attempt was refused, as Windows does


def test_every_os_replace_in_the_code_goes_through_replace_with_retry():
    from pathlib import Path

    import desa_peduli

    package = Path(desa_peduli.__file__).parent
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if "os.replace(" in p.read_text("utf-8") or "os.rename(" in p.read_text("utf-8")]
    assert offenders == ["storage/files.py"]


# -- item 20: private files -----------------------------------------------------------------
def test_make_private_on_windows_restricts_the_access_list_to_the_user(tmp_path, monkeypatch):
    calls = []

    def run(args, **kwargs):
        calls.append(args)
        return subprocess.CompletedProcess(args, 0 if len(calls) == 1 else 5)

    monkeypatch.setattr(files, "IS_WINDOWS", True)
    monkeypatch.setattr(files.subprocess, "run", run)
    monkeypatch.setenv("USERNAME", "siti")
    monkeypatch.setenv("USERDOMAIN", "DESA-LAPTOP")
    path = tmp_path / "kunci.txt"
    path.write_text("rahasia")
    assert files.make_private(path) is True
    assert calls == [["icacls", str(path), "/inheritance:r", "/grant:r", "DESA-LAPTOP\\siti:F"]]
    assert files.make_private(path) is False  # e.g. a FAT stick: no access lists at all


def test_secrets_and_personal_exports_are_private_on_windows(branch, session, windows, tmp_path):
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.spreadsheet import write_csv
    from desa_peduli.storage.keys import write_wrapped

    identity = BranchService(branch).export_identity(tmp_path / "identitas.txt")
    write_csv(tmp_path / "serah-terima.csv", ["NIK"], iter([["1504054203880001"]]))
    write_wrapped(tmp_path / "passphrase.age", b"wrapped")
    restricted = [p.name for p in windows.acl_restricted]
    # the temporary file is restricted before its first byte, then renamed over the target
    for name in ("identitas.txt", "serah-terima.csv", "passphrase.age"):
        assert any(r.startswith(f".{name}.") for r in restricted), (name, restricted)
    assert "AGE-SECRET-KEY" in identity.read_text()


# -- item 20: no directory fsync on Windows ---------------------------------------------------
def test_atomic_write_on_windows_never_opens_the_directory(tmp_path, windows):
    files.atomic_write_bytes(tmp_path / "a.json", b"{}")  # os.open(dir) is refused there
    assert (tmp_path / "a.json").read_bytes() == b"{}"


# -- item 20: network shares ------------------------------------------------------------------
@pytest.fixture
def mounts(tmp_path, monkeypatch):
    """/proc/mounts with an NFS share at tmp/share and a local disk mounted inside it."""
    table = tmp_path / "mounts"
    share, local = tmp_path / "share dir", tmp_path / "share dir" / "lokal"
    table.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        f"server:/export {str(share).replace(' ', chr(92) + '040')} nfs4 rw 0 0\n"
        f"/dev/sdb1 {str(local).replace(' ', chr(92) + '040')} ext4 rw 0 0\n")
    monkeypatch.setattr(files, "PROC_MOUNTS", table)
    return share, local


def test_workspace_on_an_nfs_share_is_refused_on_linux(mounts, workspace_dir):
    share, local = mounts
    target = share / "ws"
    with pytest.raises(NetworkWorkspace) as caught:
        Workspace.create(target, role="volunteer", passphrase=PASSPHRASE)
    assert "folder jaringan" in caught.value.message("id") and "nfs4" in caught.value.message("id")
    assert caught.value.exit_code == EXIT_WORKSPACE
    assert not share.exists()  # nothing was made
    assert files.network_location(local / "ws") is None  # the longest mount wins
    assert files.network_location(workspace_dir) is None


def test_cli_refuses_a_workspace_on_a_share(mounts, monkeypatch, capsys):
    share, _local = mounts
    monkeypatch.setenv("DESA_PEDULI_PASSPHRASE", PASSPHRASE)
    code = main(["--data-dir", str(share / "ws"), "init", "volunteer", "--name", "Rina"])
    assert code == EXIT_WORKSPACE
    assert "Ruang kerja tidak boleh di folder jaringan" in capsys.readouterr().err


def test_opening_a_workspace_that_is_now_on_a_share_is_refused(workspace_template, tmp_path,
                                                               monkeypatch):
    path, key = workspace_template
    table = tmp_path / "mounts"
    table.write_text(f"//nas/desa {path.parent} cifs rw 0 0\n")
    monkeypatch.setattr(files, "PROC_MOUNTS", table)
    with pytest.raises(NetworkWorkspace):
        Workspace.open_with_key(path, key)


@pytest.mark.parametrize(("path", "drive_type", "refused"), [
    (r"\\server\share\DesaPeduli", 3, True),
    (r"\\?\UNC\server\share\DesaPeduli", 3, True),
    (r"Z:\DesaPeduli", 4, True),  # a mapped network drive (DRIVE_REMOTE)
    (r"C:\Users\siti\AppData\Local\DesaPeduli", 3, False),
    (r"E:\DesaPeduli", 2, False),  # a USB stick
])
def test_windows_network_paths(path, drive_type, refused, windows, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # on Linux such a path is a relative name: keep it here
    monkeypatch.setattr(files, "_drive_type", lambda root: drive_type)
    assert (files.network_location(path) is not None) is refused
    if refused:
        with pytest.raises(NetworkWorkspace):
            Workspace.create(path, role="volunteer", passphrase=PASSPHRASE)
        assert list(tmp_path.iterdir()) == []  # nothing was made


# -- item 23: the emulation itself ------------------------------------------------------------
def test_the_emulation_refuses_what_windows_refuses(tmp_path, windows, capsys):
    import os
    import sys

    path = tmp_path / "a.db"
    path.write_bytes(b"data")
    with open(path, "rb") as handle, pytest.raises(OSError, match="Bad file descriptor"):
        os.fsync(handle.fileno())
    with open(path, "rb"), pytest.raises(PermissionError):
        os.replace(tmp_path / "a.db", tmp_path / "b.db")
    with pytest.raises(PermissionError):
        os.open(tmp_path, os.O_RDONLY)
    os.chmod(path, 0o000)  # no effect
    assert path.read_bytes() == b"data"
    print("Rp 1.500.000 – Siti Nur’aini")  # cp1252 has these
    with pytest.raises(UnicodeEncodeError):
        print("A ↔ B", file=sys.stderr)
    assert capsys.readouterr().out == "Rp 1.500.000 – Siti Nur’aini\n"
