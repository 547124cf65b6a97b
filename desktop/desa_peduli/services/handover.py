"""Hand-over files for BPJS Ketenagakerjaan's core system: XLSX or CSV of registrations.

The branch chooses the columns (which fields, in which order, under which header) and
can keep that choice as its default (workspace setting ``handover_columns``). Filters are
the branch list's: branch state, volunteer, a desa code or a kecamatan/kabupaten prefix,
and a name or NIK search.

The file speaks the clerk's language (``lang``): the headers a mapping does not name
itself, and the values that are codes (sex L/P or M/F, one Y/T or Y/N column per
programme, the funder's name, states). Dates are real date cells in an XLSX, shown in
the chosen format, and text in that format in a CSV (``DD-MM-YYYY`` by default).
``split`` writes one file per kabupaten or per funder; every file carries a summary of
its people and one month's contribution per funder (XLSX: a second sheet; CSV: one
summary file beside the data files). All the files are written, or none.

Rows stream from one cursor into the file, so memory does not grow with the row count:
the XLSX is written by openpyxl's write-only mode (inline strings, no shared-string
table), its sheet buffered in a temporary file beside the target rather than in the
system's temporary folder (nothing personal is written anywhere else), and the file is
renamed into place only when complete (``atomic_writer``). A progress callback and a
cancel check run every ``CHUNK`` rows; a cancelled export leaves no file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli import reference
from desa_peduli.errors import InputRejected
from desa_peduli.progress import Progress, check, report
from desa_peduli.services.batches import HANDOVER_FIELDS, handover_lookup
from desa_peduli.services.spreadsheet import append, csv_file, write_only_workbook, xlsx_cell
from desa_peduli.storage.files import earlier_versions_kept
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
LANGUAGES = ("id", "en")
# how a field's value is written: text as stored; a date or a date and time as a real
# spreadsheet date (XLSX) or in the chosen date format (CSV); a yes/no flag; the sex
KINDS = ("text", "date", "datetime", "flag", "sex")


@dataclass(frozen=True)
class FieldSpec:
    """One field the hand-over file can hold: one entry here is one column of the file."""

    key: str
    label_id: str  # the column's header in Indonesian (and what the GUI shows)
    label_en: str
    columns: tuple[str, ...]  # the registrations columns it needs
    default: bool  # enabled in the default mapping
    kind: str = "text"

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


def _spec(key: str, label_id: str, label_en: str, columns: list[str] | None = None,
          default: bool = True, kind: str = "text") -> FieldSpec:
    assert kind in KINDS, kind
    return FieldSpec(key, label_id, label_en, tuple(columns or (key,)), default, kind)


# The file's columns in their default order. Each entry is one column; a new one is
# appended switched off to a mapping saved before it existed.
FIELD_SPECS: tuple[FieldSpec, ...] = (
    _spec("nik", "NIK", "NIK"),
    _spec("full_name", "Nama lengkap", "Full name"),
    _spec("birth_place", "Tempat lahir", "Place of birth"),
    _spec("birth_date", "Tanggal lahir", "Date of birth", kind="date"),
    _spec("sex", "Jenis kelamin (L/P)", "Sex (M/F)", kind="sex"),
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
    _spec("program_jkk", "JKK (Y/T)", "JKK (Y/N)", ["programs"], kind="flag"),
    _spec("program_jkm", "JKM (Y/T)", "JKM (Y/N)", ["programs"], kind="flag"),
    _spec("program_jht", "JHT (Y/T)", "JHT (Y/N)", ["programs"], kind="flag"),
    _spec("programs", "Program (JKK,JKM,JHT)", "Programmes (JKK,JKM,JHT)", default=False),
    _spec("payment_months", "Periode bayar (bulan)", "Payment period (months)"),
    _spec("funding_source_name", "Pendana", "Funder (funding source)",
          ["funding_source"]),
    _spec("funding_source", "Kode sumber dana", "Funding source code", default=False),
    _spec("heir_name", "Nama ahli waris", "Heir's name", ["heirs"]),
    _spec("heir_relationship", "Hubungan ahli waris", "Heir's relationship", ["heirs"]),
    _spec("heir_phone", "HP ahli waris", "Heir's phone", ["heirs"]),
    _spec("heirs", "Semua ahli waris (JSON)", "All heirs (JSON)", default=False),
    _spec("consent_method", "Cara persetujuan", "Consent method", ["consent"], default=False),
    _spec("consent_at", "Waktu persetujuan", "Consent given at", ["consent"], default=False,
          kind="datetime"),
    # funded batches (services/batches.py): the batch covering the registration this month
    _spec("funder", "Pendana batch", "Batch funder", ["id"]),
    _spec("batch", "Batch pembiayaan", "Funded batch", ["id"]),
    _spec("cover_first_month", "Ditanggung mulai", "Cover start", ["id"], kind="date"),
    _spec("cover_last_month", "Ditanggung sampai", "Cover end", ["id"], kind="date"),
    _spec("id", "ID pendaftaran", "Registration id"),
    _spec("volunteer_id", "ID relawan", "Volunteer id", default=False),
    _spec("branch_state", "Status di kantor cabang", "Branch state", default=False),
    _spec("kpj_number", "Nomor KPJ", "KPJ number", default=False),
    _spec("created_at", "Dibuat", "Created", default=False, kind="datetime"),
    _spec("updated_at", "Diubah", "Changed", default=False, kind="datetime"),
)
SPECS = {spec.key: spec for spec in FIELD_SPECS}
PROGRAM_FLAGS = {"program_jkk": "JKK", "program_jkm": "JKM", "program_jht": "JHT"}
YES_NO = {"id": ("Y", "T"), "en": ("Y", "N")}  # Ya/Tidak, Yes/No
SEX_LETTERS = {"id": {"M": "L", "F": "P"}, "en": {"M": "M", "F": "F"}}  # laki-laki/perempuan
# codes written as words of the file's language (the app's own words for them)
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "branch_state": {"received": ("Sudah masuk", "Received"),
                     "invalid": ("Tidak sah: perlu diperiksa", "Invalid: to check"),
                     "accepted": ("Diterima", "Accepted"),
                     "correction": ("Perlu diperbaiki", "Needs correction"),
                     "registered": ("Terdaftar", "Registered"),
                     "duplicate": ("Duplikat", "Duplicate")},
    "consent_method": {"signature": ("Tanda tangan", "Signature"),
                       "verbal_witnessed": ("Lisan, dengan saksi", "Verbal, witnessed"),
                       "paper": ("Formulir kertas", "Paper form")},
}


@dataclass
class Column:
    """One column of the hand-over file: a field, its header, on or off.

    ``header`` None: the field's name in the file's language (``FieldSpec.label``), so
    the file speaks Indonesian or English as the clerk does; a text: the clerk's own.
    """

    field: str
    header: str | None = None
    enabled: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def title(self, lang: str = "id") -> str:
        """The header the file gets."""
        if self.header is not None and self.header.strip():
            return self.header.strip()
        spec = SPECS.get(self.field)
        return spec.label(lang) if spec is not None else self.field


def default_columns() -> list[Column]:
    """Every field in the catalogue's order, headed in the file's language."""
    return [Column(spec.key, None, spec.default) for spec in FIELD_SPECS]


def _stored_header(field_key: str, header: object) -> str | None:
    """A stored header: none, or the field's own key (the header every mapping saved
    before headers followed the language had by default), means the language's name."""
    if header is None:
        return None
    text = str(header).strip()
    return None if text in ("", field_key) else text


