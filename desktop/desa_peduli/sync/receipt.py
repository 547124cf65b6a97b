"""Receipts: the branch's signed answer to a volunteer, encrypted to that laptop.

A receipt carries the highest contiguous change the branch holds from that volunteer
(the volunteer's export watermark) and, per registration, its state, reason and KPJ
number. It is refused unless it is for this volunteer and device, signed by the
enrolled branch, untampered, and newer than the last receipt applied.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from sqlite_utils import Database

from desa_peduli import __version__
from desa_peduli.errors import BundleRejected
from desa_peduli.storage.high_water import raise_change_seq, raise_revision_floor
from desa_peduli.storage.registrations import local_now
from desa_peduli.sync import container
from desa_peduli.sync.signing import AgeIdentity, SigningKey, age_recipient, b64

HEADER = b"desa-peduli-receipt/1\n"
FORMAT = "desa-peduli-receipt/1"
SUFFIX = ".dpreceipt"
MAX_RECEIPT = 256 * 1024**2
MAX_COUNTER = 2**53  # sequence and revision numbers: far above any real one, below SQLite's
STATES = ("received", "accepted", "correction", "registered", "duplicate", "invalid")
# what each branch state means for the volunteer's own status column
VOLUNTEER_STATUS = {"accepted": "accepted", "correction": "correction",
                    "registered": "registered", "duplicate": "duplicate",
                    "invalid": "correction"}


def receipt_file_name(volunteer_id: str, receipt_seq: int, when: dt.datetime) -> str:
    return f"{volunteer_id}_{when:%Y%m%d-%H%M}_receipt-{receipt_seq:04d}{SUFFIX}"


def write_receipt(db: Database, target: Path, *, volunteer: dict[str, Any], branch_key: SigningKey,
                  branch_name: str, reference: Sequence[dict[str, Any]] = ()) -> tuple[Path, dict[str, Any]]:
    """Write the receipt for one volunteer (a row of ``volunteers``), with the branch's
    reference-data updates (``{"name", "version", "issued_at", "content"}`` each)."""
    now = dt.datetime.now().astimezone()
    receipt_seq = volunteer["receipt_seq"] + 1
    target = Path(target)
    if target.is_dir():
        target = target / receipt_file_name(volunteer["id"], receipt_seq, now)
    counts = {"states": 0, "reference": 0}

    def records() -> Iterator[dict[str, Any]]:
        yield {"t": "header", "volunteer_id": volunteer["id"], "receipt_seq": receipt_seq}
        for reg_id, revision, state, reason, kpj, duplicate_of, at in db.execute(
            "SELECT r.id, r.revision, r.branch_state, r.branch_reason, r.kpj_number, "
            "(SELECT s.duplicate_of FROM state_log s WHERE s.registration_id = r.id "
            " ORDER BY s.id DESC LIMIT 1), r.branch_updated_at FROM registrations r "
            "WHERE r.volunteer_id = ? AND r.branch_state IS NOT NULL ORDER BY r.id",
            [volunteer["id"]]
        ):
            counts["states"] += 1
            yield {"t": "state", "id": reg_id, "revision": revision, "state": state,
                   "reason": reason, "kpj_number": kpj, "duplicate_of": duplicate_of, "at": at}
        for update in reference:
            counts["reference"] += 1
            yield {"t": "reference", **update}
        yield {"t": "end", "counts": dict(counts)}

    manifest = {
        "format": FORMAT, "type": "receipt", "receipt_id": str(uuid.uuid4()),
        "receipt_seq": receipt_seq, "volunteer_id": volunteer["id"],
        "device_public_key": volunteer["device_key"], "acked_seq": volunteer["acked_seq"],
        "branch_name": branch_name, "branch_key": b64(branch_key.public_bytes),
        "created_at": now.isoformat(timespec="seconds"), "app_version": __version__,
    }
    final = container.write_container(
        target, header=HEADER, manifest=manifest, records=records(),
        recipients=[age_recipient(volunteer["device_recipient"])], signing_key=branch_key,
        on_manifest=lambda m: m.update(counts=dict(counts)),
    )
    db.execute("UPDATE volunteers SET receipt_seq = ?, last_receipt_at = ? WHERE id = ?",
               [receipt_seq, local_now(), volunteer["id"]])
    return target, final


RECEIPT_REFUSALS = {
    "not_a_receipt": ("bukan tanda terima Desa Peduli.", "not a Desa Peduli receipt."),
    "structure": ("susunan berkas rusak atau terpotong.", "the file is damaged or cut short."),
    "other_volunteer": ("tanda terima ini untuk relawan lain; tidak ada yang diubah.",
                        "this receipt is for another volunteer; nothing was changed."),
    "other_device": ("tanda terima ini untuk laptop lain; tidak ada yang diubah.",
                     "this receipt is for another laptop; nothing was changed."),
    "signature": ("tanda tangan kantor cabang tidak cocok: berkas rusak atau diubah.",
                  "the branch signature does not match: the file is damaged or was changed."),
    "payload_hash": ("isi tanda terima rusak atau diubah.",
                     "the receipt content is damaged or was changed."),
    "old": ("tanda terima ini sama atau lebih lama daripada yang sudah diterapkan; tidak ada "
            "yang diubah.", "this receipt is the same as or older than one already applied; "
            "nothing was changed."),
    "payload": ("isi tanda terima rusak.", "the receipt content is damaged."),
    "removed": ("flashdisk dicabut atau berkas terpotong saat dibaca; tidak ada yang diubah. "
                "Pasang lagi flashdisk lalu impor ulang.",
                "the drive was removed or the file is cut short while reading; nothing was "
                "changed. Put the drive back and import again."),
}


def refuse(file_name: str, reason: str) -> BundleRejected:
    text_id, text_en = RECEIPT_REFUSALS[reason]
    return BundleRejected(file_name, reason, text_id, text_en)


@dataclass
class ReceiptReport:
    file: str
    receipt_seq: int = 0
    acked_seq: int = 0
    updated: int = 0
    states: dict[str, Any] = field(default_factory=dict)
    reference: list[Any] = field(default_factory=list)  # "rates 2027.1" per update applied

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _counter(value: object) -> TypeGuard[int]:
    """A sequence or revision number as a receipt may carry it."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNTER


