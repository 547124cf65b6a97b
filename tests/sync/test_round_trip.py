"""The whole round trip: two volunteers, one branch, bundles in every order, receipts back."""

from __future__ import annotations

import itertools

import pytest

from desa_peduli.errors import BundleRejected
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.storage.registrations import ListQuery
from tests.sync.conftest import digest, person


def _export(session, folder, **kw):
    result = FieldSync(session).export(folder, **kw)
    assert result.path is not None
    return result.path


def _branch_row(branch, reg_id):
    return branch.registrations.store.get(reg_id)


def test_round_trip_two_volunteers_every_order_twice(branch, make_volunteer, tmp_path,
                                                      valid_registration):
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    out = tmp_path / "stick"
    out.mkdir()
    a1 = rina.registrations.save(person(valid_registration, 1)).id
    a2 = rina.registrations.save(person(valid_registration, 2)).id
    b1 = budi.registrations.save(person(valid_registration, 11)).id
    first_a = _export(rina, out)
    first_b = _export(budi, out)
    # the volunteer edits after the first export, then exports again: the second bundle
    # holds everything not acknowledged (no receipt yet), so it includes the first's changes
    rina.registrations.save(person(valid_registration, 1, street="Jalan Baru"), reg_id=a1)
    second_a = _export(rina, out)
    svc = BranchService(branch)
    reports = [svc.import_bundle(p) for p in (second_a, first_a, first_b)]
    assert [r.new for r in reports] == [2, 0, 1]
    assert reports[1].unchanged == 2  # the older bundle after the newer changes nothing
    assert _branch_row(branch, a1)["street"] == "Jalan Baru"
    assert _branch_row(branch, a1)["revision"] == 2
    final_digest = digest(branch.db)
    for path in (first_a, second_a, first_b):  # twice: recognised at once, nothing changes
        with pytest.raises(BundleRejected) as info:
            svc.import_bundle(path)
        assert info.value.reason == "already_imported"
    assert digest(branch.db) == final_digest
    # both revisions are kept at the branch
    revisions = branch.registrations.store.revisions(a1)
    assert [r["revision"] for r in revisions] == [1, 2]
    assert revisions[0]["data"]["street"] == valid_registration["street"]
    assert {r["id"] for r in svc.volunteers()} == {"RLW-001", "RLW-002"}
    assert all(v["device_key"] for v in svc.volunteers())

    # corrections sent back, fixed in the field
    svc.set_state(a2, "correction", reason="Nomor HP tidak aktif")
    svc.set_state(a1, "registered", kpj="12345678901")
    receipt = svc.receipt("RLW-001", out)
    report = FieldSync(rina).import_receipt(receipt)
    assert report.acked_seq == rina.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    assert rina.registrations.store.get(a2)["status"] == "correction"
    assert rina.registrations.store.get(a2)["branch_reason"] == "Nomor HP tidak aktif"
    assert rina.registrations.store.get(a1)["status"] == "registered"
    assert rina.registrations.store.get(a1)["kpj_number"] == "12345678901"
    # nothing new: no bundle
    assert FieldSync(rina).export(out).path is None
    # the volunteer fixes the correction; the next export holds only that
    rina.registrations.save(person(valid_registration, 2, phone="081399998888"), reg_id=a2)
    fixed = FieldSync(rina).export(out)
    assert fixed.manifest["counts"]["registrations"] == 1
    report = svc.import_bundle(fixed.path)
    assert report.updated == 1
    row = _branch_row(branch, a2)
    assert row["phone"] == "+6281399998888" and row["branch_state"] == "received"
    # Budi's receipt is not Rina's
    budi_receipt = svc.receipt("RLW-002", out)
    with pytest.raises(BundleRejected) as info:
        FieldSync(rina).import_receipt(budi_receipt)
    assert info.value.reason in ("other_volunteer", "other_device")
    # an old receipt after a newer one changes nothing
    with pytest.raises(BundleRejected) as info:
        FieldSync(rina).import_receipt(receipt)
    assert info.value.reason == "old"
    assert b1


