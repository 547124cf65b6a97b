"""Attachments reach the branch whatever the batch boundaries; a laptop bound again is
acknowledged up to what its own bundles brought."""

from __future__ import annotations

import copy
import os

import pytest

from desa_peduli.errors import BundleRejected
from desa_peduli.services import branch as branch_module
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.sync import bundle as bundles
from tests.sync.conftest import person


def _signed(base: dict, serial: int) -> dict:
    record = person(base, serial)
    record["consent"] = dict(copy.deepcopy(base["consent"]), method="signature",
                             signature_png=b"\x89PNG\r\n\x1a\n" + os.urandom(300))
    record["consent"].pop("witness", None)
    return record


@pytest.mark.parametrize("batch,max_bytes", [(3, 16 * 1024**2), (500, 100)])
@pytest.mark.parametrize("in_child", [False, True])
def test_every_attachment_arrives_across_batches(branch, make_volunteer, tmp_path,
                                                 valid_registration, monkeypatch, batch,
                                                 max_bytes, in_child):
    monkeypatch.setattr(bundles._Merger, "BATCH", batch)
    monkeypatch.setattr(bundles._Merger, "MAX_PENDING_BYTES", max_bytes)
    if in_child:
        monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)
    rina = make_volunteer("RLW-001")
    ids = []
    for serial in range(1, 8):
        saved = rina.registrations.save(_signed(valid_registration, serial),
                                        ktp_photo=("image/jpeg", b"\xff\xd8\xff" + os.urandom(900)))
        assert saved.status == "ready", saved.problems
        ids.append(saved.id)
    held = {kind: rina.db.execute("SELECT count(*) FROM attachments WHERE kind = ?",
                                  [kind]).fetchone()[0] for kind in ("signature", "ktp_photo")}
    assert held == {"signature": 7, "ktp_photo": 7}
    service = BranchService(branch)
    report = service.import_bundle(FieldSync(rina).export(tmp_path).path)
    service.close()
    assert report.new == 7 and report.rejected == []
    at_branch = dict(branch.db.execute(
        "SELECT kind, count(*) FROM attachments GROUP BY kind").fetchall())
    assert at_branch == held
    mine = {row[0]: row[1] for row in rina.db.execute(
        "SELECT registration_id || kind, sha256 FROM attachments")}
    theirs = {row[0]: row[1] for row in branch.db.execute(
        "SELECT registration_id || kind, sha256 FROM attachments")}
    assert theirs == mine


def test_a_laptop_bound_again_is_acknowledged_up_to_its_own_bundles(
        branch, make_volunteer, tmp_path, valid_registration):
    first = make_volunteer("RLW-001")
    for serial in (1, 2, 3):
        first.registrations.save(person(valid_registration, serial))
    service = BranchService(branch)
    a_bundle = FieldSync(first).export(tmp_path).path
    service.import_bundle(a_bundle)
    assert service.volunteer("RLW-001")["acked_seq"] == 3
    borrowed = make_volunteer("RLW-001")  # a borrowed laptop, approved for a while
    borrowed.registrations.save(person(valid_registration, 4))
    b_bundle = FieldSync(borrowed).export(tmp_path).path
    with pytest.raises(BundleRejected):
        service.import_bundle(b_bundle)
    service.approve_device(b_bundle)
    assert service.volunteer("RLW-001")["acked_seq"] == 0
    service.import_bundle(b_bundle)
    assert service.volunteer("RLW-001")["acked_seq"] == 1
    service.approve_device(a_bundle)  # the first laptop is back
    assert service.volunteer("RLW-001")["acked_seq"] == 3
    report = FieldSync(first).import_receipt(service.receipt("RLW-001", tmp_path))
    assert report.acked_seq == 3
    first.registrations.save(person(valid_registration, 5))
    assert service.import_bundle(FieldSync(first).export(tmp_path).path).new == 1
    assert service.volunteer("RLW-001")["acked_seq"] == 4


def test_recount_repairs_an_acknowledgement_from_a_replaced_laptop(branch):
    """What migration 0008 does for a branch whose volunteer changed laptops before it:
    the old laptop's numbers no longer count for the new one; a gap stops the count."""
    from desa_peduli.storage.acks import recount_all

    db = branch.db
    with db.atomic():
        db.execute("INSERT INTO volunteers(id, name, enrolled_at, device_key, acked_seq) "
                   "VALUES ('RLW-009', 'Rina', '2026-01-01', 'new-key', 6)")
        for bundle_id, key, seq_from, seq_to in (("a1", "old-key", 1, 6), ("b1", "new-key", 1, 2),
                                                 ("b2", "new-key", 3, 3), ("b3", "new-key", 5, 9)):
            db.execute("INSERT INTO bundles(bundle_id, volunteer_id, device_key, seq_from, "
                       "seq_to, imported_at, report) VALUES (?, 'RLW-009', ?, ?, ?, "
                       "'2026-01-02', '{}')", [bundle_id, key, seq_from, seq_to])
        recount_all(db)
    assert db.execute("SELECT acked_seq FROM volunteers WHERE id = 'RLW-009'").fetchone()[0] == 3
