"""The branch office: its workspace and keys, enrolment, bundle import, states, receipts."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyrage
from sqlite_utils import Database

from desa_peduli import reference
from desa_peduli.domain.regions import RegionLookup
from desa_peduli.domain.validation import Validated, ValidationContext
from desa_peduli.errors import BundleRejected, InputRejected, NotFound, WrongRole
from desa_peduli.progress import Progress
from desa_peduli.services import reference_data

# the module, not the class: the session may import this service (a cycle by name)
from desa_peduli.services import session as session_module
from desa_peduli.storage import keys as storage_keys
from desa_peduli.storage.acks import acknowledged_through
from desa_peduli.storage.backups import make_backup
from desa_peduli.storage.database import open_database
from desa_peduli.storage.files import atomic_write_bytes
from desa_peduli.storage.registrations import local_now
from desa_peduli.storage.settings import Settings
from desa_peduli.storage.workspace import KEY_DIR, PASSPHRASE_KEY_FILE, Workspace
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import decoder
from desa_peduli.sync import receipt as receipts
from desa_peduli.sync.bundle import DEVICE_REFUSALS as DEVICE_REFUSALS  # re-exported (windows)
from desa_peduli.sync.bundle import ImportReport as ImportReport  # the UI names it
from desa_peduli.sync.container import OpenedContainer
from desa_peduli.sync.enrolment import (
    new_binding_secret,
    sign_enrolment,
    valid_volunteer_id,
    write_enrolment,
)
from desa_peduli.sync.keystore import ensure_keys, load_keys
from desa_peduli.sync.signing import AgeIdentity, SigningKey, age_recipient, b64, fingerprint, unb64

if TYPE_CHECKING:
    from desa_peduli.services.session import Session

ESCROW_FILE = "branch.age"
BRANCH_STATES = ("accepted", "correction", "registered", "duplicate")


def check_state(state: str) -> None:
    """InputRejected unless ``state`` is one a clerk sets (:data:`BRANCH_STATES`)."""
    if state not in BRANCH_STATES:
        raise InputRejected(f"Status tidak dikenal: {state!s:.20}.", f"Unknown state: {state!s:.20}.")


def state_details(state: str, reason: str | None, kpj: str | None) -> tuple[str | None, str | None]:
    """The reason and KPJ number of a state change, cleaned (spaces collapsed), checked
    as both stores require: a ``correction`` needs a reason, ``registered`` a KPJ number
    of 8–16 digits (``"  0001 2345 "`` is refused: spaces inside are not digits)."""
    reason = " ".join((reason or "").split()) or None
    kpj = (kpj or "").strip() or None
    if state == "correction" and not reason:
        raise InputRejected("Tulis alasan perbaikan agar relawan tahu apa yang diperbaiki.",
                            "Give the reason, so the volunteer knows what to fix.")
    if state == "registered" and (not kpj or not kpj.isdigit() or not 8 <= len(kpj) <= 16):
        raise InputRejected("Nomor KPJ wajib: 8–16 angka.",
                            "A KPJ number is required: 8–16 digits.")
    return reason, kpj


class DuplicateOfMissing(InputRejected):
    """A ``duplicate`` state names no other registration that exists (nor itself)."""

    def __init__(self) -> None:
        super().__init__("Sebutkan pendaftaran lain yang sama (--of ID).",
                         "Name the other, identical registration (--of ID).")
# from this many registrations in a bundle a second process decodes it (starting one
# costs ~0.3 s; below this the bundle is decoded faster than that in this process)
DECODER_MIN_RECORDS = 2000
LOOKAHEAD = 4  # files looked at for the next large one (each: its manifest and signature)
IMPORT_CACHE_KB = 128 * 1024  # the page cache while a large import runs (normally 32 MB)


def branch_name_and_province(name: str, province: str,
                             regions: RegionLookup | None = None) -> tuple[str, str]:
    """A new branch's name (spaces collapsed) and province code, checked; InputRejected."""
    name = " ".join((name or "").split())
    if not name:
        raise InputRejected("Nama kantor cabang wajib diisi.", "The branch name is required.")
    region = (regions or reference.regions()).get(province or "")
    if region is None or region.level != "province":
        raise InputRejected(
            f"Kode provinsi tidak dikenal: {province!s:.20}. Contoh: 15 untuk Jambi.",
            f"Unknown province code: {province!s:.20}. Example: 15 for Jambi.")
    return name, region.code


