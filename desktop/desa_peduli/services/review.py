"""The branch's review queue and batch actions: what needs a person, and accepting the rest.

The queue holds four kinds of item, each read through an index, never the whole
registration table (but see ``_INVALID``: without a partial index on the rows that have
problems, the NIK warnings read every *received* registration, 0.9 s at a million):

- ``duplicate``: an open pair of registrations with the same NIK (``duplicates``), both
  still live, neither marked duplicate already; resolved by keeping one, which marks the
  other ``duplicate`` of it through ``BranchService.set_state`` (so the next receipt tells
  its volunteer);
- ``invalid``: registrations that failed validation on import (``branch_state 'invalid'``);
- ``warning``: received registrations whose NIK disagrees with the typed birth date or sex,
  or whose issuing region is unknown (warnings with a ``nik.`` code in ``problems``);
- ``device``: a volunteer's new laptop whose bundle was refused, awaiting approval.

A batch accept takes every *clean* registration of a bundle, a volunteer or a desa:
received, live, in no open duplicate pair and without a NIK warning (those need a person).
It is one transaction: one ``review_batches`` row (who, when, scope, count) and one
``state_log`` row per registration carrying the batch's id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlite_utils import Database

from desa_peduli import reference
from desa_peduli.errors import BundleRejected, InputRejected, NotFound, WrongRole
from desa_peduli.services.branch import BranchService, bind_device
from desa_peduli.storage.registrations import local_now
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync.enrolment import proof_matches
from desa_peduli.sync.signing import fingerprint, unb64

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

DUPLICATE, INVALID, WARNING, DEVICE = "duplicate", "invalid", "warning", "device"
KINDS = (DUPLICATE, INVALID, WARNING, DEVICE)
BUNDLE, VOLUNTEER, VILLAGE = "bundle", "volunteer", "village"
SCOPES = (BUNDLE, VOLUNTEER, VILLAGE)
ACCEPT = "accept"
# warnings that hold a registration for a person (see domain/nik.py)
NIK_WARNING_CODES = frozenset({"nik.birth_date_mismatch", "nik.sex_mismatch",
                               "nik.district_unknown", "nik.regency_unknown"})
PAGE = 200

# Pairs still to decide: unresolved, both live, same NIK still, neither already a duplicate
# (a third registration with the same NIK makes three pairs; once one is marked duplicate
# its other pairs are moot).
_OPEN_PAIRS = """
    SELECT d.id, d.nik, d.registration_id, d.other_id, d.found_at, d.bundle_id
    FROM duplicates d
    JOIN registrations a ON a.id = d.registration_id
    JOIN registrations b ON b.id = d.other_id
    WHERE d.resolved_at IS NULL AND a.deleted_at IS NULL AND b.deleted_at IS NULL
      AND a.nik = b.nik AND a.branch_state IS NOT 'duplicate'
      AND b.branch_state IS NOT 'duplicate'
