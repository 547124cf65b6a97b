"""The breach report: whose data a lost laptop or USB stick could hold (UU 27/2022).

A personal-data breach must be reported to the people affected within 3×24 hours, so the
branch must be able to say exactly whose data went missing. Two cases:

**A volunteer's laptop** (one device: the volunteer's current laptop, or an earlier one
by its fingerprint). It holds everything it ever sent the branch: every registration
named by a change in a bundle that device signed (``bundles`` + ``remote_changes``),
and every registration those bundles brought in (``state_log``). A soft-deleted one is
still on the laptop, so it is listed. What the volunteer may have removed with "purge"
(registered and acknowledged in a receipt the branch wrote before the loss) is listed
too, marked ``possibly purged``: the branch cannot know whether the volunteer ran purge
(which removes the data from the laptop's backups too). Registrations begun on
the laptop but never sent (drafts whose changes a bundle carried without their content)
are counted, not listed: the branch holds no data about them. Anything made after the
last bundle is unknown to the branch: ask the volunteer.

**A USB stick** holding bundles (by file, or by bundle id / file name from the import
history). Given the file, the report reads it (the branch's key opens it) and lists
exactly the registrations in it, even ones never imported. Given an id, it lists the
registrations whose changes the bundle carried (``remote_changes`` within its sequence
range), less those the branch first received later (drafts at the time of the export,
whose content was not in the bundle).

The report lists name, NIK, desa, phone and more per person, and a summary (counts,
time range, data categories, protection, the 72-hour deadline). **The NIK is masked by
default** (``150405******0001``): the notice to each person needs their name, desa and
phone, not their NIK, and this file leaves the encrypted database as clear text, while
a NIK with a name and birth date is exactly what online-loan fraud abuses. The branch
head asks for full NIKs (``full_nik=True``) only when a recipient needs them (e.g. BPJS
Ketenagakerjaan's head office matching its own records); the file is then as sensitive
as the database itself. Files are created readable by their owner only (0600).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desa_peduli.errors import InputRejected, NotFound
from desa_peduli.progress import Progress, check
from desa_peduli.progress import report as report_progress
from desa_peduli.services.handover import _Values, format_of
from desa_peduli.services.spreadsheet import append, write_csv, write_only_workbook
from desa_peduli.storage.files import atomic_write_bytes
from desa_peduli.storage.registrations import local_now
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import container
from desa_peduli.sync.signing import AgeIdentity, fingerprint, unb64

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

NOTICE_HOURS = 72  # 3 × 24 hours (UU 27/2022 art. 46)
FORMATS = ("xlsx", "csv")
CHUNK = 500
PERSON_COLUMNS = ("nik", "full_name", "birth_place", "birth_date", "sex", "phone", "email",
                  "village_code", "rt", "rw", "street", "occupation", "work_location",
                  "declared_income", "programs", "payment_months", "funding_source", "heirs",
                  "consent")
# (key, Indonesian, English, registration fields that hold it)
CATEGORIES = (
    ("nik", "NIK", "NIK (national identity number)", ("nik",)),
    ("name", "Nama lengkap", "Full name", ("full_name",)),
    ("birth", "Tempat dan tanggal lahir", "Place and date of birth",
     ("birth_place", "birth_date")),
    ("sex", "Jenis kelamin", "Sex", ("sex",)),
    ("phone", "Nomor HP", "Phone number", ("phone",)),
    ("email", "Surel", "E-mail", ("email",)),
    ("address", "Alamat (desa, RT/RW, jalan)", "Address (village, RT/RW, street)",
     ("village_code", "rt", "rw", "street")),
    ("work", "Pekerjaan dan lokasi kerja", "Occupation and work location",
     ("occupation", "work_location")),
    ("income", "Penghasilan", "Income", ("declared_income",)),
    ("programs", "Program, periode bayar dan sumber dana", "Programmes, payment period and "
     "funding source", ("programs", "payment_months", "funding_source")),
    ("heirs", "Ahli waris (nama, hubungan, HP)", "Heirs (name, relationship, phone)",
     ("heirs",)),
    ("consent", "Catatan persetujuan", "Consent record", ("consent",)),
    ("signature", "Gambar tanda tangan", "Signature image", ()),
    ("ktp_photo", "Foto KTP", "KTP photo", ()),
)
HEADERS = {
    "id": ("registration_id", "no", "nama_lengkap", "nik", "desa_kelurahan", "kecamatan",
           "kabupaten_kota", "kode_desa", "nomor_hp", "jumlah_ahli_waris", "relawan",
           "status_cabang", "mungkin_sudah_dihapus", "dihapus_relawan", "pertama_diterima",
           "terakhir_diubah"),
    "en": ("registration_id", "no", "full_name", "nik", "village", "district", "regency",
           "village_code", "phone", "heirs", "volunteer", "branch_state", "possibly_purged",
           "deleted_by_volunteer", "first_received", "last_changed"),
}


def mask_nik(nik: str | None) -> str:
    """``1504054203880001`` → ``150405******0001`` (region and serial stay readable)."""
    if not nik:
        return ""
    nik = str(nik)
    if len(nik) <= 10:
        return "*" * len(nik)
    return nik[:6] + "*" * (len(nik) - 10) + nik[-4:]


# ----------------------------------------------------------------------------- scope
@dataclass
class BreachScope:
    """What was lost, and the registrations whose data it could hold."""

    kind: str  # "device" or "bundles"
    volunteer_ids: list[str]
    description_id: str
    description_en: str
    registration_ids: list[str] = field(default_factory=list)  # held by the branch
    file_records: dict[str, dict[str, Any]] = field(default_factory=dict)  # read from a bundle file,
    # for registrations the branch does not hold
    never_sent: int = 0  # device: begun on the laptop, content never sent
    bundles: list[dict[str, Any]] = field(default_factory=list)
    device: dict[str, Any] | None = None
    purge_cutoff: str | None = None  # device: registered at or before its last receipt

    @property
    def people(self) -> int:
        return len(self.registration_ids) + len(self.file_records)


def _rows(db: Database, sql: str, params: Iterable[object] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _volunteer(db: Database, volunteer_id: str) -> dict[str, Any]:
    rows = _rows(db, "SELECT * FROM volunteers WHERE id = ?", [volunteer_id])
    if not rows:
        raise NotFound(f"relawan {volunteer_id}")
    return rows[0]


def devices(session: Session, volunteer_id: str) -> list[dict[str, Any]]:
    """The laptops a volunteer used: fingerprint, bundles, first and last, current or not."""
    db = session.db
    volunteer = _volunteer(db, volunteer_id)
    found = _rows(db, "SELECT device_key, count(*) AS bundles, min(created_at) AS first_bundle, "
                  "max(created_at) AS last_bundle FROM bundles WHERE volunteer_id = ? "
                  "GROUP BY device_key ORDER BY min(rowid)", [volunteer_id])
    keys = [d["device_key"] for d in found]
    if volunteer["device_key"] and volunteer["device_key"] not in keys:
        found.append({"device_key": volunteer["device_key"], "bundles": 0,
                      "first_bundle": None, "last_bundle": None})
    for item in found:
        item["fingerprint"] = fingerprint(unb64(item["device_key"]))
        item["current"] = item["device_key"] == volunteer["device_key"]
    return found


def device_scope(session: Session, volunteer_id: str, device: str | None = None) -> BreachScope:
    """Everything the volunteer's laptop (current, or ``device`` by fingerprint) sent."""
    db = session.db
    volunteer = _volunteer(db, volunteer_id)
    known = devices(session, volunteer_id)
    chosen: dict[str, Any] | None
    if device:
        wanted = device.replace(" ", "").upper()
        matches = [d for d in known if d["fingerprint"].replace(" ", "").startswith(wanted)]
        if len(matches) != 1:
            shown = ", ".join(d["fingerprint"] for d in known) or "-"
            raise InputRejected(
                f"Laptop dengan kode pencocokan {device!s:.30} tidak dikenal untuk relawan "
                f"{volunteer_id} (yang dikenal: {shown}).",
                f"No laptop with matching code {device!s:.30} for volunteer {volunteer_id} "
                f"(known: {shown}).")
        chosen = matches[0]
    else:
        chosen = next((d for d in known if d["current"]), None)
    name = volunteer["name"]
    if chosen is None:  # never sent a bundle: the branch knows nothing it holds
        return BreachScope(
            "device", [volunteer_id],
            f"Laptop relawan {volunteer_id} ({name}); belum pernah mengirim bundel",
            f"Laptop of volunteer {volunteer_id} ({name}); it never sent a bundle")
    key = chosen["device_key"]
    bundles = _rows(db, "SELECT bundle_id, file_name, created_at, imported_at, seq_from, "
                    "seq_to, volunteer_id, device_key FROM bundles WHERE volunteer_id = ? "
                    "AND device_key = ? ORDER BY rowid", [volunteer_id, key])
    ids: set[str] = set()
    history = _History(db, volunteer_id)
    for bundle in bundles:
        ids |= _carried(db, bundle, history)
    held = _held(db, ids, volunteer_id)
    scope = BreachScope(
        "device", [volunteer_id],
        f"Laptop relawan {volunteer_id} ({name}), kode pencocokan {chosen['fingerprint']}",
        f"Laptop of volunteer {volunteer_id} ({name}), fingerprint {chosen['fingerprint']}",
        registration_ids=held, never_sent=len(ids) - len(held), bundles=bundles,
        device={"fingerprint": chosen["fingerprint"], "current": chosen["current"],
                "bound_at": volunteer["device_bound_at"] if chosen["current"] else None,
                "last_bundle_at": bundles[-1]["imported_at"] if bundles else None,
                "last_receipt_at": volunteer["last_receipt_at"]},
        purge_cutoff=volunteer["last_receipt_at"])
    return scope


