"""SQLite's disk full, locked and read-only errors become typed errors (issue 10, item 26)."""

from __future__ import annotations

import pytest
import sqlcipher3

from desa_peduli.errors import EXIT_WORKSPACE, DatabaseLocked, DiskFull, ReadOnlyStorage
from desa_peduli.storage.database import connect, known_error
from desa_peduli.storage.keys import sqlcipher_key_pragma


def _write(db) -> None:
    db.execute("INSERT INTO settings(key, value) VALUES ('probe', randomblob(20000)) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


def _failure(action) -> Exception:
    with pytest.raises(sqlcipher3.OperationalError) as raised:
        action()
    return raised.value


def test_a_locked_database(session, workspace_template, monkeypatch):
    _src, key = workspace_template
    monkeypatch.setattr("desa_peduli.storage.database.BUSY_TIMEOUT_MS", 20)
    other = connect(session.workspace.db_path, key)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
        _write(other)
        mine = connect(session.workspace.db_path, key)
        try:
            exc = _failure(lambda: _write(mine))
        finally:
            mine.conn.close()
    finally:
        other.execute("ROLLBACK")
        other.conn.close()
    error = known_error(exc)
    assert isinstance(error, DatabaseLocked) and error.exit_code == EXIT_WORKSPACE
    assert "dipakai program lain" in error.message("id") and "coba lagi" in error.message("id")
    assert "in use by another program" in error.message("en")


def test_a_read_only_database(session, workspace_template):
    _src, key = workspace_template
    conn = sqlcipher3.connect(f"file:{session.workspace.db_path}?mode=ro", uri=True,
                              isolation_level=None)
    try:
        conn.execute(sqlcipher_key_pragma(key))
        exc = _failure(lambda: conn.execute("DELETE FROM settings"))
    finally:
        conn.close()
    error = known_error(exc, session.workspace.path)
    assert isinstance(error, ReadOnlyStorage) and error.exit_code == EXIT_WORKSPACE
    assert "hanya-baca" in error.message("id") and "folder yang bisa ditulis" in error.message("id")
    assert str(session.workspace.path) in error.message("id")


def test_a_full_disk(session):
    db = session.workspace.db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # what SQLite says when the disk is full
    exc = _failure(lambda: _write(db))
    error = known_error(exc)
    assert isinstance(error, DiskFull) and error.exit_code == EXIT_WORKSPACE
    assert "Penyimpanan penuh" in error.message("id") and "Storage full" in error.message("en")


def test_bugs_stay_bugs():
    assert known_error(ValueError("database is locked")) is None
    assert known_error(sqlcipher3.OperationalError("no such table: nope")) is None
