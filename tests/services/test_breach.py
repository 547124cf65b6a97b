"""The breach report lists exactly the people whose data a lost laptop or USB stick could
hold, with NIKs masked unless asked, and a summary for the 3×24-hour notice."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from desa_peduli.errors import InputRejected
from desa_peduli.services import breach
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from tests.services.desk_helpers import *  # noqa: F403 - fixtures
from tests.services.desk_helpers import nik_for, person, send


@pytest.fixture
def story(branch, make_volunteer, valid_registration, tmp_path):
    """Rina: 1–3 and a draft (4) in bundle A; 1 registered and told in a receipt; then 5
    new, 2 deleted, 4 completed, in bundle B. Budi: 6 in his own bundle."""
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    ids = {n: rina.registrations.save(person(valid_registration, n)).id for n in (1, 2, 3)}
    ids[4] = rina.registrations.save(person(valid_registration, 4, phone="")).id  # a draft
    assert rina.registrations.store.get(ids[4])["status"] == "draft"
    bundle_a, _report = send(rina, branch, tmp_path / "a")
    service = BranchService(branch)
    service.set_state(ids[1], "registered", kpj="12345678901")
    FieldSync(rina).import_receipt(service.receipt("RLW-001", tmp_path))
    ids[5] = rina.registrations.save(person(valid_registration, 5)).id
    rina.registrations.delete(ids[2], "salah orang")
    rina.registrations.save(person(valid_registration, 4), reg_id=ids[4])
    bundle_b, _report = send(rina, branch, tmp_path / "b")
    ids[6] = budi.registrations.save(person(valid_registration, 6)).id
    bundle_c, _report = send(budi, branch, tmp_path / "c")
    return {"ids": ids, "a": bundle_a, "b": bundle_b, "c": bundle_c, "rina": rina}


def names(scope, session) -> set[str]:
    return {p["full_name"] for p in breach.iter_people(session, scope)}


def name(n: int) -> str:
    return person({}, n)["full_name"]


def test_a_laptop_holds_everything_its_volunteer_sent(branch, story, tmp_path):
    scope = breach.device_scope(branch, "RLW-001")
    assert set(scope.registration_ids) == {story["ids"][n] for n in (1, 2, 3, 4, 5)}
    assert scope.never_sent == 0 and len(scope.bundles) == 2
    assert breach.preview(branch, scope)["possibly_purged"] == 1
    other = breach.device_scope(branch, "RLW-002")
    assert names(other, branch) == {name(6)}

    discovered = dt.datetime(2026, 11, 28, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    report = breach.write_report(branch, scope, tmp_path, fmt="xlsx", discovered_at=discovered,
                                 lang="en", branch_name="Kantor Cabang Jambi", actor="staf")
    assert report.path.name.startswith("breach-report_RLW-001_") and report.people == 5
    workbook = load_workbook(report.path, read_only=True)
    summary = [r for r in workbook["Summary"].iter_rows(values_only=True)]
    people = [r for r in workbook["People"].iter_rows(values_only=True)]
    workbook.close()
    headers, rows = people[0], people[1:]
    assert headers == breach.HEADERS["en"]
    col = {h: i for i, h in enumerate(headers)}
    by_name = {r[col["full_name"]]: r for r in rows}
    assert set(by_name) == {name(n) for n in (1, 2, 3, 4, 5)}
    one = by_name[name(1)]
    assert one[col["nik"]] == "150405******0001"  # masked by default
    assert one[col["phone"]] == "+62" + person({}, 1)["phone"][1:]  # as validation stores it
    assert one[col["village"]] == "Serasah" and one[col["village_code"]] == "15.04.05.2003"
    assert one[col["regency"]] == "Kabupaten Batanghari"
    assert one[col["possibly_purged"]] == "yes" and one[col["heirs"]] == 1
    assert by_name[name(2)][col["deleted_by_volunteer"]] == "yes"
    assert by_name[name(3)][col["possibly_purged"]] == "no"
    facts = dict((r[0], r[1]) for r in summary if len(r) > 1 and r[0])
    assert facts["People"] == 5 and facts["Possibly purged by the volunteer"] == 1
    assert facts["Notify by (3×24 hours)"] == "2026-12-01T08:00+07:00"
    assert facts["Deleted by the volunteer (data still on the laptop)"] == 1
    assert report.summary["categories"]["nik"] == 5
    assert report.summary["categories"]["heirs"] == 5
    assert "email" not in report.summary["categories"]
    assert report.summary["by_regency"] == {"Kabupaten Batanghari": 5}
    assert oct(report.path.stat().st_mode & 0o777) == "0o600"


def test_csv_with_full_niks_and_a_summary_beside_it(branch, story, tmp_path):
    scope = breach.device_scope(branch, "RLW-002")
    report = breach.write_report(branch, scope, tmp_path / "lost.csv", full_nik=True)
    with open(report.path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(breach.HEADERS["id"])
    assert [r[rows[0].index("nik")] for r in rows[1:]] == [nik_for(6)]
    assert report.summary_path.name == "lost_ringkasan.txt"
    text = report.summary_path.read_text("utf-8")
    assert "Jumlah orang: 1" in text and "NIK: lengkap" in text


def test_a_stick_holds_the_registrations_in_its_bundles(branch, story, tmp_path):
    ids = story["ids"]
    # bundle A held 1–3; 4 was a draft then (its changes travelled, not its content)
    by_file = breach.bundle_scope(branch, [str(story["a"])], identity=BranchService(branch).keys()[1])
    assert set(by_file.registration_ids) == {ids[1], ids[2], ids[3]}
    assert not by_file.file_records
    by_id = breach.bundle_scope(branch, [by_file.bundles[0]["bundle_id"]])
    assert set(by_id.registration_ids) == {ids[1], ids[2], ids[3]}
    by_name = breach.bundle_scope(branch, [story["b"].name])
    assert set(by_name.registration_ids) == {ids[2], ids[4], ids[5]}
    both = breach.bundle_scope(branch, [story["b"].name, story["c"].name])
    assert set(both.registration_ids) == {ids[2], ids[4], ids[5], ids[6]}
    assert both.volunteer_ids == ["RLW-001", "RLW-002"]
    with pytest.raises(InputRejected):
        breach.bundle_scope(branch, ["no-such-bundle"])


def test_a_bundle_never_imported_is_read_from_the_file(branch, story, valid_registration,
                                                       tmp_path):
    rina = story["rina"]
    rina.registrations.save(person(valid_registration, 9, full_name="Sri Lestari"))
    (tmp_path / "lost").mkdir()
    lost = FieldSync(rina).export(tmp_path / "lost").path
    scope = breach.bundle_scope(branch, [str(lost)], identity=BranchService(branch).keys()[1])
    assert scope.bundles[0]["imported_at"] is None
    assert [p["full_name"] for p in scope.file_records.values()] == ["Sri Lestari"]
    report = breach.write_report(branch, scope, tmp_path / "r.xlsx")
    workbook = load_workbook(report.path, read_only=True)
    rows = list(workbook["Orang"].iter_rows(values_only=True))
    workbook.close()
    # no receipt since bundle B: the new bundle carries B's registrations again
    by_name = {r[2]: r for r in rows[1:]}
    assert set(by_name) == {name(2), name(4), name(5), "Sri Lestari"}
    assert by_name["Sri Lestari"][3] == "150405******0009"
    assert by_name["Sri Lestari"][4] == "Serasah"
    # a file the branch cannot verify is refused
    broken = tmp_path / "broken.dpbundle"
    data = bytearray(lost.read_bytes())
    data[len(data) // 2] ^= 1
    broken.write_bytes(bytes(data))
    with pytest.raises(InputRejected):
        breach.bundle_scope(branch, [str(broken)], identity=BranchService(branch).keys()[1])


def test_a_replaced_laptop_and_drafts_never_sent(branch, story, make_volunteer,
                                                 valid_registration, tmp_path):
    service = BranchService(branch)
    old = breach.devices(branch, "RLW-001")
    assert len(old) == 1 and old[0]["current"]
    # the laptop is replaced by a fresh workspace (its changes count from 1 again)
    new_laptop = make_volunteer("RLW-001")
    new_laptop.registrations.save(person(valid_registration, 7))
    new_laptop.registrations.save(person(valid_registration, 8, phone=""))  # a draft
    path = FieldSync(new_laptop).export(tmp_path).path
    service.approve_device(path)
    service.import_bundle(path)
    known = breach.devices(branch, "RLW-001")
    assert [d["current"] for d in known] == [False, True]
    current = breach.device_scope(branch, "RLW-001")
    assert names(current, branch) == {name(7)}
    earlier = breach.device_scope(branch, "RLW-001", device=old[0]["fingerprint"][:9])
    assert names(earlier, branch) == {name(n) for n in (1, 2, 3, 4, 5)}
    with pytest.raises(InputRejected):
        breach.device_scope(branch, "RLW-001", device="FFFF")
    # a volunteer whose laptop never sent anything
    service.enrol(volunteer_id="RLW-009", name="Baru", villages=["15.04.05.2003"],
                  target=tmp_path)
    empty = breach.device_scope(branch, "RLW-009")
    assert empty.people == 0 and "never sent" in empty.description_en


def test_drafts_begun_but_never_sent_are_counted(branch, make_volunteer, valid_registration,
                                                 tmp_path):
    rina = make_volunteer("RLW-001")
    rina.registrations.save(person(valid_registration, 1))
    rina.registrations.save(person(valid_registration, 2, phone=""))  # stays a draft
    send(rina, branch, tmp_path / "a")
    scope = breach.device_scope(branch, "RLW-001")
    assert scope.people == 1 and scope.never_sent == 1


def test_mask_nik():
    assert breach.mask_nik("1504054203880001") == "150405******0001"
    assert breach.mask_nik(None) == "" and breach.mask_nik("123") == "***"