class _History:
    """Which registrations each of a volunteer's bundles applied, from ``state_log``.

    An import writes one ``state_log`` row per registration applied (reason ``bundle``,
    at its ``imported_at``) in one transaction, so the volunteer's bundles imported in
    the same second own consecutive blocks of those rows, in import order, each as long
    as its report's new + updated. Read once per volunteer through the indexes (the
    volunteer's registrations, then their log rows), never by scanning the whole log.
    """

    def __init__(self, db: Database, volunteer_id: str):
        rows = db.execute(
            "SELECT s.id, s.registration_id, s.at FROM state_log s WHERE s.registration_id IN "
            "(SELECT id FROM registrations WHERE volunteer_id = ?) AND s.reason = 'bundle' "
            "ORDER BY s.id", [volunteer_id]).fetchall()
        by_at: dict[str, list[tuple[int, str]]] = {}
        for row_id, reg_id, at in rows:
            by_at.setdefault(at, []).append((row_id, reg_id))
        self.applied: dict[str, tuple[set[str], int]] = {}
        bundles = db.execute("SELECT bundle_id, imported_at, report FROM bundles WHERE "
                             "volunteer_id = ? ORDER BY rowid", [volunteer_id]).fetchall()
        same_second: dict[str, list[tuple[str, int]]] = {}
        for bundle_id, at, report in bundles:
            same_second.setdefault(at, []).append((bundle_id, _applied_count(report)))
        for at, items in same_second.items():
            block_rows = by_at.get(at, [])
            before = max((r[0] for r in rows if r[2] < at), default=0)
            sizes = [size for _b, size in items]
            if -1 in sizes or sum(sizes) != len(block_rows):  # cannot split: all of them
                every = {r[1] for r in block_rows}
                last = block_rows[-1][0] if block_rows else before
                for bundle_id, _size in items:
                    self.applied[bundle_id] = (every, last)
                continue
            start = 0
            for bundle_id, size in items:
                block = block_rows[start:start + size]
                last = block[-1][0] if block else (block_rows[start - 1][0] if start else before)
                self.applied[bundle_id] = ({r[1] for r in block}, last)
                start += size

    def of(self, bundle_id: str) -> tuple[set[str], int]:
        return self.applied.get(bundle_id, (set(), 0))


