"""Sync bundles: the volunteer's export and the branch's verified, idempotent import.

Export streams every change after the watermark the branch last acknowledged; import
checks size and structure, signature, enrolled volunteer, bound device (or, for a
volunteer with none, the manifest's proof of their enrolment file) and payload hash
*before* decrypting, then merges the whole bundle in one transaction. Registration ids
are global and a revision is applied only when newer than the one held, so a bundle
imported twice, or an old one after a newer one, changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from sqlite_utils import Database

from desa_peduli import __version__
from desa_peduli.domain.registration import FIELDS
from desa_peduli.errors import BundleRejected
from desa_peduli.progress import Progress
from desa_peduli.storage.acks import acknowledged_through
from desa_peduli.storage.bulk import deferred_insert_upkeep
from desa_peduli.storage.registrations import decode_row, local_now
from desa_peduli.sync import container
from desa_peduli.sync.decoder import (  # MAX_* are part of this module's API too
    MAX_RECORD as MAX_RECORD,
)
from desa_peduli.sync.decoder import (
    MAX_SMALL_RECORD as MAX_SMALL_RECORD,
)
from desa_peduli.sync.decoder import (
    Prepared,
    Registration,
    Validate,
    decode,
)
from desa_peduli.sync.enrolment import enrolment_proof, proof_matches
from desa_peduli.sync.signing import (
    AgeIdentity,
    SigningKey,
    age_recipient,
    b64,
    fingerprint,
    unb64,
)

HEADER = b"desa-peduli-bundle/1\n"
FORMAT = "desa-peduli-bundle/1"
MAX_BUNDLE = 2 * 1024**3  # 2 GiB: far above 50,000 registrations with photos
MAX_TEXT = 2000  # any single text field of the manifest
SUFFIX = ".dpbundle"
COUNTED = ("registrations", "revisions", "changes", "attachments")  # the manifest's counts
MANIFEST_KEYS = {
    "format": str, "type": str, "bundle_id": str, "volunteer_id": str, "workspace_id": str,
    "device_public_key": str, "device_recipient": str, "seq_from": int, "seq_to": int,
    "counts": dict, "created_at": str, "app_version": str, "payload_sha256": str,
    "payload_size": int,
}
# absent from bundles of laptops enrolled before binding secrets (and of laptops that
# were not given one): such a laptop binds only once a clerk approves it
OPTIONAL_MANIFEST_KEYS = {"enrolment_id": str, "enrolment_proof": str}


# ----------------------------------------------------------------------------- export
@dataclass
class ExportResult:
    path: Path | None
    manifest: dict[str, Any] | None
    counts: dict[str, Any] = field(default_factory=dict)


def bundle_file_name(volunteer_id: str, seq_from: int, seq_to: int, when: dt.datetime) -> str:
    """Sortable by volunteer, date and sequence: ``RLW-001_20261124-0930_000001-000250``."""
    return f"{volunteer_id}_{when:%Y%m%d-%H%M}_{seq_from:06d}-{seq_to:06d}{SUFFIX}"


def export_records(db: Database, volunteer_id: str, watermark: int, seq_to: int,
                   counts: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every change in (watermark, seq_to], streamed from cursors (nothing held)."""
    counts.update(dict.fromkeys(COUNTED, 0))
    yield {"t": "header", "volunteer_id": volunteer_id, "seq_from": watermark + 1,
           "seq_to": seq_to}
    columns = ", ".join(("id", "revision", "change_seq", "status", "created_at", "updated_at",
                         "deleted_at", "deleted_reason", *FIELDS))
    cursor = db.execute(
        f"SELECT {columns} FROM registrations WHERE change_seq > ? AND change_seq <= ? "
        "AND purged_at IS NULL AND status != 'draft' ORDER BY change_seq",
        [watermark, seq_to],
    )
    names = [d[0] for d in cursor.description]
    for row in cursor:
        record = decode_row(dict(zip(names, row, strict=True)))
        reg_id = record.pop("id")
        hashes = dict(db.execute(
            "SELECT kind, sha256 FROM attachments WHERE registration_id = ?", [reg_id]))
        counts["registrations"] += 1
        yield {"t": "registration", "id": reg_id, "volunteer_id": volunteer_id,
               "revision": record.pop("revision"), "change_seq": record.pop("change_seq"),
               "status": record.pop("status"), "created_at": record.pop("created_at"),
               "updated_at": record.pop("updated_at"), "deleted_at": record.pop("deleted_at"),
               "deleted_reason": record.pop("deleted_reason"),
               "data": {f: record.get(f) for f in FIELDS}, "attachments": hashes}
        for kind, mime, sha, data in db.execute(
            "SELECT kind, mime, sha256, data FROM attachments WHERE registration_id = ?",
            [reg_id],
        ):
            counts["attachments"] += 1
            yield {"t": "attachment", "registration_id": reg_id, "kind": kind, "mime": mime,
                   "sha256": sha, "data": b64(bytes(data))}
    for reg_id, revision, change_seq, status, data, saved_at, saved_by in db.execute(
        "SELECT v.registration_id, v.revision, v.change_seq, v.status, v.data, v.saved_at, "
        "v.saved_by FROM revisions v JOIN registrations r ON r.id = v.registration_id "
        "WHERE v.change_seq > ? AND v.change_seq <= ? AND r.purged_at IS NULL "
        "AND r.status != 'draft' ORDER BY v.change_seq",
        [watermark, seq_to],
    ):
        counts["revisions"] += 1
        yield {"t": "revision", "registration_id": reg_id, "revision": revision,
               "change_seq": change_seq, "status": status, "data": json.loads(data),
               "saved_at": saved_at, "saved_by": saved_by}
    for seq, reg_id, revision, action, fields, reason, actor, at in db.execute(
        "SELECT c.seq, c.registration_id, c.revision, c.action, c.fields, c.reason, c.actor, "
        "c.at FROM change_log c WHERE c.seq > ? AND c.seq <= ? ORDER BY c.seq",
        [watermark, seq_to],
    ):
        counts["changes"] += 1
        yield {"t": "change", "seq": seq, "registration_id": reg_id, "revision": revision,
               "action": action, "fields": json.loads(fields), "reason": reason,
               "actor": actor, "at": at}
    yield {"t": "end", "counts": dict(counts)}


