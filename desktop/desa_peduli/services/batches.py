"""Funded batches at the branch: create, add registrations, list, show, and monthly bills.

Each action is one transaction. ``add`` checks every registration against the funder's
rules (``domain.batches.check_candidates``) and, unless told to skip the refused ones,
changes nothing when any is refused. A month's bill is priced when it is first issued
and stored whole (people, amounts, the rate table version and the relief reading used):
the same bill printed on any later day, after any rate-table update, reads the same;
``reissue`` prices it again from today's members and rules. Bills are written as CSV
and XLSX here; the PDF is drawn with Qt (``ui/branch/funding/bill_pdf.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desa_peduli import reference
from desa_peduli.domain import batches as rules
from desa_peduli.domain.batches import Batch, BillLine, Candidate, Refusal, RegencyTotal
from desa_peduli.domain.funders import ReliefReading
from desa_peduli.domain.rates import add_months
from desa_peduli.errors import InputRejected, NotFound
from desa_peduli.progress import Progress, check, report
from desa_peduli.services.spreadsheet import (
    output_target,
    write_csv,
    write_only_workbook,
    xlsx_cell,
)
from desa_peduli.storage import batches as store
from desa_peduli.storage.registrations import local_now

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

FORMATS = ("xlsx", "csv", "pdf")
MAX_IDS = 200_000


def _refused(problems: list[tuple[str, str]]) -> InputRejected:
    return InputRejected(" ".join(p[0] for p in problems), " ".join(p[1] for p in problems))


def month_arg(text: str) -> str:
    """A ``YYYY-MM`` month typed by a person (InputRejected otherwise)."""
    try:
        return rules.month_text(str(text).strip())
    except ValueError as exc:
        raise InputRejected(f"Bulan ditulis TTTT-BB, mis. 2027-03 (bukan {text!s:.20}).",
                            f"Write the month as YYYY-MM, e.g. 2027-03 (not {text!s:.20}).") from exc


# ----------------------------------------------------------------------------- batches
def create(session: Session, *, funder: str, name: str, reference_text: str, first_month: str,
           last_month: str, quota: int | None = None, budget_year: int | None = None) -> Batch:
    """A new batch (one transaction); InputRejected with every problem at once."""
    found = reference.funders().get(funder)
    first, last = first_month.strip(), last_month.strip()
    year = budget_year if budget_year is not None else int(first[:4]) if first[:4].isdigit() else 0
    problems = rules.check_batch(found, name, reference_text, first, last, quota, year)
    if problems or found is None:
        raise _refused(problems)
    with session.atomic():
        batch_id = store.insert_batch(
            session.db, funder_row=found.to_row(), name=" ".join(name.split()),
            reference=" ".join(reference_text.split()), budget_year=year, first_month=first,
            last_month=last, quota=quota, at=local_now(), actor=session.actor)
    return get(session, batch_id)


def get(session: Session, batch_id: int | str) -> Batch:
    try:
        number = int(str(batch_id).strip())
    except ValueError:
        number = -1
    batch = store.get_batch(session.db, number)
    if batch is None:
        raise NotFound(f"batch {batch_id!s:.20}")
    return batch


@dataclass(frozen=True)
class BatchSummary:
    batch: Batch
    members: int

    def to_dict(self) -> dict[str, Any]:
        b = self.batch
        return {"id": b.id, "funder": b.funder, "name": b.name, "reference": b.reference,
                "budget_year": b.budget_year, "from": b.first_month, "to": b.last_month,
                "quota": b.quota, "members": self.members, "created_at": b.created_at,
                "created_by": b.created_by}


def list_batches(session: Session) -> list[BatchSummary]:
    return [BatchSummary(b, n) for b, n in store.all_batches(session.db)]


def members(session: Session, batch_id: int, month: str | None = None) -> list[store.MemberRow]:
    return store.members(session.db, get(session, batch_id).id, month)


def history(session: Session, registration_id: str) -> list[dict[str, Any]]:
    """Who added or moved a registration between batches, and when."""
    return store.history(session.db, registration_id)


# ----------------------------------------------------------------------------- adding
@dataclass
class AddReport:
    batch_id: int
    added: list[str] = field(default_factory=list)
    moved: list[tuple[str, int]] = field(default_factory=list)  # (registration, from batch)
    refused: list[Refusal] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    applied: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"batch": self.batch_id, "added": len(self.added), "applied": self.applied,
                "moved": [{"id": i, "from_batch": b} for i, b in self.moved],
                "refused": [r.to_dict() for r in self.refused],
                "not_found": self.not_found}


def read_ids(path: Path) -> list[str]:
    """Registration ids from a text file: one a line (a CSV's first column); ``#`` comments."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRejected(f"{Path(path).name}: berkas tidak bisa dibaca (harus teks UTF-8).",
                            f"{Path(path).name}: the file cannot be read (it must be UTF-8 "
                            "text).") from exc
    ids: list[str] = []
    for line in text.splitlines():
        value = line.split(",")[0].split(";")[0].strip().strip('"')
        if value and not value.startswith("#") and value.lower() not in ("id", "registration_id"):
            ids.append(value[:64])
        if len(ids) > MAX_IDS:
            raise InputRejected(f"{Path(path).name}: lebih dari {MAX_IDS} baris.",
                                f"{Path(path).name}: more than {MAX_IDS} lines.")
    if not ids:
        raise InputRejected(f"{Path(path).name}: tidak ada ID pendaftaran.",
                            f"{Path(path).name}: no registration ids.")
    return ids


