"""Coverage at the branch: registrations per region against potential workers and targets.

Counts come from ``coverage_counts`` and ``volunteer_counts`` (kept by triggers, migration
0006): per desa and per volunteer, the registrations the branch holds (not deleted, with a
branch state) by state, occupation, funding source and week (its Monday). A kabupaten/kota or
kecamatan sums its desa, so the whole province costs a few thousand small rows, not a
scan of a million registrations.

Figures per region live in ``coverage_targets``: potential workers (BPJS's own count, the
denominator), the existing active participants where known (e.g. Batanghari 49,803 on
12 Aug 2024) and the target percentage. Coverage = (registered + active participants) /
potential workers. A region without its own target uses its nearest parent's (the
province's 55 % for 2025); without its own potential workers or participants, the sum of
its children's when every child has one. The shipped press figures seed the table once
(:meth:`CoverageService.ensure_seeded`); staff edit them or import a CSV/XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desa_peduli import reference
from desa_peduli.domain.regions import DISTRICT, PROVINCE, REGENCY, VILLAGE, Region, level_of
from desa_peduli.errors import InputRejected, WrongRole
from desa_peduli.services.tabular import iter_rows
from desa_peduli.storage.registrations import local_now

if TYPE_CHECKING:  # annotations only: the session imports the services (a cycle)
    from desa_peduli.services.session import Session

STATES = ("received", "invalid", "accepted", "correction", "registered", "duplicate")
DEFAULT_TARGET_PERCENT = 55.0  # BPJS Ketenagakerjaan Jambi, 2025
DEFAULT_TARGET_YEAR = 2025
# The 55 % is published; the number of participants it means is not agreed (674,000,
# 722,000 or 782,000: resources/regions/jambi_bpjstk_targets.csv). Without a published
# count chosen, the dashboard works it out from the potential workers.
DEFAULT_TARGET_SOURCE = ("BPJS Ketenagakerjaan Cabang Jambi, 17 Mar 2025: 55 % "
                         "(peserta dihitung dari pekerja potensial)")
TARGET_SEED_SETTING = "coverage_target_source_seeded"
SEED_FILE = ("regions", "jambi_bpjstk_coverage_2024.csv")
EMPLOYED_FILE = ("regions", "jambi_bps_employed_2019_2021.csv")
EMPLOYED_COLUMN = "employed_2021"  # the newest year of the file
SEED_SETTING = "coverage_seeded"
SEED_VERSION = "jambi_bpjstk_coverage_2024+bps_employed_2021"
# what a seeded row's source says when BPS's count stands in for BPJS's potential workers
EMPLOYED_NOTE = ("pekerja potensial = penduduk bekerja BPS (Sakernas Agustus 2021), bukan "
                 "hitungan BPJS; jumlah peserta belum dipublikasikan")
TREND_WEEKS = 26
# "who needs a visit"
QUIET_WEEKS = 2  # no registration in this many weeks (the current one included)
BUNDLE_OVERDUE_DAYS = 14
VISIT_CORRECTIONS = 10  # open corrections, at least this many and this share of their
VISIT_CORRECTION_SHARE = 0.10  # registrations: better fixed together on a visit
CHILD_LEVEL = {PROVINCE: REGENCY, REGENCY: DISTRICT, DISTRICT: VILLAGE}
CODE_LENGTH = {PROVINCE: 2, REGENCY: 5, DISTRICT: 8, VILLAGE: 13}


# -- values -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """One row of ``coverage_targets`` (None: not known)."""

    region_code: str
    potential_workers: int | None = None
    target_percent: float | None = None
    active_participants: int | None = None
    source: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None
    target_year: int | None = None  # the year the target is for
    target_count: int | None = None  # a published number of participants, if one is used
    target_source: str | None = None  # who published the target (and the count)


@dataclass
class RegionCoverage:
    """A region's registrations by state and its figures (own, inherited or summed)."""

    code: str
    name: str
    level: str
    states: dict[str, int] = field(default_factory=dict)
    potential_workers: int | None = None
    active_participants: int | None = None
    target_percent: float | None = None
    target_inherited: bool = False  # the target is a parent's
    target_year: int | None = None  # with the target (own or inherited)
    target_count: int | None = None  # a published count (own only), else worked out
    target_source: str | None = None
    figures_summed: bool = False  # potential workers summed from the children's
    source: str | None = None
    has_children: bool = False
    # participants (registered by BPJS) per funder code; filled for reports (all_regions)
    funders: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.states.values())

    @property
    def registered(self) -> int:
        return self.states.get("registered", 0)

    def count(self, state: str) -> int:
        return self.states.get(state, 0)

    @property
    def covered(self) -> int:
        """Participants: registered through Desa Peduli plus the existing ones (if known)."""
        return self.registered + (self.active_participants or 0)

    @property
    def participants_known(self) -> bool:
        """False where no count of participants exists (most kabupaten/kota: only BPJS's
        Batanghari figure was published): coverage then counts Desa Peduli's registrations
        only, a lower bound, and what is still to go is unknown."""
        return self.active_participants is not None

    @property
    def coverage_percent(self) -> float | None:
        if not self.potential_workers:
            return None
        return self.covered * 100.0 / self.potential_workers

    @property
    def target_workers(self) -> int | None:
        if self.target_count is not None:
            return self.target_count
        if not self.potential_workers or self.target_percent is None:
            return None
        return math.ceil(self.potential_workers * self.target_percent / 100.0 - 1e-9)

    @property
    def gap(self) -> int | None:
        """Participants still missing to reach the target (0 once reached)."""
        target = self.target_workers
        if target is None or not self.participants_known:
            return None
        return max(0, target - self.covered)

    @property
    def progress(self) -> float | None:
        """Coverage as a share of the target (1.0 = target reached)."""
        coverage = self.coverage_percent
        if coverage is None or not self.target_percent:
            return None
        return coverage / self.target_percent


