"""Merging one verified bundle into the branch on a PostgreSQL server: the same outcomes as
the SQLite merge (``sync/bundle.py``), by ``COPY`` and ``INSERT ... ON CONFLICT``.

The prepared items (``sync/decoder.py``) are copied into temporary staging tables of the
import's own transaction; then, under an advisory lock of the bundle's volunteer (so the
imports of one volunteer's bundles take turns while other volunteers' run alongside), the
bundle is checked again (imported meanwhile? another laptop bound meanwhile?) and merged
in a few statements: a new registration is inserted, a newer revision replaces the one
held (which is kept in ``revisions``), an older or equal one changes nothing, and one
held for another volunteer is refused. The transaction is the caller's: a connection cut
off anywhere leaves nothing.

Row-level security applies to the clerk importing: a clerk limited to some kabupaten
imports only a bundle whose registrations are all in them (:class:`ImportOutsideKabupaten`
otherwise, checked first, and the server refuses anyway).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import Any, cast

import psycopg
from psycopg import sql
from sqlite_utils import Database

from desa_peduli.domain.registration import FIELDS
from desa_peduli.errors import ImportOutsideKabupaten
from desa_peduli.progress import Progress
from desa_peduli.storage.acks import acknowledged_through
from desa_peduli.storage.registrations import decode_row, local_now
from desa_peduli.sync import container
from desa_peduli.sync.bundle import REFUSALS, ImportReport, merge_stream, open_verified, refuse
from desa_peduli.sync.decoder import Prepared, Registration, Validate, decode
from desa_peduli.sync.signing import AgeIdentity, fingerprint, unb64

Connection = psycopg.Connection[tuple[Any, ...]]

# pg_advisory_xact_lock(VOLUNTEER_LOCK, hashtext(volunteer id)): one volunteer's imports
# take turns (two volunteers' ids of the same hash only wait for each other, rarely)
VOLUNTEER_LOCK = 15_0001
BATCH = 2000  # rows held before a COPY into their staging table
MAX_PENDING_BYTES = 16 * 1024**2  # attachments held before one

_NUMBERS = ("declared_income", "payment_months")
_REGISTRATION_STAGING = ("ord", "id", *FIELDS, "status", "problems", "revision", "change_seq",
                         "updated_at", "deleted_at", "deleted_reason", "created_at",
                         "branch_state")
_ATTACHMENT_STAGING = ("registration_id", "kind", "mime", "sha256", "data", "data_sha256")
_REVISION_STAGING = ("registration_id", "revision", "change_seq", "status", "data", "saved_at",
                     "saved_by")
_CHANGE_STAGING = ("seq", "registration_id", "revision", "action", "fields", "reason", "actor",
                   "at")
_BIGINT = {"ord", "revision", "change_seq", "seq"}


class Qmark:
    """The few ``?``-parameter reads the SQLite import helpers make (``open_verified``,
    ``enrolment_secret``, ``acknowledged_through``), run on the server: their SQL names
    only tables both stores share, with the same columns."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def execute(self, statement: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        return self.conn.execute(statement.replace("?", "%s"), list(params))

    def as_database(self) -> Database:
        """Typed as those helpers take their database (they call ``execute`` only)."""
        return cast(Database, self)


_STAGING = {"staging_registrations": _REGISTRATION_STAGING,
            "staging_attachments": _ATTACHMENT_STAGING,
            "staging_revisions": _REVISION_STAGING,
            "staging_changes": _CHANGE_STAGING}


def _staging(name: str, columns: Sequence[str]) -> str:
    """A staging table of this transaction (dropped at its end, committed or not)."""
    def kind(column: str) -> str:
        if column in _BIGINT:
            return "bigint"
        return "bytea" if (name, column) == ("staging_attachments", "data") else "text"

    kinds = ", ".join(f"{column} {kind(column)}" for column in columns)
    return f"CREATE TEMPORARY TABLE {name} ({kinds}) ON COMMIT DROP"


