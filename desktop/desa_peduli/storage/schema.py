"""The workspace schema, built only through named, append-only sqlite-utils migrations.

Never edit a migration once released: add a new one. ``tests/storage/test_migrations.py``
migrates a frozen database of every released schema.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from desa_peduli.errors import SchemaTooNew
from desa_peduli.storage.acks import recount_all

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
    db.table("registrations").enable_fts(
        ["full_name"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]  # no public accessor


def applied_names(db: Database) -> set[str]:
    """The migrations applied to ``db``; SchemaTooNew when one is unknown to this program
    (a newer one made the database: it is not touched)."""
    applied = {m.name for m in migrations.applied(db)}
    unknown = applied - set(known_names())
    if unknown:
        raise SchemaTooNew(unknown)
    return applied


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


# -- 0006: coverage counts ----------------------------------------------------------------
# What the coverage dashboard counts: a registration held by the branch (it has a branch
# state) and not deleted. Its week is the Monday on or before its created_at (local date).
# These constants are part of migration 0006 (its triggers): never change them; a later
# migration that needs other counts defines its own.
COUNTED = "{r}.deleted_at IS NULL AND {r}.branch_state IS NOT NULL"
WEEK_SQL = "coalesce(date(substr({r}.created_at, 1, 10), '-6 days', 'weekday 1'), '')"
# dimension -> the value counted, per row (``{r}`` is new/old or a table alias)
REGION_DIMENSIONS = {
    "state": "{r}.branch_state",
    "occupation": "coalesce({r}.occupation, '')",
    "funding": "coalesce({r}.funding_source, '')",
    "week": WEEK_SQL,
}
VOLUNTEER_DIMENSIONS = {"state": "{r}.branch_state", "week": WEEK_SQL}
COUNT_TABLES = (
    # table, key column, the row's key, dimensions
    ("coverage_counts", "village_code", "coalesce({r}.village_code, '')", REGION_DIMENSIONS),
    ("volunteer_counts", "volunteer_id", "coalesce({r}.volunteer_id, '')", VOLUNTEER_DIMENSIONS),
)


def _count_statements(row: str, sign: int, only_if: str = "") -> list[str]:
    """Upserts adding ``sign`` to every count of ``row`` (``new``/``old``), each guarded by
    "the row is counted" and, per dimension, ``only_if`` (``{d}``: the dimension's value)."""
    out = []
    for table, key_column, key, dimensions in COUNT_TABLES:
        for dimension, value in dimensions.items():
            guard = COUNTED.format(r=row)
            if only_if:
                guard += " AND (" + only_if.format(
                    d_old=value.format(r="old"), d_new=value.format(r="new"),
                    k_old=key.format(r="old"), k_new=key.format(r="new")) + ")"
            out.append(
                f"INSERT INTO {table}({key_column}, dimension, value, n) "
                f"SELECT {key.format(r=row)}, '{dimension}', {value.format(r=row)}, {sign} "
                f"WHERE {guard} ON CONFLICT DO UPDATE SET n = n + excluded.n;")
    return out


@migrations(name="0006_coverage_counts")
def m0006_coverage_counts(db: Database) -> None:
    """Counts behind the coverage dashboard, kept by triggers.

    A GROUP BY over a million encrypted registrations took seconds; these tables hold per
    desa (and per volunteer) the number of registrations by branch state, occupation,
    funding source and ISO week (its Monday), so the whole province sums a few thousand
    small rows. Counted: not deleted and with a branch state (at the branch: every row).
    Counts may reach 0 and stay as rows; readers skip them.
    """
    for table, key_column, key, dimensions in COUNT_TABLES:
        db.execute(
            f"""CREATE TABLE {table} (
                {key_column} TEXT NOT NULL,
                dimension TEXT NOT NULL,
                value TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY ({key_column}, dimension, value)
            ) WITHOUT ROWID"""
        )
        for dimension, value in dimensions.items():
            db.execute(
                f"INSERT INTO {table}({key_column}, dimension, value, n) "
                f"SELECT {key.format(r='r')}, '{dimension}', {value.format(r='r')}, count(*) "
                f"FROM registrations r WHERE {COUNTED.format(r='r')} GROUP BY 1, 3"
            )
    body = "\n".join(_count_statements("new", 1))
    db.execute(f"CREATE TRIGGER coverage_counts_ai AFTER INSERT ON registrations "
               f"WHEN {COUNTED.format(r='new')} BEGIN\n{body}\nEND")
    body = "\n".join(_count_statements("old", -1))
    db.execute(f"CREATE TRIGGER coverage_counts_ad AFTER DELETE ON registrations "
               f"WHEN {COUNTED.format(r='old')} BEGIN\n{body}\nEND")
    # an update moves a row's count only in the dimensions that changed (a state change:
    # two upserts per table); nothing runs when none of these columns changed
    watched = ("village_code", "volunteer_id", "branch_state", "occupation", "funding_source",
               "created_at", "deleted_at")
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in watched)
    moved = ("({d_old}) IS NOT ({d_new}) OR ({k_old}) IS NOT ({k_new}) OR "
             "(old.deleted_at IS NULL) != (new.deleted_at IS NULL) OR "
             "(old.branch_state IS NULL) != (new.branch_state IS NULL)")
    body = "\n".join(_count_statements("old", -1, moved) + _count_statements("new", 1, moved))
    db.execute(f"CREATE TRIGGER coverage_counts_au AFTER UPDATE OF {', '.join(watched)} "
               f"ON registrations WHEN {changed} BEGIN\n{body}\nEND")