"""
# A received registration with a NIK warning. ``problems != '[]'`` comes first so the
# JSON is read only for the few rows that have any problem at all.
_HAS_NIK_WARNING = (
    "(r.problems != '[]' AND EXISTS (SELECT 1 FROM json_each(r.problems) p "
    "WHERE json_extract(p.value, '$.severity') = 'warning' "
    "AND json_extract(p.value, '$.code') IN ("
    + ", ".join(f"'{code}'" for code in sorted(NIK_WARNING_CODES)) + ")))"
)
# Both kinds name ``problems != '[]'`` (an invalid registration always has its errors
# there): a partial index on (branch_state, deleted_at) WHERE problems != '[]' serves
# them without reading the received registrations that have no problem at all.
_INVALID = "r.branch_state = 'invalid' AND r.deleted_at IS NULL AND r.problems != '[]'"
_WARNED = f"r.branch_state = 'received' AND r.deleted_at IS NULL AND {_HAS_NIK_WARNING}"
_ITEM_COLUMNS = ("r.pk, r.id, r.nik, r.full_name, r.volunteer_id, r.village_code, "
                 "r.branch_updated_at, r.problems")


@dataclass
class AcceptPreview:
    """What a batch accept of one scope would do, before it is confirmed."""

    scope_kind: str
    scope_value: str
    scope_label: str
    accept: int = 0  # clean: would be accepted
    held: dict[str, Any] = field(default_factory=dict)  # kind → registrations left for a person
    done: int = 0  # already accepted, sent back, registered or duplicate
    total: int = 0  # every live registration of the scope

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BatchResult:
    batch_id: int | None
    action: str
    scope_kind: str
    scope_value: str
    scope_label: str
    count: int
    actor: str
    at: str
    held: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def nik_warnings(problems: str | list[Any] | None) -> list[dict[str, Any]]:
    """The NIK warnings among a registration's stored problems (a JSON string or list)."""
    if isinstance(problems, str):
        problems = json.loads(problems or "[]")
    return [p for p in problems or [] if isinstance(p, dict) and p.get("severity") == "warning"
            and p.get("code") in NIK_WARNING_CODES]


def errors_of(problems: str | list[Any] | None) -> list[dict[str, Any]]:
    if isinstance(problems, str):
        problems = json.loads(problems or "[]")
    return [p for p in problems or [] if isinstance(p, dict) and p.get("severity") != "warning"]



# -- duplicate pairs: the refusals both stores give (SQLite here, services/server_session.py)
def pair_decided(pair_id: int) -> InputRejected:
    return InputRejected(
        f"Pasangan duplikat {pair_id} sudah diputuskan; tidak ada yang diubah.",
        f"Duplicate pair {pair_id} was already decided; nothing was changed.")


def not_an_open_pair() -> InputRejected:
    return InputRejected(
        "Kedua pendaftaran ini bukan pasangan duplikat yang masih terbuka. Lihat "
        "`review` untuk nomor pasangannya.",
        "These two registrations are not an open duplicate pair. See `review` for "
        "the pair numbers.")


def not_in_one_pair() -> InputRejected:
    return InputRejected(
        "Pendaftaran ini tidak ada di satu pasangan duplikat yang masih terbuka. "
        "Lihat `review` untuk nomor pasangannya.",
        "This registration is not in exactly one open duplicate pair. See `review` "
        "for the pair numbers.")


def other_of_pair(pair: tuple[str, str], chosen: str, pair_id: int, *, kept: bool) -> str:
    """The registration of ``pair`` that is not ``chosen`` (kept, or sent back); refused
    when ``chosen`` is not in the pair."""
    if chosen not in pair:
        raise InputRejected(
            f"Pendaftaran yang {'dipertahankan' if kept else 'dikembalikan'} harus salah satu "
            f"dari pasangan {pair_id}.",
            f"The registration {'kept' if kept else 'sent back'} must be one of pair "
            f"{pair_id}.")
    return pair[1] if chosen == pair[0] else pair[0]