def _applied_count(report: str | None) -> int:
    if report is None:
        return -1
    try:
        found = json.loads(report)
        return int(found.get("new", 0)) + int(found.get("updated", 0))
    except (TypeError, ValueError, AttributeError):
        return -1


def _carried(db: Database, bundle: dict[str, Any], history: _History, *,
             content_only: bool = False) -> set[str]:
    """Registrations a bundle of the history carried: brought in by its import, or named
    by one of its changes (``remote_changes`` within its numbers). ``content_only``: of
    the latter only those the branch held by the end of that import (the others were
    drafts at the export: their changes travelled, their content did not)."""
    applied, last_id = history.of(bundle["bundle_id"])
    sql = ("SELECT DISTINCT c.registration_id FROM remote_changes c WHERE c.volunteer_id = ? "
           "AND c.device_key = ? AND c.seq BETWEEN ? AND ?")
    params = [bundle["volunteer_id"], bundle["device_key"], bundle["seq_from"],
              bundle["seq_to"]]
    if content_only:
        sql += (" AND (SELECT min(s.id) FROM state_log s WHERE s.registration_id = "
                "c.registration_id AND s.reason = 'bundle') <= ?")
        params.append(last_id)
    return applied | {row[0] for row in db.execute(sql, params)}


def _held(db: Database, ids: Iterable[str], volunteer_id: str | None = None) -> list[str]:
    """Those of ``ids`` the branch holds (of ``volunteer_id``), oldest first."""
    ordered = sorted(ids)
    out: list[tuple[int, str]] = []
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        marks = ",".join("?" for _ in chunk)
        sql = f"SELECT pk, id FROM registrations WHERE id IN ({marks})"
        params = list(chunk)
        if volunteer_id:
            sql += " AND volunteer_id = ?"
            params.append(volunteer_id)
        out += db.execute(sql, params).fetchall()
    return [reg_id for _pk, reg_id in sorted(out)]