def write_bundle(db: Database, target: Path, *, volunteer_id: str, workspace_id: str,
                 device_key: SigningKey, device_identity: AgeIdentity, branch_recipient: str,
                 watermark: int, seq_to: int,
                 enrolment: tuple[str | None, bytes] | None = None) -> ExportResult:
    """Write one bundle file atomically into ``target`` (a folder or a file path).

    ``enrolment``: (enrolment id, binding secret) of the laptop's enrolment file; the
    manifest then proves it, which binds this device at the branch when none is bound."""
    now = dt.datetime.now().astimezone()
    target = Path(target)
    if target.is_dir():
        target = target / bundle_file_name(volunteer_id, watermark + 1, seq_to, now)
    counts: dict[str, Any] = {}
    manifest = {
        "format": FORMAT, "type": "bundle", "bundle_id": str(uuid.uuid4()),
        "volunteer_id": volunteer_id, "workspace_id": workspace_id,
        "device_public_key": b64(device_key.public_bytes),
        "device_recipient": device_identity.recipient,
        "seq_from": watermark + 1, "seq_to": seq_to,
        "created_at": now.isoformat(timespec="seconds"), "app_version": __version__,
    }
    if enrolment is not None:
        enrolment_id, secret = enrolment
        if enrolment_id:
            manifest["enrolment_id"] = enrolment_id
        manifest["enrolment_proof"] = enrolment_proof(secret, manifest)
    final = container.write_container(
        target, header=HEADER, manifest=manifest,
        records=export_records(db, volunteer_id, watermark, seq_to, counts),
        recipients=[age_recipient(branch_recipient)], signing_key=device_key,
        on_manifest=lambda m: m.update(counts=dict(counts)),
    )
    return ExportResult(target, final, counts)


# ----------------------------------------------------------------------------- import
@dataclass
class ImportReport:
    file: str
    bundle_id: str | None = None
    volunteer_id: str | None = None
    status: str = "rejected"  # applied | rejected
    reason: str | None = None
    message: str | None = None
    message_en: str | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    seq_from: int | None = None
    seq_to: int | None = None
    device_fingerprint: str | None = None
    device_bound: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


