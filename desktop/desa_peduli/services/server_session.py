"""A clerk's session on the branch server: the facade of ``Session`` (role "branch", the
actor, ``atomic()``, settings) and the branch features ported to the server so far:
enrolment, import (one file after another, or several at once in parallel workers, each
with its own connection) and ``list``.

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
from typing import Any

import psycopg

from desa_peduli import reference
from desa_peduli.domain.validation import Validated, ValidationContext, validate
from desa_peduli.errors import ServerUnreachable
from desa_peduli.progress import Progress
from desa_peduli.services import branch
from desa_peduli.services.branch import check_enrolment, enrolment_content, validation_spec
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

