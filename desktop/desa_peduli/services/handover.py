"""Hand-over files for BPJS Ketenagakerjaan's core system: XLSX or CSV of registrations.

The branch chooses the columns (which fields, in which order, under which header) and
can keep that choice as its default (workspace setting ``handover_columns``). Filters are
the branch list's: branch state, volunteer, a desa code or a kecamatan/kabupaten prefix,
and a name or NIK search.

Rows stream from one cursor into the file, so memory does not grow with the row count:
the XLSX is written by openpyxl's write-only mode (inline strings, no shared-string
table), its sheet buffered in a temporary file beside the target rather than in the
system's temporary folder (nothing personal is written anywhere else), and the file is
renamed into place only when complete (``atomic_writer``). A progress callback and a
cancel check run every ``CHUNK`` rows; a cancelled export leaves no file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli import reference
from desa_peduli.errors import InputRejected
from desa_peduli.progress import Progress, check, report
from desa_peduli.services.batches import HANDOVER_FIELDS, handover_lookup
from desa_peduli.services.spreadsheet import write_csv, write_xlsx
from desa_peduli.storage.registrations import (  # OPEN_DUPLICATES is this module's too
    OPEN_DUPLICATES as OPEN_DUPLICATES,
)
from desa_peduli.storage.registrations import (
    ListQuery,
    list_where,
)
from desa_peduli.storage.settings import Settings

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

SETTING = "handover_columns"
FORMATS = ("xlsx", "csv")
CHUNK = 1000  # rows between two progress reports / cancel checks
ALL_STATES = "all"
DEFAULT_STATE = "accepted"  # what goes to the core system
MAX_HEADER = 100


# ----------------------------------------------------------------------------- fields
@dataclass(frozen=True)
class FieldSpec:
    key: str
    label_id: str  # what the field is, for people (the GUI translates its own)
    label_en: str
    columns: tuple[str, ...]  # the registrations columns it needs
    default: bool  # enabled in the default mapping


def _spec(key: str, label_id: str, label_en: str, columns: list[str] | None = None,
          default: bool = True) -> FieldSpec:
    return FieldSpec(key, label_id, label_en, tuple(columns or (key,)), default)


FIELD_SPECS: tuple[FieldSpec, ...] = (
    _spec("nik", "NIK", "NIK"),
    _spec("full_name", "Nama lengkap", "Full name"),
    _spec("birth_place", "Tempat lahir", "Place of birth"),
    _spec("birth_date", "Tanggal lahir", "Date of birth"),
    _spec("sex", "Jenis kelamin (L/P)", "Sex (F/M)"),
    _spec("phone", "Nomor HP", "Phone"),
    _spec("email", "Surel", "E-mail"),
    _spec("village_code", "Kode desa/kelurahan", "Village code"),
    _spec("village_name", "Desa/kelurahan", "Village", ["village_code"]),
    _spec("district_name", "Kecamatan", "District (kecamatan)", ["village_code"]),
    _spec("regency_name", "Kabupaten/kota", "Regency (kabupaten/kota)", ["village_code"]),
    _spec("rt", "RT", "RT"),
    _spec("rw", "RW", "RW"),
    _spec("street", "Jalan/dusun", "Street"),
    _spec("occupation", "Kode pekerjaan", "Occupation code"),
    _spec("occupation_name", "Pekerjaan", "Occupation", ["occupation"], default=False),
    _spec("work_location", "Lokasi kerja", "Work location"),
    _spec("declared_income", "Penghasilan sebulan (Rp)", "Monthly income (Rp)"),
    _spec("programs", "Program (JKK,JKM,JHT)", "Programmes (JKK,JKM,JHT)"),
    _spec("payment_months", "Periode bayar (bulan)", "Payment period (months)"),
    _spec("funding_source", "Sumber dana", "Funding source"),
    _spec("heir_name", "Nama ahli waris", "Heir's name", ["heirs"]),
    _spec("heir_relationship", "Hubungan ahli waris", "Heir's relationship", ["heirs"]),
    _spec("heir_phone", "HP ahli waris", "Heir's phone", ["heirs"]),
    _spec("heirs", "Semua ahli waris (JSON)", "All heirs (JSON)", default=False),
    _spec("consent_method", "Cara persetujuan", "Consent method", ["consent"], default=False),
    _spec("consent_at", "Waktu persetujuan", "Consent given at", ["consent"], default=False),
    # funded batches (services/batches.py): the batch covering the registration this month
    _spec("funder", "Pendana batch", "Batch funder", ["id"]),
    _spec("batch", "Batch pembiayaan", "Funded batch", ["id"]),
    _spec("cover_first_month", "Ditanggung mulai", "Cover start", ["id"]),
    _spec("cover_last_month", "Ditanggung sampai", "Cover end", ["id"]),
    _spec("id", "ID pendaftaran", "Registration id"),
    _spec("volunteer_id", "ID relawan", "Volunteer id", default=False),
    _spec("branch_state", "Status di kantor cabang", "Branch state", default=False),
    _spec("kpj_number", "Nomor KPJ", "KPJ number", default=False),
    _spec("created_at", "Dibuat", "Created", default=False),
    _spec("updated_at", "Diubah", "Changed", default=False),
)
SPECS = {spec.key: spec for spec in FIELD_SPECS}


@dataclass
class Column:
    """One column of the hand-over file: a field, its header, on or off."""

    field: str
    header: str
    enabled: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_columns() -> list[Column]:
    """Every field in the catalogue's order, headed by its CLI.md name."""
    return [Column(spec.key, spec.key, spec.default) for spec in FIELD_SPECS]