def bundle_scope(session: Session, refs: list[str], *,
                 identity: AgeIdentity | None = None) -> BreachScope:
    """The registrations on a USB stick: bundle files (read with the branch's age
    ``identity``) or bundle ids / file names from the import history."""
    db = session.db
    if not refs:
        raise InputRejected("Sebutkan paling sedikit satu bundel.", "Name at least one bundle.")
    held: set[str] = set()
    file_records: dict[str, dict[str, Any]] = {}
    bundles: list[dict[str, Any]] = []
    volunteers: list[str] = []
    for ref in refs:
        path = Path(ref)
        if path.is_file():
            info, ids, records = _read_bundle_file(db, path, identity)
        else:
            info, ids = _bundle_from_history(db, str(ref))
            records = {}
        # a change record may name another volunteer's registration: only the sender's
        # count (and those the branch does not hold, read from the file itself)
        anywhere = set(_held(db, ids))
        ids = set(_held(db, ids, info["volunteer_id"])) | (set(ids) - anywhere)
        bundles.append(info)
        if info["volunteer_id"] not in volunteers:
            volunteers.append(info["volunteer_id"])
        held |= ids
        for reg_id, record in records.items():
            file_records.setdefault(reg_id, record)
    ordered = _held(db, held)
    for reg_id in ordered:
        file_records.pop(reg_id, None)
    names = ", ".join(b["file_name"] or b["bundle_id"] for b in bundles)
    return BreachScope(
        "bundles", volunteers, f"Flashdisk dengan bundel {names}",
        f"USB stick with bundles {names}", registration_ids=ordered,
        file_records=file_records, bundles=bundles)


def _bundle_from_history(db: Database, ref: str) -> tuple[dict[str, Any], set[str]]:
    rows = _rows(db, "SELECT bundle_id, file_name, created_at, imported_at, seq_from, seq_to, "
                 "volunteer_id, device_key FROM bundles WHERE bundle_id = ? OR file_name = ? "
                 "ORDER BY imported_at", [ref, Path(ref).name])
    if not rows:
        raise InputRejected(
            f"Bundel tidak ditemukan: {ref!s:.80}. Sebutkan berkasnya, atau ID/nama berkas "
            "dari riwayat impor.", f"Bundle not found: {ref!s:.80}. Give the file, or an id "
            "or file name from the import history.")
    if len(rows) > 1:
        raise InputRejected(
            f"Beberapa bundel bernama {ref!s:.80}; sebutkan ID bundelnya.",
            f"Several bundles are named {ref!s:.80}; give the bundle id.")
    info = rows[0]
    return info, _carried(db, info, _History(db, info["volunteer_id"]), content_only=True)