def add(session: Session, batch_id: int | str, *, ids: Sequence[str] | None = None,
        village: str | None = None, volunteer_id: str | None = None,
        first_month: str | None = None, move: bool = False, skip_refused: bool = False,
        progress: Progress | None = None) -> AddReport:
    """Add registrations to a batch, checked against its funder's rules (one transaction).

    Without ``skip_refused`` nothing is added when any registration is refused (or not
    found); the report says who and why. ``move``: a registration covered by another batch
    in these months moves here (the other batch keeps the months before; logged).
    """
    db = session.db
    batch = get(session, batch_id)
    if sum(x is not None for x in (ids, village, volunteer_id)) != 1:
        raise InputRejected("Pilih satu: daftar ID, desa, atau relawan.",
                            "Choose one: a list of ids, a village or a volunteer.")
    if any(x is not None and not x.strip() for x in (village, volunteer_id)):
        # an empty code is a prefix of every village: it would take the whole workspace
        raise InputRejected("Kode desa atau ID relawan kosong: tidak ada yang ditambahkan.",
                            "The village code or volunteer id is empty: nothing was added.")
    start = month_arg(first_month) if first_month else batch.first_month
    if not batch.covers(start):
        raise InputRejected(
            f"Bulan {start} di luar masa tanggungan batch ({batch.first_month}..{batch.last_month}).",
            f"Month {start} is outside the batch's cover period ({batch.first_month}.."
            f"{batch.last_month}).")
    result = AddReport(batch.id)
    report(progress, 0, 0)
    with session.atomic():
        if ids is not None:
            candidates, result.not_found = store.candidates_by_ids(db, list(ids))
        else:
            candidates = store.candidates_where(db, village_prefix=village,
                                                volunteer_id=volunteer_id)
        check(progress)
        held = store.memberships(db, [c.id for c in candidates])
        decision = rules.check_candidates(
            batch, candidates, funders=reference.funders(), first_month=start,
            memberships=held, members_now=store.member_count(db, batch.id), move=move)
        result.refused = decision.refused
        if (decision.refused or result.not_found) and not skip_refused:
            return result
        now, actor = local_now(), session.actor
        cut_from = add_months(start, -1)
        for membership in decision.moves:
            new_last = cut_from if membership.first_month <= cut_from else None
            store.cut_member(db, membership, new_last, batch.id, now, actor)
        moved_from = {m.registration_id: m.batch_id for m in decision.moves}
        for number, reg_id in enumerate(decision.accepted, 1):
            store.add_member(db, batch.id, reg_id, start, batch.last_month, now, actor,
                             moved_from=moved_from.get(reg_id))
            if number % 1000 == 0:
                check(progress)
                report(progress, number, len(decision.accepted))
        result.added = decision.accepted
        result.moved = sorted(moved_from.items())
        result.applied = True
    report(progress, len(result.added), len(result.added))
    return result


