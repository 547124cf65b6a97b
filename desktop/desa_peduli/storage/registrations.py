"""Registrations on disk: save with revisions and a change log, soft delete, search and lists.

Every change bumps the record's ``revision``, stores a full snapshot in ``revisions``
and appends one row to ``change_log`` (who, when, which fields); its ``seq`` is the
workspace's change sequence that sync bundles export from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from desa_peduli.domain.listing import DELETED, RECEIVED, SENT
from desa_peduli.domain.listing import OPEN_DUPLICATES as OPEN_DUPLICATES  # re-exported
from desa_peduli.domain.listing import ListQuery as ListQuery  # re-exported
from desa_peduli.domain.registration import FIELDS, new_id
from desa_peduli.errors import InputRejected, NotFound
from desa_peduli.storage.high_water import issued_change_seq, next_revision

JSON_FIELDS = frozenset({"programs", "heirs", "consent"})
ATTACHMENT_KINDS = ("signature", "ktp_photo")
SORTABLE = {
    "volunteer_id": "volunteer_id",
    "branch_state": "branch_state",
    "full_name": "full_name COLLATE NOCASE",
    "nik": "nik",
    "village_code": "village_code",
    "occupation": "occupation",
    "status": "status",
    "created_at": "created_at",
    "updated_at": "updated_at",
    "declared_income": "declared_income",
}
LIST_COLUMNS = (
    "pk, id, nik, full_name, village_code, occupation, status, revision, "
    "created_at, updated_at, deleted_at, branch_reason, kpj_number, problems, "
    "volunteer_id, branch_state"
)
# The highest change a saved bundle holds, and the highest a receipt acknowledged (the
# laptop's settings; nothing at a branch): a ready registration whose last change is in
# a bundle is "sent" (listing.SENT) until a receipt acknowledges that change; then it is
# "received" (listing.RECEIVED: the branch has it, its review still to come).
_SETTING_SEQ = "coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = '{key}'), 0)"
EXPORTED_SEQ_SQL = _SETTING_SEQ.format(key="last_export_seq")
ACKED_SEQ_SQL = _SETTING_SEQ.format(key="acked_seq")


def exported_sql(alias: str = "") -> str:
    """SQL true for a ready registration whose last change is in a saved bundle."""
    r = f"{alias}." if alias else ""
    return f"({r}status = 'ready' AND {r}change_seq <= {EXPORTED_SEQ_SQL})"


def sent_sql(alias: str = "") -> str:
    """SQL true for a ready registration in a saved bundle that no receipt acknowledged
    yet: waiting for the receipt."""
    r = f"{alias}." if alias else ""
    return f"({exported_sql(alias)} AND {r}change_seq > {ACKED_SEQ_SQL})"


def received_sql(alias: str = "") -> str:
    """SQL true for a ready registration whose last change a receipt acknowledged."""
    r = f"{alias}." if alias else ""
    return f"({r}status = 'ready' AND {r}change_seq <= {ACKED_SEQ_SQL})"


# The list shows at most this many matches of a search (names: the newest registered;
# NIK digits: the lowest numbers): one
# letter matches a quarter of a million names at a branch, and nobody reads them all.
SEARCH_LIMIT = 2000


def local_now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _encode(name: str, value: object) -> object:
    if name in JSON_FIELDS:
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def decode_row(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for name in JSON_FIELDS:
        if out.get(name) is not None:
            out[name] = json.loads(out[name])
    if "problems" in out and isinstance(out["problems"], str):
        out["problems"] = json.loads(out["problems"])
    return out


@dataclass
class SaveOutcome:
    id: str
    revision: int
    change_seq: int | None
    created: bool
    changed_fields: list[str] = field(default_factory=list)
    status: str = "draft"

    @property
    def changed(self) -> bool:
        return self.created or bool(self.changed_fields)


class RegistrationStore:
    def __init__(self, db: Database, actor: str = ""):
        self.db = db
        self.actor = actor

    # -- reading ------------------------------------------------------------------------
    def get(self, reg_id: str) -> dict[str, Any] | None:
        cursor = self.db.execute("SELECT * FROM registrations WHERE id = ?", [reg_id])
        row = cursor.fetchone()
        if row is None:
            return None
        cols = [d[0] for d in cursor.description]
        return decode_row(dict(zip(cols, row, strict=True)))

    def require(self, reg_id: str) -> dict[str, Any]:
        record = self.get(reg_id)
        if record is None:
            raise NotFound(f"pendaftaran {reg_id}")
        return record

    def attachment(self, reg_id: str, kind: str) -> tuple[str, bytes] | None:
        row = self.db.execute(
            "SELECT mime, data FROM attachments WHERE registration_id = ? AND kind = ?",
            [reg_id, kind],
        ).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def find_by_nik(self, nik: str, exclude_id: str | None = None) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, full_name, status, created_at FROM registrations "
            "WHERE nik = ? AND deleted_at IS NULL AND id IS NOT ?",
            [nik, exclude_id],
        ).fetchall()
        return [dict(zip(("id", "full_name", "status", "created_at"), r, strict=True)) for r in rows]

    def nik_index(self) -> dict[str, list[str]]:
        """NIK → ids of the registrations not deleted (one query, for bulk work)."""
        index: dict[str, list[str]] = {}
        for nik, reg_id in self.db.execute(
            "SELECT nik, id FROM registrations WHERE deleted_at IS NULL AND nik IS NOT NULL"
        ):
            index.setdefault(nik, []).append(reg_id)
        return index

    def history(self, reg_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT seq, revision, action, fields, reason, actor, at FROM change_log "
            "WHERE registration_id = ? ORDER BY seq",
            [reg_id],
        ).fetchall()
        keys = ("seq", "revision", "action", "fields", "reason", "actor", "at")
        out = []
        for row in rows:
            item = dict(zip(keys, row, strict=True))
            item["fields"] = json.loads(item["fields"])
            out.append(item)
        return out

    def revisions(self, reg_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT revision, change_seq, status, data, saved_at, saved_by FROM revisions "
            "WHERE registration_id = ? ORDER BY revision",
            [reg_id],
        ).fetchall()
        keys = ("revision", "change_seq", "status", "data", "saved_at", "saved_by")
        found = [{**dict(zip(keys, r, strict=True)), "data": json.loads(r[3])} for r in rows]
        current = self.get(reg_id)
        if current is not None and (not found or found[-1]["revision"] < current["revision"]):
            data = {f: current.get(f) for f in FIELDS}
            data["attachments"] = self._attachment_hashes(reg_id)
            found.append({"revision": current["revision"], "change_seq": current["change_seq"],
                          "status": current["status"], "data": data,
                          "saved_at": current["updated_at"], "saved_by": current["updated_by"]})
        return found

    # -- writing ------------------------------------------------------------------------
    def save(
        self,
        values: dict[str, Any],
        *,
        status: str,
        problems: Iterable[dict[str, Any]] = (),
        reg_id: str | None = None,
        attachments: dict[str, tuple[str, bytes] | None] | None = None,
    ) -> SaveOutcome:
        """Insert or update one registration in one transaction (a savepoint if nested).

        ``attachments`` maps a kind to ``(mime, bytes)`` to set it or ``None`` to remove
        it; kinds not named are left alone. Saving identical content is a no-op.
        """
        problems_json = json.dumps(list(problems), ensure_ascii=False, sort_keys=True)
        now = local_now()
        with self.db.atomic():
            current = self.get(reg_id) if reg_id else None
            if current is not None and current.get("deleted_at"):
                raise InputRejected(
                    "Pendaftaran ini sudah dihapus; pulihkan dulu sebelum mengubahnya.",
                    "This registration was deleted; restore it before editing.",
                )
            if current is not None and current.get("purged_at"):  # bundles skip it
                raise InputRejected(
                    "Data pribadi pendaftaran ini sudah dibersihkan, jadi tidak bisa diubah "
                    "lagi. Jika perlu, buat pendaftaran baru.",
                    "This registration's personal data was purged; it cannot be changed. "
                    "Register the worker again if needed.",
                )
            old_hashes = self._attachment_hashes(reg_id) if current else {}
            new_hashes = dict(old_hashes)
            for kind, item in (attachments or {}).items():
                if kind not in ATTACHMENT_KINDS:
                    raise ValueError(kind)
                if item is None:
                    new_hashes.pop(kind, None)
                else:
                    new_hashes[kind] = hashlib.sha256(item[1]).hexdigest()
            if current is None:
                changed = [f for f in FIELDS if values.get(f) not in (None, "", [], {})]
                changed += [f"attachment:{k}" for k in sorted(new_hashes)]
                return self._insert(reg_id or new_id(), values, status, problems_json,
                                    attachments or {}, changed, now)
            changed = [
                f for f in FIELDS if _encode(f, values.get(f)) != _encode(f, current.get(f))
            ]
            changed += [
                f"attachment:{k}" for k in ATTACHMENT_KINDS
                if old_hashes.get(k) != new_hashes.get(k)
            ]
            status_changed = status != current["status"]
            if not changed and not status_changed:
                if problems_json != json.dumps(current["problems"], ensure_ascii=False,
                                               sort_keys=True):
                    self.db.execute("UPDATE registrations SET problems = ? WHERE id = ?",
                                    [problems_json, reg_id])
                return SaveOutcome(current["id"], current["revision"], None, False, [], status)
            if status_changed and not changed:
                changed = ["status"]
            return self._update(current, values, status, problems_json, attachments or {},
                                old_hashes, changed, now)

    def _attachment_hashes(self, reg_id: str | None) -> dict[str, str]:
        if not reg_id:
            return {}
        rows = self.db.execute(
            "SELECT kind, sha256 FROM attachments WHERE registration_id = ?", [reg_id]
        ).fetchall()
        return dict(rows)

    def _log(self, reg_id: str, revision: int, action: str, fields: list[str], now: str,
             reason: str | None = None) -> int:
        cursor = self.db.execute(
            "INSERT INTO change_log(registration_id, revision, action, fields, reason, actor, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [reg_id, revision, action, json.dumps(fields), reason, self.actor, now],
        )
        seq = cursor.lastrowid
        if seq is None:  # sqlite3 sets it after every INSERT
            raise RuntimeError("change_log: no row inserted")
        return seq

    def _keep_current_revision(self, current: dict[str, Any], hashes: dict[str, str]) -> None:
        """Copy the row as it is now into ``revisions`` before it changes (copy-on-write).

        The current revision lives in ``registrations``; every earlier one in
        ``revisions``. So creating a record writes no copy, and nothing is ever lost.
        """
        data = {f: current.get(f) for f in FIELDS}
        data["attachments"] = hashes
        self.db.execute(
            "INSERT OR IGNORE INTO revisions(registration_id, revision, change_seq, status, "
            "data, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [current["id"], current["revision"], current["change_seq"], current["status"],
             json.dumps(data, ensure_ascii=False), current["updated_at"], current["updated_by"]],
        )

    def _write_attachments(self, reg_id: str, attachments: dict[str, Any], now: str) -> None:
        for kind, item in attachments.items():
            if item is None:
                self.db.execute(
                    "DELETE FROM attachments WHERE registration_id = ? AND kind = ?",
                    [reg_id, kind],
                )
            else:
                mime, data = item
                self.db.execute(
                    "INSERT OR REPLACE INTO attachments(registration_id, kind, mime, sha256, "
                    "data, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [reg_id, kind, mime, hashlib.sha256(data).hexdigest(), data, now],
                )

    def _next_seq(self) -> int:
        """The seq the next change_log row will get (AUTOINCREMENT: never reused)."""
        return issued_change_seq(self.db) + 1

    _INSERT_REGISTRATION = (
        f"INSERT INTO registrations(id, {', '.join(FIELDS)}, status, problems, revision, "
        "change_seq, created_at, created_by, updated_at, updated_by) VALUES "
        f"(?, {', '.join('?' for _ in FIELDS)}, ?, ?, 1, ?, ?, ?, ?, ?)"
    )
    _INSERT_CREATE_LOG = (
        "INSERT INTO change_log(seq, registration_id, revision, action, fields, reason, "
        "actor, at) VALUES (?, ?, 1, 'create', ?, NULL, ?, ?)"
    )

    def _insert_params(
        self, seq: int, reg_id: str, values: dict[str, Any], status: str, problems_json: str,
        changed: list[str], now: str,
    ) -> tuple[tuple[object, ...], tuple[object, ...]]:
        return (
            (reg_id, *[_encode(c, values.get(c)) for c in FIELDS], status, problems_json,
             seq, now, self.actor, now, self.actor),
            (seq, reg_id, json.dumps(changed), self.actor, now),
        )

    def _insert(
        self, reg_id: str, values: dict[str, Any], status: str, problems_json: str,
        attachments: dict[str, tuple[str, bytes] | None], changed: list[str], now: str,
    ) -> SaveOutcome:
        seq = self._next_seq()
        registration, log = self._insert_params(
            seq, reg_id, values, status, problems_json, changed, now)
        self.db.execute(self._INSERT_REGISTRATION, registration)
        self.db.execute(self._INSERT_CREATE_LOG, log)
        self._write_attachments(reg_id, attachments, now)
        return SaveOutcome(reg_id, 1, seq, True, changed, status)

    def insert_many(self, items: list[tuple[dict[str, Any], str, str]]) -> list[SaveOutcome]:
        """Create many new registrations (no attachments) with one statement per table.

        ``items`` holds ``(values, status, problems_json)``. Must run inside a
        transaction the caller holds (the bulk ``add`` does); the result is the same as
        calling :meth:`save` for each, only faster.
        """
        if not self.db.conn.in_transaction:
            raise RuntimeError("insert_many needs an open transaction")
        now = local_now()
        seq = self._next_seq()
        outcomes, registrations, logs = [], [], []
        for offset, (values, status, problems_json) in enumerate(items):
            reg_id = new_id()
            changed = [f for f in FIELDS if values.get(f) not in (None, "", [], {})]
            registration, log = self._insert_params(
                seq + offset, reg_id, values, status, problems_json, changed, now)
            registrations.append(registration)
            logs.append(log)
            outcomes.append(SaveOutcome(reg_id, 1, seq + offset, True, changed, status))
        self.db.conn.executemany(self._INSERT_REGISTRATION, registrations)
        self.db.conn.executemany(self._INSERT_CREATE_LOG, logs)
        return outcomes

    def _update(
        self, current: dict[str, Any], values: dict[str, Any], status: str, problems_json: str,
        attachments: dict[str, tuple[str, bytes] | None], old_hashes: dict[str, str],
        changed: list[str], now: str,
    ) -> SaveOutcome:
        reg_id = current["id"]
        self._keep_current_revision(current, old_hashes)
        revision = next_revision(self.db, current["id"], current["revision"])
        seq = self._log(reg_id, revision, "update", changed, now)
        sets = ", ".join(f"{c} = ?" for c in FIELDS)
        self.db.execute(
            f"UPDATE registrations SET {sets}, status = ?, problems = ?, revision = ?, "
            "change_seq = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            [*[_encode(c, values.get(c)) for c in FIELDS], status, problems_json, revision,
             seq, now, self.actor, reg_id],
        )
        self._write_attachments(reg_id, attachments, now)
        return SaveOutcome(reg_id, revision, seq, False, changed, status)

    def soft_delete(self, reg_id: str, reason: str) -> SaveOutcome:
        reason = (reason or "").strip()
        if len(reason) < 3:
            raise InputRejected(
                "Tulis alasan penghapusan (minimal 3 karakter).",
                "Give a reason for deleting (at least 3 characters).",
            )
        now = local_now()
        with self.db.atomic():
            current = self.require(reg_id)
            if current["deleted_at"]:
                return SaveOutcome(reg_id, current["revision"], None, False, [], current["status"])
            self._keep_current_revision(current, self._attachment_hashes(reg_id))
            revision = next_revision(self.db, current["id"], current["revision"])
            seq = self._log(reg_id, revision, "delete", ["deleted"], now, reason)
            self.db.execute(
                "UPDATE registrations SET deleted_at = ?, deleted_reason = ?, revision = ?, "
                "change_seq = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                [now, reason, revision, seq, now, self.actor, reg_id],
            )
            return SaveOutcome(reg_id, revision, seq, False, ["deleted"], current["status"])

    def restore(self, reg_id: str) -> SaveOutcome:
        now = local_now()
        with self.db.atomic():
            current = self.require(reg_id)
            if not current["deleted_at"]:
                return SaveOutcome(reg_id, current["revision"], None, False, [], current["status"])
            if current.get("purged_at"):  # its personal data is gone for good
                raise InputRejected(
                    "Data pribadi pendaftaran ini sudah dibersihkan, jadi tidak bisa "
                    "dipulihkan.",
                    "This registration's personal data was purged; it cannot be restored.",
                )
            self._keep_current_revision(current, self._attachment_hashes(reg_id))
            revision = next_revision(self.db, current["id"], current["revision"])
            seq = self._log(reg_id, revision, "restore", ["deleted"], now)
            self.db.execute(
                "UPDATE registrations SET deleted_at = NULL, deleted_reason = NULL, "
                "revision = ?, change_seq = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                [revision, seq, now, self.actor, reg_id],
            )
            return SaveOutcome(reg_id, revision, seq, False, ["deleted"], current["status"])

    # -- lists --------------------------------------------------------------------------
    def query_pks(self, query: ListQuery, text_limit: int | None = SEARCH_LIMIT) -> list[int]:
        """Keys of what the list shows, in its order (a search: at most ``text_limit``)."""
        where, params = list_where(query, text_limit)
        order = SORTABLE.get(query.sort, "updated_at")
        direction = "DESC" if query.descending else "ASC"
        sql = f"SELECT r.pk FROM registrations r{where} ORDER BY {order} {direction}, r.pk {direction}"
        return [row[0] for row in self.db.execute(sql, params)]

    def data_stamp(self) -> tuple[int, int]:
        """Changes whenever the database may have: a commit by another connection
        (``data_version``) or any change through this one (``total_changes``)."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        return version, self.db.conn.total_changes

    def search_truncated(self, query: ListQuery, limit: int = SEARCH_LIMIT) -> bool:
        """Whether the search of ``query`` matches more than the list shows."""
        text = (query.text or "").strip()
        found = (_text_match(text, limit + 1, _filters(query, "r2", deleted=False))
                 if text else None)
        if found is None:
            return False
        sql = f"SELECT count(*) FROM registrations r WHERE {found[0]}"
        count: int = self.db.execute(sql, found[1]).fetchone()[0]
        return count > limit

    def rows_for_pks(self, pks: list[int]) -> dict[int, dict[str, Any]]:
        if not pks:
            return {}
        marks = ",".join("?" for _ in pks)
        cursor = self.db.execute(
            f"SELECT {LIST_COLUMNS}, {exported_sql()} AS sent, change_seq <= {ACKED_SEQ_SQL} "
            f"AS acknowledged FROM registrations WHERE pk IN ({marks})", list(pks)
        )
        cols = [d[0] for d in cursor.description]
        out = {}
        for row in cursor:
            item = dict(zip(cols, row, strict=True))
            item["problems"] = json.loads(item["problems"] or "[]")
            out[item["pk"]] = item
        return out

    def counts(self, today: dt.date | None = None) -> dict[str, Any]:
        today = today or dt.date.today()
        week_start = today - dt.timedelta(days=today.weekday())
        row = self.db.execute(
            "SELECT count(*), "
            "sum(substr(created_at, 1, 10) = ?), "
            "sum(substr(created_at, 1, 10) >= ?) "
            "FROM registrations WHERE deleted_at IS NULL",
            [today.isoformat(), week_start.isoformat()],
        ).fetchone()
        by_status = dict(
            self.db.execute(
                "SELECT status, count(*) FROM registrations WHERE deleted_at IS NULL "
                "GROUP BY status"
            ).fetchall()
        )
        exported = self.db.execute(f"SELECT {EXPORTED_SEQ_SQL}").fetchone()[0]
        if exported and by_status.get("ready"):  # a laptop that saved a bundle: the sent
            sent, received = self.db.execute(  # and received ones apart from "ready"
                f"SELECT coalesce(sum({sent_sql()}), 0), coalesce(sum({received_sql()}), 0) "
                "FROM registrations WHERE deleted_at IS NULL").fetchone()  # (none at a branch)
            by_status["ready"] -= sent + received
            by_status[SENT] = sent
            by_status[RECEIVED] = received
        return {
            "total": row[0] or 0,
            "today": row[1] or 0,
            "week": row[2] or 0,
            "by_status": by_status,
        }

    def last_export_at(self) -> str | None:
        """When the last bundle was saved (the laptop's setting; None at a branch)."""
        row = self.db.execute(
            "SELECT value FROM settings WHERE key = 'last_export_at'").fetchone()
        value = json.loads(row[0]) if row else None
        return value if isinstance(value, str) else None

    def village_codes(self) -> list[str]:
        """Distinct village codes of the registrations not deleted."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT village_code FROM registrations "
            "WHERE deleted_at IS NULL AND village_code IS NOT NULL AND village_code != ''"
        )]

    def max_change_seq(self) -> int:
        seq: int = self.db.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
        return seq


def _text_match(text: str, limit: int | None,
                filters: tuple[list[Any], list[Any]] = ([], [])) -> tuple[str, list[Any]] | None:
    """The registrations a search selects: NIK digits (a prefix) or name words (FTS).

    With ``limit``: at most that many of those also matching ``filters`` (clauses over
    ``r2``): the lowest NIKs, or the newest registered for names.
    """
    clauses, params = filters
    also = "".join(f" AND {c}" for c in clauses)
    digits = text.replace(" ", "")
    if digits.isdigit():
        if limit is None:
            return "r.nik >= ? AND r.nik < ?", [digits, digits + ":"]  # ':' follows '9'
        return (f"r.pk IN (SELECT r2.pk FROM registrations r2 WHERE r2.nik >= ? AND "
                f"r2.nik < ?{also} ORDER BY r2.nik LIMIT ?)",
                [digits, digits + ":", *params, limit])
    match = fts_match(text)
    if not match:
        return None
    if limit is None:
        return ("r.pk IN (SELECT rowid FROM registrations_fts WHERE registrations_fts "
                "MATCH ?)", [match])
    if not clauses:
        return ("r.pk IN (SELECT rowid FROM registrations_fts WHERE registrations_fts "
                "MATCH ? ORDER BY rowid DESC LIMIT ?)", [match, limit])
    return (f"r.pk IN (SELECT f.rowid FROM registrations_fts f JOIN registrations r2 ON "
            f"r2.pk = f.rowid WHERE f.registrations_fts MATCH ?{also} "
            f"ORDER BY f.rowid DESC LIMIT ?)", [match, *params, limit])


def _filters(query: ListQuery, alias: str, *, deleted: bool = True) -> tuple[list[Any], list[Any]]:
    """The clauses of a list query but its search text, over table alias ``alias``."""
    r = alias
    clauses, params = [], []
    if query.status == DELETED:
        clauses.append(f"{r}.deleted_at IS NOT NULL AND {r}.purged_at IS NULL")
    elif deleted and not query.include_deleted:
        clauses.append(f"{r}.deleted_at IS NULL")
    if query.status == SENT:
        clauses.append(sent_sql(r))
    elif query.status == RECEIVED:
        clauses.append(received_sql(r))
    elif query.status == "ready":
        clauses.append(f"{r}.status = 'ready' AND NOT {exported_sql(r)}")
    elif query.status and query.status != DELETED:
        clauses.append(f"{r}.status = ?")
        params.append(query.status)
    if query.occupation:
        clauses.append(f"{r}.occupation = ?")
        params.append(query.occupation)
    if query.branch_state == OPEN_DUPLICATES:
        clauses.append(f"{r}.id IN (SELECT registration_id FROM duplicates WHERE resolved_at "
                       "IS NULL UNION SELECT other_id FROM duplicates WHERE resolved_at IS NULL)")
    elif query.branch_state:
        clauses.append(f"{r}.branch_state = ?")
        params.append(query.branch_state)
    if query.volunteer_id:
        clauses.append(f"{r}.volunteer_id = ?")
        params.append(query.volunteer_id)
    prefix = (query.village_prefix or "").strip().rstrip(".")
    if prefix:
        clauses.append(f"({r}.village_code = ? OR {r}.village_code LIKE ? ESCAPE '\\')")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [prefix, escaped + ".%"]
    return clauses, params


def list_where(query: ListQuery, text_limit: int | None = None) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (over ``registrations r``) and parameters of a list query;
    ``text_limit``: a search selects at most that many (see :func:`_text_match`)."""
    clauses, params = _filters(query, "r")
    text = (query.text or "").strip()
    if text:
        # the cap applies to what also passes the filters (deleted ones are rare: left out)
        found = _text_match(text, text_limit, _filters(query, "r2", deleted=False))
        if found is not None:
            clauses.append(found[0])
            params += found[1]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def fts_match(text: str) -> str:
    """An FTS5 MATCH expression: every word as a prefix, all words required."""
    return " ".join(f'"{word}"*' for word in re.findall(r"\w+", text))
