"""Funders as data (domain/funders.py, resources/reference/funders.csv): who pays, the
band they pay, PP 50/2025 relief and the village-budget reading, age windows, and the
band-1 warning of the registration form."""

from __future__ import annotations

from datetime import date

import pytest

from desa_peduli import reference
from desa_peduli.domain.funders import ReliefReading, parse_funders
from desa_peduli.domain.rates import funded_contribution
from desa_peduli.domain.validation import validate

FUNDERS = reference.funders()
TABLE = reference.rate_table()


def test_the_shipped_list_names_every_funder_of_the_issue_and_keeps_the_old_code():
    assert list(FUNDERS) == ["mandiri", "dumisake", "dbh_sawit", "dana_desa", "csr", "lainnya",
                             "apbd_kabupaten"]
    assert FUNDERS["apbd_kabupaten"].replaced_by == "dbh_sawit"
    assert not FUNDERS["mandiri"].funder_pays and FUNDERS["mandiri"].band is None
    assert all(f.funder_pays and f.band == 1 for code, f in FUNDERS.items() if code != "mandiri")
    assert (FUNDERS["dbh_sawit"].min_age, FUNDERS["dbh_sawit"].max_age) == (17, 64)
    assert FUNDERS["dbh_sawit"].age_source  # a window names its source


def price(code: str, month: str, *, occupation_transport=False, income=5_000_000,
          reading=None, jht=False):
    funder = FUNDERS[code]
    return funded_contribution(TABLE, funder_band=funder.band, declared_income=income,
                               occupation_transport=occupation_transport,
                               funding_public_budget=funder.is_public(reading),
                               funder_pays=funder.funder_pays, with_jht=jht, month=month)


def test_dumisake_declaring_5_million_is_billed_band_1_16800_without_relief():
    """DUMISAKE (APBD), June 2026 (inside the other-sector relief window), declared
    Rp5,000,000 with JHT: the province pays JKK 10,000 + JKM 6,800 = 16,800 (band 1, no
    relief: APBD); the worker pays JHT 2% of the declared band's base (band 14, 4,950,000) =
    99,000. Paying alone, the same worker would pay JKK 49,500/2 + JKM 3,400 = 28,150."""
    c = price("dumisake", "2026-06", jht=True)
    assert (c.band, c.jkk, c.jkm, c.paid_by_funder) == (1, 10_000, 6_800, 16_800)
    assert (c.jht, c.paid_by_worker, c.total) == (99_000, 99_000, 115_800)
    self_paid = price("mandiri", "2026-06")
    assert (self_paid.band, self_paid.paid_by_worker) == (14, 24_750 + 3_400)


def test_dana_desa_relief_follows_the_branch_reading_june_2026_16800_or_8400():
    """Dana desa, a farmer, June 2026: the stricter reading (village budget = APBD, the
    default) gives 16,800; the other reading gives the PP 50/2025 relief: 8,400."""
    assert price("dana_desa", "2026-06").paid_by_funder == 16_800
    lenient = ReliefReading(False, "Surat edaran X")
    assert price("dana_desa", "2026-06", reading=lenient).paid_by_funder == 8_400
    assert ReliefReading().village_budget_is_apbd and "APBD" in ReliefReading().label("en")


def test_csr_gets_relief_where_the_rate_table_has_a_window_march_2027():
    """CSR (not a public budget), March 2027: an ojek driver 5,000 + 3,400 = 8,400
    (transport relief to 2027-03); a farmer 16,800 (other sectors' relief ended 2026-12)."""
    assert price("csr", "2027-03", occupation_transport=True).paid_by_funder == 8_400
    assert price("csr", "2027-03").paid_by_funder == 16_800


def test_age_window_is_measured_on_the_registration_date():
    """17–64: born 2 Mar 2010 is 16 on 1 Mar 2027 (refused) and 17 on 2 Mar 2027."""
    sawit = FUNDERS["dbh_sawit"]
    assert sawit.age_refusal(date(2010, 3, 2), date(2027, 3, 1)) is not None
    assert sawit.age_refusal(date(2010, 3, 2), date(2027, 3, 2)) is None
    assert FUNDERS["dumisake"].age_refusal(date(1930, 1, 1), date(2027, 1, 1)) is None


@pytest.mark.parametrize("change, message", [
    ({"code": "Bad Code"}, "bad funder code"),
    ({"budget": "apbx"}, "budget must be"),
    ({"pays": "nobody"}, "pays must be"),
    ({"band": "0"}, "band must be"),
    ({"min_age": "70", "max_age": "60"}, "min_age above max_age"),
    ({"replaced_by": "nowhere"}, "replaced_by"),
])
def test_a_broken_funder_list_is_refused(change, message):
    rows = [f.to_row() for f in FUNDERS.values()]
    rows[1] = {**rows[1], **change}
    with pytest.raises(ValueError, match=message):
        parse_funders(rows)
    with pytest.raises(ValueError, match="mandiri"):
        parse_funders([f.to_row() for f in FUNDERS.values() if f.code == "csr"])


def test_form_warns_when_a_funded_worker_declares_more_than_band_1(valid_registration):
    """DUMISAKE pays band 1 (up to Rp1,099,999): declared Rp5,000,000 warns (a warning,
    not an error); Rp1,000,000 does not; a self-paid worker declaring Rp5,000,000 does not."""
    ctx = reference.default_context(date(2026, 11, 25))

    def codes(**changes):
        result = validate({**valid_registration, **changes}, ctx)
        assert result.ok
        return {p.code for p in result.warnings}

    assert "declared_income.above_funded_band" in codes(funding_source="dumisake",
                                                        declared_income=5_000_000)
    assert "declared_income.above_funded_band" not in codes(funding_source="dumisake",
                                                            declared_income=1_000_000)
    assert "declared_income.above_funded_band" not in codes(declared_income=5_000_000)