@dataclass(frozen=True)
class FunderCount:
    """One funder's registrations in a region: ``participants`` are those registered by
    BPJS (a KPJ number), ``registrations`` every state. Example: DUMISAKE in Batanghari,
    3 registered and 2 awaiting → FunderCount("dumisake", 5, 3)."""

    code: str  # the funder's code ("" when none was recorded)
    registrations: int
    participants: int


@dataclass
class Dashboard:
    """What the dashboard shows for one region (the province at the top)."""

    scope: RegionCoverage
    path: list[Region]  # province … scope (the breadcrumb)
    children: list[RegionCoverage]  # kabupaten/kota, kecamatan or desa below the scope
    occupations: dict[str, int]
    funding: dict[str, int]
    weeks: list[tuple[dt.date, int]]  # Monday, registrations made that week (gaps filled)
    # per funder (the registration's funding source): registrations by state, the funders
    # with the most participants (registered) first
    funders: list[FunderCount] = field(default_factory=list)
    elsewhere: int = 0  # (province only) registrations outside the province or unplaced
    unplaced: int = 0  # below the scope but in no known child region
    computed_at: str = ""
    elapsed_ms: float = 0.0

    @property
    def child_level(self) -> str | None:
        return CHILD_LEVEL.get(self.scope.level)


@dataclass
class VolunteerActivity:
    id: str
    name: str
    villages: list[str]
    registrations: int
    weeks: list[tuple[dt.date, int]]  # the last weeks, oldest first (current week last)
    last_registration_week: dt.date | None
    last_bundle_at: str | None
    open_corrections: int
    invalid: int
    reasons: list[str]  # why a visit is needed: "quiet", "no_bundle", "corrections"

    @property
    def needs_visit(self) -> bool:
        return bool(self.reasons)

    @property
    def this_week(self) -> int:
        return self.weeks[-1][1] if self.weeks else 0


@dataclass
class TargetImport:
    file: str
    applied: list[str]  # region codes written
    skipped: int = 0  # rows without any figure


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# -- the region tree ------------------------------------------------------------------------
class _RegionTree:
    """The regions below one province, from the region index (built once per process)."""

    _cache: dict[tuple[int, str], _RegionTree] = {}

    def __init__(self, index: reference.RegionIndex, province: str):
        root = index.get(province)
        if root is None:
            raise InputRejected(f"Kode provinsi tidak dikenal: {province!s:.20}.",
                                f"Unknown province code: {province!s:.20}.")
        self.root: Region = root
        self.regions: dict[str, Region] = {self.root.code: self.root}
        self.children: dict[str, list[str]] = {}
        pending = [self.root.code]
        while pending:
            code = pending.pop()
            if level_of(code) == VILLAGE:
                continue
            kids = index.children(code)
            self.children[code] = [r.code for r in kids]
            for region in kids:
                self.regions[region.code] = region
                pending.append(region.code)

    @classmethod
    def of(cls, index: reference.RegionIndex, province: str) -> _RegionTree:
        key = (id(index), province)
        tree = cls._cache.get(key)
        if tree is None:
            tree = cls._cache[key] = cls(index, province)
        return tree

    def kids(self, code: str) -> list[str]:
        return self.children.get(code, [])