def test_import_order_does_not_matter(branch_template, make_volunteer, branch, tmp_path,
                                      valid_registration):
    """Every order of three bundles (and each twice) ends in the same branch content."""
    import shutil

    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    out = tmp_path / "stick"
    out.mkdir()
    a1 = rina.registrations.save(person(valid_registration, 1)).id
    budi.registrations.save(person(valid_registration, 11))
    b_first = _export(budi, out)
    a_first = _export(rina, out)
    rina.registrations.save(person(valid_registration, 1, rt="009"), reg_id=a1)
    rina.registrations.delete(rina.registrations.save(person(valid_registration, 3)).id,
                              "salah orang")
    a_second = _export(rina, out)
    branch.close()
    src, key = branch_template
    contents = set()
    for number, order in enumerate(itertools.permutations([a_first, a_second, b_first])):
        target = tmp_path / f"br-{number}"
        shutil.copytree(branch.workspace.path, target)
        with Session(Workspace.open_with_key(target, key)) as fresh:
            svc = BranchService(fresh)
            for path in order:
                svc.import_bundle(path)
            for path in order:
                with pytest.raises(BundleRejected):
                    svc.import_bundle(path)
            store = fresh.registrations.store
            rows = store.rows_for_pks(store.query_pks(ListQuery(include_deleted=True)))
            contents.add(tuple(sorted(
                (r["id"], r["revision"], r["deleted_at"] is not None) for r in rows.values())))
            assert store.get(a1)["rt"] == "009"
    assert len(contents) == 1
    assert len(next(iter(contents))) == 3


def test_same_nik_from_two_volunteers_is_a_duplicate_item(branch, make_volunteer, tmp_path,
                                                          valid_registration):
    rina, budi = make_volunteer("RLW-001"), make_volunteer("RLW-002", "Budi Santoso")
    out = tmp_path / "stick"
    out.mkdir()
    first = rina.registrations.save(person(valid_registration, 5)).id
    second = budi.registrations.save(person(valid_registration, 5)).id
    svc = BranchService(branch)
    svc.import_bundle(_export(rina, out))
    report = svc.import_bundle(_export(budi, out))
    assert report.duplicates == 1 and report.new == 1
    items = svc.duplicates()
    assert {items[0]["registration_id"], items[0]["other_id"]} == {first, second}
    svc.set_state(second, "duplicate", duplicate_of=first)
    assert svc.duplicates() == []
    receipt = svc.receipt("RLW-002", out)
    FieldSync(budi).import_receipt(receipt)
    assert budi.registrations.store.get(second)["status"] == "duplicate"