def apply_receipt(db: Database, path: Path, *, volunteer_id: str, device_key: SigningKey,
                  device_identity: AgeIdentity, branch_key: bytes, last_receipt_seq: int,
                  on_reference: Callable[[dict[str, Any]], str | None] | None = None,
                  on_applied: Callable[[ReceiptReport], None] | None = None) -> ReceiptReport:
    """Verify and apply a receipt in one transaction (raises BundleRejected).

    ``on_reference(record)`` stores a reference-data update inside that transaction and
    returns a label when it applied one (None when not newer); ValueError refuses all.
    ``on_applied(report)`` runs last inside it (the laptop records the new watermark in
    the same transaction as the states).
    """
    name = Path(path).name
    try:
        opened = container.open_container(path, header=HEADER, max_payload=MAX_RECEIPT)
    except container.ContainerError as exc:
        raise refuse(name, {"not_a_bundle": "not_a_receipt", "removed": "removed"}.get(
            exc.code, "structure")) from exc
    manifest = opened.manifest
    try:
        container.check_signature(opened, branch_key)
    except container.ContainerError as exc:
        raise refuse(name, "signature") from exc
    if manifest.get("format") != FORMAT or manifest.get("type") != "receipt":
        raise refuse(name, "not_a_receipt")
    if manifest.get("volunteer_id") != volunteer_id:
        raise refuse(name, "other_volunteer")
    if manifest.get("device_public_key") != b64(device_key.public_bytes):
        raise refuse(name, "other_device")
    receipt_seq = manifest.get("receipt_seq")
    acked = manifest.get("acked_seq")
    if not _counter(receipt_seq) or not _counter(acked):
        raise refuse(name, "payload")
    if receipt_seq <= last_receipt_seq:
        raise refuse(name, "old")
    try:
        container.check_payload_hash(opened)  # early; the guarantee is in iter_records
    except container.ContainerError as exc:
        raise refuse(name, "removed" if exc.code == "removed" else "payload_hash") from exc
    # the branch's word on what it holds is the newest receipt's, even when lower than
    # before (the branch went back to a backup): the laptop then sends that part again
    report = ReceiptReport(name, receipt_seq, acked)
    now = local_now()
    try:
        with db.atomic():
            seen_end = ended = False
            read = {"states": 0, "reference": 0}
            # consumed to its end: it raises there when the bytes decrypted were not the
            # signed payload, so nothing commits
            for record in container.iter_records(opened, device_identity.identity):
                kind = record.get("t")
                if ended:
                    raise refuse(name, "payload")  # nothing after the end
                if kind == "state":
                    read["states"] += 1
                    _apply_state(db, record, manifest, report, now, acked)
                elif kind == "reference":
                    read["reference"] += 1
                    applied = on_reference(record) if on_reference is not None else None
                    if applied:
                        report.reference.append(applied)
                elif kind == "end":
                    ended = True
                    seen_end = record.get("counts") == manifest.get("counts") == read
                elif kind != "header":
                    raise refuse(name, "payload")
            if not seen_end:
                raise refuse(name, "payload")
            # changes up to ``acked`` exist at the branch: a new change is numbered above
            # them even when this database was put back from a backup
            raise_change_seq(db, acked)
            if on_applied is not None:
                on_applied(report)
    except container.ContainerError as exc:
        raise refuse(name, exc.code if exc.code in ("removed", "payload_hash")
                     else "payload") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise refuse(name, "payload") from exc
    return report


