"""What the branch holds from one laptop: the highest change of that laptop's sequence
up to which every change has arrived (its bundles' ranges joined without a gap).

The import advances it bundle by bundle (``sync.bundle``); this recomputes it from the
``bundles`` history when the bound laptop changes (a new one, or an earlier one back).
"""

from __future__ import annotations

from sqlite_utils import Database


def acknowledged_through(db: Database, volunteer_id: str, device_key: str | None) -> int:
    if not device_key:
        return 0
    acked = 0
    for seq_from, seq_to in db.execute(
            "SELECT seq_from, seq_to FROM bundles WHERE volunteer_id = ? AND device_key = ? "
            "ORDER BY seq_from, seq_to", [volunteer_id, device_key]):
        if seq_from > acked + 1:
            break  # a gap: what follows it is not acknowledged yet
        acked = max(acked, seq_to)
    return acked


def recount_all(db: Database) -> None:
    """Set every volunteer's ``acked_seq`` from its bound laptop's bundles."""
    for volunteer_id, device_key in db.execute(
            "SELECT id, device_key FROM volunteers").fetchall():
        db.execute("UPDATE volunteers SET acked_seq = ? WHERE id = ?",
                   [acknowledged_through(db, volunteer_id, device_key), volunteer_id])
