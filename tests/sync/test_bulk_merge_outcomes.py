"""Counts and full-text index after real
imports and ``add`` runs that mix new rows with updates, deletions, refusals."""

from __future__ import annotations

import json

import pytest

from desa_peduli.services import branch as branch_module
from desa_peduli.services.adding import add_file
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.storage.bulk import INSERT_TRIGGERS, insert_triggers
from tests.storage.test_bulk_upkeep import _fts
from tests.storage.test_bulk_upkeep_hostile import _fts_ok
from tests.storage.test_coverage_counts import counts, truth
from tests.sync.conftest import forge_bundle, person
from tests.sync.test_attachments_and_devices import _signed


def _sound(db) -> None:
    assert counts(db) == truth(db)
    _fts_ok(db)
    assert sorted(insert_triggers(db)) == sorted(INSERT_TRIGGERS)


@pytest.mark.parametrize("in_child", [False, True])
def test_import_of_updates_deletions_and_new_rows(
        branch, make_volunteer, valid_registration, tmp_path, monkeypatch, in_child):
    """Bundle 1: four new (one with signature); bundle 2: a renamed one, a deleted one,
    two new. After each import: counts = GROUP BY truth, FTS integrity-check, the renamed
    row found by its new name only."""
    if in_child:
        monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)
    rina = make_volunteer("RLW-001")
    ids = [rina.registrations.save(person(valid_registration, 1)).outcome.id,
           rina.registrations.save(person(valid_registration, 2)).outcome.id,
           rina.registrations.save(_signed(valid_registration, 3)).outcome.id,
           rina.registrations.save(person(valid_registration, 4)).outcome.id]
    service = BranchService(branch)
    try:
        first = FieldSync(rina).export(tmp_path).path
        assert service.import_bundle(first).new == 4
        _sound(branch.db)
        rina.registrations.save(person(valid_registration, 1, full_name="Dewi Sartika"),
                                reg_id=ids[0])
        rina.registrations.delete(ids[1], "pindah")
        rina.registrations.save(person(valid_registration, 5, full_name="Zulkifli Hasibuan"))
        rina.registrations.save(_signed(valid_registration, 6))
        second = FieldSync(rina).export(tmp_path).path
        report = service.import_bundle(second)
        assert (report.new, report.updated) == (2, 2)
        _sound(branch.db)
        renamed = branch.db.execute("SELECT pk FROM registrations WHERE id = ?",
                                    [ids[0]]).fetchone()[0]
        assert _fts(branch.db, "sartika") == [ids[0]]
        assert renamed
        assert _fts(branch.db, "hasibuan")
    finally:
        service.close()


def test_forged_bundle_other_volunteer_and_deleted_rows(
        branch, make_volunteer, valid_registration, tmp_path):
    """A laptop's own signed bundle whose records claim another volunteer, or arrive
    already deleted: refused/uncounted exactly as the triggers would do it."""
    rina = make_volunteer("RLW-001")
    for serial in range(1, 6):
        rina.registrations.save(person(valid_registration, serial))

    def mutate(records):
        regs = [r for r in records if r.get("t") == "registration"]
        regs[0]["volunteer_id"] = "RLW-999"
        regs[1]["deleted_at"] = "2026-11-29T08:00:00+07:00"
        regs[1]["deleted_reason"] = "uji"
        return records

    forged = forge_bundle(rina, tmp_path, mutate)
    service = BranchService(branch)
    try:
        service.import_bundle(forged)
        _sound(branch.db)
    finally:
        service.close()


def test_add_mixes_updates_new_rows_and_skipped_rows(session, valid_registration,
                                                                   tmp_path):
    """`add --skip-invalid` of a file with: an update of an existing row by its NIK (new
    name), two new rows, one invalid row, one row with a signature attachment; then a file
    with one bad row and no --skip-invalid (all rolled back). The index stays sound."""
    existing = session.registrations.save(person(valid_registration, 1)).outcome.id
    rows = [person(valid_registration, 1, full_name="Dewi Sartika"),
            person(valid_registration, 2, full_name="Ahmad Dahlan"),
            person(valid_registration, 3),
            person(valid_registration, 4, full_name="Nama 123"),
            ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = add_file(session, path, skip_invalid=True)
    assert (report.added, report.updated, report.rejected_rows) == (2, 1, 1)
    _sound(session.db)
    assert _fts(session.db, "sartika") == [existing]
    assert len(_fts(session.db, "dahlan")) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(person(valid_registration, 7, full_name="Budi Karya")) + "\n"
                   + json.dumps(person(valid_registration, 8, full_name="X 9")) + "\n")
    report = add_file(session, bad)
    assert not report.stored and report.added == 0
    _sound(session.db)
    assert _fts(session.db, "karya") == []


def test_the_same_nik_from_two_volunteers_flagged_after_the_block(
        branch, make_volunteer, valid_registration, tmp_path):
    """Duplicates are flagged after the deferred block, on rows it just inserted: two
    volunteers register the same NIKs; counts and index stay sound."""
    rina = make_volunteer("RLW-001")
    budi = make_volunteer("RLW-002", "Budi Santoso")
    for i in range(1, 4):
        rina.registrations.save(person(valid_registration, i))
        budi.registrations.save(person(valid_registration, i, full_name="Dewi Sartika"))
    (tmp_path / "b").mkdir()
    service = BranchService(branch)
    try:
        service.import_bundle(FieldSync(rina).export(tmp_path).path)
        report = service.import_bundle(FieldSync(budi).export(tmp_path / "b").path)
        assert report.duplicates
        _sound(branch.db)
        assert len(_fts(branch.db, "sartika")) == 3
    finally:
        service.close()