def _apply_state(db: Database, record: dict[str, Any], manifest: dict[str, Any],
                 report: ReceiptReport, now: str, acked: int) -> None:
    state = record["state"]
    if state not in STATES or type(record["id"]) is not str or not all(
            record.get(k) is None or type(record[k]) is str and len(record[k]) <= 2000
            for k in ("reason", "kpj_number", "duplicate_of")):
        raise ValueError("state")
    row = db.execute("SELECT revision, change_seq, status, branch_state, branch_reason, "
                     "kpj_number FROM registrations WHERE id = ?", [record["id"]]).fetchone()
    if row is None:
        return
    revision, change_seq, status, old_state, old_reason, old_kpj = row
    if not _counter(record["revision"]):
        raise ValueError("revision")
    # the branch holds this revision: the next edit here is numbered above it
    raise_revision_floor(db, record["id"], record["revision"])
    reason = record.get("reason")
    kpj = record.get("kpj_number")
    if (state, reason, kpj) == (old_state, old_reason, old_kpj):
        return
    report.states[state] = report.states.get(state, 0) + 1
    report.updated += 1
    # the branch speaks about the revision it holds; a newer local edit not yet
    # acknowledged keeps its own status (it will be sent again)
    new_status = status
    if record["revision"] == revision and change_seq <= acked and state in VOLUNTEER_STATUS:
        new_status = VOLUNTEER_STATUS[state]
    db.execute(
        "UPDATE registrations SET status = ?, branch_state = ?, branch_reason = ?, "
        "kpj_number = ?, branch_updated_at = ? WHERE id = ?",
        [new_status, state, reason, kpj, now, record["id"]])
    db.execute(
        "INSERT INTO branch_events(registration_id, state, reason, kpj_number, duplicate_of, "
        "receipt_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [record["id"], state, reason, kpj, record.get("duplicate_of"),
         manifest["receipt_id"], manifest.get("branch_name"), now])