def columns_from_data(items: Iterable[object] | None) -> list[Column]:
    """Columns from stored or typed data; unknown fields dropped, missing ones appended
    (switched off), so a mapping saved by an older version keeps working."""
    out: list[Column] = []
    seen: set[str] = set()
    for item in items or []:
        if not isinstance(item, dict) or item.get("field") not in SPECS or item["field"] in seen:
            continue
        header = item.get("header")
        out.append(Column(item["field"], str(header if header is not None else item["field"]),
                          bool(item.get("enabled", True))))
        seen.add(item["field"])
    out += [Column(spec.key, spec.key, False) for spec in FIELD_SPECS if spec.key not in seen]
    return out


def load_columns(settings: Settings) -> list[Column]:
    stored = settings.get(SETTING)
    return columns_from_data(stored) if stored else default_columns()


def save_columns(settings: Settings, columns: list[Column]) -> None:
    check_columns(columns)
    settings.set(SETTING, [Column(c.field, c.header.strip(), c.enabled).to_dict()
                           for c in columns])


def reset_columns(settings: Settings) -> None:
    settings.db.execute("DELETE FROM settings WHERE key = ?", [SETTING])


def check_columns(columns: list[Column]) -> list[Column]:
    """The enabled columns, or InputRejected: none, an empty, long or repeated header."""
    enabled = [c for c in columns if c.enabled]
    if not enabled:
        raise InputRejected("Pilih paling sedikit satu kolom.", "Choose at least one column.")
    seen: dict[str, str] = {}
    for column in enabled:
        if column.field not in SPECS:
            raise InputRejected(f"Kolom tidak dikenal: {column.field!s:.40}.",
                                f"Unknown column: {column.field!s:.40}.")
        header = column.header.strip()
        if not header:
            raise InputRejected(f"Judul kolom {column.field} kosong.",
                                f"The header of column {column.field} is empty.")
        if len(header) > MAX_HEADER:
            raise InputRejected(f"Judul kolom {column.field} terlalu panjang (maks. "
                                f"{MAX_HEADER}).", f"The header of column {column.field} is "
                                f"too long (max {MAX_HEADER}).")
        if header.casefold() in seen:
            raise InputRejected(
                f"Judul kolom \"{header}\" dipakai dua kali ({seen[header.casefold()]} dan "
                f"{column.field}).", f"The header \"{header}\" is used twice "
                f"({seen[header.casefold()]} and {column.field}).")
        seen[header.casefold()] = column.field
    return enabled