class ServerMerge:
    """One bundle's merge on ``conn``, inside a transaction the caller holds: ``add_*``
    the prepared items in stream order, then :meth:`finish`."""

    def __init__(self, conn: Connection, *, manifest: dict[str, Any], report: ImportReport,
                 now: str, name: str) -> None:
        self.conn, self.report, self.now, self.name = conn, report, now, name
        self.manifest = manifest
        self.volunteer_id: str = manifest["volunteer_id"]
        self.device_key: str = manifest["device_public_key"]
        self.pending: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _STAGING}
        self.pending_bytes = 0
        self.seen_ids: set[str] = set()
        self.errors: dict[str, tuple[Any, ...]] = {}  # id → the form's errors
        for table, columns in _STAGING.items():
            conn.execute(_staging(table, columns))
        conn.execute("CREATE TEMPORARY TABLE staging_applied (id text PRIMARY KEY, "
                     "inserted boolean) ON COMMIT DROP")

    # -- intake ---------------------------------------------------------------------------
    def add_registration(self, item: Registration) -> None:
        if item.id in self.seen_ids:
            raise refuse(self.name, "payload")  # a registration twice in one bundle
        self.seen_ids.add(item.id)
        if item.volunteer_id != self.volunteer_id:
            self.report.rejected.append({"id": item.id[:40], "reason": "other_volunteer"})
            return
        if item.errors:
            self.errors[item.id] = item.errors
        values = [None if v is None else str(v) if f in _NUMBERS else v
                  for f, v in zip(FIELDS, item.values, strict=True)]
        self._add("staging_registrations", (
            len(self.seen_ids), item.id, *values, item.status, item.problems_json, item.revision,
            item.change_seq, item.updated_at or self.now, item.deleted_at, item.deleted_reason,
            item.created_at or self.now, "invalid" if item.errors else "received"))

    def add_attachment(self, record: dict[str, Any]) -> None:
        data = unb64(record["data"])
        self.pending_bytes += len(data)
        self._add("staging_attachments", (
            record["registration_id"], str(record["kind"])[:40], str(record["mime"])[:100],
            record["sha256"], data, hashlib.sha256(data).hexdigest()))

    def add_revision(self, record: dict[str, Any]) -> None:
        self._add("staging_revisions", (
            record["registration_id"], int(record["revision"]), int(record["change_seq"]),
            str(record["status"]), json.dumps(record["data"], ensure_ascii=False),
            str(record["saved_at"]), record.get("saved_by")))

    def add_change(self, row: tuple[Any, ...]) -> None:
        self._add("staging_changes", row)

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self.pending[table]
        rows.append(row)
        if len(rows) >= BATCH or self.pending_bytes > MAX_PENDING_BYTES:
            self._copy(table)

    def _copy(self, table: str) -> None:
        rows = self.pending[table]
        if not rows:
            return
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, _STAGING[table])))
        with self.conn.cursor().copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        rows.clear()
        if table == "staging_attachments":
            self.pending_bytes = 0

    # -- the merge ------------------------------------------------------------------------
    def finish(self) -> None:
        """Lock the volunteer, check again, merge, record the bundle."""
        for table in self.pending:
            self._copy(table)
        conn, report, volunteer_id = self.conn, self.report, self.volunteer_id
        conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                     [VOLUNTEER_LOCK, volunteer_id])
        # what another clerk's import may have changed while this one was decrypting
        if conn.execute("SELECT 1 FROM bundles WHERE bundle_id = %s",
                        [self.manifest["bundle_id"]]).fetchone():
            raise refuse(self.name, "already_imported")
        row = conn.execute("SELECT device_key FROM volunteers WHERE id = %s FOR UPDATE",
                           [volunteer_id]).fetchone()
        if row is None:
            raise refuse(self.name, "unknown_volunteer")
        bound = row[0]
        if bound and bound != self.device_key:
            error = refuse(self.name, "device_changed")
            error.device_fingerprint = fingerprint(unb64(self.device_key))
            raise error
        self._check_kabupaten()
        try:
            self._merge_registrations()
            self._merge_rest()
        except psycopg.errors.InsufficientPrivilege as exc:  # row-level security
            raise ImportOutsideKabupaten(self.name, []) from exc
        manifest = self.manifest
        # the NIKs this bundle brought, paired with every registration holding them
        found = conn.execute(
            "SELECT flag_duplicates(array_agg(DISTINCT s.nik), %s, %s) FROM "
            "staging_registrations s JOIN staging_applied p ON p.id = s.id "
            "WHERE s.nik <> '' AND s.deleted_at IS NULL",
            [manifest["bundle_id"], self.now]).fetchone()
        report.duplicates = int(found[0]) if found and found[0] else 0
        db = Qmark(conn).as_database()
        if not bound:
            conn.execute("UPDATE volunteers SET device_key = %s, device_recipient = %s, "
                         "device_bound_at = %s WHERE id = %s",
                         [self.device_key, self.manifest["device_recipient"], self.now,
                          volunteer_id])
            report.device_bound = True
        report.status = "applied"
        conn.execute(
            "INSERT INTO bundles(bundle_id, volunteer_id, device_key, seq_from, seq_to, "
            "file_name, created_at, imported_at, report) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [manifest["bundle_id"], volunteer_id, self.device_key, manifest["seq_from"],
             manifest["seq_to"], self.name, manifest["created_at"], self.now,
             json.dumps(report.to_dict(), ensure_ascii=False)])
        acked = acknowledged_through(db, volunteer_id, self.device_key)
        conn.execute("UPDATE volunteers SET acked_seq = %s, last_bundle_at = %s WHERE id = %s",
                     [acked, self.now, volunteer_id])

    def _check_kabupaten(self) -> None:
        """A clerk limited to some kabupaten: every registration of the bundle in them."""
        supervisor, mine = self.conn.execute(
            "SELECT clerk_is_supervisor(), clerk_kabupaten()").fetchone() or (False, [])
        if supervisor:
            return
        outside = [kabupaten for (kabupaten,) in self.conn.execute(
            "SELECT DISTINCT coalesce(left(village_code, 5), '-') FROM staging_registrations "
            "WHERE village_code IS NULL OR NOT left(village_code, 5) = ANY(%s::text[])",
            [list(mine or [])])]
        if outside:
            raise ImportOutsideKabupaten(self.name, outside)

    def _merge_registrations(self) -> None:
        conn, report, volunteer_id = self.conn, self.report, self.volunteer_id
        # temporary tables are never analysed by autovacuum: the planner's counts
        conn.execute("ANALYZE staging_registrations")
        self._keep_current_revisions()
        number = "CASE WHEN s.{0} ~ '^-?[0-9]{{1,15}}$' THEN s.{0}::bigint END"
        selected = ", ".join(number.format(f) if f in _NUMBERS else f"s.{f}" for f in FIELDS)
        content = (*FIELDS, "status", "problems", "revision", "change_seq", "updated_at",
                   "deleted_at", "deleted_reason", "volunteer_id")
        conn.execute(
            "WITH merged AS ("
            f"INSERT INTO registrations(id, {', '.join(FIELDS)}, status, problems, revision, "
            "change_seq, updated_at, deleted_at, deleted_reason, volunteer_id, created_at, "
            "created_by, branch_state, branch_updated_at) "
            f"SELECT s.id, {selected}, s.status, s.problems, s.revision, s.change_seq, "
            "s.updated_at, s.deleted_at, s.deleted_reason, %(volunteer)s, s.created_at, "
            "%(volunteer)s, s.branch_state, %(now)s FROM staging_registrations s ORDER BY s.id "
            "ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{c} = EXCLUDED.{c}" for c in content)
            + ", branch_state = EXCLUDED.branch_state, branch_reason = NULL, "
            "branch_updated_at = EXCLUDED.branch_updated_at "
            "WHERE registrations.volunteer_id = EXCLUDED.volunteer_id "
            "AND registrations.revision < EXCLUDED.revision "
            "RETURNING id, xmax = 0 AS inserted) "
            "INSERT INTO staging_applied(id, inserted) SELECT id, inserted FROM merged",
            {"volunteer": volunteer_id, "now": self.now})
        new, updated = conn.execute(
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) "
            "FROM staging_applied").fetchone() or (0, 0)
        report.new += new
        report.updated += updated
        # the rest: held already, for this volunteer (unchanged) or another (refused); and
        # the invalid ones applied (stored as ``invalid`` for review), in the bundle's order
        for reg_id, holder, applied in conn.execute(
                "SELECT s.id, r.volunteer_id, p.id IS NOT NULL FROM staging_registrations s "
                "LEFT JOIN staging_applied p ON p.id = s.id LEFT JOIN registrations r "
                "ON r.id = s.id AND p.id IS NULL "
                "WHERE (p.id IS NULL AND r.id IS NOT NULL) OR (p.id IS NOT NULL "
                "AND s.branch_state = 'invalid') ORDER BY s.ord"):
            if applied:
                report.rejected.append({"id": reg_id, "reason": "invalid", "problems": [
                    {"field": f, "code": c, "message": m} for f, c, m in self.errors[reg_id]]})
            elif holder == volunteer_id:
                report.unchanged += 1
            else:
                report.rejected.append({"id": reg_id[:40], "reason": "other_volunteer"})
        conn.execute(
            "INSERT INTO state_log(registration_id, state, reason) SELECT s.id, s.branch_state, "
            "'bundle' FROM staging_registrations s JOIN staging_applied p ON p.id = s.id "
            "ORDER BY s.ord")

    def _keep_current_revisions(self) -> None:
        """The revision held, copied into ``revisions`` before a newer one replaces it
        (as the SQLite merge's ``_keep_current_revision``: the same JSON of its data)."""
        columns = ("id", "revision", "change_seq", "status", "updated_at", "updated_by",
                   *FIELDS)
        cursor = self.conn.execute(
            f"SELECT {', '.join('r.' + c for c in columns)} FROM registrations r JOIN "
            "staging_registrations s ON s.id = r.id WHERE r.volunteer_id = %s "
            "AND r.revision < s.revision", [self.volunteer_id])
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        if not rows:
            return
        attachments: dict[str, dict[str, str]] = {}
        for reg_id, kind, sha in self.conn.execute(
                "SELECT registration_id, kind, sha256 FROM attachments WHERE registration_id "
                "= ANY(%s::text[])", [[row["id"] for row in rows]]):
            attachments.setdefault(reg_id, {})[kind] = sha
        with self.conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO revisions(registration_id, revision, change_seq, status, data, "
                "saved_at, saved_by) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [(row["id"], row["revision"], row["change_seq"], row["status"],
                  json.dumps({**decode_row({f: row[f] for f in FIELDS}),
                              "attachments": attachments.get(row["id"], {})},
                             ensure_ascii=False), row["updated_at"], row["updated_by"])
                 for row in rows])

    def _merge_rest(self) -> None:
        """Attachments of the registrations applied, the revisions and the change log."""
        conn = self.conn
        if conn.execute("SELECT 1 FROM staging_attachments a JOIN staging_applied p ON p.id = "
                        "a.registration_id WHERE a.sha256 <> a.data_sha256 LIMIT 1").fetchone():
            raise refuse(self.name, "payload")
        conn.execute(
            "INSERT INTO attachments(registration_id, kind, mime, sha256, data, created_at) "
            "SELECT DISTINCT ON (a.registration_id, a.kind) a.registration_id, a.kind, a.mime, "
            "a.sha256, a.data, %s FROM staging_attachments a JOIN staging_applied p ON "
            "p.id = a.registration_id ORDER BY a.registration_id, a.kind "
            "ON CONFLICT (registration_id, kind) DO UPDATE SET mime = EXCLUDED.mime, "
            "sha256 = EXCLUDED.sha256, data = EXCLUDED.data, created_at = EXCLUDED.created_at",
            [self.now])
        conn.execute(
            "INSERT INTO revisions(registration_id, revision, change_seq, status, data, "
            "saved_at, saved_by) SELECT s.registration_id, s.revision, s.change_seq, s.status, "
            "s.data, s.saved_at, s.saved_by FROM staging_revisions s JOIN registrations r ON "
            "r.id = s.registration_id WHERE r.volunteer_id = %s ON CONFLICT DO NOTHING",
            [self.volunteer_id])
        conn.execute(
            "INSERT INTO remote_changes(volunteer_id, device_key, seq, registration_id, "
            "revision, action, fields, reason, actor, at) SELECT %s, %s, s.seq, "
            "s.registration_id, s.revision, s.action, s.fields, s.reason, s.actor, s.at "
            "FROM staging_changes s ON CONFLICT DO NOTHING",
            [self.volunteer_id, self.device_key])


