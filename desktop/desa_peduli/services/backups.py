"""Backups as the CLI and both windows use them: make, list, find by name or path, restore."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desa_peduli.errors import InputRejected
from desa_peduli.services import reference_data
from desa_peduli.storage import backups as storage
from desa_peduli.storage.backups import BackupInfo as BackupInfo  # the UI names it

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session


def listing(session: Session) -> list[tuple[BackupInfo, int | None]]:
    """Every backup, newest first, with its registrations (None: the backup is unreadable)."""
    return [(info, storage.count_registrations(session.workspace, info))
            for info in storage.list_backups(session.workspace)]


def find(session: Session, name: str | Path) -> BackupInfo:
    """The backup called ``name`` (as ``backup --list`` shows it) or at that path."""
    text = str(name)
    for info in storage.list_backups(session.workspace):
        if text in (info.path.name, info.path.stem) or _same_file(info.path, text):
            return info
    path = Path(text)
    elsewhere = storage.backup_info(path) if path.is_file() else None
    if elsewhere is not None:  # a backup kept elsewhere (copied off the workspace folder)
        return elsewhere
    raise InputRejected(
        f"Cadangan tidak ditemukan: {text}. Lihat daftarnya dengan: desa-peduli backup --list",
        f"No such backup: {text}. See the list with: desa-peduli backup --list")


def _same_file(path: Path, text: str) -> bool:
    try:
        return Path(text).resolve() == path.resolve()
    except OSError:
        return False


def make(session: Session, *, reason: str = "manual") -> BackupInfo:
    """Back up the open workspace now (``reason``: manual, scheduled, pre-import…)."""
    return storage.make_backup(session.workspace, reason=reason)


def due(session: Session) -> bool:
    """True when the scheduled backup is due."""
    return storage.backup_due(session.workspace)


def restore(session: Session, backup: BackupInfo) -> BackupInfo:
    """Go back to ``backup``; returns the backup of the state before (a restore can itself
    be undone). Counters that must never go back are kept (``storage.high_water``) and
    an older backup is migrated at once; everything cached from the old data is dropped."""
    safety = restore_data(session, backup)
    reload(session)
    return safety


def restore_data(session: Session, backup: BackupInfo) -> BackupInfo:
    """The slow half of :func:`restore` (a job's own connection may run it): the data."""
    return storage.restore_backup(session.workspace, backup)


def reload(session: Session) -> None:
    """The quick half of :func:`restore`, on the session that shows the data: drop what
    was cached from the old data and activate the restored rate table and occupations."""
    session.registrations.reset()
    reference_data.activate(session)
