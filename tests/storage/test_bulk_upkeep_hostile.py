"""Storage/bulk.py deferred_insert_upkeep."""

from __future__ import annotations

import random
import sqlite3

import pytest
from sqlite_utils import Database

from desa_peduli.storage.bulk import INSERT_TRIGGERS, deferred_insert_upkeep, insert_triggers
from desa_peduli.storage.schema import migrations
from tests.storage.test_bulk_upkeep import _add_rows, _fts
from tests.storage.test_coverage_counts import counts, truth

MAX_ROWID = 2**63 - 1


@pytest.fixture
def db():
    database = Database(memory=True)
    migrations.apply(database)
    return database


def _fts_ok(db: Database) -> None:
    db.execute("INSERT INTO registrations_fts(registrations_fts) VALUES ('integrity-check')")


def test_rows_below_the_largest_pk_are_never_counted_or_indexed(db):
    """FINDING 2 (huge pk gap). A row holding the largest rowid (9223372036854775807:
    a restored/merged workspace, a hand repair, a bug elsewhere) makes SQLite give every
    new row a *random unused* rowid, below ``before``. The upkeep selects ``pk > before``:
    the 20 rows added in the block are neither indexed nor counted, silently, and the
    triggers are back so nothing repairs it. Row by row (the triggers) they would be.
    Worked example: 1 row at pk 2**63-1, 20 added -> counts show 1 row, truth 21."""
    db.execute("INSERT INTO registrations(pk, id, full_name, status, revision, change_seq, "
               "created_at, updated_at, branch_state, village_code, volunteer_id) VALUES "
               "(?, 'top', 'Siti Aminah', 'ready', 1, 0, '2026-11-02T10:00:00+07:00', 'x', "
               "'received', '15.04.05.2003', 'RLW-1')", [MAX_ROWID])
    with db.atomic():
        with deferred_insert_upkeep(db):
            _add_rows(db, random.Random(5), range(20))
    assert db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 21
    assert counts(db) == truth(db)
    _fts_ok(db)
    assert db.execute("SELECT count(*) FROM registrations_fts_docsize").fetchone()[0] == 21


def test_a_changed_trigger_under_a_known_name_is_not_noticed(db):
    """FINDING 3 (future migration). The deferral checks trigger *names* only. A later
    migration that redefines ``registrations_ai`` under the same name (e.g. to index the
    NIK too, or to log every insert) is dropped and re-created, but its work is replaced
    by this module's fixed statements: what the new trigger does is lost for every
    imported/added row. Worked example: registrations_ai also writes an audit row;
    20 rows added in bulk -> 0 audit rows (row by row: 20)."""
    db.execute("CREATE TABLE audit (id TEXT)")
    db.execute("DROP TRIGGER registrations_ai")
    db.execute("CREATE TRIGGER registrations_ai AFTER INSERT ON registrations BEGIN "
               "INSERT INTO registrations_fts(rowid, full_name) VALUES (new.rowid, "
               "new.full_name); INSERT INTO audit VALUES (new.id); END")
    with db.atomic():
        with deferred_insert_upkeep(db):
            _add_rows(db, random.Random(6), range(20))
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == 20


def test_an_older_workspace_is_not_deferred():
    """Migrations up to 0014 only (no coverage_funder_ai): the names differ from the
    three, so the block inserts row by row and everything stays right."""
    older = Database(memory=True)
    older.execute("PRAGMA foreign_keys = ON")
    names = [m.name for m in migrations._migrations]
    stop = names.index("0016_decisions_and_funder_counts")
    # apply the migrations before 0016 by hand (the tool applies all)
    for migration in migrations._migrations[:stop]:
        migration.fn(older)
    assert "coverage_funder_ai" not in insert_triggers(older)
    with older.atomic():
        with deferred_insert_upkeep(older):
            assert "registrations_ai" in insert_triggers(older)  # nothing set aside
            _add_rows(older, random.Random(7), range(30))
    _fts_ok(older)
    assert _fts(older, "siti")


def test_an_extra_insert_trigger_in_lower_case_is_noticed(db):
    db.execute("CREATE TABLE audit (id TEXT)")
    db.execute("create trigger zz_ai after insert on registrations begin "
               "insert into audit values (new.id); end")
    with db.atomic():
        with deferred_insert_upkeep(db):
            assert len(insert_triggers(db)) == 4
            _add_rows(db, random.Random(8), range(10))
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == 10
    assert counts(db) == truth(db)


def test_a_second_connection_cannot_write_while_the_triggers_are_away(tmp_path):
    """The GUI's second connection / another CLI: while the block runs (triggers dropped,
    uncommitted) it still sees the triggers, and its INSERT waits for the write lock
    (busy) instead of going in uncounted; after the commit its row is counted."""
    path = tmp_path / "w.db"
    first = Database(path)
    first.execute("PRAGMA journal_mode = WAL")
    migrations.apply(first)
    second = Database(sqlite3.connect(path, timeout=0.05))
    with first.atomic():
        with deferred_insert_upkeep(first):
            _add_rows(first, random.Random(9), range(10))
            seen = {n for n, in second.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert set(INSERT_TRIGGERS) <= seen
            with pytest.raises(sqlite3.OperationalError, match="locked|busy"):
                _add_rows(second, random.Random(10), range(100, 101))
    _add_rows(second, random.Random(10), range(100, 101))
    second.conn.commit()
    assert counts(first) == truth(first)
    _fts_ok(first)
    assert sorted(insert_triggers(first)) == sorted(INSERT_TRIGGERS)
