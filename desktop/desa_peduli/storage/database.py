"""Opening a SQLCipher database under sqlite-utils, with the pragmas the workspace needs."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Protocol

import sqlcipher3
from sqlite_utils import Database

from desa_peduli.errors import (
    DatabaseLocked,
    DesaPeduliError,
    DiskFull,
    ReadOnlyStorage,
    ServerUnreachable,
    WorkspaceDamaged,
    WrongPassphrase,
)
from desa_peduli.storage.keys import sqlcipher_key_pragma

BUSY_TIMEOUT_MS = 5000


def connect(path: Path, key: bytes, *, check_same_thread: bool = True,
            read_only: bool = False) -> Database:
    """An open, keyed, verified connection in autocommit mode (transactions via atomic()).

    ``read_only`` opens a file without writing to it at all (a backup being listed or
    restored from): no journal mode is set, so the file and its folder stay as they were.
    """
    if read_only:
        conn = sqlcipher3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                  isolation_level=None, check_same_thread=check_same_thread)
    else:
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=check_same_thread
        )
    try:
        conn.execute(sqlcipher_key_pragma(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            # Either the key does not fit this file or the file is not a database.
            if "not a database" in str(exc):
                raise WrongPassphrase() from exc
            raise known_error(exc, path) or WorkspaceDamaged(str(exc)) from exc
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # deleted and overwritten content is zeroed, not left in free space (SQLCipher's
        # default, said here so no build can differ): a purge leaves no trace in the file
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA cache_size = -32000")  # 32 MB: index pages stay cached in bulk work
    except BaseException:
        conn.close()
        raise
    return Database(conn)


class HasDatabase(Protocol):
    """A workspace, or a worker thread's view of one (its own connection as ``db``)."""

    @property
    def db(self) -> Database | None: ...


def open_database(holder: HasDatabase) -> Database:
    """``holder.db``, the open database; a closed workspace has none (using it is a bug)."""
    db = holder.db
    if db is None:
        raise RuntimeError("the workspace is closed")
    return db


def integrity_check(db: Database) -> list[str]:
    """``['ok']`` for a healthy database, else SQLite's list of problems."""
    rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    rows += [f"foreign key: {row[0]} rowid {row[1]} -> {row[2]}" for row in fk]
    return rows


# SQLite's primary result codes (https://sqlite.org/rescode.html) for what a person can fix
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_FULL = 5, 6, 8, 13
_MESSAGES = (  # when an error carries no code (sqlite3 before 3.11, other drivers)
    ("database or disk is full", DiskFull),
    ("database is locked", DatabaseLocked),
    ("database table is locked", DatabaseLocked),
    ("attempt to write a readonly database", ReadOnlyStorage),
    ("readonly database", ReadOnlyStorage),
)


def known_error(exc: BaseException, path: object = None) -> DesaPeduliError | None:
    """The typed error for an SQLite failure a person can fix, else None (a bug).

    Disk full, locked by another program and read-only storage reach people as what they
    are rather than as "Something went wrong (OperationalError)". ``exc`` may come from
    sqlcipher3 or sqlite3 (both have ``sqlite_errorcode``); the message is the fallback.
    """
    if isinstance(exc, DesaPeduliError):
        return exc
    # the branch server's connection lost mid-way (cable, restart): never imported here
    # (start-up stays light); only a program that talked to a server has it loaded
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(exc, psycopg.OperationalError):
        return ServerUnreachable(str(path) if path is not None else "?")
    if not _is_sqlite_error(exc):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary == SQLITE_FULL:
            return DiskFull(path)
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return DatabaseLocked(path)
        if primary == SQLITE_READONLY:
            return ReadOnlyStorage(path)
    text = str(exc).lower()
    for fragment, error in _MESSAGES:
        if fragment in text:
            return error(path)
    return None


def _is_sqlite_error(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.Error | sqlite3.Error)