def test_a_lost_stick_costs_nothing(branch, make_volunteer, tmp_path, valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    lost = rina.registrations.save(person(valid_registration, 7)).id
    lost_bundle = _export(rina, out)
    lost_bundle.unlink()  # the stick is lost on the way
    later = rina.registrations.save(person(valid_registration, 8)).id
    report = BranchService(branch).import_bundle(_export(rina, out))
    assert report.new == 2
    assert _branch_row(branch, lost) and _branch_row(branch, later)


def test_enrolling_an_existing_workspace_keeps_its_registrations(branch, session, tmp_path,
                                                                 valid_registration):
    kept = session.registrations.save(valid_registration).id
    enrolment = BranchService(branch).enrol(volunteer_id="RLW-009", name="Rina",
                                            villages=[], target=tmp_path)
    FieldSync(session).enrol(enrolment)
    assert session.registrations.store.get(kept)["status"] == "ready"
    bundle = FieldSync(session).export(tmp_path)
    report = BranchService(branch).import_bundle(bundle.path)
    assert report.new == 1 and _branch_row(branch, kept)["volunteer_id"] == "RLW-009"


def test_forgotten_passphrase_recovered_by_the_branch(branch, make_volunteer, tmp_path,
                                                      valid_registration):
    from desa_peduli.errors import WrongPassphrase
    from desa_peduli.services.session import Session

    rina = make_volunteer("RLW-001")
    unsent = rina.registrations.save(person(valid_registration, 9)).id
    path = rina.workspace.path
    rina.close()
    BranchService(branch).recover_workspace(path, "sandi-baru-dari-cabang")
    with pytest.raises(WrongPassphrase):
        Session.open(path, "sandi-lama-yang-lupa")
    with Session.open(path, "sandi-baru-dari-cabang") as reopened:
        assert reopened.registrations.store.get(unsent)["status"] == "ready"


def test_purge_only_registered_and_acknowledged(branch, make_volunteer, tmp_path,
                                                valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    done = rina.registrations.save(person(valid_registration, 1)).id
    waiting = rina.registrations.save(person(valid_registration, 2)).id
    svc = BranchService(branch)
    svc.import_bundle(_export(rina, out))
    svc.set_state(done, "registered", kpj="99887766554")
    FieldSync(rina).import_receipt(svc.receipt("RLW-001", out))
    # edited after the receipt: not acknowledged any more, so never purged
    rina.registrations.save(person(valid_registration, 2, rt="005"), reg_id=waiting)
    assert FieldSync(rina).purgeable(days=0) == [done]
    assert FieldSync(rina).purge(days=0) == 1
    row = rina.registrations.store.get(done)
    assert row["nik"] is None and row["full_name"] is None and row["purged_at"]
    assert row["kpj_number"] == "99887766554" and row["village_code"] == "15.04.05.2003"
    assert rina.registrations.store.revisions(done)[-1]["data"]["nik"] is None
    assert rina.registrations.store.get(waiting)["nik"]
    assert FieldSync(rina).purge(days=30) == 0


def test_a_replaced_laptop_counts_its_own_changes(branch, make_volunteer, workspace_template,
                                                  tmp_path, valid_registration):
    """A new laptop (fresh workspace, same volunteer) numbers its changes from 1 again:
    none is dropped at the branch and its receipts acknowledge only what it sent."""
    import shutil

    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    old = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    for serial in (1, 2, 3):
        old.registrations.save(person(valid_registration, serial))
    service = BranchService(branch)
    service.import_bundle(_export(old, out))
    assert FieldSync(old).import_receipt(service.receipt("RLW-001", out)).acked_seq == 3

    src, key = workspace_template  # the laptop is stolen; a fresh workspace on a new one
    shutil.copytree(src, tmp_path / "new-laptop")
    new = Session(Workspace.open_with_key(tmp_path / "new-laptop", key))
    enrolment = service.enrol(volunteer_id="RLW-001", name="Rina Marlina",
                              villages=["15.04.05.2003"], target=tmp_path)
    FieldSync(new).enrol(enrolment)
    first_new = new.registrations.save(person(valid_registration, 4)).id
    bundle = _export(new, out)
    with pytest.raises(BundleRejected):
        service.import_bundle(bundle)  # a different laptop: staff check it first
    service.approve_device(bundle)
    assert service.import_bundle(bundle).new == 1
    changes = branch.db.execute("SELECT count(*) FROM remote_changes").fetchone()[0]
    assert changes == 4  # the new laptop's change 1 did not collide with the old one's

    report = FieldSync(new).import_receipt(service.receipt("RLW-001", out))
    assert report.acked_seq == 1  # what this laptop sent, not the old laptop's 3
    second_new = new.registrations.save(person(valid_registration, 5)).id
    assert FieldSync(new).pending_changes() == 1
    assert service.import_bundle(_export(new, out)).new == 1
    assert _branch_row(branch, first_new) and _branch_row(branch, second_new)
    new.close()


def test_an_edit_after_acknowledgement_keeps_the_old_revision_at_the_branch(
        branch, make_volunteer, tmp_path, valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    reg_id = rina.registrations.save(person(valid_registration, 1)).id
    service = BranchService(branch)
    service.import_bundle(_export(rina, out))
    FieldSync(rina).import_receipt(service.receipt("RLW-001", out))
    old_phone = _branch_row(branch, reg_id)["phone"]
    rina.registrations.save(person(valid_registration, 1, phone="081299998888"), reg_id=reg_id)
    assert service.import_bundle(_export(rina, out)).updated == 1
    kept = branch.db.execute("SELECT revision, data FROM revisions WHERE registration_id = ?",
                             [reg_id]).fetchall()
    assert [r[0] for r in kept] == [1]
    import json

    assert json.loads(kept[0][1])["phone"] == old_phone
    assert _branch_row(branch, reg_id)["phone"] not in (None, old_phone)
