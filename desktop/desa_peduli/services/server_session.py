"""A clerk's session on the branch server: the facade of ``Session`` (role "branch", the
actor, ``atomic()``, settings) and the branch features ported to the server so far:
enrolment, import (one file after another, or several at once in parallel workers, each
with its own connection), ``list``, the states of a registration and the duplicate pairs
(listed and decided), every change recorded by the server under the clerk's name.

Everything else of the branch still runs only on the SQLite workspace (issue 15).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, NoReturn

import psycopg

from desa_peduli import reference
from desa_peduli.domain.validation import Validated, ValidationContext, validate
from desa_peduli.errors import NotFound, OutsideKabupaten, ServerUnreachable
from desa_peduli.progress import Progress
from desa_peduli.services import branch, review
from desa_peduli.services.branch import (
    DuplicateOfMissing,
    check_enrolment,
    check_state,
    enrolment_content,
    state_details,
    validation_spec,
)
from desa_peduli.services.listing import listing_columns, listing_record
from desa_peduli.services.server_branch import ServerBranch
from desa_peduli.storage.registrations import local_now
from desa_peduli.storage.server import Connection, shown
from desa_peduli.sync import decoder, server_bundle
from desa_peduli.sync.bundle import ImportReport
from desa_peduli.sync.container import OpenedContainer
from desa_peduli.sync.enrolment import sign_enrolment, write_enrolment

# the branch's settings a server holds (in branch_meta), by the names Session.settings uses
_SETTINGS = {"branch_name": "name", "province": "province"}
MAX_WORKERS = 16
# the open duplicate pairs this clerk sees (a pair: through either registration)
_OPEN_PAIRS = ("SELECT p.id, p.nik, p.registration_id, p.other_id, p.found_at, p.bundle_id "
               "FROM open_duplicate_pairs() p WHERE EXISTS (SELECT 1 FROM duplicates d "
               "WHERE d.id = p.id)")


class ServerSettings:
    """The settings of the branch on the server, read-only (``get`` as ``Settings``)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)