def columns_from_data(items: Iterable[object] | None) -> list[Column]:
    """Columns from stored or typed data; unknown fields dropped, missing ones appended
    (switched off), so a mapping saved by an older version keeps working."""
    out: list[Column] = []
    seen: set[str] = set()
    for item in items or []:
        if not isinstance(item, dict) or item.get("field") not in SPECS or item["field"] in seen:
            continue
        out.append(Column(item["field"], _stored_header(item["field"], item.get("header")),
                          bool(item.get("enabled", True))))
        seen.add(item["field"])
    out += [Column(spec.key, None, False) for spec in FIELD_SPECS if spec.key not in seen]
    return out


def load_columns(settings: Settings) -> list[Column]:
    stored = settings.get(SETTING)
    return columns_from_data(stored) if stored else default_columns()


def save_columns(settings: Settings, columns: list[Column]) -> None:
    check_columns(columns)
    settings.set(SETTING, [Column(c.field, _stored_header(c.field, c.header), c.enabled).to_dict()
                           for c in columns])


def reset_columns(settings: Settings) -> None:
    settings.db.execute("DELETE FROM settings WHERE key = ?", [SETTING])


def check_columns(columns: list[Column], lang: str = "id") -> list[Column]:
    """The enabled columns, or InputRejected: none, an empty, long or repeated header."""
    enabled = [c for c in columns if c.enabled]
    if not enabled:
        raise InputRejected("Pilih paling sedikit satu kolom.", "Choose at least one column.")
    seen: dict[str, str] = {}
    for column in enabled:
        if column.field not in SPECS:
            raise InputRejected(f"Kolom tidak dikenal: {column.field!s:.40}.",
                                f"Unknown column: {column.field!s:.40}.")
        if column.header is not None and not column.header.strip():
            raise InputRejected(f"Judul kolom {column.field} kosong.",
                                f"The header of column {column.field} is empty.")
        header = column.title(lang)
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
    """``nik:NIK,full_name:NAMA,phone`` → those columns in that order (the rest off); a
    column without ``:HEADER`` is headed in the file's language."""
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
        items.append({"field": key, "header": header.strip() or None, "enabled": True})
    columns = columns_from_data(items)
    check_columns(columns)
    return columns