def parse_column_spec(text: str) -> list[Column]:
    """``nik:NIK,full_name:NAMA,phone`` → those columns in that order (the rest off)."""
    items, seen = [], set()
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        key, _sep, header = part.partition(":")
        key = key.strip()
        if key not in SPECS:
            raise InputRejected(
                f"Kolom tidak dikenal: {key!s:.40}. Pilihan: {', '.join(SPECS)}.",
                f"Unknown column: {key!s:.40}. Choices: {', '.join(SPECS)}.")
        if key in seen:
            raise InputRejected(f"Kolom {key} disebut dua kali.", f"Column {key} is named twice.")
        seen.add(key)
        items.append({"field": key, "header": header.strip() or key, "enabled": True})
    columns = columns_from_data(items)
    check_columns(columns)
    return columns


# ----------------------------------------------------------------------------- filters
@dataclass
class HandoverFilter:
    """Which registrations: as in the branch list (deleted ones are never handed over)."""

    branch_state: str | None = DEFAULT_STATE  # a state, OPEN_DUPLICATES, or None for all
    volunteer_id: str | None = None
    village_prefix: str | None = None  # a desa code or a kecamatan/kabupaten prefix
    text: str = ""  # a name, or the first digits of a NIK

    def where(self) -> tuple[str, list[Any]]:
        return list_where(ListQuery(branch_state=self.branch_state,
                                    volunteer_id=self.volunteer_id,
                                    village_prefix=self.village_prefix, text=self.text))

    def describe(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v}


def count(session: Session, filters: HandoverFilter) -> int:
    db = session.db
    where, params = filters.where()
    found: int = db.execute(f"SELECT count(*) FROM registrations r{where}", params).fetchone()[0]
    return found


# ----------------------------------------------------------------------------- values
class _Values:
    """Turns a row (a dict of registration columns) into the mapped cell values."""

    def __init__(self, columns: list[Column],
                 batch_of: Callable[[str], dict[str, Any]] | None = None):
        self.keys = [c.field for c in columns]
        self.batch_of = batch_of  # registration id -> the batch columns (services.batches)
        self.regions = reference.regions()
        self._region_names: dict[str, tuple[str, str, str]] = {}
        self._occupations = {o.code: o.label_id for o in reference.occupations()}

    def sql_columns(self) -> list[str]:
        needed: list[str] = []
        for key in self.keys:
            for name in SPECS[key].columns:
                if name not in needed:
                    needed.append(name)
        return needed

    def names(self, code: str | None) -> tuple[str, str, str]:
        """(desa, kecamatan, kabupaten) names of a village code ("" when unknown)."""
        if not code:
            return ("", "", "")
        found = self._region_names.get(code)
        if found is None:
            path = {r.level: r.name for r in self.regions.path(code)} if isinstance(
                code, str) else {}
            found = (path.get("village", ""), path.get("district", ""), path.get("regency", ""))
            self._region_names[code] = found
        return found

    def row(self, record: dict[str, Any]) -> list[Any]:
        out: list[Any] = []
        heirs = consent = None
        for key in self.keys:
            if key in ("heir_name", "heir_relationship", "heir_phone", "heirs"):
                if heirs is None:
                    heirs = _json(record.get("heirs"), [])
                if key == "heirs":
                    out.append(json.dumps(heirs, ensure_ascii=False) if heirs else None)
                    continue
                first = (heirs[0] if isinstance(heirs, list) and heirs
                         and isinstance(heirs[0], dict) else {})
                out.append(_cell(first.get(key.removeprefix("heir_"))))
            elif key in ("consent_method", "consent_at"):
                if consent is None:
                    consent = _json(record.get("consent"), {})
                out.append(_cell(consent.get(key.removeprefix("consent_")))
                           if isinstance(consent, dict) else None)
            elif key == "programs":
                programs = _json(record.get("programs"), [])
                out.append(",".join(str(p) for p in programs) if isinstance(programs, list)
                           else None)
            elif key in ("village_name", "district_name", "regency_name"):
                names = self.names(record.get("village_code"))
                out.append(names[("village_name", "district_name", "regency_name").index(key)]
                           or None)
            elif key in HANDOVER_FIELDS:
                out.append(self.batch_of(record["id"])[key] if self.batch_of else None)
            elif key == "occupation_name":
                code = record.get("occupation")
                out.append(self._occupations.get(code, code) if code else None)
            else:
                out.append(_cell(record.get(key)))
        return out


