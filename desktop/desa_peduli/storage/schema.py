"""The workspace schema, built only through named, append-only sqlite-utils migrations.

Never edit a migration once released: add a new one. ``tests/storage/test_migrations.py``
migrates a frozen database of every released schema.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("desa_peduli")

REGISTRATION_COLUMNS_SQL = """
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    nik TEXT,
    full_name TEXT,
    birth_place TEXT,
    birth_date TEXT,
    sex TEXT,
    phone TEXT,
    email TEXT,
    village_code TEXT,
    rt TEXT,
    rw TEXT,
    street TEXT,
    occupation TEXT,
    work_location TEXT,
    declared_income INTEGER,
    programs TEXT,
    payment_months INTEGER,
    funding_source TEXT,
    heirs TEXT,
    consent TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    problems TEXT NOT NULL DEFAULT '[]',
    revision INTEGER NOT NULL,
    change_seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    deleted_at TEXT,
    deleted_reason TEXT,
    branch_state TEXT,
    branch_reason TEXT,
    kpj_number TEXT,
    branch_updated_at TEXT
"""


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(f"CREATE TABLE registrations ({REGISTRATION_COLUMNS_SQL})")
    for column in ("nik", "status", "village_code", "occupation", "created_at", "updated_at"):
        db.execute(f"CREATE INDEX idx_registrations_{column} ON registrations({column})")
    db.execute(
        "CREATE INDEX idx_registrations_name ON registrations(full_name COLLATE NOCASE)"
    )
    db.execute(
        """CREATE TABLE revisions (
            registration_id TEXT NOT NULL REFERENCES registrations(id),
            revision INTEGER NOT NULL,
            change_seq INTEGER NOT NULL,
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            saved_by TEXT,
            PRIMARY KEY (registration_id, revision)
        )"""
    )
    # The per-workspace change sequence: every change to a registration is one row, kept.
    db.execute(
        """CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            registration_id TEXT NOT NULL REFERENCES registrations(id),
            revision INTEGER NOT NULL,
            action TEXT NOT NULL,
            fields TEXT NOT NULL,
            reason TEXT,
            actor TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_change_log_registration ON change_log(registration_id)")
    db.execute(
        """CREATE TABLE attachments (
            registration_id TEXT NOT NULL REFERENCES registrations(id),
            kind TEXT NOT NULL,
            mime TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            data BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (registration_id, kind)
        )"""
    )
    db["registrations"].enable_fts(
        ["full_name"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]  # noqa: SLF001 (no public accessor)


@migrations(name="0002_list_indexes")
def m0002_list_indexes(db: Database) -> None:
    """Covering indexes for the list: every query filters on "not deleted" first.

    Without them a one-digit NIK search read 47,000 encrypted rows (470 ms at 50k); the
    FTS update trigger is narrowed to name changes so bookkeeping updates skip it.
    """
    for column in ("status", "village_code", "occupation", "created_at", "updated_at"):
        db.execute(f"DROP INDEX idx_registrations_{column}")
    db.execute("CREATE INDEX idx_reg_live_updated ON registrations(deleted_at, updated_at, pk, nik)")
    db.execute("CREATE INDEX idx_reg_live_village ON registrations(deleted_at, village_code)")
    db.execute("CREATE INDEX idx_reg_live_status ON registrations(deleted_at, status, created_at)")
    db.execute("CREATE INDEX idx_reg_live_created ON registrations(deleted_at, created_at)")
    db.execute("DROP TRIGGER registrations_au")
    db.execute(
        """CREATE TRIGGER registrations_au AFTER UPDATE OF full_name ON registrations BEGIN
            INSERT INTO registrations_fts (registrations_fts, rowid, full_name)
                VALUES('delete', old.pk, old.full_name);
            INSERT INTO registrations_fts (rowid, full_name) VALUES (new.pk, new.full_name);
        END"""
    )


@migrations(name="0003_sync")
def m0003_sync(db: Database) -> None:
    """Sync: keys, volunteers and devices, bundles, remote change history, duplicates."""
    # Secret keys (age identities, Ed25519 signing keys): inside the encrypted database.
    db.execute("CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("ALTER TABLE registrations ADD COLUMN volunteer_id TEXT")
    db.execute("ALTER TABLE registrations ADD COLUMN purged_at TEXT")
    db.execute("CREATE INDEX idx_registrations_volunteer ON registrations(volunteer_id)")
    db.execute("CREATE INDEX idx_registrations_branch_state ON registrations(branch_state)")
    # export walks changes in sequence order; without these SQLite sorts in memory
    db.execute("CREATE INDEX idx_registrations_change_seq ON registrations(change_seq)")
    db.execute("CREATE INDEX idx_revisions_change_seq ON revisions(change_seq)")
    # Volunteer side: what receipts said about each registration, kept.
    db.execute(
        """CREATE TABLE branch_events (
            id INTEGER PRIMARY KEY,
            registration_id TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            kpj_number TEXT,
            duplicate_of TEXT,
            receipt_id TEXT,
            actor TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_branch_events_registration ON branch_events(registration_id)")
    # Branch side.
    db.execute(
        """CREATE TABLE volunteers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            villages TEXT NOT NULL DEFAULT '[]',
            enrolled_at TEXT NOT NULL,
            device_key TEXT,
            device_recipient TEXT,
            device_bound_at TEXT,
            pending_device_key TEXT,
            pending_device_recipient TEXT,
            pending_since TEXT,
            acked_seq INTEGER NOT NULL DEFAULT 0,
            receipt_seq INTEGER NOT NULL DEFAULT 0,
            last_bundle_at TEXT,
            last_receipt_at TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE bundles (
            bundle_id TEXT PRIMARY KEY,
            volunteer_id TEXT NOT NULL REFERENCES volunteers(id),
            device_key TEXT NOT NULL,
            seq_from INTEGER NOT NULL,
            seq_to INTEGER NOT NULL,
            file_name TEXT,
            created_at TEXT,
            imported_at TEXT NOT NULL,
            imported_by TEXT,
            report TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_bundles_volunteer ON bundles(volunteer_id, seq_to)")
    db.execute(
        """CREATE TABLE remote_changes (
            volunteer_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            registration_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            action TEXT NOT NULL,
            fields TEXT NOT NULL,
            reason TEXT,
            actor TEXT,
            at TEXT NOT NULL,
            PRIMARY KEY (volunteer_id, seq)
        )"""
    )
    db.execute(
        """CREATE TABLE duplicates (
            id INTEGER PRIMARY KEY,
            nik TEXT NOT NULL,
            registration_id TEXT NOT NULL,
            other_id TEXT NOT NULL,
            found_at TEXT NOT NULL,
            bundle_id TEXT,
            resolved_at TEXT,
            resolution TEXT,
            resolved_by TEXT,
            UNIQUE (registration_id, other_id)
        )"""
    )
    db.execute(
        """CREATE TABLE state_log (
            id INTEGER PRIMARY KEY,
            registration_id TEXT NOT NULL,
            state TEXT NOT NULL,
            reason TEXT,
            kpj_number TEXT,
            duplicate_of TEXT,
            actor TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_state_log_registration ON state_log(registration_id)")


@migrations(name="0004_reference_data")
def m0004_reference_data(db: Database) -> None:
    """Reference data newer than the shipped files (a branch's rate table or occupation
    list, installed at the branch or arriving in a receipt). One row per kind; the
    content is the whole list, checked before it is stored."""
    db.execute(
        """CREATE TABLE reference_data (
            name TEXT PRIMARY KEY,
            version TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            content TEXT NOT NULL,
            source TEXT NOT NULL,
            installed_at TEXT NOT NULL,
            installed_by TEXT
        )"""
    )


@migrations(name="0005_branch_desk")
def m0005_branch_desk(db: Database) -> None:
    """The branch desk: coverage figures per region and batch review actions."""
    db.execute(
        """CREATE TABLE coverage_targets (
            region_code TEXT PRIMARY KEY,
            potential_workers INTEGER,
            target_percent REAL,
            active_participants INTEGER,
            source TEXT,
            updated_at TEXT NOT NULL,
            updated_by TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE review_batches (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            scope_kind TEXT NOT NULL,
            scope_value TEXT,
            count INTEGER NOT NULL,
            actor TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("ALTER TABLE state_log ADD COLUMN batch_id INTEGER")
