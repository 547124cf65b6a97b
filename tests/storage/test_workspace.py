"""Workspace life cycle: encryption, passphrase, lock, schema refusal."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from desa_peduli.errors import (
    SchemaTooNew,
    WeakPassphrase,
    WorkspaceExists,
    WorkspaceLocked,
    WrongPassphrase,
)
from desa_peduli.storage.workspace import DB_FILE, KEY_DIR, PASSPHRASE_KEY_FILE, Workspace
from tests.conftest import PASSPHRASE


def test_database_file_is_encrypted(session, valid_registration):
    session.registrations.save(valid_registration)
    session.workspace.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (session.workspace.path / DB_FILE).read_bytes()
    assert b"SQLite format 3" not in raw[:16]
    assert b"1504054203880001" not in raw
    assert b"Nur'aini" not in raw
    plain = sqlite3.connect(session.workspace.path / DB_FILE)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()


def test_key_file_is_age_and_not_the_key(workspace_template):
    path, key = workspace_template
    wrapped = (path / KEY_DIR / PASSPHRASE_KEY_FILE).read_bytes()
    assert wrapped.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert key not in wrapped and key.hex().encode() not in wrapped


def test_wrong_passphrase_changes_nothing(workspace_dir):
    before = {p.name: p.read_bytes() for p in workspace_dir.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphrase) as info:
        Workspace.open(workspace_dir, "bukan-sandinya")
    assert "Kata sandi salah" in info.value.message("id")
    assert info.value.exit_code == 3
    after = {p.name: p.read_bytes() for p in workspace_dir.rglob("*") if p.is_file()}
    assert before == after
    # and the lock was released: the right passphrase opens it
    Workspace.open(workspace_dir, PASSPHRASE).close()


def test_change_passphrase_rewraps_key_only(workspace_dir):
    ws = Workspace.open(workspace_dir, PASSPHRASE)
    db_before = (workspace_dir / DB_FILE).read_bytes()
    with pytest.raises(WeakPassphrase):
        ws.change_passphrase(PASSPHRASE, "pendek")
    with pytest.raises(WrongPassphrase):
        ws.change_passphrase("salah-sandi-lama", "sandi-baru-panjang")
    ws.change_passphrase(PASSPHRASE, "sandi-baru-panjang")
    ws.close()
    assert (workspace_dir / DB_FILE).read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Workspace.open(workspace_dir, PASSPHRASE)
    Workspace.open(workspace_dir, "sandi-baru-panjang").close()


def test_create_refuses_existing_and_short_passphrase(workspace_dir, tmp_path):
    with pytest.raises(WorkspaceExists):
        Workspace.create(workspace_dir, role="volunteer", passphrase="cukup-panjang")
    with pytest.raises(WeakPassphrase):
        Workspace.create(tmp_path / "new", role="volunteer", passphrase="1234567")
    assert not (tmp_path / "new" / "workspace.json").exists()


def test_second_opener_in_same_process_is_refused(session):
    with pytest.raises(WorkspaceLocked) as info:
        Workspace.open_with_key(session.workspace.path, session.workspace.key)
    assert "sedang dipakai" in info.value.message("id")


def test_second_process_gets_sedang_dipakai(workspace_template, workspace_dir):
    _src, key = workspace_template
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from desa_peduli.storage.workspace import Workspace
            ws = Workspace.open_with_key({str(workspace_dir)!r}, bytes.fromhex({key.hex()!r}))
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        result = subprocess.run(
            [sys.executable, "-m", "desa_peduli", "--data-dir", str(workspace_dir), "check"],
            env={**__import__("os").environ, "DESA_PEDULI_PASSPHRASE": PASSPHRASE},
            capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 3
        assert "sedang dipakai" in result.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


def test_newer_schema_is_refused_untouched(workspace_template, workspace_dir):
    _src, key = workspace_template
    ws = Workspace.open_with_key(workspace_dir, key)
    ws.db["_sqlite_migrations"].insert(
        {"migration_set": "desa_peduli", "name": "9999_from_the_future",
         "applied_at": "2030-01-01 00:00:00"}
    )
    ws.close()
    before = (workspace_dir / DB_FILE).read_bytes()
    with pytest.raises(SchemaTooNew) as info:
        Workspace.open_with_key(workspace_dir, key)
    assert "lebih baru" in info.value.message("id")
    assert (workspace_dir / DB_FILE).read_bytes() == before


def test_workspace_json_holds_no_personal_data(workspace_template):
    path, _key = workspace_template
    meta = json.loads((path / "workspace.json").read_text())
    assert set(meta) == {"format", "role", "workspace_id", "created_at", "created_with"}


# -- a folder with keys but no workspace.json is damaged, never new (issue 10, item 9) --------
def _damaged(workspace_dir):
    """The workspace with its workspace.json lost: keys and database still there."""
    (workspace_dir / "workspace.json").unlink()
    return workspace_dir


def _files(path) -> dict:
    return {p.relative_to(path).as_posix(): p.read_bytes()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("keep", ["all", "key only", "database only"])
def test_create_never_overwrites_the_key_of_a_damaged_workspace(workspace_dir, keep):
    from desa_peduli.errors import EXIT_WORKSPACE, WorkspaceIncomplete

    path = _damaged(workspace_dir)
    if keep == "key only":
        (path / DB_FILE).unlink()
    elif keep == "database only":
        (path / KEY_DIR / PASSPHRASE_KEY_FILE).unlink()
    before = _files(path)
    with pytest.raises(WorkspaceIncomplete) as refused:
        Workspace.create(path, role="volunteer", passphrase="sandi-baru-yang-lain")
    assert _files(path) == before  # the wrapped key above all: byte for byte
    assert refused.value.exit_code == EXIT_WORKSPACE
    message = refused.value.message("id")
    assert "workspace.json" in message and "Tidak ada yang diubah" in message
    assert "keys/branch.age" in message and "cadangan" in message
    assert (DB_FILE if keep == "database only" else f"{KEY_DIR}/{PASSPHRASE_KEY_FILE}") in message


def test_a_failed_create_leaves_the_folder_new(tmp_path, monkeypatch):
    from desa_peduli.storage import settings

    path = tmp_path / "baru"

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings.Settings, "update", fail)
    with pytest.raises(OSError):
        Workspace.create(path, role="volunteer", passphrase=PASSPHRASE)
    assert not [p for p in path.rglob("*") if p.is_file() and p.name != ".lock"]
    monkeypatch.undo()
    Workspace.create(path, role="volunteer", passphrase=PASSPHRASE).close()  # not "damaged"


def test_a_new_file_is_never_written_over_an_existing_one(tmp_path):
    from desa_peduli.storage.files import atomic_write_bytes

    target = tmp_path / "passphrase.age"
    atomic_write_bytes(target, b"first", new=True)
    with pytest.raises(FileExistsError):
        atomic_write_bytes(target, b"second", new=True)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["passphrase.age"]  # no temporary left



KILLED_CREATE = """
import os, signal, sys
from desa_peduli.storage import settings
from desa_peduli.storage.workspace import Workspace

def killed(*_args, **_kwargs):  # the power cut: the key and the database are on disk
    os.kill(os.getpid(), signal.SIGKILL)

settings.Settings.update = killed
Workspace.create(sys.argv[1], role="volunteer", passphrase=sys.argv[2])
"""


def test_a_create_killed_part_way_does_not_block_the_next(tmp_path):
    """A power cut during the first-run wizard leaves a key and an empty database but no
    workspace.json. Nothing was ever entered there (without workspace.json nothing opens
    it): the next create finishes the job instead of calling the folder damaged."""
    path = tmp_path / "baru"
    child = subprocess.run([sys.executable, "-c", KILLED_CREATE, str(path), PASSPHRASE],
                           capture_output=True, text=True, check=False)
    assert child.returncode == -9, child.stderr
    assert (path / KEY_DIR / PASSPHRASE_KEY_FILE).exists() and (path / DB_FILE).exists()
    assert not (path / "workspace.json").exists()

    ws = Workspace.create(path, role="volunteer", passphrase=PASSPHRASE)
    ws.close()
    with Workspace.open(path, PASSPHRASE) as reopened:
        assert reopened.role == "volunteer"
    assert sorted(p.name for p in path.iterdir() if p.name.startswith(".creat")) == []
