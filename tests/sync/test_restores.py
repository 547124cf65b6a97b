"""Restores that keep the round trip whole: a volunteer or the branch goes back to a backup,
and every later edit still reaches the branch and every later receipt still applies."""

from __future__ import annotations

import shutil

import pytest

from desa_peduli.errors import BundleRejected
from desa_peduli.services import backups
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.services.session import Session
from desa_peduli.storage.backups import make_backup
from desa_peduli.storage.workspace import DB_FILE, Workspace
from tests.sync.conftest import person


def _export(session, folder):
    result = FieldSync(session).export(folder)
    assert result.path is not None
    return result.path


def _receipt(branch, volunteer, folder):
    return FieldSync(volunteer).import_receipt(BranchService(branch).receipt("RLW-001", folder))


def _sent_and_accepted(branch, rina, out, valid_registration):
    """One registration sent twice (revisions 1 and 2), accepted at the branch and
    acknowledged on the laptop; returns its id and a backup taken at revision 1."""
    reg = rina.registrations.save(person(valid_registration, 1)).id
    backup = make_backup(rina.workspace, reason="manual")
    rina.registrations.save(person(valid_registration, 1, street="Jalan Dua"), reg_id=reg)
    svc = BranchService(branch)
    svc.import_bundle(_export(rina, out))
    svc.set_state(reg, "accepted")
    _receipt(branch, rina, out)
    assert rina.registrations.store.get(reg)["status"] == "accepted"
    return reg, backup


def _edit_send_and_check(branch, laptop, reg, out, valid_registration):
    """The restored laptop corrects the registration and sends it: the branch takes the
    correction, and the next receipt does not call it accepted (nobody reviewed it)."""
    outcome = laptop.registrations.save(person(valid_registration, 1, street="Jalan Tiga"),
                                        reg_id=reg)
    assert laptop.registrations.store.get(outcome.id)["revision"] == 3  # above the branch's 2
    report = BranchService(branch).import_bundle(_export(laptop, out))
    assert report.updated == 1
    held = branch.registrations.store.get(reg)
    assert held["street"] == "Jalan Tiga" and held["revision"] == 3
    assert held["branch_state"] == "received"
    # revision 2 (lost on the laptop) stays in the branch's history
    assert [r["revision"] for r in branch.registrations.store.revisions(reg)] == [1, 2, 3]
    _receipt(branch, laptop, out)
    mine = laptop.registrations.store.get(reg)
    assert mine["status"] == "ready" and mine["branch_state"] == "received"
    assert FieldSync(laptop).export(out).path is None  # all acknowledged


