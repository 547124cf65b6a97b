"""The coverage report: its content (from the dashboard's figures) and its CSV and XLSX forms.

The PDF form is drawn with Qt in ``ui/branch/dashboard/report_pdf.py`` from the same :class:`CoverageReport`.
Files are written atomically; ``-o`` may name a folder (the file gets its standard name).
Column headers and labels follow the language asked for (Indonesian by default).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli import reference
from desa_peduli.domain.regions import DISTRICT, PROVINCE, REGENCY, VILLAGE
from desa_peduli.domain.words import BRANCH_STATE_WORDS, as_date, state_header, week_label
from desa_peduli.domain.words import word as word
from desa_peduli.errors import InputRejected
from desa_peduli.services.branch import BranchService
from desa_peduli.services.coverage import (
    STATES,
    CoverageService,
    Dashboard,
    RegionCoverage,
    VolunteerActivity,
)
from desa_peduli.services.spreadsheet import append, output_target, write_only_workbook, xlsx_cell
from desa_peduli.services.spreadsheet import write_csv as write_table_csv
from desa_peduli.storage.files import atomic_write_bytes

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

FORMATS = ("csv", "xlsx", "pdf")
LEVELS = {"kabupaten": REGENCY, "kecamatan": DISTRICT, "desa": VILLAGE}
DEFAULT_LEVEL = {"csv": "desa", "xlsx": "desa", "pdf": "kecamatan"}
VOLUNTEER_WEEKS = 8


@dataclass
class CoverageReport:
    branch_name: str
    generated_at: dt.datetime
    level: str  # the deepest region level listed (REGENCY, DISTRICT or VILLAGE)
    dashboard: Dashboard  # the province
    regions: list[RegionCoverage]  # province, then each kabupaten and what lies below it
    volunteers: list[VolunteerActivity] = field(default_factory=list)

    @property
    def province(self) -> RegionCoverage:
        return self.dashboard.scope


def build_report(session: Session, *, level: str = "desa",
                 today: dt.date | None = None) -> CoverageReport:
    """Everything a report shows, computed once (a few tens of ms at 1,000,000 rows)."""
    if level not in LEVELS:
        raise InputRejected(f"Tingkat tidak dikenal: {level!s:.20} (kabupaten, kecamatan, desa).",
                            f"Unknown level: {level!s:.20} (kabupaten, kecamatan, desa).")
    service = CoverageService(session)
    dashboard = service.dashboard()
    return CoverageReport(
        branch_name=BranchService(session).name,
        generated_at=dt.datetime.now().astimezone(),
        level=LEVELS[level],
        dashboard=dashboard,
        regions=service.all_regions(LEVELS[level]),
        volunteers=service.volunteer_activity(weeks=VOLUNTEER_WEEKS, today=today),
    )


def standard_name(fmt: str, when: dt.datetime | dt.date) -> str:
    return f"laporan-cakupan_{when:%Y-%m-%d}.{fmt}"


def resolve_target(output: str | Path, fmt: str, when: dt.datetime | dt.date) -> Path:
    """``-o``: an existing folder gets the standard file name; anything else is the file."""
    return output_target(output, standard_name(fmt, when))


def format_from(output: str | Path) -> str | None:
    suffix = Path(output).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


# -- words ------------------------------------------------------------------------------------
LEVEL_WORDS = {
    PROVINCE: ("provinsi", "province"),
    REGENCY: ("kabupaten/kota", "kabupaten/kota"),
    DISTRICT: ("kecamatan", "kecamatan"),
    VILLAGE: ("desa/kelurahan", "desa/kelurahan"),
}
STATE_WORDS = BRANCH_STATE_WORDS  # the app's own words (domain/words.py)
REASON_WORDS = {
    "quiet": ("2 minggu tanpa pendaftaran", "no registrations for 2 weeks"),
    "no_bundle": ("14 hari tanpa bundel", "no bundle for 14 days"),
    "corrections": ("banyak perbaikan terbuka", "many open corrections"),
}


def occupation_words(lang: str) -> dict[str, str]:
    return {o.code: (o.label_en if lang == "en" else o.label_id) for o in reference.occupations()}


def funding_words(lang: str) -> dict[str, str]:
    return {f.code: (f.label_en if lang == "en" else f.label_id)
            for f in reference.funding_sources()}


# -- the coverage table -------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    key: str
    header_id: str
    header_en: str
    value: Callable[[RegionCoverage, dict[str, Any]], object]
    percent: bool = False

    def header(self, lang: str) -> str:
        return self.header_en if lang == "en" else self.header_id


def _count_of(state: str) -> Callable[[RegionCoverage, dict[str, Any]], object]:
    return lambda r, c: r.count(state)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _note(region: RegionCoverage, lang: str) -> str:
    notes = []
    if region.figures_summed:
        notes.append("jumlah dari wilayah di bawahnya" if lang != "en" else "sum of the regions below")
    if region.target_inherited:
        notes.append("target dari wilayah induk" if lang != "en" else "target of the parent region")
    return "; ".join(notes)


COLUMNS: tuple[Column, ...] = (
    Column("level", "tingkat", "level", lambda r, c: word(LEVEL_WORDS[r.level], c["lang"])),
    Column("code", "kode", "code", lambda r, c: r.code),
    Column("name", "nama", "name", lambda r, c: r.name),
    Column("kabupaten", "kabupaten_kota", "kabupaten_kota", lambda r, c: c["names"].get(r.code[:5])
           if r.level != PROVINCE else ""),
    Column("kecamatan", "kecamatan", "kecamatan", lambda r, c: c["names"].get(r.code[:8])
           if r.level in (DISTRICT, VILLAGE) else ""),
    Column("registrations", "pendaftaran", "registrations", lambda r, c: r.total),
    *(Column(s, state_header(s, "id"), s, _count_of(s)) for s in STATES),
    Column("active_participants", "peserta_aktif", "active_participants",
           lambda r, c: r.active_participants),
    Column("participants", "peserta_total", "participants_total",
           lambda r, c: r.covered if r.potential_workers else None),
    Column("potential_workers", "pekerja_potensial", "potential_workers",
           lambda r, c: r.potential_workers),
    Column("coverage_percent", "cakupan_persen", "coverage_percent",
           lambda r, c: _round(r.coverage_percent), percent=True),
    Column("target_percent", "target_persen", "target_percent",
           lambda r, c: r.target_percent, percent=True),
    Column("target_participants", "target_peserta", "target_participants",
           lambda r, c: r.target_workers),
    Column("gap", "kekurangan", "gap", lambda r, c: r.gap),
    Column("target_source", "sumber_target", "target_source",
           lambda r, c: f"{r.target_year or ''} {r.target_source or ''}".strip()),
    Column("note", "catatan", "note", lambda r, c: _note(r, c["lang"])),
    Column("source", "sumber_angka", "figures_source", lambda r, c: r.source or ""),
)


def _funder_participants(code: str) -> Callable[[RegionCoverage, dict[str, Any]], object]:
    return lambda r, c: r.funders.get(code, 0)


def columns() -> tuple[Column, ...]:
    """The coverage table's columns: :data:`COLUMNS`, then the participants per funder
    (``peserta_dumisake`` …, one per funder of the reference data, in its order)."""
    return COLUMNS + tuple(
        Column(f"funder:{f.code}", f"peserta_{f.code}", f"participants_{f.code}",
               _funder_participants(f.code)) for f in reference.funding_sources())


def _context(report: CoverageReport, lang: str) -> dict[str, Any]:
    return {"lang": lang, "names": {r.code: r.name for r in report.regions}}


def table_rows(report: CoverageReport, lang: str = "id") -> Iterator[list[Any]]:
    """The header and one list of values per region (what the CSV holds)."""
    context = _context(report, lang)
    table = columns()
    yield [c.header(lang) for c in table]
    for region in report.regions:
        yield [c.value(region, context) for c in table]


def write_csv(report: CoverageReport, target: Path, lang: str = "id") -> Path:
    """The coverage table, one row per region, UTF-8 with a BOM (Excel reads it right)."""
    rows = table_rows(report, lang)
    header = next(rows)
    return write_table_csv(target, header, (["" if v is None else v for v in row]
                                            for row in rows), bom=True)


def write_pdf_bytes(target: Path, data: bytes) -> Path:
    """Store the PDF the window drew (ui/branch/dashboard/report_pdf.py) atomically."""
    atomic_write_bytes(target, data)
    return Path(target)


def write_xlsx(report: CoverageReport, target: Path, lang: str = "id") -> Path:
    """Sheets: coverage per region (with participants per funder), per week, per occupation,
    participants per funder, volunteers
    (openpyxl write-only mode: rows stream to the file; every cell through ``spreadsheet``)."""
    # start-up time: openpyxl (~0.1 s) loads with the first spreadsheet, not the program
    from openpyxl.styles import Font  # noqa: PLC0415

    bold = Font(bold=True)
    with write_only_workbook(target) as (_workbook, new_sheet):

        def sheet(title_id: str, title_en: str, headers: list[str], widths: list[int]) -> Any:
            ws = new_sheet(title_en if lang == "en" else title_id, widths=widths, freeze="A2")
            ws.append([xlsx_cell(ws, text, font=bold) for text in headers])
            return ws

        context = _context(report, lang)
        widths = {"name": 30, "kabupaten": 26, "kecamatan": 22, "source": 40, "note": 28,
                  "level": 14}
        table = columns()
        ws = sheet("Cakupan", "Coverage", [c.header(lang) for c in table],
                   [widths.get(c.key, 13) for c in table])
        for region in report.regions:
            cells = []
            for column in table:
                value = column.value(region, context)
                number_format = None
                if column.percent and value is not None:
                    number_format = "0.00"
                elif isinstance(value, int):
                    number_format = "#,##0"
                font = bold if region.level in (PROVINCE, REGENCY) else None
                cells.append(xlsx_cell(ws, value, font=font, number_format=number_format))
            ws.append(cells)

        dashboard = report.dashboard
        ws = sheet("Per minggu", "Weekly", ["minggu mulai" if lang != "en" else "week starting",
                                             "pendaftaran" if lang != "en" else "registrations"],
                   [16, 14])
        for monday, n in dashboard.weeks:  # a real date cell, shown as "13 Okt 2026"
            ws.append([xlsx_cell(ws, monday, number_format="d mmm yyyy"), n])

        total = dashboard.scope.total or 1
        words = occupation_words(lang)
        ws = sheet("Pekerjaan", "Occupations", ["kode" if lang != "en" else "code",
                                               "pekerjaan" if lang != "en" else "occupation",
                                               "pendaftaran" if lang != "en" else "registrations",
                                               "persen" if lang != "en" else "percent"],
                   [22, 30, 14, 10])
        for code, n in dashboard.occupations.items():
            append(ws, [code, words.get(code, code), n, round(n * 100 / total, 2)])
        # participants split by funder (the registration's funding source)
        words = funding_words(lang)
        participants = sum(f.participants for f in dashboard.funders) or 1
        ws = sheet("Pendana", "Funders",
                   ["kode" if lang != "en" else "code",
                    "pendana" if lang != "en" else "funder",
                    "peserta" if lang != "en" else "participants",
                    "persen peserta" if lang != "en" else "participants percent",
                    "pendaftaran" if lang != "en" else "registrations"],
                   [18, 40, 12, 16, 14])
        for funder in dashboard.funders:
            append(ws, [funder.code, words.get(funder.code, funder.code), funder.participants,
                        round(funder.participants * 100 / participants, 2),
                        funder.registrations])

        weeks = ([week_label(m, lang) for m, _ in report.volunteers[0].weeks]
                 if report.volunteers else [])  # "mg. 13 Okt 2026": the week starting then
        ws = sheet("Relawan", "Volunteers",
                   ["id", "nama" if lang != "en" else "name",
                    "pendaftaran" if lang != "en" else "registrations", *weeks,
                    "bundel_terakhir" if lang != "en" else "last_bundle",
                    "perbaikan_terbuka" if lang != "en" else "open_corrections",
                    "perlu_dikunjungi" if lang != "en" else "needs_visit"],
                   [10, 26, 13, *([10] * len(weeks)), 22, 14, 44])
        for item in report.volunteers:
            last = as_date(item.last_bundle_at)  # a date cell, not ISO text
            ws.append([xlsx_cell(ws, v) for v in (item.id, item.name, item.registrations,
                                                  *(n for _, n in item.weeks))]
                      + [xlsx_cell(ws, last, number_format="d mmm yyyy") if last else "",
                         xlsx_cell(ws, item.open_corrections),
                         xlsx_cell(ws, "; ".join(word(REASON_WORDS[r], lang)
                                                 for r in item.reasons))])
    return Path(target)
