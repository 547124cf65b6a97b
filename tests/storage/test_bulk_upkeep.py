"""storage/bulk.py: registrations inserted with the insert triggers set aside end up
indexed and counted exactly as the triggers would have done it, inside the caller's
transaction (a failure or a kill keeps the triggers and drops the rows)."""

from __future__ import annotations

import random

import pytest
from sqlite_utils import Database

from desa_peduli.storage.bulk import (
    INSERT_TRIGGERS,
    deferred_insert_upkeep,
    fingerprints,
    insert_triggers,
)
from desa_peduli.storage.schema import migrations
from tests.storage.test_coverage_counts import counts, insert, truth

NAMES = ("Siti Aminah", "Muhammad Ridwan bin Abdullah", "Nur'aini", "Ahmad", "Dewi Sartika",
         "Abd. Rahman", "Zulkifli Hasibuan", None)


@pytest.fixture
def db():
    database = Database(memory=True)
    migrations.apply(database)
    return database


def _insert_named(db: Database, rng: random.Random, i: int) -> None:
    insert(db, rng, i)
    db.execute("UPDATE registrations SET full_name = ? WHERE id = ?",
               [rng.choice(NAMES), f"id{i}"])


def _fts(db: Database, word: str) -> list[str]:
    return sorted(row[0] for row in db.execute(
        "SELECT r.id FROM registrations_fts f JOIN registrations r ON r.pk = f.rowid "
        "WHERE registrations_fts MATCH ?", [word]))


def _add_rows(db: Database, rng: random.Random, ids: range) -> None:
    """Rows as an import adds them: inserted with their name (no update afterwards)."""
    for i in ids:
        db.execute(
            "INSERT INTO registrations(id, full_name, village_code, occupation, funding_source, "
            "status, revision, change_seq, created_at, updated_at, branch_state, volunteer_id, "
            "deleted_at) VALUES (?, ?, ?, ?, ?, 'ready', 1, ?, ?, 'x', ?, ?, ?)",
            [f"id{i}", rng.choice(NAMES), rng.choice(("15.04.05.2003", "15.01.01.2001", None)),
             rng.choice(("petani", "nelayan", None)), rng.choice(("mandiri", "dumisake", None)),
             i, rng.choice((f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T10:00:00"
                            "+07:00", "bukan tanggal")),
             rng.choice(("received", "accepted", "registered", None)),
             rng.choice(("RLW-1", "RLW-2", None)), rng.choice((None, None, "2026-05-01"))])


def test_rows_added_in_bulk_are_counted_and_indexed_as_by_the_triggers(db):
    """300 rows already there (counted by the triggers), 700 added in bulk with a name,
    village, funder, state, week and deletion chosen at random (None included): every
    count equals a GROUP BY over all rows, and a name search finds the same rows as a
    workspace where the triggers did it row by row."""
    rng = random.Random(11)
    _add_rows(db, rng, range(300))
    twin = Database(memory=True)
    migrations.apply(twin)
    with db.atomic():
        with deferred_insert_upkeep(db):
            assert insert_triggers(db) == {}  # set aside while the rows go in
            _add_rows(db, rng, range(300, 1000))
    rng = random.Random(11)
    _add_rows(twin, rng, range(1000))

    assert counts(db) == truth(db)
    assert counts(db) == counts(twin)
    for word in ("siti", "rahman", "nur", "aini", "abdullah", "sartika"):
        assert _fts(db, word) == _fts(twin, word), word
        assert _fts(db, word)
    db.execute("INSERT INTO registrations_fts(registrations_fts) VALUES ('integrity-check')")
    assert fingerprints(insert_triggers(db)) == INSERT_TRIGGERS


def test_the_triggers_come_back_with_their_own_sql(db):
    before = insert_triggers(db)
    with db.atomic():
        with deferred_insert_upkeep(db):
            _add_rows(db, random.Random(1), range(10))
    assert insert_triggers(db) == before
    # and they work again: a later row is counted by them
    _insert_named(db, random.Random(2), 99)
    assert counts(db) == truth(db)


def test_a_failure_inside_keeps_the_triggers_and_no_row(db):
    before = insert_triggers(db)
    with pytest.raises(ZeroDivisionError):
        with db.atomic():
            with deferred_insert_upkeep(db):
                _add_rows(db, random.Random(3), range(50))
                raise ZeroDivisionError
    assert insert_triggers(db) == before
    assert db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 0
    assert counts(db) == ({}, {})


def test_outside_a_transaction_it_refuses(db):
    with pytest.raises(RuntimeError):
        with deferred_insert_upkeep(db):
            pass


def test_an_unknown_insert_trigger_means_nothing_is_deferred(db):
    """A later migration adding its own insert trigger must be done row by row until this
    module learns it: the three triggers stay in place inside the block."""
    db.execute("CREATE TABLE audit (id TEXT)")
    db.execute("CREATE TRIGGER audit_ai AFTER INSERT ON registrations BEGIN "
               "INSERT INTO audit VALUES (new.id); END")
    with db.atomic():
        with deferred_insert_upkeep(db):
            assert len(insert_triggers(db)) == 4
            _add_rows(db, random.Random(4), range(20))
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == 20
    assert counts(db) == truth(db)


def test_the_known_triggers_are_those_a_fresh_workspace_gets(db):
    """The statements in storage/bulk.py do what these exact triggers do: a migration that
    changes one must change bulk.py too (and its fingerprint here)."""
    assert fingerprints(insert_triggers(db)) == INSERT_TRIGGERS


def test_a_known_name_with_other_sql_means_nothing_is_deferred(db):
    """A later migration redefining registrations_ai (here: it also logs each insert) keeps
    its work for every row added in bulk."""
    db.execute("CREATE TABLE audit (id TEXT)")
    db.execute("DROP TRIGGER registrations_ai")
    db.execute("CREATE TRIGGER registrations_ai AFTER INSERT ON registrations BEGIN "
               "INSERT INTO registrations_fts (rowid, full_name) VALUES (new.pk, new.full_name); "
               "INSERT INTO audit VALUES (new.id); END")
    with db.atomic():
        with deferred_insert_upkeep(db):
            _add_rows(db, random.Random(5), range(20))
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == 20
    assert counts(db) == truth(db)


def test_rows_ids_at_their_limit_mean_nothing_is_deferred(db):
    """With a row at row id 2**63 - 1, SQLite gives new rows free ids below it at random:
    'pk above the largest' would miss them, so the triggers stay."""
    db.execute("INSERT INTO registrations(pk, id, status, revision, change_seq, created_at, "
               "updated_at, branch_state) VALUES (?, 'last', 'ready', 1, 1, "
               "'2026-01-05T10:00:00+07:00', 'x', 'received')", [2**63 - 1])
    with db.atomic():
        with deferred_insert_upkeep(db):
            _add_rows(db, random.Random(6), range(20))
    assert counts(db) == truth(db)
    assert len(_fts(db, "siti")) == sum(
        1 for (name,) in db.execute("SELECT full_name FROM registrations")
        if name and "Siti" in name)