# ----------------------------------------------------------------------------- dates
DEFAULT_DATE_FORMAT = "DD-MM-YYYY"
_DATE_TOKENS = {"DD": ("%d", "dd"), "MM": ("%m", "mm"), "YYYY": ("%Y", "yyyy")}


@dataclass(frozen=True)
class DateFormat:
    """A date pattern of ``DD``, ``MM`` and ``YYYY`` with ``-``, ``/``, ``.`` or a space
    between them: how CSV cells are written and how XLSX date cells are shown."""

    pattern: str
    strftime: str
    excel: str

    @classmethod
    def parse(cls, text: str | None) -> DateFormat:
        pattern = (text or DEFAULT_DATE_FORMAT).strip().upper()
        parts = re.split(r"([-/. ])", pattern)
        tokens, separators = parts[0::2], parts[1::2]
        if sorted(tokens) != ["DD", "MM", "YYYY"] or len(set(separators)) > 1:
            raise InputRejected(
                f"Format tanggal tidak dikenal: {text!s:.20}; pakai DD, MM dan YYYY dengan "
                "-, / atau . di antaranya (mis. DD-MM-YYYY, YYYY-MM-DD, DD/MM/YYYY).",
                f"Unknown date format: {text!s:.20}; use DD, MM and YYYY with -, / or . "
                "between them (e.g. DD-MM-YYYY, YYYY-MM-DD, DD/MM/YYYY).")
        sep = separators[0]
        return cls(pattern, sep.join(_DATE_TOKENS[t][0] for t in tokens),
                   sep.join(_DATE_TOKENS[t][1] for t in tokens))


DATE_FORMATS = ("DD-MM-YYYY", "DD/MM/YYYY", "YYYY-MM-DD")  # offered by the GUI


