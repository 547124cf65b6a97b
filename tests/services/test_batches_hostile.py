"""Funded batches attacked as a careless or hostile user would (outside review, issue 12):
a withdrawn or duplicate registration left in a batch, an empty village code, a funder
list with a stray comma or a self-paid code turned into a funder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_peduli.errors import InputRejected
from desa_peduli.services import batches, reference_data
from tests.services.desk_helpers import fill_branch
from tests.services.test_batches import SERASAH, band_one_month_from_the_rules_file, dumisake

FUNDERS = Path(__file__).resolve().parents[2] / "resources" / "reference" / "funders.csv"


def test_a_deleted_or_duplicate_member_is_not_billed_and_the_reprint_says_why(branch):
    """3 DUMISAKE people in March 2027 at Rp16,800 = Rp50,400. One is then deleted (the
    volunteer withdrew it) and one marked a duplicate of another registration: April's
    bill holds 1 person (Rp16,800), and March's, printed again, keeps its Rp50,400 and
    says its members changed."""
    ids = fill_branch(branch.db, 3, start=1, base={"funding_source": "dumisake"})
    batch = dumisake(branch)
    batches.add(branch, batch.id, village=SERASAH)
    _jkk, _jkm, each = band_one_month_from_the_rules_file()
    assert batches.bill(branch, batch.id, "2027-03").total == 3 * each
    with branch.db.atomic():
        branch.db.execute("UPDATE registrations SET deleted_at = '2027-03-20T10:00:00+07:00' "
                          "WHERE id = ?", [ids[0]])
        branch.db.execute("UPDATE registrations SET branch_state = 'duplicate' WHERE id = ?",
                          [ids[1]])
    april = batches.bill(branch, batch.id, "2027-04")
    assert [line.registration_id for line in april.lines] == [ids[2]]
    assert (april.people, april.total) == (1, each)
    march = batches.bill(branch, batch.id, "2027-03")
    assert (march.people, march.total, march.stale) == (3, 3 * each, True)


def test_an_empty_village_or_volunteer_adds_nobody(branch):
    """``batch add 1 --village "$DESA"`` with DESA unset must not add the whole workspace
    (an empty code is a prefix of every village)."""
    fill_branch(branch.db, 2, start=1, base={"funding_source": "dumisake"})
    batch = dumisake(branch)
    for where in ({"village": ""}, {"village": "  "}, {"volunteer_id": ""}):
        with pytest.raises(InputRejected):
            batches.add(branch, batch.id, **where)
    assert batches.members(branch, batch.id) == []


def _funder_file(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "funders.csv"
    path.write_text(FUNDERS.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_a_funder_row_with_a_stray_comma_is_refused_with_its_line(tmp_path):
    """``kota,…,Budget, 2027`` (an unquoted comma in the last cell): one cell more than the
    header. It was a TypeError traceback; it is refused, naming the line."""
    path = _funder_file(tmp_path, "kota,Pendana kota,City funder,apbd,funder,1,,,,,"
                                  "Budget, 2027\n")
    with pytest.raises(InputRejected) as caught:
        reference_data.read_update(path)
    assert "9" in caught.value.message_en and "cell" in caught.value.message_en


def test_a_funder_list_cannot_make_self_paid_a_funder(tmp_path):
    """``mandiri`` is the worker paying: a list making it ``pays=funder`` (band 1, APBD)
    would bill every self-paid worker to a funder; it is refused."""
    text = FUNDERS.read_text(encoding="utf-8").replace(
        "mandiri,Mandiri (dibayar sendiri),Self-paid,none,worker,,",
        "mandiri,Mandiri (dibayar sendiri),Self-paid,apbd,funder,1,")
    path = tmp_path / "funders.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputRejected) as caught:
        reference_data.read_update(path)
    assert "mandiri" in caught.value.message_en


@pytest.mark.parametrize("label", ['"Dana\nDesa"', "DUMISAKE\u202e"])
def test_a_funder_label_with_a_line_break_or_direction_mark_is_refused(tmp_path, label):
    """A funder label is printed on bills and lists: ``"Dana\\nDesa"`` would split a line
    of ``batch list``, ``DUMISAKE\\u202e`` turn the rest of a bill's line backwards."""
    path = _funder_file(tmp_path, f"kota,{label},City funder,apbd,funder,1,,,,,x\n")
    with pytest.raises(InputRejected) as caught:
        reference_data.read_update(path)
    assert "hidden character or a line break" in caught.value.message_en


def test_an_id_listed_twice_is_added_once(branch, tmp_path):
    """An ids file where one id appears twice (two exports pasted together): 2 people are
    added (not an IntegrityError on the second insert), and a quota of 2 holds them."""
    ids = fill_branch(branch.db, 2, start=1, base={"funding_source": "dumisake"})
    path = tmp_path / "ids.txt"
    path.write_text("\n".join([ids[0], ids[1], ids[0]]) + "\n", encoding="utf-8")
    batch = dumisake(branch, quota=2)
    result = batches.add(branch, batch.id, ids=batches.read_ids(path))
    assert result.applied and sorted(result.added) == sorted(ids) and not result.refused
    assert len(batches.members(branch, batch.id)) == 2


def test_a_deleted_member_frees_its_quota_place(branch):
    """Quota 2, two members; one is deleted (withdrawn by its volunteer, and there is no
    command to take someone out of a batch): a third DUMISAKE worker can take its place."""
    ids = fill_branch(branch.db, 2, start=1, base={"funding_source": "dumisake"})
    batch = dumisake(branch, quota=2)
    batches.add(branch, batch.id, ids=ids)
    with branch.db.atomic():
        branch.db.execute("UPDATE registrations SET deleted_at = '2027-03-20T10:00:00+07:00' "
                          "WHERE id = ?", [ids[0]])
    third = fill_branch(branch.db, 1, start=3, base={"funding_source": "dumisake"})
    result = batches.add(branch, batch.id, ids=third)
    assert result.applied and result.added == third and not result.refused


def test_a_self_paid_source_cannot_claim_a_public_budget(tmp_path):
    """``pribadi,…,apbd,worker``: the worker pays, yet the list calls it APBD, which would
    take PP 50/2025's relief away from every worker holding it (a self-paid petani's JKK
    is priced without the 50% discount). A self-paid source has budget ``none``."""
    path = _funder_file(tmp_path, "pribadi,Pribadi,Own,apbd,worker,,,,,,x\n")
    with pytest.raises(InputRejected) as caught:
        reference_data.read_update(path)
    assert "budget none" in caught.value.message_en