class ServerSession(ServerBranch):
    """A clerk logged in to the branch server, the branch keys unlocked, with the facade
    of ``Session``. Open with :meth:`open` (a clerk's folder); :meth:`another` gives a
    second connection as the same clerk (for a parallel worker)."""

    role = "branch"
    _decoder_process: decoder.DecoderProcess | None = None

    @functools.cached_property
    def actor(self) -> str:
        """The clerk's name, as the server records them."""
        return self.store.me().name

    @functools.cached_property
    def settings(self) -> ServerSettings:
        meta = self.store.meta()
        return ServerSettings({key: getattr(meta, field) for key, field in _SETTINGS.items()})

    @property
    def name(self) -> str:
        return str(self.settings.get("branch_name") or "")

    @property
    def conn(self) -> Connection:
        return self.store.conn

    def atomic(self) -> AbstractContextManager[Connection]:
        """One user action, one transaction: ``with session.atomic(): ...``."""
        return self.store.atomic()

    def another(self) -> ServerSession:
        """A new connection as the same clerk, with the same keys (no passphrase asked)."""
        return ServerSession(self.store.another(), self._keys)

    def _lost(self, exc: psycopg.OperationalError) -> ServerUnreachable:
        """The connection broke mid-way (server restarting, cable, session ended by the
        administrator): the transaction is rolled back by the server."""
        return ServerUnreachable(shown(self.store.url))

    # -- volunteers ---------------------------------------------------------------------
    def enrol(self, *, volunteer_id: str, name: str, villages: list[str], target: Path) -> Path:
        """Record the volunteer on the server and write their signed enrolment file (as
        ``BranchService.enrol``: a new binding secret replaces an earlier file's)."""
        name = check_enrolment(volunteer_id, name, villages)
        signing, identity = self.keys()
        now = local_now()
        enrolment = enrolment_content(
            volunteer_id=volunteer_id, name=name, villages=villages, branch_name=self.name,
            province=self.settings.get("province"), signing=signing, identity=identity,
            now=now)
        target = Path(target)
        if target.is_dir():
            target = target / f"enrolment_{volunteer_id}.dpenrol"
        with self.atomic() as conn:
            conn.execute(
                "INSERT INTO volunteers(id, name, villages, enrolled_at) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, villages = EXCLUDED.villages",
                [volunteer_id, name, json.dumps(list(villages)), now])
            conn.execute(
                "INSERT INTO enrolment_secrets(volunteer_id, enrolment_id, secret, issued_at) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (volunteer_id) DO UPDATE SET "
                "enrolment_id = EXCLUDED.enrolment_id, secret = EXCLUDED.secret, "
                "issued_at = EXCLUDED.issued_at",
                [volunteer_id, enrolment["enrolment_id"], enrolment["binding_secret"], now])
            write_enrolment(target, sign_enrolment(enrolment, signing))
        return target

    # -- bundles --------------------------------------------------------------------------
    def _context(self) -> ValidationContext:
        """The form's validation context as the SQLite import uses it (no signature image
        required: it travels as an attachment)."""
        return dataclasses.replace(reference.default_context(today=dt.date.today()),
                                   require_signature_image=False)

    def _validator(self) -> Callable[[dict[str, Any]], Validated]:
        context = self._context()
        return lambda data: validate(data, context)

    def import_bundle(self, path: Path, *, progress: Progress | None = None) -> ImportReport:
        """Import one bundle in one transaction (the same checks and outcomes as the
        SQLite branch). BundleRejected, ImportOutsideKabupaten, ServerUnreachable.

        A large bundle is decrypted, parsed and validated by a second process (as on the
        SQLite branch; one per worker, kept for its next bundles: :meth:`close`), so that
        parallel workers use every core rather than sharing this one."""
        _signing, identity = self.keys()
        validate = self._validator()

        def decode_items(opened: OpenedContainer) -> Generator[decoder.Prepared, None, None]:
            counts = opened.manifest.get("counts") or {}
            if not isinstance(counts.get("registrations"), int) or (
                    counts["registrations"] < branch.DECODER_MIN_RECORDS):
                return decoder.decode(opened, identity.identity, validate)
            if self._decoder_process is None:
                self._decoder_process = decoder.DecoderProcess()
            return self._decoder_process.decode(opened, identity.secret, validation_spec(
                self._context()))

        try:
            return server_bundle.import_bundle(self.conn, Path(path), branch_identity=identity,
                                               validate=validate, progress=progress,
                                               decode_items=decode_items)
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc
        finally:
            if self._decoder_process is not None and not self._decoder_process.alive:
                self._close_decoder()  # stopped half-way: start afresh next time

    def _close_decoder(self) -> None:
        if self._decoder_process is not None:
            self._decoder_process.close()
            self._decoder_process = None

    def close(self) -> None:
        self._close_decoder()
        super().close()

    def import_bundles(self, paths: Sequence[Path], *, workers: int = 1,
                       ) -> Iterator[tuple[Path, ImportReport | Exception]]:
        """Import ``paths`` with ``workers`` parallel connections; yields each file with
        its report or the error that refused it, in the order given (each file one
        transaction; one file's refusal never stops another's)."""
        workers = max(1, min(workers, MAX_WORKERS, len(paths) or 1))
        if workers == 1:
            for path in paths:
                yield path, self._attempt(self, path)
            return
        sessions = [self] + [self.another() for _ in range(workers - 1)]
        free = list(sessions)

        def run(path: Path) -> ImportReport | Exception:
            session = free.pop()  # list.pop/append are atomic: one session per thread
            try:
                return self._attempt(session, path)
            finally:
                free.append(session)

        try:
            with ThreadPoolExecutor(max_workers=workers,
                                    thread_name_prefix="desa-peduli-import") as pool:
                yield from zip(paths, pool.map(run, paths), strict=True)
        finally:
            for session in sessions[1:]:
                session.close()

    @staticmethod
    def _attempt(session: ServerSession, path: Path) -> ImportReport | Exception:
        try:
            return session.import_bundle(path)
        except Exception as exc:  # noqa: BLE001 - the caller reports it with its file
            return exc

    def import_history(self, limit: int = 500) -> list[dict[str, Any]]:
        keys = ("bundle_id", "volunteer_id", "seq_from", "seq_to", "file_name", "created_at",
                "imported_at", "imported_by", "report")
        rows = self.conn.execute(f"SELECT {', '.join(keys)} FROM bundles ORDER BY imported_at "
                                 "DESC LIMIT %s", [limit]).fetchall()
        return [{**dict(zip(keys, r, strict=True)), "report": json.loads(r[-1])} for r in rows]

    # -- registrations --------------------------------------------------------------------
    def export_records(self, *, status: str | None = None, include_deleted: bool = False,
                       month: dt.date | None = None) -> Iterator[dict[str, Any]]:
        """The registrations this clerk may see (row-level security: their kabupaten, a
        supervisor the whole branch) as ``list`` writes them, plus ``branch_state``,
        ``branch_state_by`` (the clerk who set it) and ``branch_state_at``."""
        month = month or dt.date.today()
        clauses, params = [], []
        if not include_deleted:
            clauses.append("deleted_at IS NULL")
        if status:
            clauses.append("status = %s")
            params.append(status)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        extra = ("branch_state", "branch_state_by", "branch_state_at")
        columns = (*listing_columns(), *extra)
        # a server-side cursor, in a transaction: streamed, nothing held
        with self.atomic(), self.conn.cursor(name="list_registrations") as cursor:
            cursor.execute(f"SELECT {', '.join(columns)} FROM registrations{where} "
                           "ORDER BY created_at, pk", params)
            for row in cursor:
                values = dict(zip(columns, row, strict=True))
                at = values["branch_state_at"]
                record = listing_record({c: values[c] for c in listing_columns()}, month)
                yield {**record, "branch_state": values["branch_state"],
                       "branch_state_by": values["branch_state_by"],
                       "branch_state_at": at.isoformat(timespec="seconds") if at else None}

    # -- review: states and duplicates (as BranchService and ReviewService on SQLite) -------
    def set_state(self, reg_id: str, state: str, *, reason: str | None = None,
                  kpj: str | None = None, duplicate_of: str | None = None) -> None:
        """A registration's branch state, checked as on SQLite, one transaction, recorded
        under the clerk's name by the server. NotFound (a supervisor) or OutsideKabupaten
        (a clerk limited to some kabupaten: a registration they cannot see) when the
        registration is not theirs to change; nothing changes then."""
        check_state(state)
        try:
            with self.atomic() as conn:
                if conn.execute("SELECT 1 FROM registrations WHERE id = %s",
                                [reg_id]).fetchone() is None:
                    self._not_visible(reg_id)
                reason, kpj = state_details(state, reason, kpj)
                if state == "duplicate" and (not duplicate_of or duplicate_of == reg_id
                                             or not self._known_other(reg_id, duplicate_of)):
                    raise DuplicateOfMissing()
                self.store.set_branch_state(reg_id, state, reason=reason, kpj_number=kpj,
                                            duplicate_of=duplicate_of, now=local_now())
        except psycopg.OperationalError as exc:
            raise self._lost(exc) from exc

    def _not_visible(self, reg_id: str) -> NoReturn:
        if self.store.me().is_supervisor:
            raise NotFound(f"pendaftaran {reg_id}")
        raise OutsideKabupaten(reg_id)

    def _known_other(self, reg_id: str, other: str) -> bool:
        """``other`` is a registration the clerk sees, or the other half of a duplicate
        pair they see (a limited clerk may keep one outside their kabupaten)."""
        return self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM registrations WHERE id = %s) OR EXISTS (SELECT 1 "
            "FROM duplicates WHERE (registration_id = %s AND other_id = %s) OR "
            "(registration_id = %s AND other_id = %s))",
            [other, reg_id, other, other, reg_id]).fetchone() == (True,)

    def queue(self, limit: int = 200) -> dict[str, Any]:
        """The review queue as ``ReviewService.queue`` gives it, of the kinds ported to the
        server so far: the open duplicate pairs this clerk sees (a registration outside
        their kabupaten shows without its name)."""
        rows = self.conn.execute(f"SELECT * FROM ({_OPEN_PAIRS}) o ORDER BY id").fetchall()
        shown = rows[:limit]
        ids = [reg_id for row in shown for reg_id in (row[2], row[3])]
        people = {row[0]: row[1:] for row in self.conn.execute(
            "SELECT id, full_name, volunteer_id, village_code FROM registrations "
            "WHERE id = ANY(%s)", [ids])}
        items = []
        for pair_id, nik, left, right, found_at, bundle_id in shown:
            a, b = people.get(left, (None,) * 3), people.get(right, (None,) * 3)
            items.append({
                "kind": "duplicate", "cursor": pair_id, "pair_id": pair_id, "nik": nik,
                "registration_id": left, "other_id": right, "full_name": a[0],
                "other_name": b[0], "volunteer_id": a[1], "other_volunteer_id": b[1],
                "village_code": a[2], "other_village_code": b[2], "since": found_at,
                "bundle_id": bundle_id})
        return {"counts": {"duplicate": len(rows)}, "total": len(rows),
                "items": {"duplicate": items}}

    def _open_pair(self, pair_id: int) -> tuple[str, str]:
        """The two registrations of an open pair, the pair locked until the transaction
        ends: two clerks deciding one pair at once, the second waits for the first and is
        then told it was decided (never both registrations marked duplicate)."""
        self.conn.execute("SELECT 1 FROM duplicates WHERE id = %s FOR UPDATE", [pair_id])
        row = self.conn.execute(f"SELECT registration_id, other_id FROM ({_OPEN_PAIRS}) o "
                                "WHERE id = %s", [pair_id]).fetchone()
        if row is None:
            self._explain_closed_pair(pair_id)
        return row[0], row[1]

    def _explain_closed_pair(self, pair_id: int) -> NoReturn:
        if self.conn.execute("SELECT 1 FROM duplicates WHERE id = %s",
                             [pair_id]).fetchone() is None:
            raise NotFound(f"pasangan duplikat {pair_id}")
        raise review.pair_decided(pair_id)

    def find_pair(self, reg_id: str, keep: str) -> int:
        """The open pair holding both ``reg_id`` and ``keep``."""
        row = self.conn.execute(
            f"SELECT id FROM ({_OPEN_PAIRS}) o WHERE (registration_id = %s AND other_id = %s)"
            " OR (registration_id = %s AND other_id = %s)", [reg_id, keep, keep, reg_id]
        ).fetchone()
        if row is None:
            raise review.not_an_open_pair()
        return int(row[0])

    def pair_holding(self, reg_id: str) -> int:
        """The one open pair holding ``reg_id`` (several: the caller must name the pair)."""
        rows = self.conn.execute(
            f"SELECT id FROM ({_OPEN_PAIRS}) o WHERE registration_id = %s OR other_id = %s "
            "LIMIT 2", [reg_id, reg_id]).fetchall()
        if len(rows) != 1:
            raise review.not_in_one_pair()
        return int(rows[0][0])

    def resolve_duplicate(self, pair_id: int, keep: str) -> str:
        """Keep ``keep``; the other registration of the pair becomes its duplicate (the
        pair closed, the clerk recorded). OutsideKabupaten when that other one is not the
        clerk's to change. Returns the id marked duplicate."""
        with self.atomic():
            pair = self._open_pair(pair_id)
            other = review.other_of_pair(pair, keep, pair_id, kept=True)
            self.set_state(other, "duplicate", duplicate_of=keep)
        return other

    def send_back_different(self, pair_id: int, fix: str, reason: str) -> str:
        """Two different people with one NIK: ``fix`` goes back to its volunteer as a
        correction with ``reason``; the pair is closed as ``different:<fix>``, the clerk
        recorded. One transaction. Returns the other registration's id."""
        with self.atomic():
            pair = self._open_pair(pair_id)
            other = review.other_of_pair(pair, fix, pair_id, kept=False)
            self.set_state(fix, "correction", reason=reason)
            self.store.close_pair(pair_id, f"different:{fix}", local_now())
        return other