def _date(value: object) -> dt.date | None:
    """A stored ISO date (``1988-03-02``) as a date; None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _datetime(value: object) -> dt.datetime | None:
    """A stored ISO timestamp as the wall-clock time it was recorded at (a spreadsheet
    has no time zones: ``2026-11-20T09:30:00+07:00`` is 20-11-2026 09:30)."""
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).replace(tzinfo=None, microsecond=0)
    except ValueError:
        return None


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
    """Turns a row (a dict of registration columns) into the mapped cell values: text,
    numbers, dates (``datetime.date``/``datetime``, written by the file's format)."""

    def __init__(self, columns: list[Column], lang: str = "id",
                 batch_of: Callable[[str], dict[str, Any]] | None = None):
        self.keys = [c.field for c in columns]
        self.lang = lang
        self.batch_of = batch_of  # registration id -> the batch columns (services.batches)
        self.regions = reference.regions()
        self._region_names: dict[str, tuple[str, str, str]] = {}
        self._occupations = {o.code: o.label_en if lang == "en" else o.label_id
                             for o in reference.occupations()}
        self._funders = funder_names(lang)
        self._relationships = {h.code: h.label_en if lang == "en" else h.label_id
                               for h in reference.heir_relationships()}

    def word(self, key: str, value: object) -> object:
        """A code of ``WORDS[key]`` as a word of the file's language (others as stored)."""
        found = WORDS[key].get(value) if isinstance(value, str) else None
        if found is None:
            return _cell(value)
        return found[1] if self.lang == "en" else found[0]

    def sql_columns(self, extra: Iterable[str] = ()) -> list[str]:
        needed: list[str] = []
        for name in [n for key in self.keys for n in SPECS[key].columns] + list(extra):
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
        heirs = consent = programs = None
        for key in self.keys:
            kind = SPECS[key].kind
            if key in ("heir_name", "heir_relationship", "heir_phone", "heirs"):
                if heirs is None:
                    heirs = _json(record.get("heirs"), [])
                if key == "heirs":
                    out.append(json.dumps(heirs, ensure_ascii=False) if heirs else None)
                    continue
                first = (heirs[0] if isinstance(heirs, list) and heirs
                         and isinstance(heirs[0], dict) else {})
                value = first.get(key.removeprefix("heir_"))
                out.append(self._relationships.get(value, value) if key == "heir_relationship"
                           and isinstance(value, str) else _cell(value))
            elif key in ("consent_method", "consent_at"):
                if consent is None:
                    consent = _json(record.get("consent"), {})
                value = (consent.get(key.removeprefix("consent_"))
                         if isinstance(consent, dict) else None)
                out.append(_datetime(value) or _cell(value) if kind == "datetime"
                           else self.word(key, value))
            elif key == "programs" or key in PROGRAM_FLAGS:
                if programs is None:
                    programs = _json(record.get("programs"), [])
                if not isinstance(programs, list):
                    out.append(None)
                elif key == "programs":
                    out.append(",".join(str(p) for p in programs))
                else:
                    yes, no = YES_NO[self.lang]
                    out.append(yes if PROGRAM_FLAGS[key] in programs else no)
            elif key in ("village_name", "district_name", "regency_name"):
                names = self.names(record.get("village_code"))
                out.append(names[("village_name", "district_name", "regency_name").index(key)]
                           or None)
            elif key in HANDOVER_FIELDS:
                value = self.batch_of(record["id"])[key] if self.batch_of else None
                out.append(self._funders.get(value, value) if key == "funder" and value
                           else value)
            elif key == "occupation_name":
                code = record.get("occupation")
                out.append(self._occupations.get(code, code) if code else None)
            elif key == "funding_source_name":
                code = record.get("funding_source")
                out.append(self._funders.get(code, code) if code else None)
            elif key in WORDS:
                out.append(self.word(key, record.get(key)))
            elif kind == "sex":
                value = record.get(key)
                out.append(SEX_LETTERS[self.lang].get(value, value) if isinstance(value, str)
                           else _cell(value))
            elif kind == "date":
                value = record.get(key)
                out.append(_date(value) or _cell(value))
            elif kind == "datetime":
                value = record.get(key)
                out.append(_datetime(value) or _cell(value))
            else:
                out.append(_cell(record.get(key)))
        return out


def funder_names(lang: str = "id") -> dict[str, str]:
    """Funding source code → its name in ``lang`` (the reference list's)."""
    return {f.code: f.label_en if lang == "en" else f.label_id
            for f in reference.funding_sources()}


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
SPLITS = ("kabupaten", "funder")
SUMMARY_FIELDS = ("funding_source", "declared_income", "occupation", "programs")


@dataclass
class HandoverFile:
    """One file written: all the rows, or one kabupaten's or one funder's."""

    path: Path
    rows: int = 0
    group: str | None = None  # the kabupaten code or the funder code of a split
    name: str = ""  # its name, for people

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "rows": self.rows, "group": self.group,
                "name": self.name}


