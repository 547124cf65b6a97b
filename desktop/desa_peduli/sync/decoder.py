"""A bundle's payload turned into rows ready to merge: decrypted, parsed, checked and
validated — in this process, or in a second one so a large import uses two cores.

The merge (``bundle._Merger``) writes to the database and must stay in the process that
holds the transaction; everything before it needs no database: age decryption, gzip,
JSON, the shape checks of each record, the form's validation and the encoding of the
columns. :class:`DecoderProcess` runs that part in a spawned child and streams the
results back in batches over a pipe (bounded: the child waits while the pipe is full),
so a large import costs about the larger of the two halves instead of their sum.

Both paths produce the same items through :func:`prepare`, so they cannot drift apart.
The child is started once per import run and serves one bundle after another; it exits
when its pipe closes (also when the parent is killed).
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import queue
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, TypeGuard

import pyrage

from desa_peduli import reference
from desa_peduli.domain.registration import FIELDS, STATUSES
from desa_peduli.domain.validation import Validated, ValidationContext, validate
from desa_peduli.sync import container
from desa_peduli.sync.signing import AgeIdentity

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

JSON_COLUMNS = ("programs", "heirs", "consent")
BATCH = 250  # items sent at once; fewer when attachments make it BATCH_BYTES
BATCH_BYTES = 4 * 1024**2
MAX_SMALL_RECORD = 64 * 1024  # any line but an attachment: a registration is ~1.5 KB
MAX_RECORD = 16 * 1024**2  # one attachment line: a KTP photo fits easily
MAX_TEXT = 2000
MAX_ID = 100  # a registration id (a UUID is 36)
MAX_INT = 2**53  # sequence and revision numbers, amounts: far above any real one
NUMBER_FIELDS = frozenset({"declared_income", "payment_months"})


class Registration(NamedTuple):
    """A registration record checked, validated and encoded for the ``registrations`` row
    (a named tuple: it crosses from the decoding process to the merge by the thousand, and
    a tuple pickles and unpickles in a fraction of a dataclass's time)."""

    id: str
    revision: int
    volunteer_id: object  # as the record says; the merge compares it with the signer
    change_seq: int
    values: tuple[Any, ...]  # FIELDS in order, JSON columns encoded
    status: object
    problems_json: str
    errors: tuple[Any, ...]  # (field, code, message) of error-severity problems
    updated_at: object
    deleted_at: object
    deleted_reason: object
    created_at: object
    attachments: tuple[Any, ...]  # attachment kinds the record names


# -- the shape of each record ------------------------------------------------------------
# A bundle is signed by a bound laptop, which may still be hostile: every value a record
# carries is checked for its type and size here, before anything is stored, so that a
# stored record never breaks a later reader (lists, hand-over, review). A record that
# fails is refused as damaged content (ValueError); content that is only wrong (an
# invalid NIK) passes and is stored as ``invalid`` for review by the form's validation.
def _text(value: object, limit: int = MAX_TEXT) -> TypeGuard[str]:
    return type(value) is str and len(value) <= limit


def _optional_text(value: object, limit: int = MAX_TEXT) -> TypeGuard[str | None]:
    return value is None or _text(value, limit)


def _number(value: object, low: int = 0) -> TypeGuard[int]:
    return type(value) is int and low <= value < MAX_INT


def _moment(value: object) -> TypeGuard[str]:
    if not _text(value, 64):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _optional_moment(value: object) -> TypeGuard[str | None]:
    return value is None or _moment(value)


def _flat(value: object) -> bool:
    """A dict of short texts, flags and numbers (a heir, the consent)."""
    if type(value) is not dict or len(value) > 20:
        return False
    for key, item in value.items():
        if type(key) is not str or len(key) > 40:
            return False
        kind = type(item)
        if kind is str:
            if len(item) > MAX_TEXT:
                return False
        elif not (item is None or kind is bool or (kind is int and 0 <= item < MAX_INT)):
            return False
    return True


_TEXT_FIELDS = tuple(f for f in FIELDS
                     if f not in NUMBER_FIELDS and f not in ("programs", "heirs", "consent"))


def _check_data(data: object) -> None:
    """The form's fields: texts, numbers, and the three JSON columns' shapes (written
    as plain loops: this runs for every registration of a large import)."""
    if type(data) is not dict:
        raise ValueError("registration data")
    get = data.get
    for name in _TEXT_FIELDS:
        value = get(name)
        if value is not None and (type(value) is not str or len(value) > MAX_TEXT):
            raise ValueError(name)
    for name in NUMBER_FIELDS:
        value = get(name)
        if not (value is None or _number(value) or _text(value, 40)):
            raise ValueError(name)
    programs, heirs, consent = get("programs"), get("heirs"), get("consent")
    if programs is not None and not (type(programs) is list and len(programs) <= 20 and all(
            type(p) is str and len(p) <= 40 for p in programs)):
        raise ValueError("programs")
    if heirs is not None and not (type(heirs) is list and len(heirs) <= 20
                                  and all(_flat(h) for h in heirs)):
        raise ValueError("heirs")
    if consent is not None and not _flat(consent):
        raise ValueError("consent")


def _check_attachment_names(attachments: object) -> None:
    if type(attachments) is not dict or len(attachments) > 20 or not all(
            _text(k, 40) and _text(v, 64) for k, v in attachments.items()):
        raise ValueError("attachments")


def _check_registration(record: dict[str, Any]) -> None:
    if not (_text(record["id"], MAX_ID) and record["id"] and _number(record["revision"], 1)
            and _number(record["change_seq"]) and _text(record.get("volunteer_id"))
            and record.get("status") in STATUSES and _optional_moment(record.get("created_at"))
            and _optional_moment(record.get("updated_at"))
            and _optional_moment(record.get("deleted_at"))
            and _optional_text(record.get("deleted_reason"))):
        raise ValueError("registration record")
    _check_data(record["data"])
    _check_attachment_names(record.get("attachments", {}))


def _check_revision(record: dict[str, Any]) -> None:
    if not (_text(record["registration_id"], MAX_ID) and _number(record["revision"], 1)
            and _number(record["change_seq"]) and _text(record["status"], 40)
            and _moment(record["saved_at"]) and _optional_text(record.get("saved_by"))):
        raise ValueError("revision record")
    data = record["data"]
    _check_data(data)
    _check_attachment_names(data.get("attachments", {}))
    if not set(data) <= {*FIELDS, "attachments"}:
        raise ValueError("revision record")


def _check_change(record: dict[str, Any]) -> None:
    fields = record["fields"]
    if not (_number(record["seq"], 1) and _text(record["registration_id"], MAX_ID)
            and _number(record["revision"]) and _text(record["action"], 40)
            and type(fields) is list and len(fields) <= 100
            and all(_text(f, 100) for f in fields) and _optional_text(record.get("reason"))
            and _optional_text(record.get("actor")) and _moment(record["at"])):
        raise ValueError("change record")


def _check_attachment(record: dict[str, Any]) -> None:
    if not (_text(record["registration_id"], MAX_ID) and _text(record["kind"], 40)
            and _text(record["mime"], 100) and _text(record["sha256"], 64)
            and type(record["data"]) is str):
        raise ValueError("attachment record")


Validate = Callable[[dict[str, Any]], Validated]
# what prepare makes of one record: a registration, a change row, or the record itself
Prepared = Registration | tuple[str, tuple[Any, ...]] | dict[str, Any]


def problems_of(data: dict[str, Any], attachments: dict[str, Any],
                validate: Validate) -> list[dict[str, Any]]:
    """The problems the branch records for a registration: the form's validation (no
    signature image required: it travels as an attachment) plus a missing signature."""
    result = validate(data)
    problems = [p.to_dict() for p in result.problems]
    consent = data.get("consent")
    if not isinstance(consent, dict):
        consent = {}
    if consent.get("method") == "signature" and "signature" not in attachments:
        problems.append({"field": "consent.signature_png", "code": "consent.signature_missing",
                         "severity": "error",
                         "message": "Tanda tangan peserta tidak ada di bundel.",
                         "message_en": "The participant's signature is missing."})
    return problems


def prepare(record: dict[str, Any], validate: Validate) -> Prepared:
    """One payload record as the merge takes it: a :class:`Registration`, a change row
    ``("change", (seq, registration_id, revision, action, fields_json, reason, actor,
    at))`` or the record itself (header, attachment, revision, end)."""
    kind = record.get("t")
    if kind == "registration":
        _check_registration(record)
        data = record["data"]
        attachments = record.get("attachments") or {}
        problems = problems_of(data, attachments, validate)
        errors = tuple((p["field"], p["code"], p["message"]) for p in problems
                       if p.get("severity") != "warning")
        values = tuple(json.dumps(data.get(f), ensure_ascii=False, sort_keys=True)
                       if f in JSON_COLUMNS and data.get(f) is not None else data.get(f)
                       for f in FIELDS)
        return Registration(
            record["id"], record["revision"], record.get("volunteer_id"), record["change_seq"],
            values, record.get("status"),
            json.dumps(problems, ensure_ascii=False, sort_keys=True) if problems else "[]",
            errors, record.get("updated_at"), record.get("deleted_at"),
            record.get("deleted_reason"), record.get("created_at"), tuple(attachments))
    if kind == "change":
        _check_change(record)
        return ("change", (record["seq"], record["registration_id"], record["revision"],
                           record["action"], json.dumps(record["fields"]), record.get("reason"),
                           record.get("actor"), record["at"]))
    if kind == "attachment":
        if any(isinstance(v, str) and len(v) > MAX_TEXT
               for k, v in record.items() if k != "data"):
            raise container.ContainerError("record_too_large")
        _check_attachment(record)
    elif kind == "revision":
        _check_revision(record)
    return record


def decode(opened: container.OpenedContainer, identity: pyrage.x25519.Identity, validate: Validate,
           verified: dict[str, Any] | None = None) -> Generator[Prepared, None, None]:
    """Prepared items of a payload, in this process. Raises ``payload_hash`` at the end
    when the bytes decrypted are not the signed payload (see ``container.iter_records``,
    which also sets ``verified["payload_sha256"]``)."""
    for record in container.iter_records(opened, identity, max_line=MAX_RECORD,
                                         max_small_line=MAX_SMALL_RECORD,
                                         large_kinds=("attachment",), verified=verified):
        yield prepare(record, validate)


# -- the second process -----------------------------------------------------------------
@dataclass(frozen=True)
class ValidationSpec:
    """What the child needs to validate as the parent does (picklable): the validation
    context without its region index (the child opens the shipped one) and the reference
    set the workspace uses."""

    context: dict[str, Any]
    reference: reference.ReferenceSet | None


def _child_validator(spec: ValidationSpec) -> Validate:
    reference.activate(spec.reference)
    context = ValidationContext(regions=reference.regions(), **spec.context)
    return lambda data: validate(data, context)


class _Sender:
    """Sends the child's messages from a thread, up to ``QUEUED`` batches behind the
    decoding: a pipe holds only about 64 KB, so a child sending by itself waited for the
    parent to read each batch and the two halves took turns instead of overlapping."""

    QUEUED = 8

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._queue: queue.Queue[tuple[str, Any] | None] = queue.Queue(self.QUEUED)
        self.failed = False
        self._thread = threading.Thread(target=self._run, name="decoder-sender", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (message := self._queue.get()) is not None:
            if self.failed:
                continue  # drain: the parent is gone
            try:
                self._conn.send(message)
            except (OSError, ValueError):
                self.failed = True

    def send(self, message: tuple[str, Any]) -> None:
        if self.failed:
            raise OSError("the parent stopped reading")
        self._queue.put(message)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()


def _serve(conn: Connection) -> None:
    """The child's loop: one bundle per request, items back in batches."""
    sender = _Sender(conn)
    try:
        while True:
            request = conn.recv()
            if request is None:
                return
            opened, secret, spec = request
            validate = _child_validator(spec)
            batch, size = [], 0
            verified: dict[str, Any] = {}
            try:
                for item in decode(opened, AgeIdentity(secret).identity, validate, verified):
                    batch.append(item)
                    if type(item) is dict and item.get("t") == "attachment":
                        size += len(item.get("data") or "")
                    if len(batch) >= BATCH or size >= BATCH_BYTES:
                        sender.send(("items", batch))
                        batch, size = [], 0
                sender.send(("items", batch))
                sender.send(("done", verified.get("payload_sha256")))
            except container.ContainerError as exc:
                sender.send(("container_error", (exc.code, str(exc))))
            except (KeyError, TypeError, ValueError, AttributeError, RecursionError,
                    OverflowError) as exc:
                sender.send(("record_error", type(exc).__name__))
            except Exception as exc:  # noqa: BLE001 - a bug: the parent refuses the file
                sender.send(("record_error", repr(exc)[:200]))
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent went away
    finally:
        sender.close()


class DecoderProcess:
    """A child process decoding bundles for this one (start once, reuse, close).

    Requests queue up in the child: :meth:`submit` the next bundle while the current one
    is still being merged, and the child starts on it as soon as it has sent the current
    one's last batch, instead of waiting idle while this process commits."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child_conn = context.Pipe()
        self._process = context.Process(target=_serve, args=(child_conn,), daemon=True,
                                        name="desa-peduli-decoder")
        self._process.start()
        child_conn.close()
        self._submitted: list[object] = []  # tickets whose results are not read yet
        self._broken = False

    @property
    def alive(self) -> bool:
        return self._process.is_alive() and not self._broken

    @property
    def idle(self) -> bool:
        """Alive, and every result read: a new bundle's stream comes next."""
        return self.alive and not self._submitted

    def submit(self, opened: container.OpenedContainer, secret: str,
               spec: ValidationSpec) -> object:
        """Ask the child to decode a bundle; read its items with :meth:`stream`."""
        try:
            self._conn.send((opened, secret, spec))
        except OSError as exc:  # the child died while idle
            self._broken = True
            raise container.ContainerError("payload", "decoder stopped") from exc
        ticket = object()
        self._submitted.append(ticket)
        return ticket

    def stream(self, ticket: object, opened: container.OpenedContainer
               ) -> Generator[Prepared, None, None]:
        """Prepared items of the bundle ``ticket`` was submitted for (the oldest not read
        yet). Stopping early (an error, a cancel) breaks the child: close it then.

        The child opens the file itself: it reports the digest of the bytes it decrypted,
        and this raises ``payload_hash`` (before the caller can commit) unless it is the
        one in the manifest this process checked the signature of."""
        if not self._submitted or self._submitted[0] is not ticket:
            raise RuntimeError("results are read in the order the bundles were submitted")
        self._broken = True  # until the stream's end is read
        while True:
            try:
                kind, value = self._conn.recv()
            except (EOFError, OSError) as exc:
                raise container.ContainerError("payload", "decoder stopped") from exc
            if kind == "items":
                yield from value
                continue
            self._submitted.pop(0)
            self._broken = False
            if kind == "done":
                if value is None or value != opened.manifest.get("payload_sha256"):
                    raise container.ContainerError("payload_hash")
                return
            if kind == "container_error":
                raise container.ContainerError(*value)
            raise ValueError(value)

    def decode(self, opened: container.OpenedContainer, secret: str,
               spec: ValidationSpec) -> Generator[Prepared, None, None]:
        """Prepared items of a payload, from the child (:meth:`submit` then :meth:`stream`)."""
        return self.stream(self.submit(opened, secret, spec), opened)

    def close(self) -> None:
        try:
            if self.idle:
                self._conn.send(None)
                self._process.join(timeout=2)
        except OSError:
            pass
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=2)
        self._conn.close()