# -- the service ----------------------------------------------------------------------------
class CoverageService:
    """Coverage figures and counts of one branch workspace (any thread with its own session)."""

    def __init__(self, session: Session, regions: reference.RegionIndex | None = None):
        if session.role != "branch":
            raise WrongRole("branch")
        self.session = session
        if regions is None:
            regions = reference.regions()
        self.index = regions

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def province(self) -> str:
        return self.session.settings.get("province") or "15"

    @property
    def tree(self) -> _RegionTree:
        return _RegionTree.of(self.index, self.province)

    def region(self, code: str) -> Region | None:
        return self.tree.regions.get(code)

    # -- figures ---------------------------------------------------------------------------
    def targets(self) -> dict[str, Target]:
        cursor = self.db.execute(
            "SELECT region_code, potential_workers, target_percent, active_participants, "
            "source, updated_at, updated_by, target_year, target_count, target_source "
            "FROM coverage_targets")
        return {row[0]: Target(*row) for row in cursor}

    def target(self, code: str) -> Target | None:
        return self.targets().get(code)

    def set_target(self, code: str, *, potential_workers: int | None = None,
                   target_percent: float | None = None, active_participants: int | None = None,
                   source: str | None = None, target_year: int | None = None,
                   target_count: int | None = None,
                   target_source: str | None = None) -> Target | None:
        """Replace a region's figures (None: unknown). All None: the row is removed.

        ``target_year``, ``target_count`` and ``target_source`` say which published target
        a figure is (the 2025 55 % is 674,000, 722,000 or 782,000 depending on the source);
        left out, the stored ones stay."""
        code = self._check_region(code)
        values = _checked_figures(potential_workers, target_percent, active_participants,
                                  lambda m_id, m_en: InputRejected(m_id, m_en))
        source = " ".join((source or "").split())[:300] or None
        before = self.target(code) or Target(code)
        with self.db.atomic():
            self._write_target(code, *values, source, _target_of(
                before, target_year, target_count, target_source))
        return self.target(code)

    def _check_region(self, code: str) -> str:
        code = (code or "").strip()
        if self.region(code) is None:
            raise InputRejected(
                f"Wilayah {code!s:.20} bukan kabupaten/kota, kecamatan atau desa di provinsi "
                "kantor cabang ini.",
                f"Region {code!s:.20} is not a kabupaten/kota, kecamatan or desa of this "
                "branch's province.")
        return code

    def _write_target(self, code: str, potential: int | None, percent: float | None,
                      active: int | None, source: str | None,
                      target: tuple[int | None, int | None, str | None] = (None, None, None),
                      ) -> None:
        """``target``: the target's year, published count and source."""
        if potential is None and percent is None and active is None and not source:
            self.db.execute("DELETE FROM coverage_targets WHERE region_code = ?", [code])
            return
        self.db.execute(
            "INSERT INTO coverage_targets(region_code, potential_workers, target_percent, "
            "active_participants, source, updated_at, updated_by, target_year, target_count, "
            "target_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(region_code) DO UPDATE SET potential_workers = excluded.potential_workers, "
            "target_percent = excluded.target_percent, "
            "active_participants = excluded.active_participants, source = excluded.source, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
            "target_year = excluded.target_year, target_count = excluded.target_count, "
            "target_source = excluded.target_source",
            [code, potential, percent, active, source, local_now(), self.session.actor, *target])

    def ensure_seeded(self) -> bool:
        """Seed the figures from the shipped data; True if it did now.

        Every kabupaten/kota gets the figures that exist (:func:`seed_rows`). Rows typed or
        imported by staff are never overwritten; rows an older seed wrote (``updated_by``
        "seed") are brought up to this one.
        """
        if self.session.settings.get(SEED_SETTING) == SEED_VERSION:
            self._seed_target_source()
            return False
        rows = seed_rows(self._region_by_name)
        with self.db.atomic():
            for code, potential, percent, active, source in rows:
                self.db.execute(
                    "INSERT INTO coverage_targets(region_code, potential_workers, "
                    "target_percent, active_participants, source, updated_at, updated_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'seed') ON CONFLICT(region_code) DO UPDATE SET "
                    "potential_workers = excluded.potential_workers, "
                    "target_percent = excluded.target_percent, "
                    "active_participants = excluded.active_participants, "
                    "source = excluded.source, updated_at = excluded.updated_at "
                    "WHERE coverage_targets.updated_by = 'seed'",
                    [code, potential, percent, active, source, local_now()])
            self.session.settings.set(SEED_SETTING, SEED_VERSION)
        self._seed_target_source()
        return True

    def _seed_target_source(self) -> None:
        """Once: the seeded 55 % says its year and who published it (workspaces seeded
        before targets carried them get it too; a figure staff typed is left alone)."""
        if self.session.settings.get(TARGET_SEED_SETTING):
            return
        with self.db.atomic():
            self.db.execute(
                "UPDATE coverage_targets SET target_year = ?, target_source = ? "
                "WHERE region_code = ? AND updated_by = 'seed' AND target_percent = ? "
                "AND target_year IS NULL",
                [DEFAULT_TARGET_YEAR, DEFAULT_TARGET_SOURCE, self.province,
                 DEFAULT_TARGET_PERCENT])
            self.session.settings.set(TARGET_SEED_SETTING, DEFAULT_TARGET_YEAR)

    def _region_by_name(self, name: str) -> Region | None:
        wanted = _name_key(name)
        if not wanted:
            return None
        for region in self.tree.regions.values():
            if region.level == VILLAGE:
                continue
            keys = {_name_key(region.name)}
            if region.level == PROVINCE:
                keys.add(_name_key("Provinsi " + region.name))
            if wanted in keys:
                return region
        return None

    def import_targets(self, path: Path) -> TargetImport:
        """Figures from a CSV or XLSX file, all rows or none.

        Columns (headers, any order, case-insensitive): ``region_code`` (or ``kode``) or
        ``area`` (a region name, e.g. "Kabupaten Batanghari"); any of
        ``potential_workers``, ``target_percent``, ``active_participants`` (or
        ``participants``), ``source``. An empty cell keeps what is stored. The shipped
        ``jambi_bpjstk_coverage_2024.csv`` is such a file.
        """
        path = Path(path)
        problems: list[tuple[int, str, str]] = []
        updates: dict[str, Target] = {}
        skipped = 0
        current = self.targets()
        rows = 0
        for row in iter_rows(path):
            rows += 1
            if row.data is None:
                problems.append((row.number, row.error or "", row.error_en or ""))
                continue
            data = {_header_key(k): v for k, v in row.data.items()}
            code = _text(data.get("region_code"))
            region = self.region(code) if code else self._region_by_name(_text(data.get("area")))
            if region is None:
                what = code or _text(data.get("area")) or "?"
                problems.append((row.number,
                                 f"wilayah tidak dikenal di provinsi ini: {what[:40]}",
                                 f"unknown region in this province: {what[:40]}"))
                continue
            try:
                given = {
                    "potential_workers": parse_int(data.get("potential_workers")),
                    "target_percent": parse_percent(data.get("target_percent")),
                    "active_participants": parse_int(data.get("active_participants")),
                }
            except ValueError as exc:
                problems.append((row.number, *exc.args))
                continue
            source = _text(data.get("source"))
            try:
                target_fields = (parse_int(data.get("target_year")),
                                 parse_int(data.get("target_count")))
            except ValueError as exc:
                problems.append((row.number, *exc.args))
                continue
            target_source = _text(data.get("target_source"))
            if (all(v is None for v in given.values()) and not source and not target_source
                    and target_fields == (None, None)):
                skipped += 1
                continue
            before = updates.get(region.code) or current.get(region.code) or Target(region.code)
            merged: dict[str, Any] = {
                name: value if value is not None else getattr(before, name)
                for name, value in given.items()
            }
            try:
                _checked_figures(merged["potential_workers"], merged["target_percent"],
                                 merged["active_participants"],
                                 lambda m_id, m_en: ValueError(m_id, m_en))
            except ValueError as exc:
                problems.append((row.number, *exc.args))
                continue
            merged["source"] = (source or getattr(before, "source", None)
                                or f"impor {path.name}")[:300]
            try:
                year, count, published = _target_of(before, *target_fields, target_source)
            except InputRejected as exc:
                problems.append((row.number, exc.message_id, exc.message_en))
                continue
            updates[region.code] = Target(region.code, **merged, target_year=year,
                                          target_count=count, target_source=published)
        if not rows:
            raise InputRejected(f"{path.name}: tidak ada baris angka di berkas ini; tidak ada yang "
                                "diubah.", f"{path.name}: the file holds no rows of figures; "
                                "nothing was changed.")
        if problems:
            lines_id = [f"{path.name} baris {n}: {m_id}" for n, m_id, _ in problems[:20]]
            lines_en = [f"{path.name} row {n}: {m_en}" for n, _, m_en in problems[:20]]
            raise InputRejected(
                "\n".join(lines_id) + "\nTidak ada angka yang diubah; perbaiki baris di atas.",
                "\n".join(lines_en) + "\nNo figures were changed; fix the rows above.",
                problems=[{"row": n, "message": m_id, "message_en": m_en}
                          for n, m_id, m_en in problems])
        with self.db.atomic():
            for target in updates.values():
                self._write_target(target.region_code, target.potential_workers,
                                   target.target_percent, target.active_participants,
                                   target.source, (target.target_year, target.target_count,
                                                   target.target_source))
        return TargetImport(path.name, sorted(updates), skipped)

    # -- counts ----------------------------------------------------------------------------
    def _range(self, code: str) -> tuple[str, str]:
        """Codes below ``code`` sort between "code." and "code/"; a desa is itself."""
        if level_of(code) == VILLAGE:
            return code, code + "\x00"
        return code + ".", code + "/"

    def _village_states(self, scope: str) -> dict[str, dict[str, int]]:
        low, high = self._range(scope)
        out: dict[str, dict[str, int]] = {}
        for village, state, n in self.db.execute(
                "SELECT village_code, value, n FROM coverage_counts WHERE village_code >= ? "
                "AND village_code < ? AND dimension = 'state' AND n != 0", [low, high]):
            out.setdefault(village, {})[state] = n
        return out

    def _breakdowns(self, scope: str) -> dict[str, dict[str, int]]:
        low, high = self._range(scope)
        out: dict[str, dict[str, int]] = {"occupation": {}, "funding": {}, "week": {},
                                          "funder_state": {}}
        for dimension, value, n in self.db.execute(
                "SELECT dimension, value, sum(n) FROM coverage_counts WHERE village_code >= ? "
                "AND village_code < ? AND dimension IN ('occupation', 'funding', 'week', "
                "'funder_state') GROUP BY dimension, value", [low, high]):
            if n:
                out[dimension][value] = n
        return out

    def _elsewhere(self) -> int:
        low, high = self._range(self.province)
        row = self.db.execute(
            "SELECT coalesce(sum(n), 0) FROM coverage_counts WHERE dimension = 'state' AND "
            "(village_code < ? OR village_code >= ?)", [low, high]).fetchone()
        count: int = row[0]
        return count

    def dashboard(self, scope: str | None = None) -> Dashboard:
        """The figures of ``scope`` (default: the province) and of each region below it."""
        started = time.perf_counter()
        tree = self.tree
        scope = scope or tree.root.code
        region = tree.regions.get(scope)
        if region is None:
            raise InputRejected(f"Wilayah tidak dikenal: {scope!s:.20}.",
                                f"Unknown region: {scope!s:.20}.")
        villages = self._village_states(scope)
        figures = _Figures(tree, self.targets())
        sums: dict[str, dict[str, int]] = {}
        child_length = CODE_LENGTH.get(CHILD_LEVEL.get(region.level, ""), 0)
        total: dict[str, int] = {}
        for village, states in villages.items():
            key = village[:child_length] if child_length else village
            bucket = sums.setdefault(key, {})
            for state, n in states.items():
                bucket[state] = bucket.get(state, 0) + n
                total[state] = total.get(state, 0) + n
        children = [figures.coverage(tree.regions[code], sums.pop(code, {}))
                    for code in tree.kids(scope)]
        unplaced = sum(sum(states.values()) for states in sums.values()) if child_length else 0
        breakdowns = self._breakdowns(scope)
        return Dashboard(
            scope=figures.coverage(region, total),
            path=[tree.regions[c] for c in _ancestors(scope) if c in tree.regions],
            children=children,
            occupations=_sorted_counts(breakdowns["occupation"]),
            funding=_sorted_counts(breakdowns["funding"]),
            funders=_funders(breakdowns["funder_state"]),
            weeks=_filled_weeks(breakdowns["week"]),
            elsewhere=self._elsewhere() if region.level == PROVINCE else 0,
            unplaced=unplaced,
            computed_at=local_now(),
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def all_regions(self, level: str = VILLAGE) -> list[RegionCoverage]:
        """Every region of the province down to ``level``, depth first (for reports):
        the province, then each kabupaten/kota followed by its kecamatan and their desa."""
        tree = self.tree
        villages = self._village_states(tree.root.code)
        sums: dict[str, dict[str, int]] = {}
        for village, states in villages.items():
            for length in (2, 5, 8, 13):
                bucket = sums.setdefault(village[:length], {})
                for state, n in states.items():
                    bucket[state] = bucket.get(state, 0) + n
        funders: dict[str, dict[str, int]] = {}
        for village, value, n in self.db.execute(
                "SELECT village_code, value, n FROM coverage_counts WHERE village_code >= ? "
                "AND village_code < ? AND dimension = 'funder_state' AND n != 0 "
                "AND value LIKE '%|registered'", list(self._range(tree.root.code))):
            funder = value.rpartition("|")[0]
            for length in (2, 5, 8, 13):
                bucket = funders.setdefault(village[:length], {})
                bucket[funder] = bucket.get(funder, 0) + n
        figures = _Figures(tree, self.targets())
        depth = {PROVINCE: 0, REGENCY: 1, DISTRICT: 2, VILLAGE: 3}[level]
        out: list[RegionCoverage] = []

        def walk(code: str, at: int) -> None:
            region = figures.coverage(tree.regions[code], sums.get(code, {}))
            region.funders = funders.get(code, {})
            out.append(region)
            if at < depth:
                for child in tree.kids(code):
                    walk(child, at + 1)

        walk(tree.root.code, 0)
        return out

    # -- volunteers ------------------------------------------------------------------------
    def volunteer_activity(self, *, weeks: int = 8,
                           today: dt.date | None = None) -> list[VolunteerActivity]:
        """Per volunteer: registrations per week (the last ``weeks``), last bundle, open
        corrections and why a visit is needed. Those needing a visit come first."""
        today = today or dt.date.today()
        current = monday_of(today)
        mondays = [current - dt.timedelta(weeks=k) for k in range(weeks - 1, -1, -1)]
        shown = {m.isoformat(): m for m in mondays}
        counts: dict[str, dict[str, Any]] = {}
        for vid, dimension, value, n in self.db.execute(
                "SELECT volunteer_id, dimension, value, n FROM volunteer_counts WHERE n != 0"):
            item = counts.setdefault(vid, {"state": {}, "week": {}})
            item[dimension][value] = n
        out = []
        now = (dt.datetime.now().astimezone() if today == dt.date.today() else
               dt.datetime.combine(today, dt.time(23, 59, 59)).astimezone())
        overdue = now - dt.timedelta(days=BUNDLE_OVERDUE_DAYS)
        for vid, name, villages, last_bundle in self.db.execute(
                "SELECT id, name, villages, last_bundle_at FROM volunteers ORDER BY id"):
            item = counts.get(vid, {"state": {}, "week": {}})
            per_week = item["week"]
            active_weeks = [w for w in per_week if w and w <= current.isoformat()]
            last_week = dt.date.fromisoformat(max(active_weeks)) if active_weeks else None
            corrections = item["state"].get("correction", 0)
            invalid = item["state"].get("invalid", 0)
            reasons = []
            if last_week is None or last_week <= current - dt.timedelta(weeks=QUIET_WEEKS):
                reasons.append("quiet")
            if not last_bundle or _instant(last_bundle) < overdue:
                reasons.append("no_bundle")
            total = sum(item["state"].values())
            if corrections >= max(VISIT_CORRECTIONS, VISIT_CORRECTION_SHARE * total):
                reasons.append("corrections")
            out.append(VolunteerActivity(
                id=vid, name=name, villages=json.loads(villages or "[]"),
                registrations=total,
                weeks=[(m, per_week.get(key, 0)) for key, m in shown.items()],
                last_registration_week=last_week, last_bundle_at=last_bundle,
                open_corrections=corrections, invalid=invalid, reasons=reasons))
        out.sort(key=lambda v: (not v.needs_visit, -len(v.reasons), -v.open_corrections, v.id))
        return out


# -- figures ----------------------------------------------------------------------------------
class _Figures:
    """Figures per region for one computation: own, inherited target, summed children."""

    def __init__(self, tree: _RegionTree, targets: dict[str, Target]):
        self.tree = tree
        self.targets = targets
        self._sums: dict[tuple[str, str], int | None] = {}

    def _summed(self, code: str, name: str) -> int | None:
        key = (code, name)
        if key in self._sums:
            return self._sums[key]
        own = getattr(self.targets.get(code), name, None)
        value: int | None
        if own is not None:
            value = own
        else:
            kids = self.tree.kids(code)
            values = [self._summed(k, name) for k in kids]
            known = [v for v in values if v is not None]
            value = sum(known) if kids and len(known) == len(values) else None  # all known
        self._sums[key] = value
        return value

    def coverage(self, region: Region, states: dict[str, int]) -> RegionCoverage:
        own = self.targets.get(region.code)
        percent, inherited, holder = None, False, None
        for code in reversed(_ancestors(region.code)):
            found = getattr(self.targets.get(code), "target_percent", None)
            if found is not None:
                percent, inherited, holder = found, code != region.code, self.targets[code]
                break
        potential = self._summed(region.code, "potential_workers")
        return RegionCoverage(
            code=region.code, name=region.name, level=region.level, states=dict(states),
            potential_workers=potential,
            active_participants=self._summed(region.code, "active_participants"),
            target_percent=percent, target_inherited=inherited,
            target_year=getattr(holder, "target_year", None),
            target_count=None if inherited else getattr(holder, "target_count", None),
            target_source=getattr(holder, "target_source", None),
            figures_summed=potential is not None and getattr(own, "potential_workers",
                                                             None) is None,
            source=getattr(own, "source", None),
            has_children=bool(self.tree.kids(region.code)),
        )


# -- the shipped figures --------------------------------------------------------------------
SeedRow = tuple[str, int | None, float | None, int | None, str | None]


def seed_rows(region_by_name: Callable[[str], Region | None]) -> list[SeedRow]:
    """The shipped figures per region: (code, potential workers, target %, participants,
    source).

    BPJS Ketenagakerjaan's own press figures of 12 Aug 2024 come first (the province:
    518,632 participants of 1,312,370 potential workers; Batanghari: 49,803 of 98,206;
    three kabupaten/kota with a percentage only, kept in the source note). A kabupaten/kota
    without BPJS's potential workers gets BPS's employed persons of August 2021 instead, its
    source saying so; its participants stay unknown (None): no count was published.
    Example: Kabupaten Kerinci → ("15.01", 130965, None, None, "BPS Sakernas … ").
    """
    rows: dict[str, list[Any]] = {}
    text = reference.resource(*SEED_FILE).read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        region = region_by_name(row.get("area") or "")
        if region is None:
            continue
        note = f"{row.get('source') or ''}".strip()
        if row.get("as_of"):
            note = f"{note}; {row['as_of']}" if note else row["as_of"]
        potential = _int_or_none(row.get("potential_workers"))
        if potential is None and row.get("coverage_pct"):
            note += f"; {row['coverage_pct']}%"  # only the percentage was published
        percent = DEFAULT_TARGET_PERCENT if region.level == PROVINCE else None
        rows[region.code] = [potential, percent, _int_or_none(row.get("participants")), note]
    text = reference.resource(*EMPLOYED_FILE).read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        code = (row.get("kemendagri_code") or "").strip()
        employed = _int_or_none(row.get(EMPLOYED_COLUMN))
        if level_of(code) != REGENCY or employed is None:
            continue
        item = rows.setdefault(code, [None, None, None, ""])
        if item[0] is None:
            item[0] = employed
            item[3] = "; ".join(p for p in (EMPLOYED_NOTE, item[3]) if p)
    return [(code, potential, percent, active, (note or "")[:300] or None)
            for code, (potential, percent, active, note) in rows.items()]


# -- helpers ----------------------------------------------------------------------------------
def _target_of(before: Target, year: int | None, count: int | None,
               source: str | None) -> tuple[int | None, int | None, str | None]:
    """The target's year, count and source: the given ones, else what was stored."""
    source = " ".join((source or "").split())[:300] or None
    if year is not None and not 2000 <= year <= 2100:
        raise InputRejected(f"Tahun target {year} tidak masuk akal; tulis mis. 2025.",
                            f"Target year {year} makes no sense; write e.g. 2025.")
    if count is not None and count < 0:
        raise InputRejected("Jumlah peserta target tidak boleh negatif.",
                            "The target number of participants cannot be negative.")
    return (before.target_year if year is None else year,
            before.target_count if count is None else count,
            before.target_source if source is None else source)


def _ancestors(code: str) -> list[str]:
    """``"15.04.05"`` → ``["15", "15.04", "15.04.05"]``."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _sorted_counts(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _funders(counts: dict[str, int]) -> list[FunderCount]:
    """``{"dumisake|registered": 3, "dumisake|received": 2}`` → [FunderCount(dumisake, 5, 3)]."""
    totals: dict[str, list[int]] = {}
    for value, n in counts.items():
        code, _, state = value.rpartition("|")
        item = totals.setdefault(code, [0, 0])
        item[0] += n
        if state == "registered":
            item[1] += n
    return sorted((FunderCount(code, total, registered)
                   for code, (total, registered) in totals.items() if total),
                  key=lambda f: (-f.participants, -f.registrations, f.code))


def _filled_weeks(counts: dict[str, int]) -> list[tuple[dt.date, int]]:
    days = {}
    for key, n in counts.items():
        try:
            days[dt.date.fromisoformat(key)] = n
        except ValueError:
            continue  # no usable created_at
    if not days:
        return []
    first, last = min(days), max(days)
    out, day = [], first
    while day <= last:
        out.append((day, days.get(day, 0)))
        day += dt.timedelta(weeks=1)
    return out


def _instant(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.astimezone()


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", (name or "").lower())


_HEADERS = {
    "region_code": "region_code", "code": "region_code", "kode": "region_code",
    "kode_wilayah": "region_code",
    "area": "area", "name": "area", "wilayah": "area", "nama": "area",
    "potential_workers": "potential_workers", "pekerja_potensial": "potential_workers",
    "potensi": "potential_workers",
    "target_percent": "target_percent", "target": "target_percent",
    "target_persen": "target_percent",
    "active_participants": "active_participants", "participants": "active_participants",
    "peserta_aktif": "active_participants", "peserta": "active_participants",
    "source": "source", "sumber": "source",
    "target_year": "target_year", "tahun_target": "target_year", "year": "target_year",
    "tahun": "target_year",
    "target_count": "target_count", "target_participants": "target_count",
    "target_peserta": "target_count",
    "target_source": "target_source", "sumber_target": "target_source",
}


def _header_key(header: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "_", (header or "").strip().lower()).strip("_")
    return _HEADERS.get(key, key)


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _int_or_none(value: object) -> int | None:
    try:
        return parse_int(value)
    except ValueError:
        return None


def parse_int(value: object) -> int | None:
    """``98206``, ``"98.206"``, ``"98,206"``, ``"98 206"`` → 98206; empty → None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("bukan angka", "not a number")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = re.sub(r"[\s.,]", "", str(value))
        if not text.isdigit():
            raise ValueError(f"bukan bilangan bulat: {str(value)[:20]}",
                             f"not a whole number: {str(value)[:20]}")
        number = int(text)
    if number < 0:
        raise ValueError("angka tidak boleh negatif", "a figure cannot be negative")
    return number


def parse_percent(value: object) -> float | None:
    """``55``, ``"55%"``, ``"55,5"``, ``"55.5"`` → the percentage; empty → None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("bukan persentase", "not a percentage")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().rstrip("%").strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"bukan persentase: {str(value)[:20]}",
                             f"not a percentage: {str(value)[:20]}") from None
    return number


def _checked_figures(
    potential: int | None, percent: float | None, active: int | None,
    error: Callable[[str, str], Exception],
) -> tuple[int | None, float | None, int | None]:
    for name, value in (("potential_workers", potential), ("active_participants", active)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            raise error(f"{name}: harus bilangan bulat 0 atau lebih.",
                        f"{name}: must be a whole number, 0 or more.")
    if percent is not None:
        if isinstance(percent, bool) or not isinstance(percent, int | float) or not (
                1 <= float(percent) <= 100):
            raise error("Target harus persentase antara 1 dan 100 (tulis 55, bukan 0,55).",
                        "The target must be a percentage from 1 to 100 (write 55, not 0.55).")
        percent = float(percent)
    if potential is not None and active is not None and active > potential:
        raise error("Peserta aktif melebihi pekerja potensial; periksa kedua angka.",
                    "Active participants exceed the potential workers; check both figures.")
    return potential, percent, active