@dataclass
class FunderTotal:
    """One funder's line of the summary: people, and one month's contribution."""

    funder: str  # the funding source code ("" when none is recorded)
    name: str
    people: int = 0
    unpriced: int = 0  # without a contribution (income, occupation or funder unknown)
    total: int = 0
    paid_by_worker: int = 0
    paid_by_funder: int = 0

    def add(self, other: FunderTotal) -> None:
        self.people += other.people
        self.unpriced += other.unpriced
        self.total += other.total
        self.paid_by_worker += other.paid_by_worker
        self.paid_by_funder += other.paid_by_funder

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class HandoverResult:
    path: Path  # the file written (with a split: the first of them)
    format: str
    rows: int
    headers: list[str] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)
    files: list[HandoverFile] = field(default_factory=list)
    split: str | None = None
    month: str = ""  # "YYYY-MM": the month the summary prices
    summary: list[FunderTotal] = field(default_factory=list)
    summary_path: Path | None = None  # CSV: the summary's own file
    language: str = "id"
    date_format: str = DEFAULT_DATE_FORMAT

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "format": self.format, "rows": self.rows,
                "headers": self.headers, "filters": self.filters,
                "files": [f.to_dict() for f in self.files], "split": self.split,
                "month": self.month, "summary": [t.to_dict() for t in self.summary],
                "summary_path": str(self.summary_path) if self.summary_path else None,
                "language": self.language, "date_format": self.date_format}