def _read_bundle_file(
    db: Database, path: Path, identity: AgeIdentity | None,
) -> tuple[dict[str, Any], set[str], dict[str, dict[str, Any]]]:
    """The registrations inside a bundle file (its content, not the import history)."""
    name = path.name
    try:
        opened = container.open_container(path, header=bundles.HEADER,
                                          max_payload=bundles.MAX_BUNDLE)
        bundles.check_manifest_shape(opened.manifest, name)
        container.check_signature(opened, unb64(opened.manifest["device_public_key"]))
        container.check_payload_hash(opened)
    except (container.ContainerError, ValueError) as exc:
        code = getattr(exc, "code", "structure")
        raise bundles.refuse(name, code if code in bundles.REFUSALS else "structure") from exc
    manifest = opened.manifest
    info = {"bundle_id": manifest["bundle_id"], "file_name": name,
            "created_at": manifest["created_at"], "imported_at": None,
            "seq_from": manifest["seq_from"], "seq_to": manifest["seq_to"],
            "volunteer_id": manifest["volunteer_id"]}
    row = db.execute("SELECT imported_at FROM bundles WHERE bundle_id = ?",
                     [manifest["bundle_id"]]).fetchone()
    if row:
        info["imported_at"] = row[0]
    if identity is None:
        raise bundles.refuse(name, "decrypt")
    ids: set[str] = set()
    records: dict[str, dict[str, Any]] = {}
    try:
        for record in container.iter_records(
                opened, identity.identity, max_line=bundles.MAX_RECORD,
                max_small_line=bundles.MAX_SMALL_RECORD, large_kinds=("attachment",)):
            kind = record.get("t")
            if kind == "registration":
                reg_id = str(record.get("id"))
                ids.add(reg_id)
                records[reg_id] = _file_person(record, manifest["volunteer_id"])
            elif kind == "revision":
                reg_id = str(record.get("registration_id"))
                ids.add(reg_id)
                if reg_id not in records:
                    records[reg_id] = _file_person(
                        {"id": reg_id, "data": record.get("data") or {},
                         "updated_at": record.get("saved_at")}, manifest["volunteer_id"])
    except container.ContainerError as exc:
        raise bundles.refuse(name, exc.code if exc.code in ("decrypt", "removed", "payload_hash")
                             else "payload") from exc
    return info, ids, records


def _file_person(record: dict[str, Any], volunteer_id: str) -> dict[str, Any]:
    data = record.get("data")
    if not isinstance(data, dict):
        data = {}
    person = {k: data.get(k) for k in PERSON_COLUMNS}
    for key in ("heirs", "consent", "programs"):
        if person[key] is not None and not isinstance(person[key], str):
            person[key] = json.dumps(person[key], ensure_ascii=False)
    attachments = record.get("attachments")
    if not isinstance(attachments, dict):
        attachments = {}
    person.update(id=record.get("id"), volunteer_id=volunteer_id, branch_state=None,
                  deleted_at=record.get("deleted_at"), created_at=record.get("created_at"),
                  updated_at=record.get("updated_at"), first_received=None,
                  attachments=sorted(attachments), registered_at=None)
    return person


# ----------------------------------------------------------------------------- people
def iter_people(session: Session, scope: BreachScope) -> Iterator[dict[str, Any]]:
    """One dict per person, held registrations first (oldest first), then file-only ones."""
    db = session.db
    columns = ", ".join(f"r.{c}" for c in PERSON_COLUMNS)
    for start in range(0, len(scope.registration_ids), CHUNK):
        chunk = scope.registration_ids[start:start + CHUNK]
        marks = ",".join("?" for _ in chunk)
        rows = {r["id"]: r for r in _rows(
            db, f"SELECT r.id, {columns}, r.volunteer_id, r.branch_state, r.deleted_at, "
            "r.created_at, r.updated_at, "
            "(SELECT min(s.at) FROM state_log s WHERE s.registration_id = r.id "
            " AND s.reason = 'bundle') AS first_received, "
            "(SELECT min(s.at) FROM state_log s WHERE s.registration_id = r.id "
            " AND s.state = 'registered') AS registered_at "
            f"FROM registrations r WHERE r.id IN ({marks})", chunk)}
        kinds: dict[str, list[str]] = {}
        for reg_id, kind in db.execute(
                f"SELECT registration_id, kind FROM attachments WHERE registration_id IN "
                f"({marks})", chunk):
            kinds.setdefault(reg_id, []).append(kind)
        for reg_id in chunk:
            person = rows.get(reg_id)
            if person is not None:
                person["attachments"] = sorted(kinds.get(reg_id, []))
                yield person
    yield from scope.file_records.values()


def possibly_purged(scope: BreachScope, person: dict[str, Any]) -> bool:
    """Registered and told to the laptop in a receipt: the volunteer may have purged it."""
    return bool(scope.kind == "device" and scope.purge_cutoff
                and person.get("branch_state") == "registered" and person.get("registered_at")
                and person["registered_at"] <= scope.purge_cutoff)