def _json(text: object, empty: object) -> Any:
    """A stored JSON column; ``empty`` when it is not JSON (or nested beyond parsing:
    a record stored before bundles were checked for shape must not stop an export)."""
    if text is None or text == "":
        return empty
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return empty


def _cell(value: object) -> object:
    """A value a spreadsheet cell takes: scalars as they are, anything else as JSON."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        return str(value)[:2000]


# ----------------------------------------------------------------------------- export
@dataclass
class HandoverResult:
    path: Path
    format: str
    rows: int
    headers: list[str] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "rows": self.rows,
                "headers": self.headers, "filters": self.filters}


def standard_name(fmt: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now().astimezone()
    return f"handover_{when:%Y%m%d-%H%M}.{fmt}"


def resolve_target(target: Path, fmt: str) -> Path:
    """A file path, or an existing folder in which the file gets its standard name."""
    target = Path(target)
    if target.is_dir():
        return target / standard_name(fmt)
    if not target.parent.is_dir():
        raise InputRejected(f"Folder tujuan tidak ada: {target.parent}",
                            f"Target folder does not exist: {target.parent}")
    return target


def format_of(target: Path, fmt: str | None) -> str:
    """The format asked for, else the one the file name's suffix names, else XLSX."""
    if fmt:
        fmt = fmt.lower()
    elif Path(target).suffix.lower() in (".csv", ".xlsx"):
        fmt = Path(target).suffix.lower()[1:]
    else:
        fmt = "xlsx"
    if fmt not in FORMATS:
        raise InputRejected(f"Format tidak dikenal: {fmt!s:.10}; pakai xlsx atau csv.",
                            f"Unknown format: {fmt!s:.10}; use xlsx or csv.")
    return fmt


def export(session: Session, target: Path, *, fmt: str | None = None, columns: list[Column] | None = None,
           filters: HandoverFilter | None = None, limit: int | None = None,
           progress: Progress | None = None) -> HandoverResult:
    """Write the hand-over file; ``progress.report(done, total)`` every CHUNK rows.

    ``limit``: at most that many registrations, the first received first (for a core
    system that takes its uploads in batches).

    Raises InputRejected (bad columns, target), Cancelled (no file written), DiskFull.
    """
    db = session.db
    fmt = format_of(target, fmt)
    enabled = check_columns(columns if columns is not None else default_columns())
    filters = filters or HandoverFilter()
    path = resolve_target(target, fmt)
    values = _Values(enabled, handover_lookup(session))
    headers = [c.header.strip() for c in enabled]
    where, params = filters.where()
    select = ", ".join(f"r.{name}" for name in values.sql_columns())
    written = 0
    with db.atomic():  # one read snapshot: the count and the rows agree
        total = db.execute(f"SELECT count(*) FROM registrations r{where}", params).fetchone()[0]
        order = " ORDER BY r.pk"
        if limit is not None:
            if limit < 1:
                raise InputRejected("Batas jumlah baris harus 1 atau lebih.",
                                    "The row limit must be 1 or more.")
            total = min(total, limit)
            order += f" LIMIT {int(limit)}"
        report(progress, 0, total)
        cursor = db.execute(f"SELECT {select} FROM registrations r{where}{order}", params)
        names = [d[0] for d in cursor.description]

        def rows() -> Iterator[list[Any]]:
            nonlocal written
            for row in cursor:
                yield values.row(dict(zip(names, row, strict=True)))
                written += 1
                if written % CHUNK == 0:
                    check(progress)
                    report(progress, written, total)

        if fmt == "csv":
            write_csv(path, headers, rows())
        else:
            _write_xlsx(path, headers, rows())
    report(progress, written, total)
    return HandoverResult(path, fmt, written, headers, filters.describe())


def _write_xlsx(path: Path, headers: list[str], rows: Iterator[list[Any]]) -> None:
    write_xlsx(path, headers, rows, sheet_title="Pendaftaran")


