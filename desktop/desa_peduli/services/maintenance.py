"""Workspace health: integrity check, migration state, backups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desa_peduli.storage.backups import list_backups
from desa_peduli.storage.database import integrity_check
from desa_peduli.storage.schema import migrations

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session


def check_workspace(session: Session) -> dict[str, Any]:
    db = session.db
    problems = [p for p in integrity_check(db) if p != "ok"]
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        problems.append(f"migrasi belum diterapkan: {', '.join(pending)}")
    fts_rows = db.execute("SELECT count(*) FROM registrations_fts").fetchone()[0]
    reg_rows = db.execute("SELECT count(*) FROM registrations").fetchone()[0]
    if fts_rows != reg_rows:
        problems.append(f"indeks pencarian tidak cocok ({fts_rows} ≠ {reg_rows})")
    registrations = db.execute(
        "SELECT count(*) FROM registrations WHERE deleted_at IS NULL").fetchone()[0]
    return {
        "ok": not problems,
        "problems": problems,
        "integrity": "ok" if not problems else "damaged",
        "role": session.role,
        "registrations": registrations,
        "change_seq": db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0],
        "migrations": [m.name for m in migrations.applied(db)],
        "backups": len(list_backups(session.workspace)),
    }