class ReviewService:
    """The review queue and batch actions of one open branch :class:`Session`."""

    def __init__(self, session: Session):
        if session.role != "branch":
            raise WrongRole("branch")
        self.session = session

    @property
    def db(self) -> Database:
        return self.session.db

    def _branch(self) -> BranchService:
        return BranchService(self.session)

    # -- the queue ----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """How many items of each kind wait for a person."""
        db = self.db
        return {
            DUPLICATE: db.execute(f"SELECT count(*) FROM ({_OPEN_PAIRS})").fetchone()[0],
            INVALID: db.execute(
                f"SELECT count(*) FROM registrations r WHERE {_INVALID}").fetchone()[0],
            WARNING: db.execute(
                f"SELECT count(*) FROM registrations r WHERE {_WARNED}").fetchone()[0],
            DEVICE: db.execute(
                "SELECT count(*) FROM volunteers WHERE pending_device_key IS NOT NULL "
                "AND pending_device_key IS NOT device_key").fetchone()[0],
        }

    def received_count(self) -> int:
        """Registrations received and not yet decided (clean or not)."""
        # two index-only counts: "received" minus the few deleted (one query reading the
        # rows of every received registration took 0.6 s at a million)
        received = self.db.execute("SELECT count(*) FROM registrations "
                                   "WHERE branch_state = 'received'").fetchone()[0]
        deleted = self.db.execute("SELECT count(*) FROM registrations WHERE deleted_at IS NOT "
                                  "NULL AND branch_state = 'received'").fetchone()[0]
        undecided: int = received - deleted
        return undecided

    def items(self, kind: str, *, after: int | str | None = None, limit: int = PAGE) -> list[dict[str, Any]]:
        """One page of a kind's items in a stable order; ``after`` is the last item's
        ``cursor`` (keyset paging: a later page costs no more than the first)."""
        if kind == DUPLICATE:
            return self._duplicate_items(after, limit)
        if kind in (INVALID, WARNING):
            return self._registration_items(kind, after, limit)
        if kind == DEVICE:
            return self._device_items(after, limit)
        raise ValueError(kind)

    def _duplicate_items(self, after: int | str | None, limit: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            f"SELECT * FROM ({_OPEN_PAIRS}) WHERE id > ? ORDER BY id LIMIT ?",
            [int(after or 0), limit]).fetchall()
        ids = {reg_id for row in rows for reg_id in (row[2], row[3])}
        people = self._people(ids)
        out = []
        for pair_id, nik, left, right, found_at, bundle_id in rows:
            a, b = people.get(left, {}), people.get(right, {})
            out.append({
                "kind": DUPLICATE, "cursor": pair_id, "pair_id": pair_id, "nik": nik,
                "registration_id": left, "other_id": right,
                "full_name": a.get("full_name"), "other_name": b.get("full_name"),
                "volunteer_id": a.get("volunteer_id"), "other_volunteer_id": b.get("volunteer_id"),
                "village_code": a.get("village_code"),
                "other_village_code": b.get("village_code"),
                "since": found_at, "bundle_id": bundle_id,
            })
        return out

    def _people(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(ids)
        if not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        cursor = self.db.execute(
            "SELECT id, full_name, volunteer_id, village_code, branch_state FROM registrations "
            f"WHERE id IN ({marks})", ids)
        names = [d[0] for d in cursor.description]
        return {row[0]: dict(zip(names, row, strict=True)) for row in cursor}

    def _registration_items(self, kind: str, after: int | str | None, limit: int) -> list[dict[str, Any]]:
        where = _INVALID if kind == INVALID else _WARNED
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM registrations r WHERE {where} "
            "AND r.pk > ? ORDER BY r.pk LIMIT ?",
            [int(after or 0), limit]).fetchall()
        out = []
        for pk, reg_id, nik, name, volunteer, village, at, problems in rows:
            problems = json.loads(problems or "[]")
            shown = errors_of(problems) if kind == INVALID else nik_warnings(problems)
            out.append({
                "kind": kind, "cursor": pk, "registration_id": reg_id, "nik": nik,
                "full_name": name, "volunteer_id": volunteer, "village_code": village,
                "since": at, "problems": shown,
            })
        return out

    def _device_items(self, after: int | str | None, limit: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, name, device_key, pending_device_key, pending_since FROM volunteers "
            "WHERE pending_device_key IS NOT NULL AND pending_device_key IS NOT device_key "
            "AND id > ? ORDER BY id LIMIT ?", [after or "", limit]).fetchall()
        return [{
            "kind": DEVICE, "cursor": volunteer_id, "volunteer_id": volunteer_id,
            "full_name": name, "since": since,
            "fingerprint": fingerprint(unb64(pending)),
            "current_fingerprint": fingerprint(unb64(current)) if current else None,
        } for volunteer_id, name, current, pending, since in rows]

    def queue(self, limit: int = PAGE) -> dict[str, Any]:
        """The counts and the first ``limit`` items of every kind (for ``review --json``)."""
        counts = self.counts()
        return {"counts": counts, "total": sum(counts.values()),
                "items": {kind: self.items(kind, limit=limit) if counts[kind] else []
                          for kind in KINDS}}

    # -- duplicates ---------------------------------------------------------------------
    def pair(self, pair_id: int) -> dict[str, Any]:
        """An open pair with both registrations in full (for the side-by-side view)."""
        row = self.db.execute(f"SELECT * FROM ({_OPEN_PAIRS}) WHERE id = ?",
                              [pair_id]).fetchone()
        if row is None:
            self._explain_closed_pair(pair_id)
        store = self.session.registrations.store
        left, right = store.require(row[2]), store.require(row[3])
        return {"pair_id": row[0], "nik": row[1], "found_at": row[4], "bundle_id": row[5],
                "left": left, "right": right}

    def _explain_closed_pair(self, pair_id: int) -> NoReturn:
        exists = self.db.execute("SELECT 1 FROM duplicates WHERE id = ?", [pair_id]).fetchone()
        if exists is None:
            raise NotFound(f"pasangan duplikat {pair_id}")
        raise pair_decided(pair_id)

    def find_pair(self, reg_id: str, keep: str) -> int:
        """The open pair holding both ``reg_id`` and ``keep``."""
        row = self.db.execute(
            f"SELECT id FROM ({_OPEN_PAIRS}) WHERE (registration_id = ? AND other_id = ?) "
            "OR (registration_id = ? AND other_id = ?)", [reg_id, keep, keep, reg_id]).fetchone()
        if row is None:
            raise not_an_open_pair()
        pair_id: int = row[0]
        return pair_id

    def pair_holding(self, reg_id: str) -> int:
        """The one open pair holding ``reg_id`` (several: the caller must name the pair)."""
        rows = self.db.execute(
            f"SELECT id FROM ({_OPEN_PAIRS}) WHERE registration_id = ? OR other_id = ? "
            "LIMIT 2", [reg_id, reg_id]).fetchall()
        if len(rows) != 1:
            raise not_in_one_pair()
        pair_id: int = rows[0][0]
        return pair_id

    def resolve_duplicate(self, pair_id: int, keep: str) -> str:
        """Keep ``keep``; the other registration of the pair becomes its duplicate.
        Returns the id marked duplicate."""
        row = self.db.execute(
            f"SELECT registration_id, other_id FROM ({_OPEN_PAIRS}) WHERE id = ?",
            [pair_id]).fetchone()
        if row is None:
            self._explain_closed_pair(pair_id)
        other = other_of_pair(row, keep, pair_id, kept=True)
        self._branch().set_state(other, "duplicate", duplicate_of=keep)
        return other

    def send_back_different(self, pair_id: int, fix: str, reason: str) -> str:
        """Two different people with one NIK: ``fix``'s NIK was typed wrong. It goes back to
        its volunteer as a correction with ``reason`` (the next receipt carries it, like any
        correction); the pair is closed as ``different:<fix>`` with who decided. One
        transaction. Returns the other registration's id (it stays as it is).

        Example: pair 7 holds Siti (RLW-001) and Budi (RLW-002), both NIK 1504…0001; the
        clerk sees two people, Budi's KTP ends in 0011: ``send_back_different(7, budi,
        "NIK beda dengan KTP")`` → Budi "perlu diperbaiki", Siti untouched.
        """
        row = self.db.execute(
            f"SELECT registration_id, other_id FROM ({_OPEN_PAIRS}) WHERE id = ?",
            [pair_id]).fetchone()
        if row is None:
            self._explain_closed_pair(pair_id)
        other = other_of_pair(row, fix, pair_id, kept=False)
        with self.db.atomic():
            self._branch().set_state(fix, "correction", reason=reason)
            self.db.execute(
                "UPDATE duplicates SET resolved_at = ?, resolution = ?, resolved_by = ? "
                "WHERE id = ?", [local_now(), f"different:{fix}", self.session.actor, pair_id])
        return other

    def decisions(self, limit: int = 200) -> list[dict[str, Any]]:
        """The branch's recent decisions on registrations, newest first: state, reason, who
        and when (``state_log``; an import's rows and a batch's excluded: the import history
        and :meth:`batches` show those)."""
        cursor = self.db.execute(
            "SELECT s.id, s.registration_id, r.full_name, r.volunteer_id, s.state, s.reason, "
            "s.duplicate_of, s.actor, s.at FROM state_log s "
            "LEFT JOIN registrations r ON r.id = s.registration_id "
            "WHERE s.actor IS NOT 'import' AND s.batch_id IS NULL "  # idx_state_log_decisions
            "ORDER BY s.id DESC LIMIT ?", [limit])
        keys = ("id", "registration_id", "full_name", "volunteer_id", "state", "reason",
                "duplicate_of", "actor", "at")
        return [dict(zip(keys, r, strict=True)) for r in cursor]

    # -- devices ------------------------------------------------------------------------
    def note_refused_device(self, bundle_path: Path) -> str | None:
        """Remember the laptop of a bundle refused as ``device_changed`` or
        ``device_unconfirmed`` (its signature is checked again here) so the queue shows it
        until approved. Returns the volunteer id, or None when the bundle is not from a
        laptop awaiting approval for an enrolled volunteer. (Both the window's import and
        ``desa-peduli import`` call this.)"""
        try:
            manifest = bundles.signed_manifest(Path(bundle_path))
        except BundleRejected:
            return None
        row = self.db.execute(
            "SELECT device_key, pending_device_key FROM volunteers WHERE id = ?",
            [manifest["volunteer_id"]]).fetchone()
        key = manifest["device_public_key"]
        if row is None or row[0] == key:
            return None
        if not row[0] and proof_matches(
                bundles.enrolment_secret(self.db, manifest["volunteer_id"]), manifest):
            return None  # proves the enrolment: its import binds it, nothing to approve
        if row[1] != key:
            with self.db.atomic():
                self.db.execute(
                    "UPDATE volunteers SET pending_device_key = ?, pending_device_recipient = ?, "
                    "pending_since = ? WHERE id = ?",
                    [key, manifest["device_recipient"], local_now(), manifest["volunteer_id"]])
        volunteer_id: str = manifest["volunteer_id"]
        return volunteer_id

    def _pending(self, volunteer_id: str, shown: str) -> tuple[Any, ...]:
        """The laptop awaiting approval for ``volunteer_id``, if it is still the one with
        fingerprint ``shown`` (what the clerk compared): another refused bundle may have
        replaced it since the queue was shown."""
        row = self.db.execute(
            "SELECT pending_device_key, pending_device_recipient, device_key FROM volunteers "
            "WHERE id = ?", [volunteer_id]).fetchone()
        if row is None:
            raise NotFound(f"relawan {volunteer_id}")
        if not row[0] or row[0] == row[2]:
            raise InputRejected(
                f"Tidak ada laptop baru relawan {volunteer_id} yang menunggu persetujuan.",
                f"No new laptop of volunteer {volunteer_id} is awaiting approval.")
        if fingerprint(unb64(row[0])) != shown:
            raise device_replaced(volunteer_id, shown, fingerprint(unb64(row[0])))
        pending: tuple[Any, ...] = row
        return pending

    def approve_pending_device(self, volunteer_id: str, *, shown: str) -> str:
        """Bind the laptop awaiting approval, the one with fingerprint ``shown`` (else
        nothing changes); its bundles are accepted from now on (the refused bundle must
        be imported again). Returns the laptop's fingerprint."""
        key, recipient, _current = self._pending(volunteer_id, shown)
        with self.db.atomic():
            bind_device(self.session, volunteer_id, key, recipient)
        return fingerprint(unb64(key))

    def dismiss_pending_device(self, volunteer_id: str, *, shown: str) -> None:
        """Forget a laptop that is not the volunteer's (its bundles stay refused), the one
        with fingerprint ``shown``."""
        self._pending(volunteer_id, shown)
        with self.db.atomic():
            self.db.execute(
                "UPDATE volunteers SET pending_device_key = NULL, pending_device_recipient = NULL, "
                "pending_since = NULL WHERE id = ?", [volunteer_id])

    # -- batch accept -------------------------------------------------------------------
    def _scope(self, kind: str, value: str) -> tuple[str, str, list[Any]]:
        """The normalised scope value, a label, and SQL selecting its registrations."""
        value = (value or "").strip()
        if kind == BUNDLE:
            row = self.db.execute(
                "SELECT bundle_id, volunteer_id, seq_from, seq_to, file_name, device_key "
                "FROM bundles WHERE bundle_id = ? OR file_name = ? "
                "ORDER BY imported_at DESC LIMIT 1",
                [value, value]).fetchone()
            if row is None:
                raise InputRejected(
                    f"Bundel tidak dikenal: {value:.60}. Pakai ID bundel atau nama berkasnya "
                    "dari riwayat impor.",
                    f"Unknown bundle: {value:.60}. Use the bundle id or its file name from the "
                    "import history.")
            bundle_id, volunteer_id, seq_from, seq_to, file_name, device_key = row
            sql = ("SELECT r.id, r.branch_state, r.problems FROM registrations r WHERE r.id IN "
                   "(SELECT registration_id FROM remote_changes WHERE volunteer_id = ? "
                   "AND device_key = ? AND seq BETWEEN ? AND ?) AND r.volunteer_id = ? "
                   "AND r.deleted_at IS NULL")
            return bundle_id, file_name or bundle_id, [sql, [volunteer_id, device_key, seq_from,
                                                            seq_to, volunteer_id]]
        if kind == VOLUNTEER:
            row = self.db.execute("SELECT id, name FROM volunteers WHERE id = ?",
                                  [value]).fetchone()
            if row is None:
                raise NotFound(f"relawan {value:.40}")
            sql = ("SELECT r.id, r.branch_state, r.problems FROM registrations r "
                   "WHERE r.volunteer_id = ? AND r.deleted_at IS NULL")
            return row[0], f"{row[0]} · {row[1]}", [sql, [row[0]]]
        if kind == VILLAGE:
            region = reference.regions().get(value)
            if region is None or region.level != "village":
                raise InputRejected(f"Kode desa tidak dikenal: {value:.20}. Contoh: 15.04.05.2003.",
                                    f"Unknown village code: {value:.20}. Example: 15.04.05.2003.")
            sql = ("SELECT r.id, r.branch_state, r.problems FROM registrations r "
                   "WHERE r.deleted_at IS NULL AND r.village_code = ?")
            return region.code, region.name, [sql, [region.code]]
        raise InputRejected(f"Lingkup tidak dikenal: {kind!s:.20}.", f"Unknown scope: {kind!s:.20}.")

    def _open_pair_ids(self) -> set[str]:
        ids: set[str] = set()
        for left, right in self.db.execute(
                f"SELECT registration_id, other_id FROM ({_OPEN_PAIRS})"):
            ids.add(left)
            ids.add(right)
        return ids

    def _classify(self, kind: str, value: str) -> tuple[AcceptPreview, list[str]]:
        scope_value, label, (sql, params) = self._scope(kind, value)
        preview = AcceptPreview(kind, scope_value, label,
                                held={DUPLICATE: 0, WARNING: 0, INVALID: 0})
        in_pairs = self._open_pair_ids()
        clean: list[str] = []
        for reg_id, state, problems in self.db.execute(sql, params):
            preview.total += 1
            if state == "invalid":
                preview.held[INVALID] += 1
            elif state != "received":
                preview.done += 1
            elif reg_id in in_pairs:
                preview.held[DUPLICATE] += 1
            elif problems != "[]" and nik_warnings(problems):
                preview.held[WARNING] += 1
            else:
                clean.append(reg_id)
        preview.accept = len(clean)
        return preview, clean

    def preview_accept(self, kind: str, value: str) -> AcceptPreview:
        """How many registrations of the scope a batch accept would accept (and hold)."""
        return self._classify(kind, value)[0]

    def accept_clean(self, kind: str, value: str) -> BatchResult:
        """Accept every clean registration of the scope in one transaction, recorded as
        one ``review_batches`` row. Nothing clean: nothing is written (count 0)."""
        actor, now = self.session.actor, local_now()
        db = self.db
        with db.atomic():
            preview, clean = self._classify(kind, value)
            result = BatchResult(None, ACCEPT, kind, preview.scope_value, preview.scope_label,
                                 len(clean), actor, now, dict(preview.held))
            if not clean:
                return result
            result.batch_id = db.execute(
                "INSERT INTO review_batches(action, scope_kind, scope_value, count, actor, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [ACCEPT, kind, preview.scope_value, len(clean), actor, now]).lastrowid
            conn = db.conn
            conn.executemany(
                "UPDATE registrations SET branch_state = 'accepted', branch_reason = NULL, "
                "kpj_number = NULL, branch_updated_at = ? WHERE id = ?",
                [(now, reg_id) for reg_id in clean])
            conn.executemany(
                "INSERT INTO state_log(registration_id, state, actor, at, batch_id) "
                "VALUES (?, 'accepted', ?, ?, ?)",
                [(reg_id, actor, now, result.batch_id) for reg_id in clean])
        return result

    def batches(self, limit: int = 100) -> list[dict[str, Any]]:
        cursor = self.db.execute(
            "SELECT id, action, scope_kind, scope_value, count, actor, at FROM review_batches "
            "ORDER BY id DESC LIMIT ?", [limit])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    # -- scope choices (for the dialog) -------------------------------------------------
    def bundle_choices(self, limit: int = 200) -> list[dict[str, Any]]:
        """Recent bundles, newest first."""
        cursor = self.db.execute(
            "SELECT bundle_id, volunteer_id, file_name, imported_at FROM bundles "
            "ORDER BY imported_at DESC, rowid DESC LIMIT ?", [limit])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def volunteer_choices(self) -> list[tuple[str, str]]:
        """``(id, name)`` of every enrolled volunteer (no counting: cheap at any size)."""
        return [tuple(row) for row in self.db.execute(
            "SELECT id, name FROM volunteers ORDER BY id")]

    def village_choices(self) -> list[str]:
        """The desa codes the enrolled volunteers work in."""
        codes: dict[str, None] = {}
        for (villages,) in self.db.execute("SELECT villages FROM volunteers ORDER BY id"):
            for code in json.loads(villages or "[]"):
                codes[code] = None
        return sorted(codes)


def device_replaced(volunteer_id: str, shown: str, now: str) -> InputRejected:
    """The laptop to approve is no longer the one whose fingerprint the clerk compared."""
    return InputRejected(
        f"Laptop yang menunggu persetujuan untuk relawan {volunteer_id} sudah berganti: "
        f"kode pencocokan yang ditampilkan {shown}, sekarang {now}. Tidak ada yang "
        "disetujui. Cocokkan lagi kode pencocokan yang sekarang dengan relawan.",
        f"The laptop awaiting approval for volunteer {volunteer_id} has changed: the "
        f"matching code shown was {shown}, it is now {now}. Nothing was approved. Compare "
        "the current matching code with the volunteer again.")