class _Summary:
    """Counts gathered while the people stream past."""

    def __init__(self, scope: BreachScope):
        self.scope = scope
        self.people = 0
        self.heirs = 0
        self.purged = 0
        self.deleted = 0
        self.categories = {key: 0 for key, *_rest in CATEGORIES}
        self.first: str | None = None
        self.last: str | None = None
        self.regencies: dict[str, int] = {}
        self.villages: set[str] = set()

    def add(self, person: dict[str, Any], names: tuple[str, str, str]) -> dict[str, Any]:
        self.people += 1
        heirs = _json_list(person.get("heirs"))
        self.heirs += len(heirs)
        person["heirs_count"] = len(heirs)
        person["possibly_purged"] = possibly_purged(self.scope, person)
        self.purged += person["possibly_purged"]
        self.deleted += bool(person.get("deleted_at"))
        for key, _id, _en, fields in CATEGORIES:
            if key in ("signature", "ktp_photo"):
                has = key in (person.get("attachments") or [])
            elif key == "heirs":
                has = bool(heirs)
            else:
                has = any(person.get(f) not in (None, "", "[]", "{}") for f in fields)
            self.categories[key] += bool(has)
        for stamp in (person.get("created_at"), person.get("updated_at")):
            if stamp:
                self.first = stamp if self.first is None or stamp < self.first else self.first
                self.last = stamp if self.last is None or stamp > self.last else self.last
        if person.get("village_code"):
            self.villages.add(person["village_code"])
        regency = names[2] or "?"
        self.regencies[regency] = self.regencies.get(regency, 0) + 1
        return person


def _json_list(value: object) -> list[Any]:
    if isinstance(value, list):
        return value
    if not value or not isinstance(value, str | bytes | bytearray):
        return []
    try:
        found = json.loads(value)
    except (TypeError, ValueError):
        return []
    return found if isinstance(found, list) else []


# ----------------------------------------------------------------------------- report
@dataclass
class BreachReport:
    path: Path
    format: str
    people: int
    full_nik: bool
    summary: dict[str, Any]
    summary_path: Path | None = None  # CSV: the summary beside it, as text

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "people": self.people,
                "full_nik": self.full_nik, "summary": self.summary,
                "summary_path": str(self.summary_path) if self.summary_path else None}


def standard_name(scope: BreachScope, fmt: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now().astimezone()
    what = scope.volunteer_ids[0] if len(scope.volunteer_ids) == 1 else "bundles"
    if scope.kind == "bundles" and len(scope.bundles) == 1:
        what = Path(scope.bundles[0]["file_name"] or scope.bundles[0]["bundle_id"]).stem
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in what)[:60]
    return f"breach-report_{safe}_{when:%Y%m%d-%H%M}.{fmt}"


def write_report(session: Session, scope: BreachScope, target: Path, *, fmt: str | None = None,
                 full_nik: bool = False, discovered_at: dt.datetime | None = None,
                 lang: str = "id", branch_name: str = "", actor: str = "",
                 progress: Progress | None = None) -> BreachReport:
    """Write the list of people (XLSX: with a summary sheet; CSV: and a summary .txt)."""
    fmt = format_of(target, fmt)
    target = Path(target)
    if target.is_dir():
        target = target / standard_name(scope, fmt)
    elif not target.parent.is_dir():
        raise InputRejected(f"Folder tujuan tidak ada: {target.parent}",
                            f"Target folder does not exist: {target.parent}")
    lang = "en" if lang == "en" else "id"
    regions = _Values([])
    summary = _Summary(scope)
    total = scope.people
    yes, no = ("yes", "no") if lang == "en" else ("ya", "tidak")

    def rows() -> Iterator[list[Any]]:
        for number, person in enumerate(iter_people(session, scope), start=1):
            if number % CHUNK == 0:
                check(progress)
                report_progress(progress, number, total)
            names = regions.names(person.get("village_code"))
            summary.add(person, names)
            nik = person.get("nik") or ""
            yield [person.get("id"), number, person.get("full_name"),
                   nik if full_nik else mask_nik(nik), names[0] or None, names[1] or None,
                   names[2] or None, person.get("village_code"), person.get("phone"),
                   person["heirs_count"], person.get("volunteer_id"),
                   person.get("branch_state"), yes if person["possibly_purged"] else no,
                   yes if person.get("deleted_at") else no, person.get("first_received"),
                   person.get("updated_at")]

    headers = list(HEADERS[lang])
    generated = dt.datetime.now().astimezone()

    def facts() -> dict[str, Any]:
        return summary_dict(scope, summary, full_nik=full_nik, discovered_at=discovered_at,
                            generated=generated, branch_name=branch_name, actor=actor)

    summary_path = None
    report_progress(progress, 0, total)
    if fmt == "csv":
        write_csv(target, headers, rows())
        result = facts()
        summary_path = target.with_name(target.stem + ("_summary.txt" if lang == "en"
                                                       else "_ringkasan.txt"))
        atomic_write_bytes(summary_path, summary_text(result, lang).encode("utf-8"), private=True)
    else:
        with write_only_workbook(target) as (_workbook, new_sheet):
            first = new_sheet("Summary" if lang == "en" else "Ringkasan")
            people = new_sheet("People" if lang == "en" else "Orang")
            append(people, headers)
            for row in rows():
                append(people, row)
            result = facts()
            for line in summary_lines(result, lang):
                append(first, line)
    report_progress(progress, summary.people, total)
    return BreachReport(target, fmt, summary.people, full_nik, result, summary_path)


