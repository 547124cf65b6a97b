"""Migrations 0006 and 0016: the coverage counts (0016: funder and state together) equal a
GROUP BY over the registrations, after the migrations fill them and after any mix of
inserts, updates and deletes (the triggers)."""

from __future__ import annotations

import random

import pytest
from sqlite_utils import Database

from desa_peduli.storage.schema import (
    FUNDER_STATE,
    FUNDER_STATE_SQL,
    REGION_DIMENSIONS,
    VOLUNTEER_DIMENSIONS,
    migrations,
)

VILLAGES = ("15.04.05.2003", "15.04.05.2016", "15.01.01.2001", "15.71.01.1001", None)
STATES = ("received", "accepted", "registered", "correction", None)


def truth(db: Database) -> tuple[dict, dict]:
    """What the count tables must hold, computed the slow way."""
    counted = "deleted_at IS NULL AND branch_state IS NOT NULL"
    regions, volunteers = {}, {}
    region_dimensions = {**REGION_DIMENSIONS, FUNDER_STATE: FUNDER_STATE_SQL}
    for out, key, dimensions in ((regions, "coalesce(r.village_code, '')", region_dimensions),
                                 (volunteers, "coalesce(r.volunteer_id, '')",
                                  VOLUNTEER_DIMENSIONS)):
        for dimension, value in dimensions.items():
            for k, v, n in db.execute(
                    f"SELECT {key}, {value.format(r='r')}, count(*) FROM registrations r "
                    f"WHERE {counted} GROUP BY 1, 2"):
                out[(k, dimension, v)] = n
    return regions, volunteers


def counts(db: Database) -> tuple[dict, dict]:
    return tuple({row[:3]: row[3] for row in db.execute(f"SELECT * FROM {table} WHERE n != 0")}
                 for table in ("coverage_counts", "volunteer_counts"))


def insert(db: Database, rng: random.Random, i: int) -> None:
    db.execute(
        "INSERT INTO registrations(id, village_code, occupation, funding_source, status, "
        "revision, change_seq, created_at, updated_at, branch_state, volunteer_id, deleted_at) "
        "VALUES (?, ?, ?, ?, 'ready', 1, ?, ?, 'x', ?, ?, ?)",
        [f"id{i}", rng.choice(VILLAGES), rng.choice(("petani", "nelayan", None)),
         rng.choice(("mandiri", "dumisake")), i,
         rng.choice((f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T10:00:00+07:00",
                     "bukan tanggal")),
         rng.choice(STATES), rng.choice(("RLW-1", "RLW-2", None)),
         rng.choice((None, None, None, "2026-05-01"))])


@pytest.fixture
def db():
    database = Database(memory=True)
    migrations.apply(database, stop_before="0006_coverage_counts")
    return database


def test_the_migration_counts_what_is_there_and_the_week_is_its_monday(db):
    rng = random.Random(3)
    for i in range(200):
        insert(db, rng, i)
    db.execute("INSERT INTO registrations(id, village_code, status, revision, change_seq, "
               "created_at, updated_at, branch_state) VALUES ('sunday', '15.04.05.2003', "
               "'ready', 1, 999, '2026-11-29T08:00:00+07:00', 'x', 'received')")
    migrations.apply(db)
    assert counts(db) == truth(db)
    assert counts(db)[0][("15.04.05.2003", "week", "2026-11-23")] >= 1  # Sunday → its Monday


def test_triggers_keep_the_counts_through_inserts_updates_and_deletes(db):
    migrations.apply(db)
    rng = random.Random(5)
    for i in range(150):
        insert(db, rng, i)
    assert counts(db) == truth(db)
    columns = {
        "village_code": lambda: rng.choice(VILLAGES),
        "occupation": lambda: rng.choice(("petani", "kurir", None)),
        "funding_source": lambda: rng.choice(("mandiri", "csr", None)),
        "branch_state": lambda: rng.choice(STATES),
        "deleted_at": lambda: rng.choice((None, "2026-06-01")),
        "created_at": lambda: f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T09:00",
        "volunteer_id": lambda: rng.choice(("RLW-1", "RLW-3", None)),
        "full_name": lambda: "Siti",  # not counted: must change nothing
    }
    for _ in range(400):
        column = rng.choice(list(columns))
        db.execute(f"UPDATE registrations SET {column} = ? WHERE id = ?",
                   [columns[column](), f"id{rng.randrange(150)}"])
    # a bundle re-import writes every column at once
    db.execute("UPDATE registrations SET village_code = village_code, branch_state = 'received' "
               "WHERE id IN ('id1', 'id2', 'id3')")
    assert counts(db) == truth(db)
    db.execute("DELETE FROM registrations WHERE id IN ('id4', 'id5', 'id60', 'id61')")
    assert counts(db) == truth(db)


def test_participants_per_funder_are_counted_by_state(db):
    """Two DUMISAKE registrations in Serasah, one registered: funder_state counts
    dumisake|registered 1 and dumisake|received 1; accepting the second moves it."""
    migrations.apply(db)
    for i, state in enumerate(("registered", "received")):
        db.execute("INSERT INTO registrations(id, village_code, funding_source, status, revision, "
                   "change_seq, created_at, updated_at, branch_state) VALUES (?, '15.04.05.2003', "
                   "'dumisake', 'ready', 1, ?, '2026-11-02', 'x', ?)", [f"d{i}", i, state])
    rows = counts(db)[0]
    assert rows[("15.04.05.2003", FUNDER_STATE, "dumisake|registered")] == 1
    assert rows[("15.04.05.2003", FUNDER_STATE, "dumisake|received")] == 1
    db.execute("UPDATE registrations SET branch_state = 'registered' WHERE id = 'd1'")
    rows = counts(db)[0]
    assert rows[("15.04.05.2003", FUNDER_STATE, "dumisake|registered")] == 2
    assert ("15.04.05.2003", FUNDER_STATE, "dumisake|received") not in rows