REFUSALS = {
    "unreadable": ("berkas tidak terbaca.", "the file cannot be read."),
    "removed": ("flashdisk dicabut atau berkas terpotong saat dibaca; tidak ada yang diubah. "
                "Pasang lagi flashdisk lalu impor ulang (atau minta relawan mengekspor ulang).",
                "the drive was removed or the file is cut short while reading; nothing was "
                "changed. Put the drive back and import again (or ask the volunteer to "
                "export again)."),
    "truncated": ("berkas terpotong (mungkin flashdisk dicabut saat menyalin). Minta relawan "
                  "mengekspor ulang.", "the file is cut short (perhaps the stick was pulled "
                  "out while copying). Ask the volunteer to export again."),
    "not_a_bundle": ("bukan bundel Desa Peduli.", "not a Desa Peduli bundle."),
    "too_large": ("berkas melebihi batas ukuran bundel.", "the file exceeds the bundle size limit."),
    "structure": ("susunan berkas rusak.", "the file structure is damaged."),
    "manifest": ("manifes bundel rusak.", "the bundle manifest is damaged."),
    "signature": ("tanda tangan tidak cocok: berkas rusak atau diubah.",
                  "the signature does not match: the file is damaged or was changed."),
    "unknown_volunteer": ("relawan pengirim belum dicatat di kantor cabang ini.",
                          "the sending volunteer is not enrolled at this branch."),
    "device_changed": ("dikirim dari laptop lain daripada yang terhubung untuk relawan ini. "
                       "Cocokkan kode pencocokan laptop dengan relawan, lalu setujui laptop "
                       "baru itu.",
                       "sent from a different laptop than the one bound to this volunteer. "
                       "Compare the laptop's matching code with the volunteer, then approve "
                       "the new laptop."),
    "device_unconfirmed": ("dikirim dari laptop yang belum disetujui untuk relawan ini "
                           "(bundel tidak membuktikan bahwa laptop itu dihubungkan dengan berkas "
                           "penghubung relawan ini). Cocokkan kode pencocokan laptop dengan "
                           "relawan lalu setujui laptop itu, atau buat berkas penghubung baru "
                           "untuk relawan ini.",
                           "sent from a laptop not confirmed for this volunteer (the bundle "
                           "does not prove this volunteer's enrolment file). Compare the "
                           "laptop's matching code with the volunteer and approve it, or issue "
                           "a new enrolment file for this volunteer."),
    "already_imported": ("bundel ini sudah pernah diimpor; tidak ada yang diubah.",
                         "this bundle was imported before; nothing was changed."),
    "payload_hash": ("isi bundel tidak cocok dengan manifesnya (rusak atau diubah).",
                     "the bundle content does not match its manifest (damaged or changed)."),
    "decrypt": ("isi bundel tidak dapat dibuka dengan kunci kantor cabang ini.",
                "the bundle content cannot be opened with this branch's key."),
    "payload": ("isi bundel rusak.", "the bundle content is damaged."),
    "record_too_large": ("satu catatan dalam bundel terlalu besar.",
                         "a record in the bundle is too large."),
    "incomplete": ("isi bundel tidak lengkap.", "the bundle content is incomplete."),
    "wrong_branch": ("bundel ini ditujukan untuk kantor cabang lain.",
                     "this bundle is meant for another branch."),
}

# refusals that name a laptop a clerk may approve after comparing its fingerprint
DEVICE_REFUSALS = ("device_changed", "device_unconfirmed")


def refuse(file_name: str, reason: str) -> BundleRejected:
    text_id, text_en = REFUSALS[reason]
    return BundleRejected(file_name, reason, text_id, text_en)


def check_manifest_shape(manifest: dict[str, Any], file_name: str) -> None:
    for key, kind in MANIFEST_KEYS.items():
        value = manifest.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise refuse(file_name, "manifest")
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise refuse(file_name, "manifest")
    for key, kind in OPTIONAL_MANIFEST_KEYS.items():
        value = manifest.get(key)
        if value is not None and (not isinstance(value, kind) or len(value) > MAX_TEXT):
            raise refuse(file_name, "manifest")
    if manifest["format"] != FORMAT or manifest["type"] != "bundle":
        raise refuse(file_name, "not_a_bundle")
    if not 1 <= manifest["seq_from"] <= manifest["seq_to"] + 1:
        raise refuse(file_name, "manifest")


