"""Fixtures for sync tests: a branch, enrolled volunteers, bundles, a content digest."""

from __future__ import annotations

import copy
import hashlib


def person(base: dict, serial: int, **changes) -> dict:
    """A valid registration with its own NIK (women born 2 March 1988, serial varies)."""
    record = copy.deepcopy(base)
    record["nik"] = f"150405420388{serial:04d}"
    record["full_name"] = "Siti " + "".join(chr(ord("a") + int(d)) for d in f"{serial:04d}")
    record.update(changes)
    return record


# when something happened, not what: two runs of the same import differ only in these
CLOCK_COLUMNS = frozenset({"imported_at", "branch_updated_at", "at", "found_at",
                           "last_bundle_at", "device_bound_at", "report"})


def digest(db, *, ignore: frozenset[str] = frozenset()) -> str:
    """A digest of the logical content of every table (what a rejected import must keep)."""
    sha = hashlib.sha256()
    tables = [row[0] for row in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY name")]
    for table in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info([{table}])")
                   if row[1] not in ignore]
        sha.update(f"{table}:{','.join(columns)}".encode())
        select = ", ".join(f"[{c}]" for c in columns)
        for row in sorted(repr(r) for r in db.execute(f"SELECT {select} FROM [{table}]")):
            sha.update(row.encode())
    return sha.hexdigest()
