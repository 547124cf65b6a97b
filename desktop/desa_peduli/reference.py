"""Loaders for the shipped reference data (regions, occupations, funders, heirs, rates).

Everything is read from ``desa_peduli.resources`` through ``importlib.resources`` on
first use and cached; nothing is loaded at import time. The domain layer gets this data
as arguments (``default_context()``), never by reading files itself.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from desa_peduli.domain.funders import Funder, ReliefReading, parse_funders
from desa_peduli.domain.rates import Contribution, RateTable, funded_contribution
from desa_peduli.domain.regions import LEVELS, Region, from_digits, is_dotted_code
from desa_peduli.domain.validation import ValidationContext

RESOURCE_PACKAGE = "desa_peduli.resources"
REGIONS_DB = ("regions", "regions.sqlite")
REGIONS_CSV = ("regions", "indonesia_regions.csv")
OCCUPATION_CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")


def resource(*parts: str) -> Traversable:
    """A ``Traversable`` for a file under ``resources/``."""
    node = resources.files(RESOURCE_PACKAGE)
    for part in parts:
        node = node.joinpath(part)
    return node


def _read_csv(*parts: str) -> list[dict[str, str]]:
    text = resource(*parts).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------- regions


class RegionIndex:
    """Read-only lookups in ``regions.sqlite`` (implements ``domain.regions.RegionLookup``).

    Safe to share between threads: one connection, queries serialised by a lock.
    """

    _COLUMNS = "code, name, level, parent_code"

    def __init__(self, conn: sqlite3.Connection, keep_open: contextlib.ExitStack | None = None):
        self._conn = conn
        self._lock = threading.Lock()
        self._keep_open = keep_open
        # Regions never change while running: remember looked-up codes (a bulk add asks
        # for the same few hundred codes fifty thousand times).
        self._by_code: dict[str, Region | None] = {}

    @classmethod
    def open(cls, path: Path | None = None) -> RegionIndex:
        """Open the shipped database (or ``path``) read-only and immutable."""
        stack = contextlib.ExitStack()
        if path is None:
            path = stack.enter_context(resources.as_file(resource(*REGIONS_DB)))
        uri = f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        return cls(conn, stack)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
        if self._keep_open is not None:
            self._keep_open.close()

    def _all(self, sql: str, params: tuple[object, ...] = ()) -> list[Region]:
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [Region(*row) for row in rows]

    def get(self, code: str) -> Region | None:
        """The region with this dotted code (undotted 2/4/6/10 digits also accepted)."""
        if not isinstance(code, str):
            return None
        if not is_dotted_code(code):
            code = from_digits(code) or ""
            if not code:
                return None
        if code in self._by_code:
            return self._by_code[code]
        rows = self._all(f"SELECT {self._COLUMNS} FROM regions WHERE code = ?", (code,))
        found = rows[0] if rows else None
        if len(self._by_code) < 200_000:
            self._by_code[code] = found
        return found

    def children(self, code: str) -> list[Region]:
        """Direct children, sorted by name."""
        return self._all(
            f"SELECT {self._COLUMNS} FROM regions WHERE parent_code = ? "
            "ORDER BY name COLLATE NOCASE, code",
            (code,),
        )

    def path(self, code: str) -> list[Region]:
        """Province down to ``code`` (empty if ``code`` is unknown)."""
        if not is_dotted_code(code):
            return []
        parts = code.split(".")
        codes = tuple(".".join(parts[: i + 1]) for i in range(len(parts)))
        found = {
            r.code: r
            for r in self._all(
                f"SELECT {self._COLUMNS} FROM regions WHERE code IN "
                f"({','.join('?' * len(codes))})",
                codes,
            )
        }
        if code not in found:
            return []
        return [found[c] for c in codes if c in found]

    def by_nik_prefix(self, digits: str) -> Region | None:
        """The region a NIK's first 2, 4 or 6 digits name (``"150405"`` → Pemayung)."""
        if not isinstance(digits, str) or len(digits) not in (2, 4, 6):
            return None
        return self.get(digits)

    def search(
        self,
        text: str,
        level: str | None = None,
        parent: str | None = None,
        limit: int = 50,
    ) -> list[Region]:
        """Regions whose name contains ``text`` (case-insensitive), best matches first.

        ``parent``: only regions below this code (any depth). Exact names come first,
        then names starting with ``text``, then the rest; ties by level and name.
        """
        text = " ".join(str(text).split())
        if not text:
            return []
        like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where = ["name LIKE ? ESCAPE '\\'"]
        params: list[object] = [f"%{like}%"]
        if level is not None:
            where.append("level = ?")
            params.append(level)
        if parent:
            # every descendant's code sorts between "P." and "P/" ('/' follows '.')
            where.append("code > ? AND code < ?")
            params += [f"{parent}.", f"{parent}/"]
        level_rank = " ".join(f"WHEN '{lv}' THEN {i}" for i, lv in enumerate(LEVELS))
        sql = (
            f"SELECT {self._COLUMNS} FROM regions WHERE {' AND '.join(where)} "
            "ORDER BY CASE WHEN name = ? COLLATE NOCASE THEN 0 "
            "WHEN name LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, "
            f"CASE level {level_rank} END, name COLLATE NOCASE, code LIMIT ?"
        )
        params += [text, f"{like}%", int(limit)]
        return self._all(sql, tuple(params))

    def all(self, level: str) -> list[Region]:
        """Every region of one level, in code order."""
        return self._all(
            f"SELECT {self._COLUMNS} FROM regions WHERE level = ? ORDER BY code", (level,)
        )

    def count(self, level: str | None = None, within: str | None = None) -> int:
        """How many regions (of ``level``) lie below ``within`` (or in the whole country)."""
        where, params = [], []
        if level is not None:
            where.append("level = ?")
            params.append(level)
        if within:
            where.append("code > ? AND code < ?")
            params += [f"{within}.", f"{within}/"]
        sql = "SELECT count(*) FROM regions" + (f" WHERE {' AND '.join(where)}" if where else "")
        with self._lock:
            count: int = self._conn.execute(sql, tuple(params)).fetchone()[0]
            return count

    def meta(self) -> dict[str, str]:
        """The build metadata (``csv_sha256``, counts, schema version)."""
        with self._lock:
            return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())