def import_bundle(
    conn: Connection,
    path: Path,
    *,
    branch_identity: AgeIdentity,
    validate: Validate,
    progress: Progress | None = None,
    decode_items: Callable[[container.OpenedContainer], Generator[Prepared, None, None]] | None = None,
) -> ImportReport:
    """Verify (``sync.bundle.open_verified``: every check before decryption), decrypt and
    decode (``sync.decoder``), then merge one bundle in one transaction on ``conn``.
    Raises BundleRejected (``already_imported`` also when another clerk's import of the
    same bundle committed first), ImportOutsideKabupaten, Cancelled.

    ``decode_items(opened)``, when given, yields the prepared items instead of this
    process (a ``DecoderProcess``), as for ``sync.bundle.import_bundle``."""
    name = Path(path).name
    opened, _volunteer = open_verified(path, Qmark(conn).as_database())
    manifest = opened.manifest
    report = ImportReport(name, manifest["bundle_id"], manifest["volunteer_id"],
                          seq_from=manifest["seq_from"], seq_to=manifest["seq_to"],
                          device_fingerprint=fingerprint(unb64(manifest["device_public_key"])))
    if decode_items is not None:
        items = decode_items(opened)
    else:
        items = decode(opened, branch_identity.identity, validate)
    try:
        with conn.transaction():
            merge = ServerMerge(conn, manifest=manifest, report=report, now=local_now(),
                                name=name)
            # the stream ends only when every byte decrypted matched the signed hash
            merge_stream(items, merge, manifest, name, progress)
    except container.ContainerError as exc:
        raise refuse(name, exc.code if exc.code in REFUSALS else "payload") from exc
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise refuse(name, "payload") from exc
    except psycopg.DataError as exc:  # what PostgreSQL cannot hold (a NUL in a text)
        raise refuse(name, "payload") from exc
    except psycopg.errors.UniqueViolation as exc:
        if exc.diag.table_name == "bundles":  # committed meanwhile (no lock taken before)
            raise refuse(name, "already_imported") from exc
        raise
    finally:
        items.close()
    return report