def summary_dict(scope: BreachScope, summary: _Summary, *, full_nik: bool,
                 discovered_at: dt.datetime | None, generated: dt.datetime,
                 branch_name: str, actor: str) -> dict[str, Any]:
    deadline = None
    if discovered_at is not None:
        if discovered_at.tzinfo is None:
            discovered_at = discovered_at.astimezone()
        deadline = (discovered_at + dt.timedelta(hours=NOTICE_HOURS)).isoformat(
            timespec="minutes")
    return {
        "branch": branch_name, "generated_at": generated.isoformat(timespec="seconds"),
        "generated_by": actor, "kind": scope.kind, "volunteers": scope.volunteer_ids,
        "description": scope.description_id, "description_en": scope.description_en,
        "device": scope.device,
        "bundles": [{k: v for k, v in b.items() if k != "device_key"} for b in scope.bundles],
        "discovered_at": discovered_at.isoformat(timespec="minutes") if discovered_at else None,
        "notify_by": deadline, "people": summary.people, "heirs": summary.heirs,
        "possibly_purged": summary.purged, "deleted_by_volunteer": summary.deleted,
        "never_sent": scope.never_sent, "villages": len(summary.villages),
        "by_regency": dict(sorted(summary.regencies.items())),
        "data_from": summary.first, "data_to": summary.last,
        "categories": {key: summary.categories[key] for key, *_rest in CATEGORIES
                       if summary.categories[key]},
        "full_nik": full_nik,
    }