def candidates_preview(session: Session, **where: Any) -> list[Candidate]:
    """The registrations ``add`` would look at for a village or volunteer (a count)."""
    return store.candidates_where(session.db, **where)


# ----------------------------------------------------------------------------- bills
@dataclass
class Bill:
    batch_id: int
    batch_name: str
    reference: str
    funder: str
    funder_label_id: str
    funder_label_en: str
    budget_year: int
    first_month: str
    last_month: str
    month: str
    band: int
    public_budget: bool
    reading_id: str
    reading_en: str
    reading_note: str
    rates_version: str
    branch_name: str
    issued_at: str
    issued_by: str | None
    lines: list[BillLine]
    regencies: list[RegencyTotal]
    people: int
    total: int
    stale: bool = False  # the batch's members that month changed since it was issued

    def to_content(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("stale")
        return data

    @classmethod
    def from_content(cls, data: dict[str, Any]) -> Bill:
        values = dict(data)
        values["lines"] = [BillLine(**line) for line in data["lines"]]
        values["regencies"] = [RegencyTotal(**r) for r in data["regencies"]]
        return cls(**values)

    def funder_label(self, lang: str) -> str:
        return self.funder_label_en if lang == "en" else self.funder_label_id

    def reading(self, lang: str) -> str:
        return self.reading_en if lang == "en" else self.reading_id

    def summary(self) -> dict[str, Any]:
        return {"batch": self.batch_id, "month": self.month, "people": self.people,
                "total": self.total, "rates_version": self.rates_version,
                "public_budget": self.public_budget, "reading": self.reading_en,
                "issued_at": self.issued_at, "stale": self.stale,
                "regencies": [asdict(r) for r in self.regencies]}


def _price(session: Session, batch: Batch, month: str) -> Bill:
    active = reference.active()
    reading = active.relief_reading
    funder = batch.rules
    transport = active.transport
    regions = reference.regions()
    names: dict[str, str] = {}
    lines: list[BillLine] = []
    for member in store.members(session.db, batch.id, month, billable=True):
        regency = member.village_code[:5]
        if regency not in names:
            found = regions.get(regency) if regency else None
            names[regency] = found.name if found else ""
        price = rules.price_member(active.rate_table, funder, reading,
                                   transport=transport.get(member.occupation, False),
                                   month=month)
        lines.append(BillLine(member.registration_id, member.nik, member.full_name,
                              member.village_code, regency, names[regency], price.jkk,
                              price.jkm, price.paid_by_funder, price.rule, price.rule_en))
    public = funder.is_public(reading)
    uses_reading = funder.budget == "apbdes"
    from desa_peduli.services.branch import BranchService  # noqa: PLC0415 - a cycle

    return Bill(
        batch_id=batch.id, batch_name=batch.name, reference=batch.reference,
        funder=funder.code, funder_label_id=funder.label_id, funder_label_en=funder.label_en,
        budget_year=batch.budget_year, first_month=batch.first_month,
        last_month=batch.last_month, month=month, band=funder.band or 1, public_budget=public,
        reading_id=reading.label("id") if uses_reading else
        ("dibayar APBN/APBD: tanpa keringanan PP 50/2025" if public
         else "bukan APBN/APBD: keringanan PP 50/2025 sesuai sektor dan bulan"),
        reading_en=reading.label("en") if uses_reading else
        ("paid from APBN/APBD: no PP 50/2025 relief" if public
         else "not APBN/APBD: PP 50/2025 relief by sector and month"),
        reading_note=reading.note if uses_reading else funder.source,
        rates_version=active.rate_table.version, branch_name=BranchService(session).name,
        issued_at=local_now(), issued_by=session.actor, lines=lines,
        regencies=rules.summarise(lines), people=len(lines),
        total=sum(line.amount for line in lines))


def bill(session: Session, batch_id: int | str, month: str, *, reissue: bool = False) -> Bill:
    """The bill for ``month``: as first issued (stored), or priced now and stored when it
    was never issued or ``reissue`` (one transaction)."""
    batch = get(session, batch_id)
    month = month_arg(month)
    if not batch.covers(month):
        raise InputRejected(
            f"Bulan {month} di luar masa tanggungan batch {batch.id} ({batch.first_month}.."
            f"{batch.last_month}).", f"Month {month} is outside batch {batch.id}'s cover "
            f"period ({batch.first_month}..{batch.last_month}).")
    with session.atomic():
        stored = store.stored_bill(session.db, batch.id, month)
        if stored is not None and not reissue:
            issued = Bill.from_content(stored)
            now = {m.registration_id
                   for m in store.members(session.db, batch.id, month, billable=True)}
            issued.stale = now != {line.registration_id for line in issued.lines}
            return issued
        priced = _price(session, batch, month)
        store.store_bill(session.db, batch.id, month, priced.to_content())
    return priced


def standard_name(bill_: Bill, fmt: str) -> str:
    return f"tagihan_batch-{bill_.batch_id}_{bill_.month}.{fmt}"


def resolve_target(output: str | Path, bill_: Bill, fmt: str) -> Path:
    """``-o``: an existing folder gets the standard name; anything else is the file."""
    return output_target(output, standard_name(bill_, fmt))


def _words(lang: str) -> Callable[[str, str], str]:
    return lambda id_text, en_text: en_text if lang == "en" else id_text


def month_date(month: str) -> dt.date:
    return dt.date(int(month[:4]), int(month[5:]), 1)


def write_csv_bill(bill_: Bill, target: Path, lang: str = "id") -> Path:
    """One row per person, then one per kabupaten/kota and the total (column ``baris``)."""
    w = _words(lang)
    headers = [w("baris", "row"), w("bulan", "month"), w("kode_kabupaten", "regency_code"),
               w("kabupaten_kota", "regency"), w("kode_desa", "village_code"), "nik",
               w("nama", "name"), "jkk", "jkm", w("iuran", "amount"), w("orang", "people"),
               w("aturan", "rule")]
    rows: list[list[Any]] = []
    for line in bill_.lines:
        rows.append([w("orang", "person"), bill_.month, line.regency_code, line.regency_name,
                     line.village_code, line.nik, line.full_name, line.jkk, line.jkm,
                     line.amount, 1, line.rule_en if lang == "en" else line.rule])
    for regency in bill_.regencies:
        rows.append([w("kabupaten", "regency"), bill_.month, regency.code, regency.name, "",
                     "", "", "", "", regency.amount, regency.people, ""])
    rows.append([w("jumlah", "total"), bill_.month, "", "", "", "", "", "", "", bill_.total,
                 bill_.people, ""])
    return write_csv(target, headers, rows, bom=True)


def header_facts(bill_: Bill, lang: str) -> list[tuple[str, str, Any]]:
    """What the top of every form of the bill says (key, label, value)."""
    w = _words(lang)
    return [
        ("funder", w("Pendana", "Funder"), bill_.funder_label(lang)),
        ("batch", w("Batch", "Batch"), f"{bill_.batch_id} · {bill_.batch_name}"),
        ("reference", w("Dasar (SK/perjanjian)", "Decree/agreement"), bill_.reference),
        ("budget_year", w("Tahun anggaran", "Budget year"), bill_.budget_year),
        ("cover", w("Masa tanggungan", "Cover period"),
         f"{bill_.first_month} .. {bill_.last_month}"),
        ("month", w("Bulan tagihan", "Month billed"), bill_.month),
        ("band", w("Pita iuran", "Band"), w(f"pita {bill_.band} (JKK+JKM), berapa pun "
                                             "penghasilan yang dilaporkan", f"band "
                                             f"{bill_.band} (JKK+JKM), whatever income is "
                                             "declared")),
        ("relief", w("Keringanan PP 50/2025", "PP 50/2025 relief"), bill_.reading(lang)),
        ("reading_note", w("Dasar tafsiran", "Reading's source"), bill_.reading_note),
        ("rates", w("Tabel iuran", "Rate table"), bill_.rates_version),
        ("issued", w("Diterbitkan", "Issued"), f"{bill_.issued_at} ({bill_.issued_by or '-'})"),
    ]


def write_xlsx_bill(bill_: Bill, target: Path, lang: str = "id") -> Path:
    """Sheets: a summary (facts, per kabupaten/kota, total) and the people (months and
    dates as real date cells)."""
    from openpyxl.styles import Font  # noqa: PLC0415 - openpyxl loads with the first sheet

    w = _words(lang)
    bold = Font(bold=True)
    month = month_date(bill_.month)
    issued = dt.datetime.fromisoformat(bill_.issued_at).replace(tzinfo=None)
    with write_only_workbook(target) as (_workbook, new_sheet):
        ws = new_sheet(w("Ringkasan", "Summary"), widths=[28, 44, 14, 18])
        ws.append([xlsx_cell(ws, w("Tagihan iuran JKK+JKM", "JKK+JKM contribution bill"),
                             font=Font(bold=True, size=13))])
        cells = {"month": xlsx_cell(ws, month, number_format="mmmm yyyy"),
                 "issued": xlsx_cell(ws, issued, number_format="dd-mm-yyyy hh:mm")}
        for key, label, value in header_facts(bill_, lang):
            ws.append([xlsx_cell(ws, label, font=bold), cells.get(key) or xlsx_cell(ws, value)])
        ws.append([])
        ws.append([xlsx_cell(ws, text, font=bold) for text in (
            w("Kode", "Code"), w("Kabupaten/kota", "Regency"), w("Orang", "People"),
            w("Iuran (Rp)", "Amount (Rp)"))])
        for regency in bill_.regencies:
            ws.append([xlsx_cell(ws, regency.code), xlsx_cell(ws, regency.name),
                       xlsx_cell(ws, regency.people, number_format="#,##0"),
                       xlsx_cell(ws, regency.amount, number_format="#,##0")])
        ws.append([xlsx_cell(ws, w("Jumlah", "Total"), font=bold), xlsx_cell(ws, ""),
                   xlsx_cell(ws, bill_.people, font=bold, number_format="#,##0"),
                   xlsx_cell(ws, bill_.total, font=bold, number_format="#,##0")])

        ws = new_sheet(w("Rincian", "People"), widths=[12, 14, 26, 16, 20, 30, 9, 9, 11, 50],
                       freeze="A2")
        ws.append([xlsx_cell(ws, text, font=bold) for text in (
            w("Bulan", "Month"), w("Kode kab.", "Regency code"), w("Kabupaten/kota", "Regency"),
            w("Kode desa", "Village code"), "NIK", w("Nama", "Name"), "JKK", "JKM",
            w("Iuran (Rp)", "Amount (Rp)"), w("Aturan", "Rule"))])
        for line in bill_.lines:
            ws.append([xlsx_cell(ws, month, number_format="mmm yyyy"),
                       xlsx_cell(ws, line.regency_code), xlsx_cell(ws, line.regency_name),
                       xlsx_cell(ws, line.village_code), xlsx_cell(ws, line.nik),
                       xlsx_cell(ws, line.full_name),
                       xlsx_cell(ws, line.jkk, number_format="#,##0"),
                       xlsx_cell(ws, line.jkm, number_format="#,##0"),
                       xlsx_cell(ws, line.amount, number_format="#,##0"),
                       xlsx_cell(ws, line.rule_en if lang == "en" else line.rule)])
    return Path(target)


# ----------------------------------------------------------------------------- hand-over
HANDOVER_FIELDS = ("funder", "batch", "cover_first_month", "cover_last_month")


def handover_lookup(session: Session, month: str | None = None) -> Callable[[str], dict[str, Any]]:
    """``lookup(registration_id)`` → the hand-over's batch columns: the batch covering it
    in ``month`` (default this month; else its latest batch), its funder, and the first
    day of its first covered month and last day of its last (date cells)."""
    when = month or f"{dt.date.today():%Y-%m}"
    db = session.db
    cache: dict[int, Batch | None] = {}
    none = dict.fromkeys(HANDOVER_FIELDS)
    if not store.any_members(db):  # no batch yet: no query per row
        return lambda _registration_id: dict(none)

    def lookup(registration_id: str) -> dict[str, Any]:
        found = store.current_membership(db, registration_id, when, cache)
        if found is None:
            return dict(none)
        batch, membership = found
        last = month_date(add_months(membership.last_month, 1)) - dt.timedelta(days=1)
        return {"funder": batch.funder, "batch": f"{batch.id}: {batch.name}",
                "cover_first_month": month_date(membership.first_month),
                "cover_last_month": last}

    return lookup


def relief_reading(session: Session) -> ReliefReading:
    """The reading in use (the stricter default until the branch sets one)."""
    return reference.active().relief_reading
