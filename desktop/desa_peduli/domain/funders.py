"""Funders (who pays JKK+JKM) as data: their budget, the band they pay, their age window.

A funder list is reference data (``resources/reference/funders.csv``, updatable through
receipts). Per funder: who pays JKK+JKM (JHT always stays with the worker), which budget
pays (``none``, ``apbn``, ``apbd``, ``apbdes``, ``private``, ``other``), the band it pays
whatever income is declared (band 1 = Rp16,800 a month before relief), and its
eligibility window (age on the registration's own date, its consent date).

PP 50/2025's relief is not for participants whose JKK+JKM is paid from APBN or APBD.
Whether a village budget (APBDes, dana desa) counts as APBD is open: ``ReliefReading``
says which reading a branch uses (the stricter one by default: it counts, no relief),
with its source note, and every bill names the reading it used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desa_peduli.domain.nik import age_on

BUDGETS = ("none", "apbn", "apbd", "apbdes", "private", "other")
PUBLIC = frozenset({"apbn", "apbd"})
VILLAGE_BUDGET = "apbdes"
CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")
MAX_FUNDERS = 100
LEGACY_CODES = {"apbd_kabupaten": "dbh_sawit"}  # before funders were reference data


@dataclass(frozen=True, slots=True)
class ReliefReading:
    """Whether a village budget counts as APBD for PP 50/2025 (a branch setting)."""

    village_budget_is_apbd: bool = True  # the stricter reading: no relief for dana desa
    note: str = ("PP 50/2025 mengecualikan peserta yang iurannya dibayar APBN/APBD; "
                 "belum ada penegasan apakah APBDes termasuk, jadi dipakai tafsiran yang "
                 "lebih ketat (APBDes = APBD, tanpa keringanan).")

    def label(self, lang: str = "id") -> str:
        if lang == "en":
            return ("village budget counts as APBD (no PP 50/2025 relief)"
                    if self.village_budget_is_apbd
                    else "village budget is not APBD (PP 50/2025 relief applies)")
        return ("APBDes dihitung sebagai APBD (tanpa keringanan PP 50/2025)"
                if self.village_budget_is_apbd
                else "APBDes bukan APBD (keringanan PP 50/2025 berlaku)")

    def to_dict(self) -> dict[str, Any]:
        return {"village_budget_is_apbd": self.village_budget_is_apbd, "note": self.note}

    @classmethod
    def from_dict(cls, data: object) -> ReliefReading:
        if not isinstance(data, Mapping):
            return cls()
        note = data.get("note")
        return cls(bool(data.get("village_budget_is_apbd", True)),
                   note if isinstance(note, str) and note.strip() else cls().note)


@dataclass(frozen=True, slots=True)
class Funder:
    code: str
    label_id: str
    label_en: str
    budget: str  # one of BUDGETS
    pays: str  # "worker" or "funder": who pays JKK+JKM
    band: int | None = None  # the band the funder pays; None = the declared income's band
    min_age: int | None = None  # the funder's own window, on the registration's date
    max_age: int | None = None
    age_source: str = ""
    replaced_by: str | None = None  # an old code kept for the registrations holding it
    source: str = ""

    @property
    def funder_pays(self) -> bool:
        return self.pays == "funder"

    @property
    def public_budget(self) -> bool:
        """Under the default (stricter) reading: see :meth:`is_public`."""
        return self.is_public(None)

    def is_public(self, reading: ReliefReading | None) -> bool:
        """JKK+JKM paid from APBN/APBD under ``reading``: PP 50/2025's relief is excluded.

        >>> Funder("dana_desa", "", "", "apbdes", "funder").is_public(None)
        True
        """
        if self.budget == VILLAGE_BUDGET:
            return (reading or ReliefReading()).village_budget_is_apbd
        return self.budget in PUBLIC

    def label(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label_id

    def age_refusal(self, birth: date, on: date) -> tuple[str, str] | None:
        """(Indonesian, English) when the age on ``on`` is outside the funder's window.

        Worked example: a 17–64 window, born 2010-03-02, registered 2027-03-01: age 16 →
        refused; registered 2027-03-02: age 17 → eligible.
        """
        age = age_on(birth, on)
        if self.min_age is not None and age < self.min_age:
            return (f"umur {age} tahun pada tanggal pendaftaran {on:%d-%m-%Y}, di bawah "
                    f"batas {self.label_id} ({self.min_age}–{self.max_age or '…'} tahun)",
                    f"age {age} on the registration date {on:%d-%m-%Y}, below the "
                    f"{self.label_en} window ({self.min_age}–{self.max_age or '…'})")
        if self.max_age is not None and age > self.max_age:
            return (f"umur {age} tahun pada tanggal pendaftaran {on:%d-%m-%Y}, di atas "
                    f"batas {self.label_id} ({self.min_age or '…'}–{self.max_age} tahun)",
                    f"age {age} on the registration date {on:%d-%m-%Y}, above the "
                    f"{self.label_en} window ({self.min_age or '…'}–{self.max_age})")
        return None

    def to_row(self) -> dict[str, str]:
        """The CSV row this funder was read from (for storing and receipts)."""
        return {"code": self.code, "label_id": self.label_id, "label_en": self.label_en,
                "budget": self.budget, "pays": self.pays,
                "band": "" if self.band is None else str(self.band),
                "min_age": "" if self.min_age is None else str(self.min_age),
                "max_age": "" if self.max_age is None else str(self.max_age),
                "age_source": self.age_source, "replaced_by": self.replaced_by or "",
                "source": self.source}


def has_hidden(text: str) -> bool:
    """Characters that do not show but change what is shown: a direction override
    (U+202E turns the rest of a printed line backwards), zero-width ones, controls other
    than white space (a caller folds those to single spaces)."""
    return any(unicodedata.category(ch) in ("Cf", "Co", "Cs", "Cn")
               or (unicodedata.category(ch) == "Cc" and not ch.isspace()) for ch in text)


def _optional_int(row: Mapping[str, Any], key: str, low: int, high: int) -> int | None:
    text = str(row.get(key) or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise ValueError(f"funder {row.get('code')!s:.40}: {key} must be {low}-{high}")
    return int(text)


def parse_funder(r: Mapping[str, Any]) -> Funder:
    """One funder from a CSV-like row (the columns of ``funders.csv``); ValueError."""
    code = str(r.get("code") or "").strip()
    if not CODE.fullmatch(code):
        raise ValueError(f"bad funder code {code!r:.50}")
    labels = [str(r.get(k) or "").strip() for k in ("label_id", "label_en")]
    if not all(0 < len(label) <= 80 for label in labels):
        raise ValueError(f"funder {code}: labels must be 1-80 characters")
    if any(has_hidden(label) or any(ch.isspace() and ch != " " for ch in label)
           for label in labels):  # one line each, as shown: in a bill, a list, a cell
        raise ValueError(f"funder {code}: a label holds a hidden character or a line break")
    budget, pays = str(r.get("budget") or "").strip(), str(r.get("pays") or "").strip()
    if budget not in BUDGETS:
        raise ValueError(f"funder {code}: budget must be one of {', '.join(BUDGETS)}")
    if pays not in ("worker", "funder"):
        raise ValueError(f"funder {code}: pays must be worker or funder")
    band = _optional_int(r, "band", 1, 99)
    if pays == "worker" and band is not None:
        raise ValueError(f"funder {code}: a self-paid source has no band of its own")
    if pays == "worker" and budget != "none":  # an APBD one would take the relief
        raise ValueError(f"funder {code}: a self-paid source has budget none")  # from workers
    min_age, max_age = _optional_int(r, "min_age", 0, 120), _optional_int(r, "max_age", 0, 120)
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ValueError(f"funder {code}: min_age above max_age")
    texts = [str(r.get(k) or "").strip() for k in ("age_source", "source")]
    if any(len(text) > 1000 for text in texts):
        raise ValueError(f"funder {code}: a source note holds at most 1000 characters")
    replaced_by = str(r.get("replaced_by") or "").strip() or None
    return Funder(code, labels[0], labels[1], budget, pays, band, min_age, max_age, texts[0],
                  replaced_by, texts[1])


def parse_funders(rows: Iterable[Mapping[str, Any]]) -> tuple[Funder, ...]:
    """A funder list from CSV-like rows; checked as a whole (ValueError): codes unique,
    ``mandiri`` kept, ``replaced_by`` naming a funder of the list."""
    out: list[Funder] = []
    seen: set[str] = set()
    for row in rows:
        funder = parse_funder(row)
        if funder.code in seen:
            raise ValueError(f"repeated funder code {funder.code!r:.50}")
        seen.add(funder.code)
        out.append(funder)
    if not out or len(out) > MAX_FUNDERS:
        raise ValueError(f"a funder list holds 1-{MAX_FUNDERS} funders")
    for funder in out:
        if funder.replaced_by is not None and funder.replaced_by not in seen:
            raise ValueError(f"funder {funder.code}: replaced_by names an unknown funder")
    if "mandiri" not in seen:
        raise ValueError("a funder list keeps 'mandiri' (self-paid)")
    mandiri = next(f for f in out if f.code == "mandiri")
    if (mandiri.pays, mandiri.budget, mandiri.replaced_by) != ("worker", "none", None):
        # every self-paid worker holds this code: made a funder, they would all be billed
        # to one (and priced at its band, without the relief a worker gets)
        raise ValueError("'mandiri' stays self-paid (pays worker, budget none)")
    return tuple(out)


def accepts(batch_funder: str, registration_funder: str | None,
            funders: Mapping[str, Funder]) -> bool:
    """A registration's funding source belongs in a batch of ``batch_funder``: the same
    code, or an old code replaced by it (``apbd_kabupaten`` in a ``dbh_sawit`` batch)."""
    if registration_funder == batch_funder:
        return True
    found = funders.get(registration_funder or "")
    return found is not None and found.replaced_by == batch_funder