def summary_lines(facts: dict[str, Any], lang: str = "id") -> list[list[Any]]:
    """The summary as rows of a sheet: a label and a value each."""
    en = lang == "en"

    def t(text_id: str, text_en: str) -> str:
        return text_en if en else text_id

    lines: list[list[Any]] = [
        [t("Laporan kebocoran data pribadi (UU 27/2022)", "Personal data breach report "
           "(UU 27/2022)")],
        [t("Kantor cabang", "Branch office"), facts["branch"]],
        [t("Dibuat", "Generated"), facts["generated_at"]],
        [t("Oleh", "By"), facts["generated_by"]],
        [t("Yang hilang", "What was lost"),
         facts["description_en"] if en else facts["description"]],
    ]
    device = facts.get("device") or {}
    if device:
        lines += [
            [t("Bundel terakhir dari laptop ini", "Last bundle from this laptop"),
             device.get("last_bundle_at") or "-"],
            [t("Tanda terima terakhir", "Last receipt"), device.get("last_receipt_at") or "-"],
        ]
    for item in facts["bundles"]:
        lines.append([t("Bundel", "Bundle"), f"{item['file_name'] or ''} ({item['bundle_id']}), "
                      + t("dibuat ", "made ") + str(item["created_at"] or "-")
                      + (t(", diimpor ", ", imported ") + item["imported_at"]
                         if item.get("imported_at") else t(", belum diimpor", ", not imported"))])
    if facts["discovered_at"]:
        lines += [[t("Diketahui hilang", "Loss discovered"), facts["discovered_at"]],
                  [t("Batas pemberitahuan (3×24 jam)", "Notify by (3×24 hours)"),
                   facts["notify_by"]]]
    lines += [
        [t("Jumlah orang", "People"), facts["people"]],
        [t("Ahli waris yang tercatat (nama, HP)", "Heirs recorded (name, phone)"),
         facts["heirs"]],
        [t("Mungkin sudah dihapus relawan (purge)", "Possibly purged by the volunteer"),
         facts["possibly_purged"]],
        [t("Dihapus relawan (datanya masih di laptop)", "Deleted by the volunteer (data still "
           "on the laptop)"), facts["deleted_by_volunteer"]],
    ]
    if facts["kind"] == "device":
        lines.append([t("Mulai dicatat tetapi belum pernah dikirim (tidak diketahui kantor "
                        "cabang)", "Begun but never sent (unknown to the branch)"),
                      facts["never_sent"]])
    lines += [
        [t("Desa/kelurahan", "Villages"), facts["villages"]],
        [t("Data dicatat antara", "Data recorded between"),
         f"{facts['data_from'] or '-'} — {facts['data_to'] or '-'}"],
    ]
    for regency, count in facts["by_regency"].items():
        lines.append([t("Per kabupaten/kota", "By regency"), f"{regency}: {count}"])
    lines.append([t("Jenis data", "Data categories")])
    labels = {key: (text_id, text_en) for key, text_id, text_en, _f in CATEGORIES}
    for key, count in facts["categories"].items():
        lines.append(["", f"{labels[key][1 if en else 0]}: {count}"])
    lines.append([t("Perlindungan", "Protection"), protection_text(facts["kind"], lang)])
    if facts["kind"] == "device":
        lines.append([t("Catatan", "Note"), t(
            "Pendaftaran yang dibuat setelah bundel terakhir tidak diketahui kantor cabang; "
            "tanyakan kepada relawan. \"Mungkin sudah dihapus\": terdaftar dan sudah "
            "diberitahukan lewat tanda terima, sehingga relawan mungkin sudah menghapusnya; "
            "cadangan di laptop masih dapat menyimpannya.",
            "Registrations made after the last bundle are unknown to the branch; ask the "
            "volunteer. \"Possibly purged\": registered and told in a receipt, so the volunteer "
            "may have removed it; the laptop's backups may still hold it.")])
    lines.append([t("NIK", "NIK"), t("lengkap (berkas ini sangat rahasia)", "full (this file "
                                     "is highly confidential)") if facts["full_nik"] else
                  t("disamarkan (6 digit wilayah dan 4 digit terakhir)", "masked (6 region "
                    "digits and the last 4)")])
    return lines


def protection_text(kind: str, lang: str = "id") -> str:
    if kind == "device":
        return ("The laptop's database is encrypted (SQLCipher, AES-256) with a random key "
                "that only the volunteer's passphrase unwraps (age, scrypt); without the "
                "passphrase the data cannot be read." if lang == "en" else
                "Basis data di laptop terenkripsi (SQLCipher, AES-256) dengan kunci acak yang "
                "hanya dapat dibuka dengan kata sandi relawan (age, scrypt); tanpa kata sandi "
                "data tidak dapat dibaca.")
    return ("The bundle's content is encrypted with age to the branch office's key: only the "
            "branch can open it. Its readable manifest holds the volunteer id, counts and "
            "dates, no personal data." if lang == "en" else
            "Isi bundel terenkripsi dengan age untuk kunci kantor cabang: hanya kantor cabang "
            "yang dapat membukanya. Manifesnya yang terbaca hanya berisi ID relawan, jumlah "
            "dan tanggal, tanpa data pribadi.")


def summary_text(facts: dict[str, Any], lang: str = "id") -> str:
    out = []
    for line in summary_lines(facts, lang):
        if len(line) == 1:
            out.append(str(line[0]))
        else:
            out.append(f"{line[0]}: {line[1]}" if line[0] else f"  - {line[1]}")
    return "\n".join(out) + "\n"


def preview(session: Session, scope: BreachScope) -> dict[str, Any]:
    """Counts for a dialog before writing: people, possibly purged, never sent."""
    db = session.db
    purged = 0
    if scope.kind == "device" and scope.purge_cutoff and scope.registration_ids:
        ids = scope.registration_ids
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ",".join("?" for _ in chunk)
            purged += db.execute(
                f"SELECT count(*) FROM registrations r WHERE r.id IN ({marks}) AND "
                "r.branch_state = 'registered' AND (SELECT min(s.at) FROM state_log s WHERE "
                "s.registration_id = r.id AND s.state = 'registered') <= ?",
                [*chunk, scope.purge_cutoff]).fetchone()[0]
    return {"people": scope.people, "possibly_purged": purged, "never_sent": scope.never_sent,
            "bundles": len(scope.bundles), "at": local_now()}