def create_branch(path: Path, *, name: str, province: str, passphrase: str,
                  regions: RegionLookup | None = None) -> Session:
    """A new branch workspace with its age identity and Ed25519 signing key."""
    name, province = branch_name_and_province(name, province, regions)
    ws = Workspace.create(path, role="branch", passphrase=passphrase,
                          settings={"branch_name": name, "province": province})
    db = open_database(ws)
    with db.atomic():
        ensure_keys(db)
    return session_module.Session(ws)


def _large(opened: OpenedContainer) -> bool:
    """Worth a second process: the bundle holds at least DECODER_MIN_RECORDS registrations."""
    counts = opened.manifest.get("counts") or {}
    return isinstance(counts.get("registrations"), int) and (
        counts["registrations"] >= DECODER_MIN_RECORDS)


@dataclass
class BranchService:
    session: Session
    # decoding processes (at most two: one streams the bundle being merged, the other
    # works on the next file meanwhile), started on the first large bundle
    _decoders: list[decoder.DecoderProcess] = field(default_factory=list, init=False,
                                                    repr=False)
    _cache_pages: int = field(default=0, init=False, repr=False)
    # the file queued ahead of its import: path, its process and ticket, manifest, rules
    _prefetched: tuple[Path, decoder.DecoderProcess, object, dict[str, Any],
                       decoder.ValidationSpec] | None = field(default=None, init=False,
                                                              repr=False)

    def __post_init__(self) -> None:
        if self.session.role != "branch":
            raise WrongRole("branch")

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def name(self) -> str:
        return self.session.settings.get("branch_name") or ""

    def keys(self) -> tuple[SigningKey, AgeIdentity]:
        signing, identity = load_keys(self.db)
        if signing is None or identity is None:  # made with the branch's workspace
            raise RuntimeError("the branch's keys are missing")
        return signing, identity

    def fingerprint(self) -> str:
        return fingerprint(self.keys()[0].public_bytes)

    def export_identity(self, target: Path) -> Path:
        """Write the branch's age identity for the standard ``age`` tool (keep it safe:
        it opens every bundle). Used to audit bundles outside this program."""
        _signing, identity = self.keys()
        target = Path(target)
        if target.is_dir():
            target = target / "branch-identity.txt"
        atomic_write_bytes(target, (
            f"# Desa Peduli: age identity of {self.name}\n"
            f"# public key: {identity.recipient}\n{identity.secret}\n").encode(), private=True)
        return target

    # -- volunteers ---------------------------------------------------------------------
    def enrol(self, *, volunteer_id: str, name: str, villages: list[str], target: Path) -> Path:
        """Record the volunteer and write their signed enrolment file, with a new one-time
        secret (kept here, replacing an earlier file's) that lets the laptop holding the
        file bind itself with its first bundle."""
        name = check_enrolment(volunteer_id, name, villages)
        signing, identity = self.keys()
        existing = self.db.execute("SELECT name FROM volunteers WHERE id = ?",
                                   [volunteer_id]).fetchone()
        now = local_now()
        enrolment = enrolment_content(
            volunteer_id=volunteer_id, name=name, villages=villages, branch_name=self.name,
            province=self.session.settings.get("province"), signing=signing,
            identity=identity, now=now)
        secret = enrolment["binding_secret"]
        target = Path(target)
        if target.is_dir():
            target = target / f"enrolment_{volunteer_id}.dpenrol"
        with self.db.atomic():
            if existing is None:
                self.db.execute(
                    "INSERT INTO volunteers(id, name, villages, enrolled_at) VALUES (?, ?, ?, ?)",
                    [volunteer_id, name, json.dumps(list(villages)), now])
            else:
                self.db.execute("UPDATE volunteers SET name = ?, villages = ? WHERE id = ?",
                                [name, json.dumps(list(villages)), volunteer_id])
            # this file's secret replaces the one of any earlier file for this volunteer
            self.db.execute(
                "INSERT OR REPLACE INTO enrolment_secrets(volunteer_id, enrolment_id, secret, "
                "issued_at) VALUES (?, ?, ?, ?)",
                [volunteer_id, enrolment["enrolment_id"], secret, now])
            write_enrolment(target, sign_enrolment(enrolment, signing))
        return target

    def volunteers(self, *, volunteer_id: str | None = None) -> list[dict[str, Any]]:
        """Every enrolled volunteer (or the one ``volunteer_id``) with their device
        fingerprint and counts (kept by triggers, 0006: not deleted, by branch state)."""
        where, params = ("WHERE v.id = ?", [volunteer_id]) if volunteer_id else ("", [])
        cursor = self.db.execute(
            "SELECT v.*, coalesce((SELECT sum(c.n) FROM volunteer_counts c WHERE "
            "c.volunteer_id = v.id AND c.dimension = 'state'), 0) AS registrations, "
            "coalesce((SELECT c.n FROM volunteer_counts c WHERE c.volunteer_id = v.id AND "
            f"c.dimension = 'state' AND c.value = 'correction'), 0) AS open_corrections "
            f"FROM volunteers v {where} ORDER BY v.id", params)
        names = [d[0] for d in cursor.description]
        out = []
        for row in cursor:
            item = dict(zip(names, row, strict=True))
            item["villages"] = json.loads(item["villages"])
            item["device_fingerprint"] = (fingerprint(unb64(item["device_key"]))
                                          if item["device_key"] else None)
            out.append(item)
        return out

    def volunteer(self, volunteer_id: str) -> dict[str, Any]:
        found = self.volunteers(volunteer_id=volunteer_id)
        if not found:
            raise NotFound(f"relawan {volunteer_id}")
        return found[0]

    def approve_device(self, bundle_path: Path, *, shown: str | None = None) -> str:
        """Bind the device that signed ``bundle_path`` (after a laptop was replaced).
        ``shown``: the fingerprint the clerk compared with the volunteer; when the file
        now names another laptop (replaced meanwhile) nothing is bound."""
        manifest = bundles.signed_manifest(Path(bundle_path))
        self.volunteer(manifest["volunteer_id"])
        found = fingerprint(unb64(manifest["device_public_key"]))
        if shown is not None and found != shown:
            name = Path(bundle_path).name
            raise InputRejected(
                f"{name} sekarang ditandatangani laptop dengan kode pencocokan {found}, bukan "
                f"{shown} yang dicocokkan. Tidak ada yang disetujui; periksa berkasnya.",
                f"{name} is now signed by the laptop with matching code {found}, not the "
                f"{shown} that was compared. Nothing was approved; check the file.")
        with self.db.atomic():
            bind_device(self.session, manifest["volunteer_id"], manifest["device_public_key"],
                        manifest["device_recipient"])
        return found

    # -- bundles ------------------------------------------------------------------------
    def import_bundle(self, path: Path, *, progress: Progress | None = None,
                      before_merge: Callable[[], None] | None = None,
                      upcoming: Sequence[Path] = ()) -> bundles.ImportReport:
        """Import one bundle. A large one is decrypted, parsed and validated by a second
        process (started once, kept for the next bundles: :meth:`close`).

        ``upcoming``: the files the caller imports next, in order. The next large one is
        decoded by a second process while this one is merged (two cores at work); its
        own import verifies everything again and uses that work only when it is the same
        file, signed the same, validated with the same rules."""
        _signing, identity = self.keys()
        service = self.session.registrations

        def validate(data: dict[str, Any]) -> Validated:
            return service.validate(data, require_signature_image=False, check_duplicates=False)

        def decode_items(
                opened: OpenedContainer) -> Generator[decoder.Prepared, None, None]:
            spec = self._validation_spec()
            if not _large(opened):
                items = decoder.decode(opened, identity.identity, validate)
                process = None
            else:
                queued = self._take_prefetched(Path(path), opened, spec)
                process, ticket = queued or (self._idle_decoder(), None)
                if ticket is None:
                    ticket = process.submit(opened, identity.secret, spec)
                items = process.stream(ticket, opened)
            if upcoming:
                self._prefetch([Path(p) for p in upcoming[:LOOKAHEAD]], identity.secret, spec,
                               busy=process)
            return items

        try:
            return bundles.import_bundle(
                self.db, Path(path), branch_identity=identity, validate=validate,
                actor=self.session.actor, progress=progress,
                before_merge=before_merge, decode_items=decode_items)
        finally:
            for process in [p for p in self._decoders if not p.alive]:
                self._drop(process)  # stopped half-way (refused, cancelled): start afresh

    def _idle_decoder(self, busy: decoder.DecoderProcess | None = None
                      ) -> decoder.DecoderProcess:
        """A decoding process with nothing queued, started if need be; never ``busy`` (it
        streams the bundle being merged) nor the one holding the queued file."""
        queued = self._prefetched[1] if self._prefetched is not None else None
        for process in self._decoders:
            if process is not busy and process is not queued and process.idle:
                return process
        for process in [p for p in self._decoders if p is not busy and p is not queued]:
            self._drop(process)  # results nobody will read
        if not self._decoders:
            # a large import inserts into a dozen indexes at random places: a bigger page
            # cache spares re-reading (and decrypting) their pages; back to normal at close
            self._cache_pages = self.db.execute("PRAGMA cache_size").fetchone()[0]
            self.db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KB}")
        process = decoder.DecoderProcess()
        self._decoders.append(process)
        return process

    def _drop(self, process: decoder.DecoderProcess) -> None:
        process.close()
        self._decoders.remove(process)
        if self._prefetched is not None and self._prefetched[1] is process:
            self._prefetched = None

    def _prefetch(self, paths: list[Path], secret: str, spec: decoder.ValidationSpec, *,
                  busy: decoder.DecoderProcess | None) -> None:
        """Queue the first large file of ``paths`` that passes the checks before decryption
        (its own import checks again) in a second decoding process."""
        if self._prefetched is not None:
            if self._prefetched[0] in paths:
                return  # queued already
            self._drop(self._prefetched[1])  # the caller changed its plan
        for path in paths:
            try:  # the checks of its own import (read only): a refused file is not queued
                opened, _volunteer = bundles.open_verified(path, self.db)
            except BundleRejected:
                continue
            if _large(opened):
                process = self._idle_decoder(busy)
                self._prefetched = (path, process, process.submit(opened, secret, spec),
                                    opened.manifest, spec)
                return

    def _take_prefetched(self, path: Path, opened: OpenedContainer,
                         spec: decoder.ValidationSpec
                         ) -> tuple[decoder.DecoderProcess, object] | None:
        """The queued work for this bundle: queued for the same file, manifest and rules
        (work queued for the same file otherwise, or in a process that died, is dropped;
        work for a later file is kept)."""
        if self._prefetched is None or self._prefetched[0] != path:
            return None
        queued_path, process, ticket, manifest, queued_spec = self._prefetched
        self._prefetched = None
        if manifest != opened.manifest or queued_spec != spec or not process.alive:
            self._drop(process)
            return None
        return process, ticket

    def _validation_spec(self) -> decoder.ValidationSpec:
        return validation_spec(self.session.registrations.context(require_signature_image=False))

    def close(self) -> None:
        """Stop the decoding processes, if any was started."""
        if self._decoders:
            for process in list(self._decoders):
                self._drop(process)
            self.db.execute(f"PRAGMA cache_size = {int(self._cache_pages)}")

    def import_history(self, limit: int = 500) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT bundle_id, volunteer_id, seq_from, seq_to, file_name, created_at, "
            "imported_at, imported_by, report FROM bundles ORDER BY imported_at DESC LIMIT ?",
            [limit]).fetchall()
        keys = ("bundle_id", "volunteer_id", "seq_from", "seq_to", "file_name", "created_at",
                "imported_at", "imported_by", "report")
        return [{**dict(zip(keys, r, strict=True)), "report": json.loads(r[-1])} for r in rows]

    # -- states -------------------------------------------------------------------------
    def set_state(self, reg_id: str, state: str, *, reason: str | None = None,
                  kpj: str | None = None, duplicate_of: str | None = None) -> None:
        check_state(state)
        row = self.db.execute("SELECT id FROM registrations WHERE id = ?", [reg_id]).fetchone()
        if row is None:
            raise NotFound(f"pendaftaran {reg_id}")
        reason, kpj = state_details(state, reason, kpj)
        if state == "duplicate":
            if not duplicate_of or duplicate_of == reg_id or self.db.execute(
                    "SELECT 1 FROM registrations WHERE id = ?", [duplicate_of]).fetchone() is None:
                raise DuplicateOfMissing()
        now = local_now()
        with self.db.atomic():
            self.db.execute(
                "UPDATE registrations SET branch_state = ?, branch_reason = ?, kpj_number = ?, "
                "branch_updated_at = ? WHERE id = ?",
                [state, reason, kpj if state == "registered" else None, now, reg_id])
            self.db.execute(
                "INSERT INTO state_log(registration_id, state, reason, kpj_number, duplicate_of, "
                "actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [reg_id, state, reason, kpj, duplicate_of, self.session.actor, now])
            if state == "duplicate":
                self.db.execute(
                    "UPDATE duplicates SET resolved_at = ?, resolution = ?, resolved_by = ? "
                    "WHERE resolved_at IS NULL AND ((registration_id = ? AND other_id = ?) OR "
                    "(registration_id = ? AND other_id = ?))",
                    [now, f"kept:{duplicate_of}", self.session.actor, reg_id, duplicate_of,
                     duplicate_of, reg_id])

    def duplicates(self, *, open_only: bool = True) -> list[dict[str, Any]]:
        where = "WHERE resolved_at IS NULL" if open_only else ""
        cursor = self.db.execute(f"SELECT * FROM duplicates {where} ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    # -- receipts -----------------------------------------------------------------------
    def receipt(self, volunteer_id: str, target: Path) -> Path:
        volunteer = self.volunteer(volunteer_id)
        if not volunteer["device_key"]:
            raise InputRejected(
                "Belum ada bundel dari relawan ini yang diterima, jadi laptopnya belum dikenal; "
                "tanda terima baru bisa dibuat setelah bundel pertamanya diimpor (atau "
                "laptopnya disetujui, bila menunggu persetujuan).",
                "No bundle from this volunteer was accepted yet, so their laptop is unknown; "
                "a receipt can be made after their first bundle is imported (or their laptop "
                "approved, if it awaits approval).")
        signing, _identity = self.keys()
        with self.db.atomic():
            path, _manifest = receipts.write_receipt(
                self.db, Path(target), volunteer=volunteer, branch_key=signing,
                branch_name=self.name, reference=reference_data.for_receipt(self.session))
        return path

    # -- recovery -----------------------------------------------------------------------
    def recover_workspace(self, volunteer_dir: Path, new_passphrase: str) -> str:
        """Give a volunteer workspace whose passphrase was forgotten a new passphrase."""
        volunteer_dir = Path(volunteer_dir)
        storage_keys.check_passphrase(new_passphrase)
        escrow = volunteer_dir / KEY_DIR / ESCROW_FILE
        try:
            wrapped = escrow.read_bytes()
        except OSError as exc:
            raise InputRejected(
                f"Tidak ada kunci titipan di {volunteer_dir}: laptop ini belum pernah "
                "terhubung dengan kantor cabang.",
                f"No escrowed key in {volunteer_dir}: this laptop was never enrolled with a "
                "branch.") from exc
        _signing, identity = self.keys()
        try:
            key = pyrage.decrypt(wrapped, [identity.identity])
        except pyrage.DecryptError as exc:
            raise InputRejected(
                "Kunci titipan ini bukan untuk kantor cabang ini.",
                "This escrowed key is not for this branch office.") from exc
        ws = Workspace.open_with_key(volunteer_dir, key)  # proves the key opens the database
        try:
            make_backup(ws, reason="pre-recovery")
            storage_keys.write_wrapped(volunteer_dir / KEY_DIR / PASSPHRASE_KEY_FILE,
                                       storage_keys.wrap_with_passphrase(key, new_passphrase))
            volunteer_id: str = Settings(open_database(ws)).get("volunteer_id") or ""
            return volunteer_id
        finally:
            ws.close()


def validation_spec(context: ValidationContext) -> decoder.ValidationSpec:
    """What a decoding process needs to validate with ``context`` (picklable)."""
    return decoder.ValidationSpec(
        {f.name: getattr(context, f.name) for f in dataclasses.fields(context)
         if f.name != "regions"}, reference.active())


def check_enrolment(volunteer_id: str, name: str, villages: list[str]) -> str:
    """The volunteer's name (spaces collapsed) once the id, name and villages of an
    enrolment are checked; InputRejected."""
    if not valid_volunteer_id(volunteer_id):
        raise InputRejected(
            "ID relawan hanya boleh huruf, angka, titik, garis bawah atau tanda hubung "
            "(maks. 40), mis. RLW-0001.",
            "A volunteer id may only hold letters, digits, dots, underscores or hyphens "
            "(max 40), e.g. RLW-0001.")
    name = " ".join((name or "").split())
    if not name:
        raise InputRejected("Nama relawan wajib diisi.", "The volunteer's name is required.")
    for code in villages:
        region = reference.regions().get(code)
        if region is None or region.level != "village":
            raise InputRejected(f"Kode desa tidak dikenal: {code!s:.20}.",
                                f"Unknown village code: {code!s:.20}.")
    return name


def enrolment_content(*, volunteer_id: str, name: str, villages: list[str], branch_name: str,
                      province: str | None, signing: SigningKey, identity: AgeIdentity,
                      now: str) -> dict[str, Any]:
    """An enrolment file's content (before signing), with a new one-time binding secret."""
    return {
        "enrolment_id": f"{volunteer_id}:{now}",
        "volunteer_id": volunteer_id, "volunteer_name": name, "villages": list(villages),
        "branch": {"name": branch_name, "province": province,
                   "signing_key": b64(signing.public_bytes), "recipient": identity.recipient},
        "rate_table_version": reference.rate_table().version, "issued_at": now,
        "binding_secret": b64(new_binding_secret()),
    }


def bind_device(session: Session, volunteer_id: str, key: str, recipient: str) -> None:
    """Bind a volunteer's laptop. Each laptop's workspace counts its changes from 1, so
    what the branch acknowledges is that laptop's own (0 for a new one; for one bound
    before, what its bundles brought): else the first receipt would tell a new laptop
    that its unsent changes had arrived. A laptop bound to another volunteer is refused
    (InputRejected): its holder would file and read receipts in two names."""
    db = session.db
    other = db.execute("SELECT id FROM volunteers WHERE device_key = ? AND id != ?",
                       [key, volunteer_id]).fetchone()
    if other is not None:  # a workspace (and its keys) belongs to one volunteer
        shown = fingerprint(unb64(key))
        raise InputRejected(
            f"Laptop dengan kode pencocokan {shown} sudah terikat pada relawan {other[0]}; satu "
            f"laptop hanya untuk satu relawan. Laptop ini tidak disetujui untuk "
            f"{volunteer_id} dan tidak ada yang diubah.",
            f"The laptop with matching code {shown} is already bound to volunteer {other[0]}; "
            f"a laptop serves one volunteer. It was not approved for {volunteer_id} and "
            "nothing was changed.")
    db.execute(
        "UPDATE volunteers SET acked_seq = ?, device_key = ?, device_recipient = ?, "
        "device_bound_at = ?, pending_device_key = NULL, pending_device_recipient = NULL, "
        "pending_since = NULL WHERE id = ?",
        [acknowledged_through(db, volunteer_id, key), key, recipient, local_now(),
         volunteer_id])


def escrow_key(workspace: Workspace, recipient: str) -> None:
    """Wrap the volunteer's database key to the branch (a second, independent wrap)."""
    wrapped = pyrage.encrypt(workspace.key, [age_recipient(recipient)], armored=True)
    atomic_write_bytes(workspace.path / KEY_DIR / ESCROW_FILE, wrapped, private=True)

