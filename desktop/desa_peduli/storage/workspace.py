"""A workspace: a folder with one encrypted database, its wrapped key, a lock and backups.

    <folder>/workspace.json          role, id, format (no personal data)
    <folder>/keys/passphrase.age     the database key, wrapped with the passphrase (age scrypt)
    <folder>/desa-peduli.db          SQLCipher database (+ -wal, -shm)
    <folder>/backups/                rolling backups (same encryption)
    <folder>/.lock                   held while a program has the workspace open
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import filelock
from sqlite_utils import Database

from desa_peduli import __version__
from desa_peduli.errors import (
    NotAFolder,
    SchemaTooNew,
    WorkspaceDamaged,
    WorkspaceExists,
    WorkspaceIncomplete,
    WorkspaceLocked,
    WorkspaceNotFound,
)
from desa_peduli.storage import keys
from desa_peduli.storage.backups import make_backup
from desa_peduli.storage.database import connect
from desa_peduli.storage.files import (
    ANY_TEMP,
    atomic_write_bytes,
    fsync_dir,
    refuse_network_share,
    remove_stale_temps,
)
from desa_peduli.storage.schema import applied_names, migrations
from desa_peduli.storage.settings import Settings

META_FILE = "workspace.json"
DB_FILE = "desa-peduli.db"
KEY_DIR = "keys"
PASSPHRASE_KEY_FILE = "passphrase.age"
LOCK_FILE = ".lock"
# a clerk's folder of a branch on a PostgreSQL server holds only this (storage/server.py)
SERVER_CONFIG_FILE = "server.json"
# present from the start of Workspace.create until workspace.json is written: what a
# create killed part-way (a power cut in the first-run wizard) left holds no data yet
CREATING_FILE = ".creating"
_CREATE_MAKES = frozenset({DB_FILE, f"{DB_FILE}-wal", f"{KEY_DIR}/{PASSPHRASE_KEY_FILE}"})
FORMAT = 1
ROLES = ("volunteer", "branch")


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


def is_workspace(path: Path) -> bool:
    return (Path(path) / META_FILE).is_file()


def leftover_files(path: Path) -> list[str]:
    """Workspace files in a folder without ``workspace.json``: keys, database, backups.

    Such a folder is a damaged workspace (workspace.json lost), never a new one: creating
    a workspace there would overwrite the only wrapped copy of the database key (and
    pruning would delete the old backups).
    """
    path = Path(path)
    found = [name for name in (DB_FILE, f"{DB_FILE}-wal") if (path / name).exists()]
    if (path / META_FILE).exists() and not (path / META_FILE).is_file():
        found.insert(0, f"{META_FILE}/")  # a folder where the file should be
    for folder, pattern in ((KEY_DIR, "*"), ("backups", "*.db")):
        if (path / folder).is_dir():
            found += sorted(f"{folder}/{p.name}" for p in (path / folder).glob(pattern)
                            if p.is_file())
    return found


def check_new_workspace_folder(path: Path) -> None:
    """Raise unless a new workspace may be made at ``path`` (nothing there is touched)."""
    path = Path(path)
    _refuse_file(path)
    if is_workspace(path) or (path / SERVER_CONFIG_FILE).is_file():
        raise WorkspaceExists(
            f"Sudah ada ruang kerja di {path}; tidak ada yang diubah.",
            f"There is already a workspace at {path}; nothing was changed.",
        )
    found = leftover_files(path)
    if found and not _unfinished_create(path, found):
        raise WorkspaceIncomplete(path, found)


def _unfinished_create(path: Path, found: list[str]) -> bool:
    """``found`` is only what a create killed before workspace.json made: a key and a
    database nobody could open yet (without workspace.json nothing opens a folder)."""
    return (path / CREATING_FILE).is_file() and set(found) <= _CREATE_MAKES


def _refuse_file(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise NotAFolder(path)


def read_meta(path: Path) -> dict[str, Any]:
    _refuse_file(Path(path))
    try:
        meta: dict[str, Any] = json.loads((Path(path) / META_FILE).read_text("utf-8"))
        return meta
    except FileNotFoundError as exc:
        raise WorkspaceNotFound(
            f"Belum ada ruang kerja di {path}. Buat dulu: desa-peduli init volunteer --name NAMA",
            f"No workspace at {path}. Create one first: desa-peduli init volunteer --name NAME",
        ) from exc
    except (OSError, ValueError) as exc:
        raise WorkspaceDamaged(f"{META_FILE} tidak terbaca") from exc


class Workspace:
    """An open workspace. Use :meth:`create` or :meth:`open`; always :meth:`close`."""

    def __init__(self, path: Path, meta: dict[str, Any], key: bytes, lock: filelock.BaseFileLock):
        self.path = Path(path)
        self.meta = meta
        self._key = key
        self._lock = lock
        self.db: Database | None = None

    def __repr__(self) -> str:  # never the key
        return f"Workspace({str(self.path)!r}, role={self.meta.get('role')!r})"

    # -- life cycle -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, *, role: str, passphrase: str,
               settings: dict[str, Any] | None = None) -> Workspace:
        """Create a new workspace and return it open. Refuses a folder that has one."""
        path = Path(path)
        if role not in ROLES:
            raise ValueError(role)
        keys.check_passphrase(passphrase)
        refuse_network_share(path)
        check_new_workspace_folder(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / KEY_DIR).mkdir(exist_ok=True)
        (path / "backups").mkdir(exist_ok=True)
        lock = _acquire(path)
        made: list[Path] = []  # removed again if creating fails: the folder stays new
        ws = None
        try:
            check_new_workspace_folder(path)  # again, under the lock
            if (path / CREATING_FILE).is_file():  # a create killed part-way: start over
                for name in (*_CREATE_MAKES, f"{DB_FILE}-shm"):
                    (path / name).unlink(missing_ok=True)
            atomic_write_bytes(path / CREATING_FILE, b"")
            made.append(path / CREATING_FILE)
            key = keys.new_database_key()
            key_file = path / KEY_DIR / PASSPHRASE_KEY_FILE
            keys.write_wrapped(key_file, keys.wrap_with_passphrase(key, passphrase),
                               new=True)
            made.append(key_file)
            meta = {
                "format": FORMAT,
                "role": role,
                "workspace_id": str(uuid.uuid4()),
                "created_at": now_iso(),
                "created_with": __version__,
            }
            ws = cls(path, meta, key, lock)
            made += [path / DB_FILE, path / f"{DB_FILE}-wal", path / f"{DB_FILE}-shm"]
            db = ws._open_db(migrate_backup=False)
            with db.atomic():
                Settings(db).update({"role": role, **(settings or {})})
            # workspace.json last: until it exists the folder is not a workspace.
            atomic_write_bytes(path / META_FILE, json.dumps(meta, indent=2).encode(), new=True)
            try:
                _forget_creating(path)
            except OSError:  # never undo a finished workspace for this: open removes it
                pass
            return ws
        except BaseException:
            if ws is not None and ws.db is not None:
                ws.db.conn.close()
            for made_file in made:
                made_file.unlink(missing_ok=True)
            lock.release()
            raise

    @staticmethod
    def unwrap_key(path: Path, passphrase: str) -> bytes:
        """The database key of the workspace at ``path`` (slow: scrypt); opens nothing.

        The GUI calls this on a worker thread, then :meth:`open_with_key` on its own.
        """
        path = Path(path)
        meta = read_meta(path)
        if meta.get("format", 0) > FORMAT:
            raise SchemaTooNew([f"format {meta.get('format')}"])
        try:
            wrapped = (path / KEY_DIR / PASSPHRASE_KEY_FILE).read_bytes()
        except FileNotFoundError as exc:
            raise WorkspaceDamaged(f"berkas tidak ada: {exc.filename}") from exc
        return keys.unwrap_with_passphrase(wrapped, passphrase)

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Workspace:
        path = Path(path)
        meta = read_meta(path)
        # the lock first: a workspace in use says so before anyone waits for scrypt
        lock = _acquire(path)
        try:
            ws = cls(path, meta, cls.unwrap_key(path, passphrase), lock)
            ws._open_db(migrate_backup=True)
            return ws
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_with_key(cls, path: Path, key: bytes) -> Workspace:
        """Open with the raw key (after :meth:`unwrap_key`, recovery by the branch, tests)."""
        path = Path(path)
        meta = read_meta(path)
        if meta.get("format", 0) > FORMAT:
            raise SchemaTooNew([f"format {meta.get('format')}"])
        lock = _acquire(path)
        try:
            ws = cls(path, meta, key, lock)
            ws._open_db(migrate_backup=True)
            return ws
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # noqa: BLE001 - closing must not fail on a checkpoint
                pass
            self.db.conn.close()
            self.db = None
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- properties -------------------------------------------------------------------
    @property
    def role(self) -> str:
        role: str = self.meta["role"]
        return role

    @property
    def db_path(self) -> Path:
        return self.path / DB_FILE

    @property
    def backups_dir(self) -> Path:
        return self.path / "backups"

    @property
    def key(self) -> bytes:
        return self._key

    def connect(self, *, check_same_thread: bool = True) -> Database:
        """Another connection to this workspace's database (for a worker thread)."""
        return connect(self.db_path, self._key, check_same_thread=check_same_thread)

    # -- passphrase -------------------------------------------------------------------
    def verify_passphrase(self, passphrase: str) -> None:
        """Raise WrongPassphrase unless ``passphrase`` unwraps this workspace's key."""
        wrapped = (self.path / KEY_DIR / PASSPHRASE_KEY_FILE).read_bytes()
        if keys.unwrap_with_passphrase(wrapped, passphrase) != self._key:
            raise WorkspaceDamaged("kunci tidak cocok")

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the database key under ``new``; the database itself is not touched."""
        keys.check_passphrase(new)
        self.verify_passphrase(old)
        keys.write_wrapped(self.path / KEY_DIR / PASSPHRASE_KEY_FILE,
                           keys.wrap_with_passphrase(self._key, new))

    # -- schema -----------------------------------------------------------------------
    def _remove_stale_temps(self) -> None:
        """Remove what killed writes left (a key file, a backup copy: the whole database):
        this process holds the workspace's lock, so no other program is writing here."""
        for folder in (self.path, self.path / KEY_DIR):
            remove_stale_temps(folder, older_than=0)  # only atomic_writer's hidden names
        remove_stale_temps(self.backups_dir, older_than=0, pattern=ANY_TEMP)

    def _open_db(self, *, migrate_backup: bool) -> Database:
        """Open (and migrate) the database as ``self.db``; returns it."""
        self._remove_stale_temps()
        if is_workspace(self.path):  # a create killed just after workspace.json
            _forget_creating(self.path)
        db = connect(self.db_path, self._key)
        try:
            applied = applied_names(db)
            pending = migrations.pending(db)
            if pending:
                if migrate_backup and applied:
                    self.db = db
                    make_backup(self, reason="pre-migration")
                migrations.apply(db)
        except BaseException:
            db.conn.close()
            self.db = None
            raise
        self.db = db
        return db


def _forget_creating(path: Path) -> None:
    """The workspace is whole: its files are no longer disposable."""
    marker = path / CREATING_FILE
    if marker.exists():
        marker.unlink()
        fsync_dir(path)


def _acquire(path: Path) -> filelock.BaseFileLock:
    """The workspace's lock, held while it is open (refused on a network share, where
    neither this lock nor SQLite's are reliable)."""
    refuse_network_share(path)
    lock = filelock.FileLock(str(path / LOCK_FILE), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise WorkspaceLocked(path) from exc
    return lock