@migrations(name="0007_review_queue")
def m0007_review_queue(db: Database) -> None:
    """The review queue counts received registrations with a problem (NIK warnings): a
    partial index over just those keeps it from reading every received row (0.9 s at
    1,000,000 registrations, 0.1 s with it)."""
    db.execute("CREATE INDEX idx_reg_review ON registrations(branch_state, deleted_at) "
               "WHERE problems != '[]'")


@migrations(name="0008_device_sequences")
def m0008_device_sequences(db: Database) -> None:
    """A replaced laptop starts a new workspace whose changes count from 1 again: the
    branch keeps each device's changes apart (``remote_changes`` keyed by device too),
    where before a new laptop's change 1 collided with the old laptop's and was dropped.
    Existing rows get the device of the bundle that carried them, and what the branch
    acknowledges is recounted for the bound laptop."""
    db.execute(
        """CREATE TABLE remote_changes_0008 (
            volunteer_id TEXT NOT NULL,
            device_key TEXT NOT NULL,
            seq INTEGER NOT NULL,
            registration_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            action TEXT NOT NULL,
            fields TEXT NOT NULL,
            reason TEXT,
            actor TEXT,
            at TEXT NOT NULL,
            PRIMARY KEY (volunteer_id, device_key, seq)
        )"""
    )
    db.execute(
        """INSERT INTO remote_changes_0008 SELECT c.volunteer_id, coalesce(
               (SELECT b.device_key FROM bundles b WHERE b.volunteer_id = c.volunteer_id
                AND c.seq BETWEEN b.seq_from AND b.seq_to ORDER BY b.imported_at, b.rowid
                LIMIT 1), ''),
               c.seq, c.registration_id, c.revision, c.action, c.fields, c.reason, c.actor, c.at
           FROM remote_changes c"""
    )
    db.execute("DROP TABLE remote_changes")
    db.execute("ALTER TABLE remote_changes_0008 RENAME TO remote_changes")
    # a laptop replaced before this release was acknowledged up to the old laptop's
    # numbers: its receipts would mark its unsent changes as received. Recount from the
    # bound laptop's own bundles.
    recount_all(db)