def standard_name(fmt: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now().astimezone()
    return f"handover_{when:%Y%m%d-%H%M}.{fmt}"


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


def export(session: Session, target: Path, *, fmt: str | None = None,
           columns: list[Column] | None = None, filters: HandoverFilter | None = None,
           limit: int | None = None, progress: Progress | None = None, lang: str = "id",
           date_format: str | None = None, split: str | None = None,
           month: dt.date | None = None) -> HandoverResult:
    """Write the hand-over file(s); ``progress.report(done, total)`` every CHUNK rows.

    ``limit``: at most that many registrations, the first received first (for a core
    system that takes its uploads in batches). ``lang``: the headers' and the values'
    language (``id``/``en``). ``date_format``: how a CSV writes dates (``DD-MM-YYYY`` by
    default) and how an XLSX shows its date cells. ``split``: ``kabupaten`` or
    ``funder``, one file each (``target`` a folder, or a file whose name starts theirs).
    Every file has a summary (XLSX: a second sheet; CSV: one file beside them) of the
    people and one month's contribution (``month``, default this one) per funder.
    All the files are written or none is.

    Raises InputRejected (bad columns, target, date format), Cancelled (no file
    written), DiskFull.
    """
    db = session.db
    fmt = format_of(target, fmt)
    lang = lang if lang in LANGUAGES else "id"
    dates = DateFormat.parse(date_format)
    enabled = check_columns(columns if columns is not None else default_columns(), lang)
    if split not in (None, *SPLITS):
        raise InputRejected(f"Pembagian tidak dikenal: {split!s:.20}; pakai kabupaten atau "
                            "funder.", f"Unknown split: {split!s:.20}; use kabupaten or funder.")
    if limit is not None and limit < 1:
        raise InputRejected("Batas jumlah baris harus 1 atau lebih.",
                            "The row limit must be 1 or more.")
    filters = filters or HandoverFilter()
    month = (month or dt.date.today()).replace(day=1)
    folder, stem = _target_stem(Path(target), fmt)
    exact = None if split or Path(target).is_dir() else Path(target).name  # as given
    values = _Values(enabled, lang, handover_lookup(session, f"{month:%Y-%m}"))
    headers = [c.title(lang) for c in enabled]
    where, params = filters.where()
    select = ", ".join(f"r.{name}" for name in values.sql_columns(
        SUMMARY_FIELDS + (("village_code",) if split == "kabupaten" else ())))
    summary = _Summary(month, lang)
    files: dict[str | None, _OpenFile] = {}
    written = 0
    summary_path: Path | None = None
    summary_written = False
    with earlier_versions_kept() as earlier:  # the set replaces the earlier set as one
        try:
            with db.atomic(), contextlib.ExitStack() as stack:  # one read snapshot
                total = db.execute(f"SELECT count(*) FROM registrations r{where}",
                                   params).fetchone()[0]
                order = " ORDER BY r.pk"
                if limit is not None:
                    total = min(total, limit)
                    order += f" LIMIT {int(limit)}"
                report(progress, 0, total)
                cursor = db.execute(f"SELECT {select} FROM registrations r{where}{order}",
                                    params)
                names = [d[0] for d in cursor.description]
                for row in cursor:
                    record = dict(zip(names, row, strict=True))
                    group = _group_of(record, split)
                    out = files.get(group)
                    if out is None:
                        name = _group_name(values, group, split)
                        path = folder / (exact or _file_name(stem, fmt, group, name, split,
                                                             lang))
                        out = files[group] = _OpenFile(
                            stack, HandoverFile(path, 0, group, name), fmt, headers, dates, lang)
                    out.write(values.row(record))
                    out.totals.add_record(summary, record)
                    written += 1
                    if written % CHUNK == 0:
                        check(progress)
                        report(progress, written, total)
                if not files:  # nothing chosen: still one file, with its headers
                    out = files[None] = _OpenFile(stack, HandoverFile(
                        folder / (exact or _file_name(stem, fmt, None, "", None, lang))), fmt,
                        headers, dates, lang)
                check(progress)
                for out in files.values():
                    out.finish(summary)
                totals = summary.merged([f.totals for f in files.values()])
                if fmt == "csv":
                    summary_path = folder / f"{stem}_{SUMMARY_WORD[lang]}.csv"
                # an earlier file of these names that another program holds (Excel) stops
                # the export here, before any is replaced; a later failure puts all back
                earlier.set_aside([out.file.path for out in files.values()]
                                  + ([summary_path] if summary_path is not None else []))
                if summary_path is not None:
                    with csv_file(summary_path) as writer:
                        summary.write(totals, writer.writerow,
                                      month.strftime(_month_format(dates.strftime)))
                    summary_written = True
        except BaseException:
            for out in files.values():  # files already in place when a later one failed
                with contextlib.suppress(OSError):
                    if out.done:
                        os.remove(out.file.path)
            if summary_path is not None and summary_written:  # saved before the files
                with contextlib.suppress(OSError):
                    os.remove(summary_path)
            raise
    report(progress, written, total)
    written_files = sorted((f.file for f in files.values()), key=lambda f: f.path.name)
    return HandoverResult(written_files[0].path, fmt, written, headers, filters.describe(),
                          written_files, split, f"{month:%Y-%m}", totals, summary_path, lang,
                          dates.pattern)


SUMMARY_WORD = {"id": "ringkasan", "en": "summary"}
SHEETS = {"id": ("Pendaftaran", "Ringkasan"), "en": ("Registrations", "Summary")}


def _target_stem(target: Path, fmt: str) -> tuple[Path, str]:
    """The folder the files go to and the start of their names."""
    if target.is_dir():
        return target, Path(standard_name(fmt)).stem
    if not target.parent.is_dir():
        raise InputRejected(f"Folder tujuan tidak ada: {target.parent}",
                            f"Target folder does not exist: {target.parent}")
    return target.parent, (target.stem if target.suffix.lower() in (".csv", ".xlsx")
                           else target.name)


def _group_of(record: dict[str, Any], split: str | None) -> str | None:
    if split == "kabupaten":
        code = record.get("village_code")
        return code[:5] if isinstance(code, str) and len(code) >= 5 else ""
    if split == "funder":
        code = record.get("funding_source")
        return code if isinstance(code, str) else ""
    return None


def _group_name(values: _Values, group: str | None, split: str | None) -> str:
    if not group:
        return ""
    if split == "kabupaten":
        found = values.regions.get(group)
        return found.name if found is not None else ""
    return values._funders.get(group, group)


NO_GROUP = {("kabupaten", "id"): "tanpa-kabupaten", ("kabupaten", "en"): "no-regency",
            ("funder", "id"): "tanpa-pendana", ("funder", "en"): "no-funder"}


def _file_name(stem: str, fmt: str, group: str | None, name: str, split: str | None,
               lang: str) -> str:
    """``handover_20270301-0900_15.04-kabupaten-batanghari.xlsx``: the code first, so
    the files sort by it, then the name, so people tell them apart."""
    if split is None:
        return f"{stem}.{fmt}"
    if not group:
        return f"{stem}_{NO_GROUP[split, lang]}.{fmt}"
    slug = "-".join(re.findall(r"[a-z0-9]+", name.casefold()))[:40]
    code = re.sub(r"[^0-9A-Za-z._-]", "", group)[:30]
    if slug and slug != code:
        return f"{stem}_{code}-{slug}.{fmt}"
    if code in SUMMARY_WORD.values():  # a funder coded "ringkasan": never the summary's name
        return f"{stem}_{code}-{split}.{fmt}"
    return f"{stem}_{code}.{fmt}"


class _OpenFile:
    """One file being written (its rows so far, its funders' totals)."""

    def __init__(self, stack: contextlib.ExitStack, file: HandoverFile, fmt: str,
                 headers: list[str], dates: DateFormat, lang: str):
        self.file, self.fmt, self.dates, self.lang = file, fmt, dates, lang
        self.totals: _Totals = _Totals()
        self.done = False
        stack.callback(self._closed)
        if fmt == "csv":
            self._csv = stack.enter_context(csv_file(file.path))
            self._csv.writerow(headers)
        else:
            _workbook, self._new_sheet = stack.enter_context(write_only_workbook(file.path))
            self._sheet = self._new_sheet(SHEETS[lang][0], freeze="A2")
            append(self._sheet, headers)

    def _closed(self) -> None:
        self.done = True  # the file is in place (the ExitStack runs this after saving it)

    def write(self, row: list[Any]) -> None:
        self.file.rows += 1
        if self.fmt == "csv":
            self._csv.writerow([_csv_date(v, self.dates) for v in row])
        else:
            self._sheet.append([_xlsx_date(self._sheet, v, self.dates) for v in row])

    def finish(self, summary: _Summary) -> None:
        if self.fmt == "xlsx":
            sheet = self._new_sheet(SHEETS[self.lang][1], widths=(34, 14, 12, 18, 18, 18, 18, 14))
            summary.write(summary.merged([self.totals]), lambda row: sheet.append(
                [_xlsx_date(sheet, v, self.dates, month=True) for v in row]), summary.month)


def _csv_date(value: object, dates: DateFormat) -> object:
    if isinstance(value, dt.datetime):
        return value.strftime(dates.strftime + " %H:%M")
    if isinstance(value, dt.date):
        return value.strftime(dates.strftime)
    return value


def _xlsx_date(sheet: Any, value: object, dates: DateFormat, month: bool = False) -> object:
    """A date as a real date cell shown in the chosen format; anything else as
    :func:`spreadsheet.xlsx_cell` writes it."""
    if isinstance(value, dt.datetime):
        return xlsx_cell(sheet, value, number_format=dates.excel + " hh:mm")
    if isinstance(value, dt.date):
        return xlsx_cell(sheet, value, number_format=_month_format(dates.excel) if month
                         else dates.excel)
    return xlsx_cell(sheet, value)


def _month_format(pattern: str) -> str:
    """``dd-mm-yyyy`` → ``mm-yyyy``; ``YYYY-MM-DD`` → ``YYYY-MM`` (the day dropped)."""
    return re.sub(r"^(dd|%d)[-/. ]|[-/. ](dd|%d)$|(?<=[-/. ])(dd|%d)[-/. ]", "", pattern)


class _Totals(dict[str, FunderTotal]):
    """Funder code → its totals, for one file."""

    def add_record(self, summary: _Summary, record: dict[str, Any]) -> None:
        code = record.get("funding_source")
        code = code if isinstance(code, str) else ""
        line = self.get(code)
        if line is None:
            line = self[code] = FunderTotal(code, summary.funders.get(code, code))
        line.people += 1
        price = summary.price(record)
        if price is None:
            line.unpriced += 1
        else:
            line.total += price[0]
            line.paid_by_worker += price[1]
            line.paid_by_funder += price[2]


class _Summary:
    """One month's contribution per person, and the summary's table."""

    def __init__(self, month: dt.date, lang: str):
        self.month, self.lang = month, lang
        self.funders = funder_names(lang)
        self._prices: dict[tuple[Any, ...], tuple[int, int, int] | None] = {}
        self._table = reference.rate_table()

    def price(self, record: dict[str, Any]) -> tuple[int, int, int] | None:
        """(total, paid by the worker, paid by the funder) for the month, or None.

        A contribution depends on the income only through its band, so it is worked out
        once per band, occupation, funder and JHT choice (a few dozen for any file)."""
        programs = _json(record.get("programs"), [])
        income = record.get("declared_income")
        if isinstance(income, int) and not isinstance(income, bool) and income >= 0:
            income = self._table.band_for(income).income_from  # the band's own figure
        key = (income, record.get("occupation"), record.get("funding_source"),
               isinstance(programs, list) and "JHT" in programs)
        if key not in self._prices:
            found = reference.contribution_for(
                {"declared_income": key[0], "occupation": key[1], "funding_source": key[2],
                 "programs": ["JKK", "JKM", "JHT"] if key[3] else ["JKK", "JKM"]},
                self.month)
            self._prices[key] = None if found is None else (
                found.total, found.paid_by_worker, found.paid_by_funder)
        return self._prices[key]

    def merged(self, parts: Iterable[_Totals]) -> list[FunderTotal]:
        out: dict[str, FunderTotal] = {}
        for part in parts:
            for code, line in part.items():
                out.setdefault(code, FunderTotal(code, line.name)).add(line)
        return [out[code] for code in sorted(out)]

    def write(self, lines: list[FunderTotal], put: Callable[[list[Any]], None],
              month: object) -> None:
        """The summary table: a header, a line per funder, the total (``month``: the
        month's cell, a date for an XLSX, text for a CSV)."""
        en = self.lang == "en"
        put(["Funder" if en else "Pendana", "Code" if en else "Kode",
             "Month" if en else "Bulan iuran", "People" if en else "Jumlah orang",
             "Monthly contribution (Rp)" if en else "Iuran sebulan (Rp)",
             "Paid by the worker (Rp)" if en else "Dibayar peserta (Rp)",
             "Paid by the funder (Rp)" if en else "Dibayar pendana (Rp)",
             "Without a figure" if en else "Tanpa angka iuran"])
        whole = FunderTotal("", "Total" if en else "Jumlah")
        for line in lines:
            whole.add(line)
            put([line.name or ("(none)" if en else "(tidak ada)"), line.funder, month,
                 line.people, line.total, line.paid_by_worker, line.paid_by_funder,
                 line.unpriced])
        put([whole.name, None, month, whole.people, whole.total, whole.paid_by_worker,
             whole.paid_by_funder, whole.unpriced])
