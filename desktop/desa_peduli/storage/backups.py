"""Rolling backups with the SQLite backup API, kept (encrypted) inside the workspace."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3
from sqlite_utils import Database

from desa_peduli.errors import DesaPeduliError, InputRejected, WorkspaceDamaged
from desa_peduli.storage.database import connect, integrity_check, open_database
from desa_peduli.storage.files import ANY_TEMP, fsync_dir, remove_stale_temps, replace_with_retry
from desa_peduli.storage.high_water import carry_forward
from desa_peduli.storage.schema import applied_names, migrations
from desa_peduli.storage.settings import Settings

if TYPE_CHECKING:  # the workspace makes backups: a cycle at run time
    from desa_peduli.storage.workspace import Workspace

NAME_RE = re.compile(r"^(\d{8}T\d{6}\d*)-([a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    reason: str
    size: int


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S%f")


def make_backup(ws: Workspace, *, reason: str = "scheduled", keep: int | None = None) -> BackupInfo:
    """Copy the live database to backups/ atomically; prune old scheduled copies.

    The copy is fsynced through a writable handle (Windows refuses fsync on a read-only
    one). If anything fails, the temporary copy is removed; one left by a crash or a power
    cut is removed by the next backup (:func:`prune`).
    """
    ws.backups_dir.mkdir(exist_ok=True)
    now = dt.datetime.now()
    final = ws.backups_dir / f"{_stamp(now)}-{reason}.db"
    tmp = final.with_suffix(".tmp")
    try:
        tmp.unlink(missing_ok=True)
        target = connect(tmp, ws.key)
        try:
            open_database(ws).conn.backup(target.conn)
            # the copy took the live database's WAL mode with its pages: a backup is a
            # single file (no -wal beside it), read without writing (connect read_only)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.conn.close()
        with open(tmp, "r+b") as handle:
            os.fsync(handle.fileno())
        replace_with_retry(tmp, final)
    except BaseException:
        _remove_database_file(tmp)
        raise
    fsync_dir(ws.backups_dir)
    settings = Settings(open_database(ws))
    settings.set("last_backup_at", now.isoformat(timespec="seconds"))
    prune(ws, keep if keep is not None else int(settings.get("backups_kept") or 10))
    return BackupInfo(final, now, reason, final.stat().st_size)


def backup_info(path: Path) -> BackupInfo | None:
    """What a backup's file name says about it (None: not named like a backup)."""
    match = NAME_RE.match(path.name)
    if not match:
        return None
    created = dt.datetime.strptime(match.group(1)[:15], "%Y%m%dT%H%M%S")
    return BackupInfo(path, created, match.group(2), path.stat().st_size)


