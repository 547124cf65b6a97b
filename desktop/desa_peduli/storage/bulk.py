"""Bulk inserts of registrations: the full-text index and the counts kept once per batch.

Three triggers keep derived data for every registration inserted: ``registrations_ai``
(the full-text index of names, migration 0001), ``coverage_counts_ai`` (the counts per
desa and per volunteer, 0006) and ``coverage_funder_ai`` (per desa, funder and state,
0016). Any trigger makes SQLite open a statement journal for every row's INSERT, which
copies each index page the row touches before changing it, and the full-text index
writes its pending terms at the end of every statement: with them, an executemany of
5,000 rows costs about twice what the same rows cost without them.

:func:`deferred_insert_upkeep` drops the three triggers inside the caller's transaction,
lets the caller insert, then does their work for all the new rows at once (one INSERT
... SELECT into the full-text index, one GROUP BY per count) and creates the triggers
again from their stored SQL. Everything happens in the caller's transaction: a power
cut or a kill rolls the triggers' removal back with the rows. The new rows are those
with ``pk`` above the largest before (an INTEGER PRIMARY KEY without AUTOINCREMENT takes
the largest plus one). The caller must not update or delete a row it inserted inside the
block (its update triggers would count a row not yet counted).

The count statements read the new rows by row id (``NOT INDEXED``): left to itself the
planner takes an index on ``deleted_at`` and reads every row of a million-row table, which
cost 0.7 s a bundle at 900,000 registrations.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from desa_peduli.storage.schema import COUNT_TABLES, COUNTED, FUNDER_STATE, FUNDER_STATE_SQL

# the triggers this module stands in for: name -> SHA-256 of the SQL the migrations
# (0001, 0006, 0016) store. A migration that changes one makes the deferral turn itself
# off until the statements below are changed with it (tests/storage/test_bulk_upkeep.py
# compares these with a freshly migrated workspace).
INSERT_TRIGGERS = {
    "coverage_counts_ai": "2e2e8d4d8c66e3d9",
    "coverage_funder_ai": "a751ebfb05486909",
    "registrations_ai": "76b457fd7ef183fc",
}
# a new row takes the largest row id plus one, unless the largest is at the limit
# (2**63 - 1): then SQLite picks free ids at random, below the rows already there
_PK_ROOM = 2**62


def _upkeep_statements() -> list[str]:
    """Statements that do for the rows with ``pk > ?`` what the insert triggers do."""
    out = ["INSERT INTO registrations_fts(rowid, full_name) "
           "SELECT pk, full_name FROM registrations WHERE pk > ?"]
    for table, key_column, key, dimensions in COUNT_TABLES:
        for dimension, value in dimensions.items():
            out.append(
                f"INSERT INTO {table}({key_column}, dimension, value, n) "
                f"SELECT {key.format(r='r')}, '{dimension}', {value.format(r='r')}, count(*) "
                f"FROM registrations r NOT INDEXED WHERE r.pk > ? AND {COUNTED.format(r='r')} "
                "GROUP BY 1, 3 ON CONFLICT DO UPDATE SET n = n + excluded.n")
    out.append(
        "INSERT INTO coverage_counts(village_code, dimension, value, n) "
        f"SELECT coalesce(r.village_code, ''), '{FUNDER_STATE}', "
        f"{FUNDER_STATE_SQL.format(r='r')}, count(*) FROM registrations r NOT INDEXED "
        f"WHERE r.pk > ? AND {COUNTED.format(r='r')} "
        "GROUP BY 1, 3 ON CONFLICT DO UPDATE SET n = n + excluded.n")
    return out


UPKEEP = _upkeep_statements()


def insert_triggers(db: Database) -> dict[str, str]:
    """Every trigger that runs on an INSERT into registrations: name -> its SQL."""
    return {name: sql for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'registrations' AND sql LIKE '%AFTER INSERT ON%' ORDER BY name")}


def fingerprints(triggers: dict[str, str]) -> dict[str, str]:
    """name -> the start of the SHA-256 of its SQL, as in ``INSERT_TRIGGERS``."""
    return {name: hashlib.sha256(sql.encode()).hexdigest()[:16]
            for name, sql in triggers.items()}


@contextmanager
def deferred_insert_upkeep(db: Database) -> Iterator[None]:
    """Inside a transaction (the caller's ``db.atomic()``): registrations inserted in the
    block are indexed and counted once, at its end. When the schema holds other insert
    triggers than the three known ones, or one of them with other SQL (a later migration),
    or the row ids are near their limit, nothing is deferred."""
    if not db.conn.in_transaction:
        raise RuntimeError("deferred_insert_upkeep needs the caller's transaction")
    triggers = insert_triggers(db)
    before = db.execute("SELECT coalesce(max(pk), 0) FROM registrations").fetchone()[0]
    if fingerprints(triggers) != INSERT_TRIGGERS or before >= _PK_ROOM:
        yield
        return
    for name in triggers:
        db.execute(f"DROP TRIGGER {name}")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:  # the caller rolls back; until then, as it was
            for sql in triggers.values():
                db.execute(sql)
        raise
    for statement in UPKEEP:
        db.execute(statement, [before])
    for sql in triggers.values():
        db.execute(sql)
