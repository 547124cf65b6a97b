"""Opening a SQLCipher database under sqlite-utils, with the pragmas the workspace needs."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlite_utils import Database

from desa_peduli.errors import WorkspaceDamaged, WrongPassphrase
from desa_peduli.storage.keys import sqlcipher_key_pragma

BUSY_TIMEOUT_MS = 5000


def connect(path: Path, key: bytes, *, check_same_thread: bool = True) -> Database:
    """An open, keyed, verified connection in autocommit mode (transactions via atomic())."""
    conn = sqlcipher3.connect(
        str(path), isolation_level=None, check_same_thread=check_same_thread
    )
    try:
        conn.execute(sqlcipher_key_pragma(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            # Either the key does not fit this file or the file is not a database.
            raise WrongPassphrase() if "not a database" in str(exc) else WorkspaceDamaged(
                str(exc)
            ) from exc
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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


def integrity_check(db: Database) -> list[str]:
    """``['ok']`` for a healthy database, else SQLite's list of problems."""
    rows = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    rows += [f"foreign key: {row[0]} rowid {row[1]} -> {row[2]}" for row in fk]
    return rows
