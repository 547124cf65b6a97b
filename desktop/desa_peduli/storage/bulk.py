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
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from desa_peduli.storage.schema import COUNT_TABLES, COUNTED, FUNDER_STATE, FUNDER_STATE_SQL

# the triggers this module stands in for, and what they do for a set of new rows
INSERT_TRIGGERS = ("registrations_ai", "coverage_counts_ai", "coverage_funder_ai")


def _upkeep_statements() -> list[str]:
    """Statements that do for the rows with ``pk > ?`` what the insert triggers do."""
    out = ["INSERT INTO registrations_fts(rowid, full_name) "
           "SELECT pk, full_name FROM registrations WHERE pk > ?"]
    for table, key_column, key, dimensions in COUNT_TABLES:
        for dimension, value in dimensions.items():
            out.append(
                f"INSERT INTO {table}({key_column}, dimension, value, n) "
                f"SELECT {key.format(r='r')}, '{dimension}', {value.format(r='r')}, count(*) "
                f"FROM registrations r WHERE r.pk > ? AND {COUNTED.format(r='r')} "
                "GROUP BY 1, 3 ON CONFLICT DO UPDATE SET n = n + excluded.n")
    out.append(
        "INSERT INTO coverage_counts(village_code, dimension, value, n) "
        f"SELECT coalesce(r.village_code, ''), '{FUNDER_STATE}', "
        f"{FUNDER_STATE_SQL.format(r='r')}, count(*) FROM registrations r "
        f"WHERE r.pk > ? AND {COUNTED.format(r='r')} "
        "GROUP BY 1, 3 ON CONFLICT DO UPDATE SET n = n + excluded.n")
    return out


UPKEEP = _upkeep_statements()


def insert_triggers(db: Database) -> dict[str, str]:
    """Every trigger that runs on an INSERT into registrations: name -> its SQL."""
    return {name: sql for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        "AND tbl_name = 'registrations' AND sql LIKE '%AFTER INSERT ON%' ORDER BY name")}


@contextmanager
def deferred_insert_upkeep(db: Database) -> Iterator[None]:
    """Inside a transaction (the caller's ``db.atomic()``): registrations inserted in the
    block are indexed and counted once, at its end. When the schema holds other insert
    triggers than the three known ones (a later migration), nothing is deferred."""
    if not db.conn.in_transaction:
        raise RuntimeError("deferred_insert_upkeep needs the caller's transaction")
    triggers = insert_triggers(db)
    if sorted(triggers) != sorted(INSERT_TRIGGERS):
        yield
        return
    before = db.execute("SELECT coalesce(max(pk), 0) FROM registrations").fetchone()[0]
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
