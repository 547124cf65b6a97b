"""Funded batches' rules (domain/batches.py), pure: who may join, and a person's month."""

from __future__ import annotations

from datetime import date

from desa_peduli import reference
from desa_peduli.domain.batches import (
    Batch,
    BillLine,
    Candidate,
    Membership,
    check_batch,
    check_candidates,
    price_member,
    summarise,
)
from desa_peduli.domain.funders import ReliefReading

FUNDERS = reference.funders()
TABLE = reference.rate_table()


def batch(quota=None, funder="dumisake", first="2027-01", last="2027-12", batch_id=1):
    return Batch(batch_id, funder, "DUMISAKE 2027", "SK 1", 2027, first, last, quota,
                 FUNDERS[funder])


def person(reg_id, funding="dumisake", state="accepted", kpj=None, born=date(1988, 3, 2)):
    return Candidate(reg_id, state, kpj, funding, born, date(2026, 11, 20))


def test_quota_2_with_one_member_takes_the_first_dumisake_worker_only():
    """Quota 2, one member: a DUMISAKE worker joins, a mandiri one is refused (funder), a
    second DUMISAKE worker is refused (quota)."""
    decision = check_candidates(batch(quota=2), [person("a"), person("b", "mandiri"),
                                                 person("c")],
                                funders=FUNDERS, first_month="2027-01", memberships={},
                                members_now=1)
    assert decision.accepted == ["a"]
    assert [(r.registration_id, r.code) for r in decision.refused] == [("b", "funder"),
                                                                       ("c", "quota")]


def test_overlap_months_2027_07_refused_unless_moved():
    """In batch 2 for 2027-01..2027-12, joining batch 1 from 2027-07 overlaps: refused;
    with move, accepted and batch 2's membership is to be cut."""
    held = {"a": [Membership(2, "a", "2027-01", "2027-12")]}
    refused = check_candidates(batch(), [person("a")], funders=FUNDERS, first_month="2027-07",
                               memberships=held, members_now=0)
    assert refused.refused[0].code == "overlap" and "2027-01..2027-12" in refused.refused[0].message_en
    moved = check_candidates(batch(), [person("a")], funders=FUNDERS, first_month="2027-07",
                             memberships=held, members_now=0, move=True)
    assert moved.accepted == ["a"] and moved.moves == held["a"]
    # a batch 2 membership ending in June does not overlap from July
    ended = {"a": [Membership(2, "a", "2027-01", "2027-06")]}
    assert check_candidates(batch(), [person("a")], funders=FUNDERS, first_month="2027-07",
                            memberships=ended, members_now=0).accepted == ["a"]


def test_participants_and_unreviewed_registrations_are_refused():
    decision = check_candidates(batch(), [person("k", kpj="12345678901"),
                                          person("r", state="received")],
                                funders=FUNDERS, first_month="2027-01", memberships={},
                                members_now=0)
    assert [r.code for r in decision.refused] == ["participant", "state"]


def test_price_member_dumisake_16800_csr_ojek_8400_march_2027():
    """March 2027: DUMISAKE (APBD) 10,000 + 6,800 = 16,800; CSR for an ojek driver 5,000 +
    3,400 = 8,400 (transport relief to 2027-03); dana desa under the lenient reading in
    June 2026: 8,400; under the default one: 16,800."""
    strict = ReliefReading()
    assert price_member(TABLE, FUNDERS["dumisake"], strict, transport=False,
                        month="2027-03").paid_by_funder == 16_800
    assert price_member(TABLE, FUNDERS["csr"], strict, transport=True,
                        month="2027-03").paid_by_funder == 8_400
    lenient = ReliefReading(False, "note")
    assert price_member(TABLE, FUNDERS["dana_desa"], lenient, transport=False,
                        month="2026-06").paid_by_funder == 8_400
    assert price_member(TABLE, FUNDERS["dana_desa"], strict, transport=False,
                        month="2026-06").paid_by_funder == 16_800


def test_summarise_per_kabupaten_in_code_order():
    """Two in 15.04 (16,800 each) and one in 15.01: 15.01 1 × 16,800; 15.04 2 × 33,600."""
    def line(code):
        return BillLine("x", "n", "name", code + ".01.2001", code, code, 10_000, 6_800, 16_800,
                        "r", "r")
    totals = summarise([line("15.04"), line("15.01"), line("15.04")])
    assert [(t.code, t.people, t.amount) for t in totals] == [("15.01", 1, 16_800),
                                                              ("15.04", 2, 33_600)]


def test_check_batch_names_each_problem():
    problems = check_batch(FUNDERS["dumisake"], "x", "SK", "2027-01", "2032-02", None, 2027)
    assert [p[1] for p in problems] == ["The cover period is at most 60 months."]
    assert check_batch(FUNDERS["dumisake"], "x", "SK", "2027-01", "2027-12", 5, 2027) == []