@cache
def regions() -> RegionIndex:
    """The shared region index (opened on first use)."""
    return RegionIndex.open()


# ---------------------------------------------------------------- small lists


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    label_id: str
    label_en: str
    transport: bool  # the PP 50/2025 transport-sector window applies


FundingSource = Funder  # the name the funder list had before it became reference data


@dataclass(frozen=True, slots=True)
class HeirRelationship:
    code: str
    label_id: str
    label_en: str
    order: int


def _flag(value: str) -> bool:
    if value.strip() not in ("0", "1"):
        raise ValueError(f"expected 0 or 1, got {value!r}")
    return value.strip() == "1"


def parse_occupations(rows: Iterable[Mapping[str, Any]]) -> tuple[Occupation, ...]:
    """Occupations from CSV-like rows (``code, label_id, label_en, transport``); checked."""
    out, seen = [], set()
    for r in rows:
        code = str(r.get("code") or "").strip()
        if not OCCUPATION_CODE.fullmatch(code) or code in seen:
            raise ValueError(f"bad or repeated occupation code {code!r:.50}")
        labels = [str(r.get(k) or "").strip() for k in ("label_id", "label_en")]
        if not all(0 < len(label) <= 80 for label in labels):
            raise ValueError(f"occupation {code}: labels must be 1-80 characters")
        transport = r.get("transport")
        transport = _flag(str(int(transport)) if isinstance(transport, bool) else str(transport))
        seen.add(code)
        out.append(Occupation(code, labels[0], labels[1], transport))
    if not out or len(out) > 500:
        raise ValueError("an occupation list holds 1-500 occupations")
    return tuple(out)


@cache
def _shipped_occupations() -> tuple[Occupation, ...]:
    return parse_occupations(_read_csv("reference", "occupations.csv"))


@cache
def _shipped_funders() -> tuple[Funder, ...]:
    return parse_funders(_read_csv("reference", "funders.csv"))


def funding_sources() -> list[Funder]:
    """The funders of the open workspace (shipped, or an installed update)."""
    return list(active().funders)


def funders() -> dict[str, Funder]:
    """The funders of the open workspace by code."""
    return {f.code: f for f in active().funders}


@cache
def heir_relationships() -> list[HeirRelationship]:
    rows = [
        HeirRelationship(r["code"], r["label_id"], r["label_en"], int(r["order"]))
        for r in _read_csv("reference", "heir_relationships.csv")
    ]
    return sorted(rows, key=lambda r: r.order)


@cache
def rate_rules() -> dict[str, Any]:
    """The parsed shipped ``rates/rules.json``."""
    rules: dict[str, Any] = json.loads(resource("rates", "rules.json").read_text(encoding="utf-8"))
    return rules