@migrations(name="0009_branch_list_indexes")
def m0009_branch_list_indexes(db: Database) -> None:
    """The branch list filtered by state or volunteer, newest first, from the index alone:
    with single-column indexes a filter read every matching row to sort it (8 s for
    'received' at 1,000,000 registrations). They replace the two single-column ones."""
    db.execute("DROP INDEX idx_registrations_branch_state")
    db.execute("DROP INDEX idx_registrations_volunteer")
    db.execute("CREATE INDEX idx_reg_branch_state ON registrations(branch_state, deleted_at, "
               "updated_at, pk)")
    db.execute("CREATE INDEX idx_reg_volunteer ON registrations(volunteer_id, deleted_at, "
               "updated_at, pk)")


@migrations(name="0010_enrolment_secrets")
def m0010_enrolment_secrets(db: Database) -> None:
    """The one-time secret of each volunteer's latest enrolment file: a laptop's first
    bundle binds it only when it proves the secret (``sync.enrolment.enrolment_proof``).
    A table of its own, so that no ``SELECT * FROM volunteers`` ever carries it out.
    Volunteers enrolled before have none: an unbound laptop of theirs waits for a clerk."""
    db.execute(
        """CREATE TABLE enrolment_secrets (
            volunteer_id TEXT PRIMARY KEY REFERENCES volunteers(id),
            enrolment_id TEXT NOT NULL,
            secret TEXT NOT NULL,
            issued_at TEXT NOT NULL
        )"""
    )


@migrations(name="0011_revision_floors")
def m0011_revision_floors(db: Database) -> None:
    """The highest revision of a registration ever issued or seen at the branch, where
    it is above the one this database holds (after a restore from a backup, or told by a
    receipt): a new edit takes the next revision above it, so it never reuses a number
    the branch already holds with other content. See ``storage.high_water``."""
    db.execute(
        """CREATE TABLE revision_floors (
            registration_id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL
        ) WITHOUT ROWID"""
    )