def open_signed(path: Path) -> container.OpenedContainer:
    """A bundle whose signature matches the device key it names (nothing decrypted, the
    workspace not consulted; raises BundleRejected ``signature``)."""
    name = Path(path).name
    try:
        opened = container.open_container(path, header=HEADER, max_payload=MAX_BUNDLE)
        check_manifest_shape(opened.manifest, name)
        container.check_signature(opened, unb64(opened.manifest["device_public_key"]))
    except (container.ContainerError, ValueError, OSError) as exc:
        raise refuse(name, "signature") from exc
    return opened


def signed_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a bundle whose signature matches the device key it names. For
    approving a new laptop."""
    return open_signed(path).manifest


def open_verified(path: Path, db: Database) -> tuple[container.OpenedContainer, dict[str, Any]]:
    """Every check before decryption; returns the container and the volunteer row."""
    name = Path(path).name
    try:
        opened = container.open_container(path, header=HEADER, max_payload=MAX_BUNDLE)
    except container.ContainerError as exc:
        raise refuse(name, exc.code if exc.code in REFUSALS else "structure") from exc
    manifest = opened.manifest
    check_manifest_shape(manifest, name)
    try:
        device_key = unb64(manifest["device_public_key"])
        container.check_signature(opened, device_key)
    except (ValueError, container.ContainerError) as exc:
        raise refuse(name, "signature") from exc
    cursor = db.execute("SELECT * FROM volunteers WHERE id = ?", [manifest["volunteer_id"]])
    row = cursor.fetchone()
    if row is None:
        raise refuse(name, "unknown_volunteer")
    volunteer = dict(zip([d[0] for d in cursor.description], row, strict=True))
    if volunteer["device_key"] and volunteer["device_key"] != manifest["device_public_key"]:
        error = refuse(name, "device_changed")
        error.device_fingerprint = fingerprint(device_key)
        raise error
    if not volunteer["device_key"] and not proof_matches(enrolment_secret(db, volunteer["id"]),
                                                         manifest):
        # no laptop bound (a new volunteer, or one a restored backup lost): only the
        # holder of the volunteer's enrolment file may bind, else a clerk confirms it
        error = refuse(name, "device_unconfirmed")
        error.device_fingerprint = fingerprint(device_key)
        raise error
    if db.execute("SELECT 1 FROM bundles WHERE bundle_id = ?",
                  [manifest["bundle_id"]]).fetchone():
        raise refuse(name, "already_imported")
    try:
        container.check_payload_hash(opened)  # early; the guarantee is in iter_records
    except container.ContainerError as exc:
        raise refuse(name, "removed" if exc.code == "removed" else "payload_hash") from exc
    return opened, volunteer


def enrolment_secret(db: Database, volunteer_id: str) -> bytes | None:
    """The binding secret of the volunteer's latest enrolment file (None before 0010)."""
    row = db.execute("SELECT secret FROM enrolment_secrets WHERE volunteer_id = ?",
                     [volunteer_id]).fetchone()
    return unb64(row[0]) if row else None