def list_backups(ws: Workspace) -> list[BackupInfo]:
    """Newest first."""
    found = [info for info in map(backup_info, ws.backups_dir.glob("*.db")) if info]
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def _remove_database_file(path: Path) -> None:
    """Remove a temporary database copy and the log files SQLite keeps beside it (a file
    still held open on Windows is left for the next clean-up: see ``prune``)."""
    for leftover in (path, *(path.with_name(path.name + end)
                             for end in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def prune(ws: Workspace, keep: int) -> None:
    """Keep the newest ``keep`` backups (at least one); remove the temporary copies an
    interrupted backup left behind (only one program has the workspace open: the lock)."""
    for old in list_backups(ws)[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
    # (one still held on Windows, by a scanner, goes next time)
    remove_stale_temps(ws.backups_dir, older_than=0, pattern=ANY_TEMP)


def forget_backups_before(ws: Workspace, since: dt.datetime, *, reason: str = "post-purge") -> list[Path]:
    """Delete every backup made before ``since``; returns the deleted paths.

    After a purge the law wants the removed personal data gone, and a backup from before
    it would bring the data back: only backups of the purged state are kept. When none
    is newer than ``since`` one is made first, so a restore point is always left. Also
    removes the temporary copies a killed backup left (they hold everything too).
    """
    cutoff = _stamp(since)

    def older(backup: BackupInfo) -> bool:
        match = NAME_RE.match(backup.path.name)  # list_backups lists only these names
        return match is not None and match.group(1) < cutoff

    # the one made here is kept even when a clock set back names it "older"
    fresh = make_backup(ws, reason=reason).path if all(map(older, list_backups(ws))) else None
    gone = []
    for old in list_backups(ws):
        if older(old) and old.path != fresh:
            old.path.unlink(missing_ok=True)
            gone.append(old.path)
    gone += remove_stale_temps(ws.backups_dir, pattern=ANY_TEMP)
    if gone:
        fsync_dir(ws.backups_dir)
    return gone


def backup_due(ws: Workspace) -> bool:
    settings = Settings(open_database(ws))
    last = settings.get("last_backup_at")
    if not last:
        return True
    minutes = int(settings.get("backup_interval_minutes") or 60)
    return dt.datetime.now() - dt.datetime.fromisoformat(last) >= dt.timedelta(minutes=minutes)


def count_registrations(ws: Workspace, backup: BackupInfo) -> int | None:
    """The registrations (not deleted) in ``backup``; None when it cannot be read."""
    try:
        db = connect(backup.path, ws.key, read_only=True)
    except (DesaPeduliError, sqlcipher3.Error):
        return None
    try:
        count: int = db.execute(
            "SELECT count(*) FROM registrations WHERE deleted_at IS NULL").fetchone()[0]
        return count
    except sqlcipher3.Error:
        return None
    finally:
        db.conn.close()


def _open_backup(ws: Workspace, backup: BackupInfo) -> Database:
    """The backup's database, checked: whole, of this workspace, not from a newer program."""
    damaged = InputRejected(
        f"Cadangan {backup.path.name} rusak atau bukan cadangan ruang kerja ini; pilih "
        "cadangan lain. Tidak ada yang diubah.",
        f"Backup {backup.path.name} is damaged or not a backup of this workspace; choose "
        "another one. Nothing was changed.")
    try:
        source = connect(backup.path, ws.key, read_only=True)
    except (DesaPeduliError, sqlcipher3.Error) as exc:
        raise damaged from exc
    try:
        if integrity_check(source) != ["ok"]:
            raise damaged
        applied_names(source)  # SchemaTooNew: made by a newer program
    except sqlcipher3.Error as exc:
        source.conn.close()
        raise damaged from exc
    except BaseException:
        source.conn.close()
        raise
    return source


def restore_backup(ws: Workspace, backup: BackupInfo) -> BackupInfo:
    """Replace the live data with ``backup``; the current state is backed up first.

    The backup is copied to a private file, migrated to this program's schema and given
    the live database's high-water marks (``storage.high_water``): a new edit never
    reuses a number the branch or a laptop already holds. That copy then goes into the
    open connection through the backup API, one transaction: a power cut during the
    restore leaves the database as it was, and a refusal before it changes nothing.
    """
    source = _open_backup(ws, backup)
    # beside the database, not in backups/: the pre-restore backup below prunes the
    # temporary files there; a name atomic_writer's would have, so a copy a killed
    # restore left is removed when the workspace next opens
    work = ws.path / f".restore.{secrets.token_hex(4)}.tmp"
    restored = None
    try:
        restored = connect(work, ws.key)
        restored.execute("PRAGMA journal_mode = DELETE")
        source.conn.backup(restored.conn)
        source.conn.close()
        migrations.apply(restored)
        safety = make_backup(ws, reason="pre-restore")
        with restored.atomic():
            carry_forward(open_database(ws), restored, role=ws.role)
        if integrity_check(restored) != ["ok"]:
            raise WorkspaceDamaged("pemulihan gagal diperiksa")
        restored.conn.backup(open_database(ws).conn)
    finally:
        source.conn.close()
        if restored is not None:
            restored.conn.close()
        _remove_database_file(work)
    if integrity_check(open_database(ws)) != ["ok"]:
        raise WorkspaceDamaged("pemulihan gagal diperiksa")
    return safety
