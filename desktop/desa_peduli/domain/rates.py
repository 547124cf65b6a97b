"""BPU contributions (iuran): income bands, dated discount rules and who pays what.

Pure functions over a ``RateTable`` built from data (``resources/rates/``), loaded by
``desa_peduli.reference.rate_table()``. Amounts are whole rupiah.

- A declared income maps to a band; JKK is a percentage of the band's fixed *base*
  (never of the raw income), JKM is flat, JHT (optional) a percentage of the base.
- Discounts (PP 50/2025) apply to JKK+JKM only, per sector and month window, and not
  when JKK+JKM is paid from a public budget (APBN/APBD, e.g. DUMISAKE).
- JHT is never discounted and always paid by the worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Any

TRANSPORT = "transport"
OTHER = "other"


@dataclass(frozen=True, slots=True)
class Band:
    row: int
    income_from: int
    income_to: int | None  # inclusive; None = open-ended
    base: int
    confidence: str = "high"

    def contains(self, income: int) -> bool:
        return self.income_from <= income and (self.income_to is None or income <= self.income_to)


@dataclass(frozen=True, slots=True)
class Discount:
    name: str
    percent: Fraction
    applies_to: frozenset[str]  # subset of {"JKK", "JKM"}
    sector: str  # TRANSPORT or OTHER
    start: str  # "YYYY-MM", inclusive
    end: str  # "YYYY-MM", inclusive
    label_id: str
    label_en: str

    def applies(self, month: str, sector: str) -> bool:
        return self.sector == sector and self.start <= month <= self.end


@dataclass(frozen=True, slots=True)
class RuleLabel:
    name: str
    label_id: str
    label_en: str


@dataclass(frozen=True)
class RateTable:
    version: str
    bands: tuple[Band, ...]
    jkk_percent: Fraction
    jkm_flat: int
    jht_percent: Fraction
    discounts: tuple[Discount, ...] = ()
    discount_excludes_public_budget: bool = True
    normal_rule: RuleLabel = RuleLabel(
        "PP 44/2015", "Tarif normal PP 44/2015", "Standard rate PP 44/2015"
    )
    public_budget_rule: RuleLabel | None = None
    min_age: int = 15
    max_age: int = 65
    payment_months: tuple[int, ...] = (1, 3, 6, 12)

    def __post_init__(self) -> None:
        if not self.bands:
            raise ValueError("rate table without bands")
        expected = 0
        for band in self.bands:
            if band.income_from != expected:
                raise ValueError(f"band {band.row} starts at {band.income_from}, not {expected}")
            if band.income_to is None:
                if band is not self.bands[-1]:
                    raise ValueError(f"band {band.row} is open-ended but not the last")
                break
            if band.income_to < band.income_from:
                raise ValueError(f"band {band.row} ends before it starts")
            expected = band.income_to + 1
        if self.bands[-1].income_to is not None:
            raise ValueError("the last band must be open-ended")

    @classmethod
    def from_data(cls, rules: Mapping[str, Any], band_rows: Iterable[Mapping[str, str]]) -> RateTable:
        """Build from the parsed ``rules.json`` and the rows of the band CSV.

        The CSV's precomputed columns (``jkk_1pct``, ``jkm_flat``, ``jht_2pct_optional``)
        are cross-checked against the rules, so the two files cannot drift apart.
        """
        jkk_percent = Fraction(str(rules["jkk_percent"]))
        jht_percent = Fraction(str(rules["jht_percent"]))
        jkm_flat = int(rules["jkm_flat"])
        bands = []
        for raw in band_rows:
            band = Band(
                row=int(raw["row"]),
                income_from=int(raw["income_from"]),
                income_to=int(raw["income_to"]) if raw.get("income_to") else None,
                base=int(raw["base"]),
                confidence=(raw.get("confidence") or "high").strip(),
            )
            checks = (
                ("jkk_1pct", _percent_of(band.base, jkk_percent)),
                ("jkm_flat", jkm_flat),
                ("jht_2pct_optional", _percent_of(band.base, jht_percent)),
            )
            for column, value in checks:
                if raw.get(column) not in (None, "") and int(raw[column]) != value:
                    raise ValueError(f"band {band.row}: {column}={raw[column]} but rules give {value}")
            bands.append(band)
        bands.sort(key=lambda b: b.income_from)

        def label(key: str) -> RuleLabel | None:
            data = rules.get(key)
            if not data:
                return None
            return RuleLabel(data["name"], data["label_id"], data.get("label_en", data["label_id"]))

        discounts = tuple(
            Discount(
                name=d["name"],
                percent=Fraction(str(d["percent"])),
                applies_to=frozenset(d["applies_to"]),
                sector=d["sector"],
                start=_month(d["from"]),
                end=_month(d["to"]),
                label_id=d["label_id"],
                label_en=d.get("label_en", d["label_id"]),
            )
            for d in rules.get("discounts", ())
        )
        for d in discounts:
            if not d.applies_to <= {"JKK", "JKM"}:
                raise ValueError(f"discount {d.name} may only apply to JKK/JKM")
        age = rules.get("age", {})
        kwargs: dict[str, RuleLabel] = {}
        normal_rule = label("normal_rule")
        if normal_rule:
            kwargs["normal_rule"] = normal_rule
        return cls(
            version=str(rules["version"]),
            bands=tuple(bands),
            jkk_percent=jkk_percent,
            jkm_flat=jkm_flat,
            jht_percent=jht_percent,
            discounts=discounts,
            discount_excludes_public_budget=bool(rules.get("discount_excludes_public_budget", True)),
            public_budget_rule=label("public_budget_rule"),
            min_age=int(age.get("min", 15)),
            max_age=int(age.get("max", 65)),
            payment_months=tuple(int(m) for m in rules.get("payment_months", (1, 3, 6, 12))),
            **kwargs,
        )

    def band_for(self, income: int) -> Band:
        """The band a declared monthly income falls in (ValueError if negative)."""
        if isinstance(income, bool) or not isinstance(income, int):
            raise TypeError("declared income must be a whole number of rupiah")
        if income < 0:
            raise ValueError("declared income cannot be negative")
        lo, hi = 0, len(self.bands) - 1
        while lo < hi:  # last band whose income_from <= income
            mid = (lo + hi + 1) // 2
            if self.bands[mid].income_from <= income:
                lo = mid
            else:
                hi = mid - 1
        return self.bands[lo]

    def discount_for(self, month: str, *, transport: bool, public_budget: bool) -> Discount | None:
        if public_budget and self.discount_excludes_public_budget:
            return None
        sector = TRANSPORT if transport else OTHER
        for discount in self.discounts:
            if discount.applies(month, sector):
                return discount
        return None


@dataclass(frozen=True)
class Contribution:
    """One month's contribution; for ``months > 1`` also the period sums and breakdown."""

    month: str  # "YYYY-MM", the first month of the period
    band: int  # the band's row number
    base: int
    jkk: int
    jkm: int
    jht: int
    total: int
    paid_by_worker: int
    paid_by_funder: int
    rule: str  # Indonesian, names the rule applied
    rule_en: str
    discount: str | None  # e.g. "PP 50/2025", None at the normal rate
    confidence: str  # of the band ("high" / "medium")
    rates_version: str
    months: int = 1
    period_total: int = 0
    period_paid_by_worker: int = 0
    period_paid_by_funder: int = 0
    breakdown: tuple[Contribution, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The CLI.md ``contribution`` shape, plus extra keys."""
        data = {
            "month": self.month,
            "band": self.band,
            "base": self.base,
            "jkk": self.jkk,
            "jkm": self.jkm,
            "jht": self.jht,
            "total": self.total,
            "paid_by_worker": self.paid_by_worker,
            "paid_by_funder": self.paid_by_funder,
            "rule": self.rule,
            "rule_en": self.rule_en,
            "confidence": self.confidence,
            "rates_version": self.rates_version,
        }
        if self.months > 1:
            data.update(
                months=self.months,
                period_total=self.period_total,
                period_paid_by_worker=self.period_paid_by_worker,
                period_paid_by_funder=self.period_paid_by_funder,
                breakdown=[
                    {k: m.to_dict()[k] for k in ("month", "jkk", "jkm", "jht", "total",
                                                  "paid_by_worker", "paid_by_funder", "rule")}
                    for m in self.breakdown
                ],
            )
        return data


def contribution(
    table: RateTable,
    *,
    declared_income: int,
    occupation_transport: bool,
    funding_public_budget: bool,
    funder_pays: bool,
    with_jht: bool,
    month: str | date,
    months: int = 1,
) -> Contribution:
    """What is due for ``month`` (and the ``months``-long period starting there).

    ``funder_pays``: the funding source pays JKK+JKM (DUMISAKE, CSR…); JHT stays with
    the worker. Raises ValueError on a negative income, a bad month or ``months < 1``.
    """
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValueError("months must be a whole number ≥ 1")
    band = table.band_for(declared_income)
    first = _month(month)
    per_month = [
        _one_month(
            table,
            band,
            m,
            transport=occupation_transport,
            public_budget=funding_public_budget,
            funder_pays=funder_pays,
            with_jht=with_jht,
        )
        for m in _months_from(first, months)
    ]
    head = per_month[0]
    return replace(
        head,
        months=months,
        period_total=sum(m.total for m in per_month),
        period_paid_by_worker=sum(m.paid_by_worker for m in per_month),
        period_paid_by_funder=sum(m.paid_by_funder for m in per_month),
        breakdown=tuple(per_month) if months > 1 else (),
    )


def _one_month(
    table: RateTable,
    band: Band,
    month: str,
    *,
    transport: bool,
    public_budget: bool,
    funder_pays: bool,
    with_jht: bool,
) -> Contribution:
    jkk = _percent_of(band.base, table.jkk_percent)
    jkm = table.jkm_flat
    jht = _percent_of(band.base, table.jht_percent) if with_jht else 0
    discount = table.discount_for(month, transport=transport, public_budget=public_budget)
    if discount is not None:
        keep = 100 - discount.percent
        if "JKK" in discount.applies_to:
            jkk = _percent_of(jkk, keep)
        if "JKM" in discount.applies_to:
            jkm = _percent_of(jkm, keep)
        rule = RuleLabel(discount.name, discount.label_id, discount.label_en)
    elif public_budget and table.public_budget_rule is not None:
        rule = table.public_budget_rule
    else:
        rule = table.normal_rule
    funder = jkk + jkm if funder_pays else 0
    total = jkk + jkm + jht
    return Contribution(
        month=month,
        band=band.row,
        base=band.base,
        jkk=jkk,
        jkm=jkm,
        jht=jht,
        total=total,
        paid_by_worker=total - funder,
        paid_by_funder=funder,
        rule=rule.label_id,
        rule_en=rule.label_en,
        discount=discount.name if discount else None,
        confidence=band.confidence,
        rates_version=table.version,
        period_total=total,
        period_paid_by_worker=total - funder,
        period_paid_by_funder=funder,
    )


def _percent_of(amount: int, percent: Fraction) -> int:
    """``percent``% of ``amount`` in whole rupiah, halves rounded up."""
    exact = Fraction(amount) * Fraction(percent) / 100
    return int(exact + Fraction(1, 2)) if exact >= 0 else -int(-exact + Fraction(1, 2))


def _month(value: str | date) -> str:
    """Normalise a date or "YYYY-MM" string to "YYYY-MM" (ValueError otherwise)."""
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, str) and len(value) == 7 and value[4] == "-":
        year, mon = value[:4], value[5:]
        if year.isascii() and year.isdigit() and mon.isascii() and mon.isdigit():
            if 1 <= int(mon) <= 12:
                return value
    raise ValueError(f"month must be 'YYYY-MM' or a date, not {value!r}")


def _months_from(first: str, count: int) -> list[str]:
    return [add_months(first, i) for i in range(count)]


def add_months(month: str | date, count: int) -> str:
    """``add_months("2026-11", 3)`` → ``"2027-02"``."""
    first = _month(month)
    index = int(first[:4]) * 12 + int(first[5:]) - 1 + count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def funded_contribution(
    table: RateTable,
    *,
    funder_band: int | None,
    declared_income: int,
    occupation_transport: bool,
    funding_public_budget: bool,
    funder_pays: bool,
    with_jht: bool,
    month: str | date,
    months: int = 1,
) -> Contribution:
    """``contribution`` with JKK+JKM at the band a funder pays, whatever income is declared;
    JHT (the worker's own) stays on the declared income's band.

    Worked example: a DUMISAKE worker declaring Rp5,000,000 (band 14, base 4,950,000) is
    billed at band 1: JKK 10,000 + JKM 6,800 = Rp16,800 to the province, not Rp56,300.
    ``funder_band`` None: the declared income's band (a self-paid worker).
    """
    if funder_band is None:
        return contribution(table, declared_income=declared_income,
                            occupation_transport=occupation_transport,
                            funding_public_budget=funding_public_budget,
                            funder_pays=funder_pays, with_jht=with_jht, month=month,
                            months=months)
    rows = [b for b in table.bands if b.row == funder_band]
    if not rows:
        raise ValueError(f"the rate table has no band {funder_band}")
    jht = _percent_of(table.band_for(declared_income).base, table.jht_percent) if with_jht else 0
    funded = contribution(table, declared_income=rows[0].income_from,
                          occupation_transport=occupation_transport,
                          funding_public_budget=funding_public_budget, funder_pays=funder_pays,
                          with_jht=False, month=month, months=months)

    def plus_jht(c: Contribution, count: int) -> Contribution:
        return replace(c, jht=jht, total=c.total + jht, paid_by_worker=c.paid_by_worker + jht,
                       period_total=c.period_total + jht * count,
                       period_paid_by_worker=c.period_paid_by_worker + jht * count)

    return replace(plus_jht(funded, funded.months),
                   breakdown=tuple(plus_jht(m, 1) for m in funded.breakdown))