def parse_rates(content: Mapping[str, Any]) -> RateTable:
    """A rate table from ``{"rules": <rules.json>, "bands": [<band CSV rows>]}``; checked."""
    rules, bands = content.get("rules"), content.get("bands")
    if not isinstance(rules, dict) or not isinstance(bands, list) or not 0 < len(bands) <= 200:
        raise ValueError("rate table content needs rules and 1-200 bands")
    version = rules.get("version")
    if not isinstance(version, str) or not 0 < len(version) <= 40:
        raise ValueError("rate table version must be text of 1-40 characters")
    try:
        return RateTable.from_data(rules, [{k: str(v) for k, v in b.items()} for b in bands])
    except (KeyError, TypeError, ArithmeticError, AttributeError) as exc:
        raise ValueError(f"rate table: {exc}") from exc


@cache
def _shipped_rates() -> RateTable:
    rules = rate_rules()
    return RateTable.from_data(rules, _read_csv("rates", rules["bands_file"]))


# ---------------------------------------------------------------- the active set


@dataclass(frozen=True, eq=False)
class ReferenceSet:
    """The rate table and occupation list one workspace works with: the shipped files,
    or newer ones the branch installed (``services.reference_data``)."""

    rate_table: RateTable
    occupations: tuple[Occupation, ...]
    occupations_version: str = "shipped"
    funders: tuple[Funder, ...] = ()
    funders_version: str = "shipped"
    relief_reading: ReliefReading = ReliefReading()  # the branch's dana desa reading

    def __post_init__(self) -> None:
        if not self.funders:
            object.__setattr__(self, "funders", _shipped_funders())

    @cached_property
    def transport(self) -> dict[str, bool]:
        return {o.code: o.transport for o in self.occupations}


@cache
def shipped() -> ReferenceSet:
    return ReferenceSet(_shipped_rates(), _shipped_occupations())


_active: ReferenceSet | None = None


def active() -> ReferenceSet:
    """The reference set of the open workspace (the shipped one until one is activated)."""
    return _active or shipped()


def activate(reference: ReferenceSet | None) -> None:
    """Make ``reference`` the set every lookup below uses (None: the shipped files).

    One workspace is open per process (GUI or CLI); opening one activates its set.
    """
    global _active
    _active = reference


def rate_table() -> RateTable:
    return active().rate_table


def occupations() -> list[Occupation]:
    return list(active().occupations)


def contribution_for(
    values: Mapping[str, Any], month: date | str, *, months: int = 1
) -> Contribution | None:
    """The contribution for a (normalised) registration dict in ``month``.

    None while something it depends on is missing or invalid (income, occupation,
    funding source), so a draft can be listed without a figure.
    """
    income = values.get("declared_income")
    if isinstance(income, bool) or not isinstance(income, int) or income < 0:
        return None
    occupation, funding_code = values.get("occupation"), values.get("funding_source")
    if not isinstance(occupation, str) or not isinstance(funding_code, str):
        return None
    reference = active()
    transport = reference.transport.get(occupation)
    funding = funders().get(funding_code)
    if transport is None or funding is None:
        return None
    programs = values.get("programs")
    programs = programs if isinstance(programs, list | tuple | str) else ()
    try:
        return funded_contribution(
            reference.rate_table,
            funder_band=funding.band,
            declared_income=income,
            occupation_transport=transport,
            funding_public_budget=funding.is_public(reference.relief_reading),
            funder_pays=funding.funder_pays,
            with_jht="JHT" in programs,
            month=month,
            months=months,
        )
    except ValueError:
        return None


def default_context(
    today: date | None = None, *, require_signature_image: bool = True
) -> ValidationContext:
    """A ``ValidationContext`` built from the shipped reference data."""
    reference = active()
    table = reference.rate_table
    return ValidationContext(
        regions=regions(),
        occupations=reference.transport,
        funding_sources={f.code: (f.is_public(reference.relief_reading), f.funder_pays)
                         for f in reference.funders},
        funded_bands={f.code: f.band for f in reference.funders if f.band is not None},
        heir_relationships=frozenset(h.code for h in heir_relationships()),
        rate_table=table,
        today=today or date.today(),
        min_age=table.min_age,
        max_age=table.max_age,
        payment_months=table.payment_months,
        require_signature_image=require_signature_image,
    )


__all__ = [
    "Funder",
    "FundingSource",
    "HeirRelationship",
    "Occupation",
    "ReferenceSet",
    "RegionIndex",
    "activate",
    "active",
    "contribution_for",
    "default_context",
    "funders",
    "funding_sources",
    "heir_relationships",
    "occupations",
    "parse_occupations",
    "parse_rates",
    "rate_rules",
    "rate_table",
    "regions",
    "resource",
    "shipped",
]