def test_restored_laptop_never_reuses_a_revision_the_branch_holds(
        branch, make_volunteer, tmp_path, valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    reg, backup = _sent_and_accepted(branch, rina, out, valid_registration)
    backups.restore(rina, backup)
    assert rina.registrations.store.get(reg)["street"] == valid_registration["street"]
    _edit_send_and_check(branch, rina, reg, out, valid_registration)


def test_backup_put_back_by_hand_learns_the_numbers_from_the_next_receipt(
        branch, make_volunteer, workspace_template, tmp_path, valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    reg, backup = _sent_and_accepted(branch, rina, out, valid_registration)
    # the laptop's database is replaced by the backup file while the program is closed:
    # nothing of the replaced database is left to carry its numbers over
    folder = rina.workspace.path
    rina.close()
    for leftover in folder.glob(DB_FILE + "-*"):
        leftover.unlink()
    shutil.copyfile(backup.path, folder / DB_FILE)
    with Session(Workspace.open_with_key(folder, workspace_template[1])) as restored:
        assert restored.registrations.store.get(reg)["revision"] == 1
        # the next receipt tells the laptop what the branch holds
        report = _receipt(branch, restored, out)
        assert report.acked_seq == 2
        _edit_send_and_check(branch, restored, reg, out, valid_registration)


def test_after_the_branch_restores_a_backup_the_laptop_sends_again_what_it_lost(
        branch, make_volunteer, tmp_path, valid_registration):
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    svc = BranchService(branch)
    first = rina.registrations.save(person(valid_registration, 1)).id
    svc.import_bundle(_export(rina, out))
    _receipt(branch, rina, out)
    branch_backup = make_backup(branch.workspace, reason="manual")
    second = rina.registrations.save(person(valid_registration, 2)).id
    svc.import_bundle(_export(rina, out))
    svc.set_state(second, "accepted")
    assert _receipt(branch, rina, out).acked_seq == 2
    assert FieldSync(rina).pending_changes() == 0

    backups.restore(branch, branch_backup)  # the branch lost the second bundle
    assert branch.registrations.store.get(second) is None
    assert svc.volunteer("RLW-001")["acked_seq"] == 1
    # the next receipt is newer than the last the laptop applied, and lowers its watermark
    report = _receipt(branch, rina, out)
    assert report.receipt_seq == 3 and report.acked_seq == 1
    assert rina.settings.get("acked_seq") == 1
    assert FieldSync(rina).pending_changes() == 1
    # the laptop sends again from there; the branch is whole again
    again = FieldSync(rina).export(out)
    assert again.manifest["seq_from"] == 2
    assert svc.import_bundle(again.path).new == 1
    assert branch.registrations.store.get(second)["branch_state"] == "received"
    assert svc.volunteer("RLW-001")["acked_seq"] == 2
    assert _receipt(branch, rina, out).acked_seq == 2
    assert {first, second} <= {row[0] for row in branch.db.execute("SELECT id FROM registrations")}
    assert FieldSync(rina).export(out).path is None


def test_a_backup_from_before_the_enrolment_keeps_the_laptop_known_to_the_branch(
        branch, workspace_template, tmp_path, valid_registration):
    """A volunteer goes back to a backup made before the laptop was enrolled: the laptop
    keeps its device keys and enrolment, so the branch still takes its bundles."""
    from desa_peduli.sync.keystore import load_keys

    src, key = workspace_template
    shutil.copytree(src, tmp_path / "vol")
    rina = Session(Workspace.open_with_key(tmp_path / "vol", key))
    try:
        early = make_backup(rina.workspace, reason="manual")  # not enrolled yet
        out = tmp_path / "stick"
        out.mkdir()
        enrolment = BranchService(branch).enrol(volunteer_id="RLW-001", name="Rina Marlina",
                                                villages=["15.04.05.2003"], target=out)
        FieldSync(rina).enrol(enrolment)
        rina.registrations.save(person(valid_registration, 1))
        BranchService(branch).import_bundle(_export(rina, out))
        device = load_keys(rina.db)[0].public_bytes

        backups.restore(rina, early)
        assert load_keys(rina.db)[0].public_bytes == device
        assert FieldSync(rina).enrolled
        rina.registrations.save(person(valid_registration, 2))
        report = BranchService(branch).import_bundle(_export(rina, out))
        assert report.status == "applied" and report.new == 1
    finally:
        rina.close()


def test_a_branch_backup_from_before_an_enrolment_keeps_that_volunteer(
        branch, make_volunteer, tmp_path, valid_registration):
    """The branch goes back to a backup made before it enrolled a volunteer: the volunteer
    stays enrolled (its id is not handed out again) and its laptop still binds."""
    early = make_backup(branch.workspace, reason="manual")
    rina = make_volunteer("RLW-001")
    out = tmp_path / "stick"
    out.mkdir()
    rina.registrations.save(person(valid_registration, 1))
    backups.restore(branch, early)
    assert [v["id"] for v in BranchService(branch).volunteers()] == ["RLW-001"]
    report = BranchService(branch).import_bundle(_export(rina, out))
    assert report.status == "applied" and report.device_bound


def test_a_branch_backup_from_before_a_laptop_was_replaced_keeps_the_new_one_bound(
        branch, make_volunteer, tmp_path, valid_registration):
    """Rina's laptop is stolen and the clerk approves her new one; then the branch goes
    back to a backup from before: the stolen laptop stays refused, the new one stays
    bound and sends again what the branch lost."""
    out = tmp_path / "stick"
    out.mkdir()
    svc = BranchService(branch)
    stolen = make_volunteer("RLW-001")
    stolen.registrations.save(person(valid_registration, 1))
    svc.import_bundle(_export(stolen, out))
    early = make_backup(branch.workspace, reason="manual")
    laptop = make_volunteer("RLW-001")  # a new enrolment file, a new laptop
    new_reg = laptop.registrations.save(person(valid_registration, 2)).id
    first = _export(laptop, out)
    svc.approve_device(first, shown=FieldSync(laptop).fingerprint())
    svc.import_bundle(first)

    backups.restore(branch, early)
    assert svc.volunteer("RLW-001")["device_fingerprint"] == FieldSync(laptop).fingerprint()
    assert svc.volunteer("RLW-001")["acked_seq"] == 0  # nothing of the new laptop's is here
    stolen.registrations.save(person(valid_registration, 3, full_name="Nama Palsu"))
    with pytest.raises(BundleRejected) as refused:
        svc.import_bundle(_export(stolen, out))
    assert refused.value.reason == "device_changed"
    assert _receipt(branch, laptop, out).acked_seq == 0
    assert svc.import_bundle(_export(laptop, out)).new == 1
    assert branch.registrations.store.get(new_reg) is not None
    assert _receipt(branch, laptop, out).acked_seq == laptop.db.execute(
        "SELECT max(seq) FROM change_log").fetchone()[0]