@migrations(name="0012_forget_purged_names")
def m0012_forget_purged_names(db: Database) -> None:
    """A purge before this release left the removed names in the name index (FTS5 keeps a
    deleted row's tokens as delete markers until its segments merge) and everything in
    the backups made before it: the index is rebuilt from the table, and the next purge
    finishes the job (log, backups; see FieldSync.purge)."""
    if db.execute("SELECT 1 FROM registrations WHERE purged_at IS NOT NULL LIMIT 1").fetchone():
        db.execute("INSERT INTO registrations_fts (registrations_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO settings(key, value) VALUES ('purge_unfinished', 'true') "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


@migrations(name="0013_domain_fixes")
def m0013_domain_fixes(db: Database) -> None:
    """Three registration fields (a registration made before has none: WNI, a phone):
    ``nationality`` (WNI/WNA), and for a worker without a phone the reason and an optional
    family member's number. A coverage target carries its year and the source of the
    figure (the 2025 55 % target is 674,000, 722,000 or 782,000 depending on who says)."""
    for column in ("nationality", "no_phone_reason", "family_phone"):
        db.execute(f"ALTER TABLE registrations ADD COLUMN {column} TEXT")
    db.execute("ALTER TABLE coverage_targets ADD COLUMN target_year INTEGER")
    db.execute("ALTER TABLE coverage_targets ADD COLUMN target_count INTEGER")
    db.execute("ALTER TABLE coverage_targets ADD COLUMN target_source TEXT")


@migrations(name="0014_funded_batches")
def m0014_funded_batches(db: Database) -> None:
    """Funded batches (a funder's people over a cover period), their members with the
    months each is covered, the log of who added or moved a member when, and each
    month's bill as it was issued (so that it reads the same on any later day)."""
    db.execute(
        """CREATE TABLE funded_batches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            funder TEXT NOT NULL,
            name TEXT NOT NULL,
            reference TEXT NOT NULL,
            budget_year INTEGER NOT NULL,
            first_month TEXT NOT NULL,
            last_month TEXT NOT NULL,
            quota INTEGER,
            funder_rules TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE batch_members (
            batch_id INTEGER NOT NULL REFERENCES funded_batches(id),
            registration_id TEXT NOT NULL REFERENCES registrations(id),
            first_month TEXT NOT NULL,
            last_month TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT,
            PRIMARY KEY (batch_id, registration_id)
        )"""
    )
    db.execute("CREATE INDEX idx_batch_members_registration ON batch_members(registration_id)")
    db.execute(
        """CREATE TABLE batch_member_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            batch_id INTEGER NOT NULL,
            registration_id TEXT NOT NULL,
            action TEXT NOT NULL,
            first_month TEXT,
            last_month TEXT,
            other_batch_id INTEGER,
            actor TEXT,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_batch_member_log_registration ON "
               "batch_member_log(registration_id)")
    db.execute(
        """CREATE TABLE batch_bills (
            batch_id INTEGER NOT NULL REFERENCES funded_batches(id),
            month TEXT NOT NULL,
            content TEXT NOT NULL,
            rates_version TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            issued_by TEXT,
            PRIMARY KEY (batch_id, month)
        )"""
    )


# -- 0016: decisions, participants per funder ---------------------------------------------
# Part of migration 0016 (its triggers): never change them. Per desa, the registrations by
# funder and branch state together ("dumisake|registered"), so the dashboard splits
# participants by funder without reading the registrations.
FUNDER_STATE_SQL = "coalesce({r}.funding_source, '') || '|' || {r}.branch_state"
FUNDER_STATE = "funder_state"


def _funder_state_upsert(row: str, sign: int, only_if: str = "") -> str:
    key = "coalesce({r}.village_code, '')"
    guard = COUNTED.format(r=row) + (f" AND ({only_if})" if only_if else "")
    return (f"INSERT INTO coverage_counts(village_code, dimension, value, n) "
            f"SELECT {key.format(r=row)}, '{FUNDER_STATE}', {FUNDER_STATE_SQL.format(r=row)}, "
            f"{sign} WHERE {guard} ON CONFLICT DO UPDATE SET n = n + excluded.n;")


@migrations(name="0016_decisions_and_funder_counts")
def m0016_decisions_and_funder_counts(db: Database) -> None:
    """Two readers that must not scan every registration.

    The review's list of decisions (who decided what, newest first) reads the few
    ``state_log`` rows a clerk wrote, not the one row per imported registration: a partial
    index over the rows neither an import nor a batch wrote. The coverage dashboard and
    report split participants by funder: ``coverage_counts`` gains the dimension
    ``funder_state`` (per desa, funder and branch state), counted now and kept by triggers
    like the others (migration 0006).
    """
    db.execute("CREATE INDEX idx_state_log_decisions ON state_log(id) "
               "WHERE actor IS NOT 'import' AND batch_id IS NULL")
    db.execute(
        "INSERT INTO coverage_counts(village_code, dimension, value, n) "
        f"SELECT coalesce(r.village_code, ''), '{FUNDER_STATE}', "
        f"{FUNDER_STATE_SQL.format(r='r')}, count(*) FROM registrations r "
        f"WHERE {COUNTED.format(r='r')} GROUP BY 1, 3")
    db.execute(f"CREATE TRIGGER coverage_funder_ai AFTER INSERT ON registrations "
               f"WHEN {COUNTED.format(r='new')} BEGIN\n{_funder_state_upsert('new', 1)}\nEND")
    db.execute(f"CREATE TRIGGER coverage_funder_ad AFTER DELETE ON registrations "
               f"WHEN {COUNTED.format(r='old')} BEGIN\n{_funder_state_upsert('old', -1)}\nEND")
    watched = ("village_code", "branch_state", "funding_source", "deleted_at")
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in watched)
    body = "\n".join([_funder_state_upsert("old", -1, changed),
                      _funder_state_upsert("new", 1, changed)])
    db.execute(f"CREATE TRIGGER coverage_funder_au AFTER UPDATE OF {', '.join(watched)} "
               f"ON registrations WHEN {changed} BEGIN\n{body}\nEND")
