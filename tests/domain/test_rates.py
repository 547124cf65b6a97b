"""Contributions: bands, PP 50/2025 discount windows, public-budget funding, periods."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desa_peduli import reference
from desa_peduli.domain.rates import RateTable, add_months, contribution, relief_ends_soon

TABLE = reference.rate_table()
TRANSPORT = {o.code: o.transport for o in reference.occupations()}
FUNDING = {f.code: f for f in reference.funding_sources()}
CLI_KEYS = {"month", "band", "base", "jkk", "jkm", "jht", "total", "paid_by_worker",
            "paid_by_funder", "rule"}  # fmt: skip


def due(occupation="petani", funding="mandiri", month="2026-02", income=1_000_000,
        jht=False, months=1):  # fmt: skip
    source = FUNDING[funding]
    return contribution(
        TABLE,
        declared_income=income,
        occupation_transport=TRANSPORT[occupation],
        funding_public_budget=source.public_budget,
        funder_pays=source.funder_pays,
        with_jht=jht,
        month=month,
        months=months,
    )


# ------------------------------------------------------------- pinned cases


def test_petani_mandiri_before_other_sector_window_pays_full_rate():
    c = due("petani", "mandiri", "2026-02")
    assert (c.jkk, c.jkm, c.jht, c.total) == (10_000, 6_800, 0, 16_800)
    assert (c.paid_by_worker, c.paid_by_funder) == (16_800, 0)
    assert c.rule == "Tarif normal PP 44/2015"
    assert c.discount is None


def test_petani_mandiri_in_other_sector_window_pays_half():
    c = due("petani", "mandiri", "2026-05")
    assert (c.jkk, c.jkm, c.total) == (5_000, 3_400, 8_400)
    assert c.paid_by_worker == 8_400
    assert c.discount == "PP 50/2025"
    assert "PP 50/2025" in c.rule and "50%" in c.rule


def test_ojek_daring_mandiri_in_transport_window_pays_half():
    c = due("ojek_daring", "mandiri", "2026-02")
    assert c.total == 8_400
    assert c.rule == "PP 50/2025: diskon 50% JKK+JKM untuk sektor transportasi (Jan 2026–Mar 2027)"


def test_ojek_daring_mandiri_after_transport_window_pays_full():
    assert due("ojek_daring", "mandiri", "2027-04").total == 16_800


@pytest.mark.parametrize(
    ("occupation", "month", "total"),
    [
        ("ojek_daring", "2025-12", 16_800),
        ("ojek_daring", "2026-01", 8_400),
        ("ojek_pangkalan", "2026-11", 8_400),
        ("sopir", "2027-03", 8_400),
        ("kurir", "2027-04", 16_800),
        ("petani", "2026-03", 16_800),
        ("petani", "2026-04", 8_400),
        ("nelayan", "2026-12", 8_400),
        ("pedagang_pasar", "2027-01", 16_800),
        ("lainnya", "2025-06", 16_800),
    ],
)
def test_discount_window_edges(occupation, month, total):
    assert due(occupation, "mandiri", month).total == total


def test_dumisake_is_not_discounted_and_funder_pays_everything():
    c = due("ojek_daring", "dumisake", "2026-02")
    assert c.total == 16_800
    assert c.paid_by_funder == 16_800
    assert c.paid_by_worker == 0
    assert c.discount is None
    assert "APBN/APBD" in c.rule


@pytest.mark.parametrize("funding", ["dumisake", "apbd_kabupaten", "dana_desa"])
def test_every_public_budget_source_excludes_the_discount(funding):
    c = due("petani", funding, "2026-06")
    assert (c.total, c.paid_by_funder, c.paid_by_worker) == (16_800, 16_800, 0)


def test_public_budget_with_jht_worker_pays_only_jht():
    c = due("petani", "dumisake", "2026-06", jht=True)
    assert (c.jht, c.paid_by_worker, c.paid_by_funder, c.total) == (20_000, 20_000, 16_800, 36_800)


def test_csr_sponsor_pays_discounted_jkk_jkm():
    c = due("ojek_daring", "csr", "2026-02", jht=True)
    assert (c.jkk, c.jkm, c.jht) == (5_000, 3_400, 20_000)
    assert (c.paid_by_funder, c.paid_by_worker) == (8_400, 20_000)


def test_jht_lowest_band_adds_20000_and_is_never_discounted():
    assert due("petani", "mandiri", "2026-02", jht=True).total == 36_800
    in_window = due("petani", "mandiri", "2026-05", jht=True)
    assert in_window.jht == 20_000
    assert in_window.total == 8_400 + 20_000
    assert in_window.paid_by_worker == 28_400
    transport = due("ojek_daring", "mandiri", "2026-02", jht=True)
    assert transport.jht == 20_000 and transport.total == 28_400


def test_income_maps_to_band_base_never_raw_income():
    c = due(income=1_500_000, month="2027-06")
    assert (c.band, c.base, c.jkk) == (4, 1_600_000, 16_000)
    assert due(income=1_500_000, month="2027-06", jht=True).jht == 32_000


def test_highest_band_is_open_ended_and_medium_confidence():
    c = due(income=500_000_000, month="2027-06")
    assert (c.band, c.base, c.jkk) == (33, 20_700_000, 207_000)
    assert c.confidence == "medium"
    assert due(month="2027-06").confidence == "high"


def test_three_month_period_crosses_window_start():
    c = due("petani", "mandiri", "2026-02", months=3)
    assert [m.total for m in c.breakdown] == [16_800, 16_800, 8_400]
    assert c.period_total == 42_000
    assert c.total == 16_800  # the first month


def test_six_month_period_crosses_transport_window_end():
    c = due("ojek_daring", "mandiri", "2027-01", months=6)
    assert [m.month for m in c.breakdown] == [
        "2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]  # fmt: skip
    assert c.period_total == 3 * 8_400 + 3 * 16_800


def test_twelve_month_period_summed_month_by_month():
    c = due("petani", "mandiri", "2026-02", months=12)
    assert len(c.breakdown) == 12
    assert c.period_total == 2 * 16_800 + 9 * 8_400 + 16_800 == 126_000
    assert c.period_paid_by_worker == 126_000 and c.period_paid_by_funder == 0
    assert c.breakdown[-1].month == "2027-01"


def test_period_with_jht_and_funder_split():
    c = due("petani", "csr", "2026-11", jht=True, months=3)
    assert c.period_paid_by_worker == 3 * 20_000
    assert c.period_paid_by_funder == 8_400 + 8_400 + 16_800
    assert c.period_total == c.period_paid_by_worker + c.period_paid_by_funder


def test_to_dict_has_the_cli_shape():
    d = due("petani", "mandiri", "2026-11").to_dict()
    assert CLI_KEYS <= d.keys()
    assert {k: d[k] for k in CLI_KEYS - {"rule"}} == {
        "month": "2026-11", "band": 1, "base": 1_000_000, "jkk": 5_000, "jkm": 3_400,
        "jht": 0, "total": 8_400, "paid_by_worker": 8_400, "paid_by_funder": 0}  # fmt: skip
    assert d["rule"].startswith("PP 50/2025")
    assert "breakdown" not in d
    period = due("petani", "mandiri", "2026-11", months=3).to_dict()
    assert period["period_total"] == 8_400 * 2 + 16_800
    assert [m["month"] for m in period["breakdown"]] == ["2026-11", "2026-12", "2027-01"]


def test_month_may_be_a_date():
    assert due(month=date(2026, 5, 31)).month == "2026-05"
    assert due(month=date(2026, 5, 31)).total == 8_400


# ------------------------------------------------------------- band boundaries


def _csv_bands():
    text = reference.resource("rates", "bpu_income_bands.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("income", "row"),
    [(0, 1), (1_099_999, 1), (1_100_000, 2), (2_699_999, 9), (2_700_000, 10),
     (3_199_999, 10), (20_199_999, 32), (20_200_000, 33), (10**12, 33)],
)  # fmt: skip
def test_pinned_band_boundaries(income, row):
    assert TABLE.band_for(income).row == row


def test_every_band_boundary_maps_to_its_row():
    rows = _csv_bands()
    assert len(rows) == 33
    for i, raw in enumerate(rows):
        row = int(raw["row"])
        assert TABLE.band_for(int(raw["income_from"])).row == row
        if raw["income_to"]:
            assert TABLE.band_for(int(raw["income_to"])).row == row
            assert TABLE.band_for(int(raw["income_to"]) + 1).row == int(rows[i + 1]["row"])
            if int(raw["income_to"]) > int(raw["income_from"]):
                assert TABLE.band_for(int(raw["income_to"]) - 1).row == row
        base = int(raw["base"])
        c = due(income=int(raw["income_from"]), month="2027-06", jht=True)
        assert (c.base, c.jkk, c.jht) == (base, int(raw["jkk_1pct"]), int(raw["jht_2pct_optional"]))


@settings(max_examples=200)
@given(
    income=st.integers(min_value=0, max_value=10**10),
    month=st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)),
    occupation=st.sampled_from(sorted(TRANSPORT)),
    funding=st.sampled_from(sorted(FUNDING)),
    jht=st.booleans(),
)
def test_amounts_are_whole_rupiah_and_add_up(income, month, occupation, funding, jht):
    c = due(occupation, funding, month, income=income, jht=jht)
    band = TABLE.band_for(income)
    assert band.contains(income)
    assert sum(b.contains(income) for b in TABLE.bands) == 1
    for amount in (c.jkk, c.jkm, c.jht, c.total, c.paid_by_worker, c.paid_by_funder):
        assert type(amount) is int and amount >= 0
    assert c.total == c.jkk + c.jkm + c.jht == c.paid_by_worker + c.paid_by_funder
    assert c.jkk in (band.base // 100, band.base // 200)
    assert c.jht == (band.base * 2 // 100 if jht else 0)
    assert c.paid_by_worker >= c.jht


# ------------------------------------------------------------- rejected input


@pytest.mark.parametrize("income", [-1, -1_000_000])
def test_negative_income_rejected(income):
    with pytest.raises(ValueError):
        due(income=income)


@pytest.mark.parametrize("income", [1_500_000.0, "1500000", None, True])
def test_non_integer_income_rejected(income):
    with pytest.raises(TypeError):
        due(income=income)


@pytest.mark.parametrize("month", ["2026-13", "2026-1", "26-01", "", "2026/01", None])
def test_bad_month_rejected(month):
    with pytest.raises(ValueError):
        due(month=month)


@pytest.mark.parametrize("months", [0, -3, True])
def test_bad_months_rejected(months):
    with pytest.raises(ValueError):
        due(months=months)


def test_add_months():
    assert add_months("2026-11", 3) == "2027-02"
    assert add_months(date(2026, 1, 15), -1) == "2025-12"


# ------------------------------------------------------------- the data itself


def test_table_loaded_from_versioned_data():
    assert TABLE.version == "2026.1"
    assert len(TABLE.bands) == 33
    assert (TABLE.min_age, TABLE.max_age, TABLE.payment_months) == (15, 65, (1, 3, 6, 12))


def test_an_age_limit_without_a_source_is_refused():
    """Worked example: a rules file whose 65-year limit says nothing about its source
    does not load ("age limit max names no source")."""
    rules = reference.rate_rules()
    limits = [dict(a) for a in rules["age_limits"]]
    limits[-1]["source"] = " "
    with pytest.raises(ValueError, match="names no source"):
        RateTable.from_data({**rules, "age_limits": limits}, _csv_bands())


def test_an_older_rules_file_with_bare_age_numbers_still_loads_and_warns():
    """Worked example: rules 2026.1 as first shipped had "age": {"min": 15, "max": 65};
    it still loads, its two limits warn (refuses False) and say no source was named."""
    rules = {k: v for k, v in reference.rate_rules().items() if k not in ("age_limits", "jht_age")}
    table = RateTable.from_data({**rules, "age": {"min": 15, "max": 65}}, _csv_bands())
    assert [(a.code, a.years, a.refuses) for a in table.age_limits] == [
        ("min", 15, False), ("max", 65, False)]
    assert all("no source" in a.source for a in table.age_limits) and table.jht_age is None


@pytest.mark.parametrize(
    ("month", "occupation_transport", "public_budget", "after"),
    [("2026-11", False, False, "2027-01"),  # other workers' relief ends Dec 2026
     ("2026-12", False, False, "2027-01"),
     ("2026-10", False, False, None),  # two more relief months to go
     ("2027-02", True, False, "2027-04"),  # transport relief ends Mar 2027
     ("2027-01", True, False, None),
     ("2026-11", False, True, None),  # DUMISAKE (APBD): no relief to end
     ("2027-01", False, False, None)],  # already at the normal rate
)  # fmt: skip
def test_relief_ends_soon_names_the_first_full_price_month(month, occupation_transport,
                                                           public_budget, after):
    """Worked example: a farmer priced for November 2026 pays the relief price (Rp8,400)
    but December is the relief's last month, so January 2027 (Rp16,800) is shown too."""
    assert relief_ends_soon(TABLE, month, transport=occupation_transport,
                            public_budget=public_budget) == after


def test_bands_csv_must_agree_with_rules():
    rules = reference.rate_rules()
    rows = _csv_bands()
    rows[0] = {**rows[0], "jkk_1pct": "11000"}
    with pytest.raises(ValueError, match="jkk_1pct"):
        RateTable.from_data(rules, rows)


def test_bands_must_be_contiguous_and_open_ended():
    rules = reference.rate_rules()
    rows = _csv_bands()
    with pytest.raises(ValueError, match="starts at"):
        RateTable.from_data(rules, rows[:1] + rows[2:])
    with pytest.raises(ValueError, match="open-ended"):
        RateTable.from_data(rules, rows[:-1])


def test_discount_dates_are_data():
    rules = reference.rate_rules()
    rules = {**rules, "discounts": [{**d, "to": "2026-12"} for d in rules["discounts"]]}
    table = RateTable.from_data(rules, _csv_bands())
    early = contribution(table, declared_income=0, occupation_transport=True,
                         funding_public_budget=False, funder_pays=False, with_jht=False,
                         month="2027-02")  # fmt: skip
    assert early.total == 16_800
