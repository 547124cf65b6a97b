"""Funded batches: who a funder's batch may cover, and what its monthly bill holds.

A batch is one funder's list of people covered over a fixed period (its budget's first
and last month), under a decree or agreement, with an optional quota. A registration is
in at most one batch for a given month. Adding a registration checks it against the
funder's rules (:func:`check_candidates`); a month's bill prices every person covered in
that month at the band the funder pays, with PP 50/2025's relief exactly where the rate
table and the relief reading say (:func:`price_member`, :func:`summarise`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desa_peduli.domain.funders import Funder, ReliefReading, accepts, has_hidden
from desa_peduli.domain.rates import Contribution, RateTable, add_months, funded_contribution

ELIGIBLE_STATES = frozenset({"accepted"})
MAX_NAME = 120
MAX_REFERENCE = 300


def month_text(value: str) -> str:
    """``"2027-03"`` checked (ValueError otherwise)."""
    return add_months(value, 0)


def months_between(first: str, last: str) -> int:
    """How many months from ``first`` to ``last`` inclusive (``2027-01``..``2027-12`` → 12)."""
    a, b = month_text(first), month_text(last)
    return (int(b[:4]) * 12 + int(b[5:])) - (int(a[:4]) * 12 + int(a[5:])) + 1


@dataclass(frozen=True)
class Batch:
    id: int
    funder: str
    name: str
    reference: str
    budget_year: int
    first_month: str
    last_month: str
    quota: int | None
    rules: Funder  # the funder's rules when the batch was made
    created_at: str = ""
    created_by: str | None = None

    def covers(self, month: str) -> bool:
        return self.first_month <= month <= self.last_month


def check_batch(funder: Funder | None, name: str, reference: str, first: str, last: str,
                quota: int | None, budget_year: int) -> list[tuple[str, str]]:
    """What is wrong with a new batch, as (Indonesian, English) messages."""
    problems: list[tuple[str, str]] = []
    if funder is None:
        problems.append(("Pendana tidak dikenal: pilih dari daftar pendana.",
                         "Unknown funder: choose one from the funder list."))
    elif not funder.funder_pays:
        problems.append((f"{funder.label_id} dibayar sendiri oleh pekerja: batch hanya untuk "
                         "pendana.", f"{funder.label_en} is paid by the worker: batches are "
                         "for funders only."))
    elif funder.replaced_by:
        problems.append((f"Kode {funder.code} sudah diganti {funder.replaced_by}: buat batch "
                         f"dengan {funder.replaced_by}.", f"Code {funder.code} was replaced "
                         f"by {funder.replaced_by}: make the batch with {funder.replaced_by}."))
    if not 0 < len(name.strip()) <= MAX_NAME:
        problems.append((f"Nama batch wajib diisi (paling panjang {MAX_NAME} karakter).",
                         f"The batch name is required (at most {MAX_NAME} characters)."))
    if not 0 < len(reference.strip()) <= MAX_REFERENCE:
        problems.append(("Isi nomor SK atau perjanjian yang mendasari batch ini (paling "
                         f"panjang {MAX_REFERENCE} karakter).", "Enter the decree or "
                         f"agreement behind this batch (at most {MAX_REFERENCE} characters)."))
    if has_hidden(name) or has_hidden(reference):
        problems.append(("Nama batch dan nomor SK atau perjanjiannya tidak boleh berisi "
                         "karakter tersembunyi (mis. tanda arah teks); ketik ulang.",
                         "The batch name and its decree or agreement cannot hold hidden "
                         "characters (such as a text-direction mark); type them again."))
    try:
        if month_text(first) > month_text(last):
            problems.append(("Bulan awal masa tanggungan sesudah bulan akhirnya.",
                             "The cover period's first month is after its last month."))
        elif months_between(first, last) > 60:
            problems.append(("Masa tanggungan paling lama 60 bulan.",
                             "The cover period is at most 60 months."))
    except ValueError:
        problems.append(("Bulan awal dan akhir ditulis TTTT-BB, mis. 2027-01.",
                         "Write the first and last month as YYYY-MM, e.g. 2027-01."))
    if quota is not None and not 0 < quota <= 10_000_000:
        problems.append(("Kuota harus angka 1 atau lebih.", "The quota must be 1 or more."))
    if not 2000 <= budget_year <= 2100:
        problems.append(("Tahun anggaran tidak masuk akal.", "The budget year is not plausible."))
    return problems


@dataclass(frozen=True)
class Candidate:
    """What the rules need to know of one registration."""

    id: str
    branch_state: str | None
    kpj_number: str | None
    funding_source: str | None
    birth_date: date | None
    registered_on: date | None  # its consent date (its own date, never today)
    deleted: bool = False


@dataclass(frozen=True)
class Membership:
    batch_id: int
    registration_id: str
    first_month: str
    last_month: str

    def overlaps(self, first: str, last: str) -> bool:
        return self.first_month <= last and first <= self.last_month


@dataclass(frozen=True)
class Refusal:
    registration_id: str
    code: str  # stable: deleted, in_batch, funder, participant, state, age, overlap, quota
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id

    def to_dict(self) -> dict[str, str]:
        return {"id": self.registration_id, "code": self.code, "message": self.message_id,
                "message_en": self.message_en}


@dataclass
class Decision:
    accepted: list[str] = field(default_factory=list)
    moves: list[Membership] = field(default_factory=list)  # memberships to cut (with move)
    refused: list[Refusal] = field(default_factory=list)


def check_candidates(batch: Batch, candidates: Sequence[Candidate], *,
                     funders: Mapping[str, Funder], first_month: str,
                     memberships: Mapping[str, Sequence[Membership]], members_now: int,
                     move: bool = False) -> Decision:
    """Which candidates join ``batch`` from ``first_month`` to its last month, and why the
    others are refused. ``memberships``: each candidate's memberships in every batch.

    Worked example: a DUMISAKE batch 2027-01..2027-12 with quota 2 and one member: of an
    accepted DUMISAKE worker, a mandiri worker and a second accepted DUMISAKE worker,
    the first joins, the mandiri one is refused (funder), the third too (quota).
    """
    decision = Decision()
    last_month = batch.last_month
    room = None if batch.quota is None else batch.quota - members_now
    seen: set[str] = set()
    for c in candidates:
        if c.id in seen:
            continue
        seen.add(c.id)
        refusal = _refusal(batch, c, funders, first_month, last_month,
                           memberships.get(c.id, ()), move)
        if refusal is None and room is not None and room <= 0:
            refusal = ("quota", f"kuota batch ({batch.quota} orang) sudah penuh",
                       f"the batch's quota ({batch.quota} people) is full")
        if refusal is not None:
            decision.refused.append(Refusal(c.id, *refusal))
            continue
        decision.accepted.append(c.id)
        decision.moves += [m for m in memberships.get(c.id, ())
                           if m.batch_id != batch.id and m.overlaps(first_month, last_month)]
        if room is not None:
            room -= 1
    return decision


def _refusal(batch: Batch, c: Candidate, funders: Mapping[str, Funder], first: str,
             last: str, memberships: Iterable[Membership],
             move: bool) -> tuple[str, str, str] | None:
    if c.deleted:
        return ("deleted", "pendaftaran ini sudah dihapus", "this registration was deleted")
    if any(m.batch_id == batch.id for m in memberships):
        return ("in_batch", "sudah ada di batch ini", "already in this batch")
    if not accepts(batch.funder, c.funding_source, funders):
        return ("funder", f"sumber dananya {c.funding_source or '-'}, bukan {batch.funder}",
                f"its funding source is {c.funding_source or '-'}, not {batch.funder}")
    if c.kpj_number or c.branch_state == "registered":
        return ("participant", "sudah menjadi peserta (punya nomor KPJ)",
                "already a participant (has a KPJ number)")
    if c.branch_state not in ELIGIBLE_STATES:
        return ("state", f"belum disetujui cabang (status {c.branch_state or '-'})",
                f"not accepted by the branch yet (state {c.branch_state or '-'})")
    if c.birth_date is None or c.registered_on is None:
        if batch.rules.min_age is not None or batch.rules.max_age is not None:
            return ("age", "tanggal lahir atau tanggal persetujuan tidak terbaca",
                    "the birth date or the consent date cannot be read")
    else:
        age = batch.rules.age_refusal(c.birth_date, c.registered_on)
        if age is not None:
            return ("age", *age)
    others = [m for m in memberships if m.batch_id != batch.id and m.overlaps(first, last)]
    if others and not move:
        other = others[0]
        return ("overlap", f"sudah ditanggung batch {other.batch_id} untuk "
                f"{other.first_month}..{other.last_month} (pindahkan dengan --move)",
                f"already covered by batch {other.batch_id} for {other.first_month}.."
                f"{other.last_month} (move it with --move)")
    return None


# ------------------------------------------------------------------------------ bills
@dataclass(frozen=True)
class BillLine:
    registration_id: str
    nik: str
    full_name: str
    village_code: str
    regency_code: str
    regency_name: str
    jkk: int
    jkm: int
    amount: int  # what the funder pays for the month
    rule: str
    rule_en: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class RegencyTotal:
    code: str
    name: str
    people: int
    amount: int


def price_member(table: RateTable, funder: Funder, reading: ReliefReading, *,
                 transport: bool, month: str) -> Contribution:
    """One person's month, paid by the funder: JKK+JKM at the funder's band, relief only
    where the rate table has a window for the sector and the funder is not a public
    budget under ``reading`` (JHT is the worker's, never on a funder's bill).

    Worked example (shipped rates 2026.1): DUMISAKE (APBD), March 2027, band 1: JKK 10,000
    + JKM 6,800 = 16,800 (no relief); CSR for an ojek driver in March 2027: 5,000 + 3,400
    = 8,400 (transport relief to 2027-03); CSR for a farmer then: 16,800.
    """
    return funded_contribution(table, funder_band=funder.band if funder.band else 1,
                               declared_income=0, occupation_transport=transport,
                               funding_public_budget=funder.is_public(reading),
                               funder_pays=True, with_jht=False, month=month)


def summarise(lines: Sequence[BillLine]) -> list[RegencyTotal]:
    """People and amount per kabupaten/kota, in code order."""
    totals: dict[str, list[Any]] = {}
    for line in lines:
        entry = totals.setdefault(line.regency_code, [line.regency_name, 0, 0])
        entry[1] += 1
        entry[2] += line.amount
    return [RegencyTotal(code, name, people, amount)
            for code, (name, people, amount) in sorted(totals.items())]