def import_bundle(
    db: Database,
    path: Path,
    *,
    branch_identity: AgeIdentity,
    validate: Validate,
    actor: str,
    progress: Progress | None = None,
    before_merge: Callable[[], None] | None = None,
    decode_items: Callable[[container.OpenedContainer], Generator[Prepared, None, None]] | None = None,
) -> ImportReport:
    """Verify then merge one bundle in one transaction. Raises BundleRejected, Cancelled.

    ``before_merge`` runs once the bundle passed every check before decryption (the
    CLI takes its backup there, so a replay or a refused file costs no backup).

    ``validate(data)`` is the form's validation (a ``Validated``); a registration with an
    error is stored as ``invalid`` for review and reported. ``decode_items(opened)``, when
    given, yields the prepared items instead of this process (``DecoderProcess``: a
    second process decrypts, parses and validates while this one merges).
    """
    name = Path(path).name
    opened, volunteer = open_verified(path, db)
    if before_merge:
        before_merge()
    manifest = opened.manifest
    volunteer_id = manifest["volunteer_id"]
    report = ImportReport(name, manifest["bundle_id"], volunteer_id, seq_from=manifest["seq_from"],
                          seq_to=manifest["seq_to"],
                          device_fingerprint=fingerprint(unb64(manifest["device_public_key"])))
    now = local_now()
    merger = _Merger(db, volunteer_id, manifest["device_public_key"], report, now, name)
    if decode_items is not None:
        items = decode_items(opened)
    else:
        items = decode(opened, branch_identity.identity, validate)
    try:
        with db.atomic():
            with deferred_insert_upkeep(db):
                merge_stream(items, merger, manifest, name, progress)
            report.duplicates = _flag_duplicates(db, merger.touched_niks, manifest["bundle_id"],
                                                 now)
            if not volunteer["device_key"]:
                db.execute(
                    "UPDATE volunteers SET device_key = ?, device_recipient = ?, "
                    "device_bound_at = ? WHERE id = ?",
                    [manifest["device_public_key"], manifest["device_recipient"], now,
                     volunteer_id])
                report.device_bound = True
            report.status = "applied"
            db.execute(
                "INSERT INTO bundles(bundle_id, volunteer_id, device_key, seq_from, seq_to, "
                "file_name, created_at, imported_at, imported_by, report) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [manifest["bundle_id"], volunteer_id, manifest["device_public_key"],
                 manifest["seq_from"], manifest["seq_to"], name, manifest["created_at"], now,
                 actor, json.dumps(report.to_dict(), ensure_ascii=False)])
            # this laptop's changes held without a gap (a bundle that fills a gap also
            # acknowledges the later ones already here)
            acked = acknowledged_through(db, volunteer_id, manifest["device_public_key"])
            db.execute("UPDATE volunteers SET acked_seq = ?, last_bundle_at = ? WHERE id = ?",
                       [acked, now, volunteer_id])
    except container.ContainerError as exc:
        raise refuse(name, exc.code if exc.code in REFUSALS else "payload") from exc
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise refuse(name, "payload") from exc
    finally:
        items.close()  # stops the decryption thread (or leaves the decoder busy: closed)
    return report


def checked_items(items: Iterator[Prepared], manifest: dict[str, Any],
                  name: str) -> Iterator[Prepared]:
    """The prepared items of a payload between its header and its end, the header and the
    end checked against the signed manifest and the records counted against its counts
    (BundleRejected otherwise); the SQLite and the server import read them so."""
    read = dict.fromkeys(COUNTED, 0)
    seen_end = False
    for item in items:
        if seen_end:
            raise refuse(name, "payload")
        if type(item) is Registration:
            read["registrations"] += 1
            yield item
            continue
        if type(item) is tuple:
            read["changes"] += 1
            yield item
            continue
        record = cast("dict[str, Any]", item)
        kind = record.get("t")
        if kind == "header":
            if (record.get("volunteer_id") != manifest["volunteer_id"]
                    or record.get("seq_from") != manifest["seq_from"]
                    or record.get("seq_to") != manifest["seq_to"]):
                raise refuse(name, "payload")
        elif kind in ("attachment", "revision"):
            read[f"{kind}s"] += 1
            yield record
        elif kind == "end":
            if record.get("counts") != manifest["counts"]:
                raise refuse(name, "incomplete")
            seen_end = True
        else:
            raise refuse(name, "payload")
    if not seen_end or read != manifest["counts"]:
        raise refuse(name, "incomplete")


class Merger(Protocol):
    """What takes a checked stream: the SQLite merge here, the server's in server_bundle."""

    def add_registration(self, item: Registration) -> None: ...
    def add_change(self, row: tuple[Any, ...]) -> None: ...
    def add_attachment(self, record: dict[str, Any]) -> None: ...
    def add_revision(self, record: dict[str, Any]) -> None: ...
    def finish(self) -> None: ...


def merge_stream(items: Iterable[Prepared], merger: Merger, manifest: dict[str, Any],
                 name: str, progress: Progress | None) -> None:
    """Hand the checked stream to ``merger``, then finish it."""
    for count, item in enumerate(checked_items(iter(items), manifest, name), 1):
        if progress is not None:
            if count % 200 == 0:
                progress.check()
            if count % 500 == 0:
                progress.report(count)
        if type(item) is Registration:
            merger.add_registration(item)
        elif type(item) is tuple:
            merger.add_change(cast("tuple[str, tuple[Any, ...]]", item)[1])
        elif cast("dict[str, Any]", item)["t"] == "attachment":
            merger.add_attachment(cast("dict[str, Any]", item))
        else:
            merger.add_revision(cast("dict[str, Any]", item))
    merger.finish()

