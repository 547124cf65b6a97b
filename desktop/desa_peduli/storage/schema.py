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