_INSERT = (
    f"INSERT INTO registrations(id, {', '.join(FIELDS)}, status, problems, revision, "
    "change_seq, updated_at, deleted_at, deleted_reason, volunteer_id, created_at, "
    "created_by, branch_state, branch_updated_at) VALUES "
    f"(?, {', '.join('?' for _ in FIELDS)}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    f"UPDATE registrations SET {', '.join(f'{f} = ?' for f in FIELDS)}, status = ?, "
    "problems = ?, revision = ?, change_seq = ?, updated_at = ?, deleted_at = ?, "
    "deleted_reason = ?, volunteer_id = ?, branch_state = ?, branch_reason = NULL, "
    "branch_updated_at = ? WHERE id = ?"
)


class _Merger:
    """Applies prepared records in batches (one statement per table per batch), in stream
    order."""

    BATCH = 500
    MAX_PENDING_BYTES = 16 * 1024**2

    def __init__(self, db: Database, volunteer_id: str, device_key: str, report: ImportReport,
                 now: str, name: str) -> None:
        self.db, self.volunteer_id, self.report = db, volunteer_id, report
        self.device_key = device_key
        self.now, self.name = now, name
        self.registrations: list[Registration] = []
        self.attachments: list[dict[str, Any]] = []
        self.pending_bytes = 0
        self.revisions: list[dict[str, Any]] = []
        self.changes: list[tuple[Any, ...]] = []
        self.touched_niks: set[str] = set()
        self.seen_ids: set[str] = set()
        # registrations of this bundle written so far: their attachments follow them in
        # the stream and may arrive after the batch that wrote them
        self.applied: set[str] = set()

    # -- intake ---------------------------------------------------------------------------
    def add_registration(self, item: Registration) -> None:
        if item.id in self.seen_ids:
            raise refuse(self.name, "payload")  # a registration twice in one bundle
        self.seen_ids.add(item.id)
        # a full batch is written before the next registration, once every attachment
        # of the registrations in it has arrived
        if len(self.registrations) >= self.BATCH or self.pending_bytes > self.MAX_PENDING_BYTES:
            self.flush_registrations()
        self.registrations.append(item)

    def add_attachment(self, record: dict[str, Any]) -> None:
        self.attachments.append(record)
        self.pending_bytes += len(record["data"])
        if self.pending_bytes > self.MAX_PENDING_BYTES:
            self.flush_registrations()

    def add_revision(self, record: dict[str, Any]) -> None:
        self.flush_registrations()
        self.revisions.append(record)
        if len(self.revisions) >= self.BATCH:
            self.flush_revisions()

    def add_change(self, row: tuple[Any, ...]) -> None:
        self.flush_registrations()
        self.flush_revisions()
        self.changes.append(row)
        if len(self.changes) >= self.BATCH:
            self.flush_changes()

    def finish(self) -> None:
        self.flush_registrations()
        self.flush_revisions()
        self.flush_changes()

    # -- batches --------------------------------------------------------------------------
    def _held(self, ids: list[str]) -> dict[str, tuple[Any, ...]]:
        marks = ",".join("?" for _ in ids)
        return {row[0]: row[1:] for row in self.db.execute(
            f"SELECT id, volunteer_id, revision FROM registrations WHERE id IN ({marks})", ids)}

    def flush_registrations(self) -> None:
        if self.registrations:
            self._write_registrations()
        self._write_attachments()

    def _write_registrations(self) -> None:
        held = self._held([r.id for r in self.registrations])
        inserts, states, applied = [], [], self.applied
        report, volunteer_id, now = self.report, self.volunteer_id, self.now
        nik_index = FIELDS.index("nik")
        for item in self.registrations:
            reg_id = item.id
            current = held.get(reg_id)
            if item.volunteer_id != volunteer_id or (
                    current is not None and current[0] != volunteer_id):
                report.rejected.append({"id": reg_id[:40], "reason": "other_volunteer"})
                continue
            if current is not None and current[1] >= item.revision:
                report.unchanged += 1
                continue
            if item.errors:
                report.rejected.append({"id": reg_id, "reason": "invalid", "problems": [
                    {"field": f, "code": c, "message": m} for f, c, m in item.errors]})
            state = "invalid" if item.errors else "received"
            common = (*item.values, item.status, item.problems_json, item.revision,
                      item.change_seq, item.updated_at or now, item.deleted_at,
                      item.deleted_reason, volunteer_id)
            if current is None:
                inserts.append((reg_id, *common, item.created_at or now, volunteer_id,
                                state, now))
                report.new += 1
            else:
                self._keep_current_revision(reg_id)
                self.db.execute(_UPDATE, [*common, state, now, reg_id])
                report.updated += 1
            states.append((reg_id, state, "bundle", "import", now))
            applied.add(reg_id)
            nik = item.values[nik_index]
            if nik and not item.deleted_at:
                self.touched_niks.add(nik)
        conn = self.db.conn
        conn.executemany(_INSERT, inserts)
        conn.executemany("INSERT INTO state_log(registration_id, state, reason, actor, at) "
                         "VALUES (?, ?, ?, ?, ?)", states)
        self.registrations.clear()

    def _write_attachments(self) -> None:
        """The attachments read so far, of registrations this bundle applied (each comes
        after its registration, which is written by now)."""
        rows = []
        for record in self.attachments:
            if record["registration_id"] not in self.applied:
                continue  # belongs to a registration not newer than the one held
            data = unb64(record["data"])
            if hashlib.sha256(data).hexdigest() != record["sha256"]:
                raise refuse(self.name, "payload")
            rows.append((record["registration_id"], str(record["kind"])[:40],
                         str(record["mime"])[:100], record["sha256"], data, self.now))
        self.db.conn.executemany(
            "INSERT OR REPLACE INTO attachments(registration_id, kind, mime, sha256, data, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)", rows)
        self.attachments.clear()
        self.pending_bytes = 0

    def _keep_current_revision(self, reg_id: str) -> None:
        """Copy the revision the branch holds into ``revisions`` before a newer one
        replaces it (the laptop sent it earlier as its current revision, so its bundles
        will not carry it again): every revision stays at the branch."""
        cursor = self.db.execute(
            f"SELECT revision, change_seq, status, updated_at, updated_by, {', '.join(FIELDS)} "
            "FROM registrations WHERE id = ?", [reg_id])
        row = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
        data = decode_row({f: row[f] for f in FIELDS})
        data["attachments"] = dict(self.db.execute(
            "SELECT kind, sha256 FROM attachments WHERE registration_id = ?", [reg_id]))
        self.db.execute(
            "INSERT OR IGNORE INTO revisions(registration_id, revision, change_seq, status, "
            "data, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [reg_id, row["revision"], row["change_seq"], row["status"],
             json.dumps(data, ensure_ascii=False), row["updated_at"], row["updated_by"]])

    def flush_revisions(self) -> None:
        if not self.revisions:
            return
        held = self._held(list({r["registration_id"] for r in self.revisions}))
        rows = [
            (r["registration_id"], int(r["revision"]), int(r["change_seq"]), str(r["status"]),
             json.dumps(r["data"], ensure_ascii=False), str(r["saved_at"]), r.get("saved_by"))
            for r in self.revisions
            if held.get(r["registration_id"], (None,))[0] == self.volunteer_id
        ]
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO revisions(registration_id, revision, change_seq, status, "
            "data, saved_at, saved_by) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        self.revisions.clear()

    def flush_changes(self) -> None:
        if not self.changes:
            return
        rows = [(self.volunteer_id, self.device_key, *row) for row in self.changes]
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO remote_changes(volunteer_id, device_key, seq, "
            "registration_id, revision, action, fields, reason, actor, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.changes.clear()


def _flag_duplicates(db: Database, niks: set[str], bundle_id: str, now: str) -> int:
    found = 0
    pending = sorted(niks)
    for start in range(0, len(pending), 500):
        chunk = pending[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        by_nik: dict[str, list[str]] = {}
        for nik, reg_id in db.execute(
            f"SELECT nik, id FROM registrations WHERE nik IN ({marks}) AND +deleted_at IS NULL "
            "ORDER BY nik, id", chunk):
            by_nik.setdefault(nik, []).append(reg_id)
        for nik, ids in by_nik.items():
            for i, first in enumerate(ids):
                for second in ids[i + 1:]:
                    cursor = db.execute(
                        "INSERT OR IGNORE INTO duplicates(nik, registration_id, other_id, "
                        "found_at, bundle_id) VALUES (?, ?, ?, ?, ?)",
                        [nik, first, second, now, bundle_id])
                    found += cursor.rowcount
    return found
