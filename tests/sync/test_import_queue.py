"""The prefetch of ``upcoming`` files."""

from __future__ import annotations

from pathlib import Path

import pytest

from desa_peduli.errors import BundleRejected
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import container
from desa_peduli.sync.signing import canonical_json
from tests.sync.conftest import person


def _crafted(path: Path, manifest: dict) -> Path:
    """A file with the bundle's header, footer and a canonical manifest, no real
    signature (anyone can write it onto a USB stick)."""
    manifest = {**manifest, "payload_size": 0}
    body = canonical_json(manifest)
    path.write_bytes(bundles.HEADER + body + b"\0" * container.SIGNATURE_SIZE
                     + container.FOOTER.pack(0, len(body), container.FOOTER_MAGIC))
    return path


def _real_bundle(make_volunteer, valid_registration, tmp_path, n=3):
    rina = make_volunteer("RLW-001")
    for i in range(n):
        rina.registrations.save(person(valid_registration, i + 1))
    return FieldSync(rina).export(tmp_path).path


@pytest.mark.parametrize("manifest", [
    {"format": 1},                                   # no device_public_key at all
    {"device_public_key": 12345},                    # a number where a key belongs
    {"device_public_key": ["a"]},                    # a list
], ids=["missing-key", "number-key", "list-key"])
def test_a_forged_file_in_upcoming_does_not_break_the_current_import(
        branch, make_volunteer, valid_registration, tmp_path, manifest):
    """`import GOOD FORGED`: GOOD applies although FORGED (unsigned, a manifest without a
    usable device_public_key) is in its ``upcoming``; FORGED is refused on its own turn
    (open_signed runs check_manifest_shape first: held)."""
    good = _real_bundle(make_volunteer, valid_registration, tmp_path)
    forged = _crafted(tmp_path / "palsu.dpbundle", manifest)
    service = BranchService(branch)
    try:
        report = service.import_bundle(good, upcoming=[forged])
        assert report.new == 3
        with pytest.raises(BundleRejected):
            service.import_bundle(forged)
    finally:
        service.close()


def test_a_missing_or_garbage_upcoming_file_is_skipped(
        branch, make_volunteer, valid_registration, tmp_path):
    good = _real_bundle(make_volunteer, valid_registration, tmp_path)
    junk = tmp_path / "junk.dpbundle"
    junk.write_bytes(b"not a bundle at all" * 10)
    folder = tmp_path / "folder.dpbundle"
    folder.mkdir()
    service = BranchService(branch)
    try:
        report = service.import_bundle(good, upcoming=[tmp_path / "gone.dpbundle", junk,
                                                       folder, good])
        assert report.new == 3
        with pytest.raises(BundleRejected) as again:  # the same file twice: refused quickly
            service.import_bundle(good)
        assert again.value.reason == "already_imported"
    finally:
        service.close()



def _two_volunteers(make_volunteer, valid_registration, tmp_path):
    """Bundle A (RLW-001, 3 rows) and bundle C (RLW-002, 2 rows, other names)."""
    rina = make_volunteer("RLW-001")
    for i in range(3):
        rina.registrations.save(person(valid_registration, i + 1))
    a = FieldSync(rina).export(tmp_path).path
    budi = make_volunteer("RLW-002", "Budi Santoso")
    for i in range(2):
        budi.registrations.save(person(valid_registration, 100 + i, full_name="Dewi Sartika"))
    out = tmp_path / "budi"
    out.mkdir()
    c = FieldSync(budi).export(out).path
    return a, c


@pytest.fixture
def every_bundle_large(monkeypatch):
    from desa_peduli.services import branch as branch_module
    monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)


def _children() -> list:
    import multiprocessing
    return [p for p in multiprocessing.active_children() if p.name == "desa-peduli-decoder"]


def test_a_queued_file_replaced_before_its_import(
        branch, make_volunteer, valid_registration, tmp_path, every_bundle_large):
    """Import A with upcoming [X] (X holds A's bytes: queued in a second process); X's
    file is then replaced (os.replace, as a copy onto the stick does) by C's bytes. X's import must
    apply C (its own manifest), never the work queued for the old X."""
    import os
    import shutil

    from tests.storage.test_bulk_upkeep_hostile import _fts_ok
    from tests.storage.test_coverage_counts import counts, truth
    a, c = _two_volunteers(make_volunteer, valid_registration, tmp_path)
    x = tmp_path / "x.dpbundle"
    shutil.copy(a, x)  # X first holds A's bytes (queued), then C's
    first = tmp_path / "a-copy.dpbundle"
    shutil.copy(a, first)
    service = BranchService(branch)
    try:
        assert service.import_bundle(first, upcoming=[x]).new == 3  # X queued meanwhile
        staged = tmp_path / "staged"
        shutil.copy(c, staged)
        os.replace(staged, x)
        report = service.import_bundle(x)
        assert report.volunteer_id == "RLW-002" and report.new == 2
        assert counts(branch.db) == truth(branch.db)
        _fts_ok(branch.db)
    finally:
        service.close()
    assert _children() == []


def test_a_queued_file_deleted_or_twice_and_no_process_left(
        branch, make_volunteer, valid_registration, tmp_path, every_bundle_large):
    import shutil
    a, c = _two_volunteers(make_volunteer, valid_registration, tmp_path)
    gone = tmp_path / "gone.dpbundle"
    shutil.copy(c, gone)
    service = BranchService(branch)
    try:
        assert service.import_bundle(a, upcoming=[gone, a, gone]).new == 3
        assert len(_children()) <= 2
        gone.unlink()
        with pytest.raises(BundleRejected):
            service.import_bundle(gone, upcoming=[a])
        with pytest.raises(BundleRejected) as twice:
            service.import_bundle(a)
        assert twice.value.reason == "already_imported"
        assert len(_children()) <= 2
    finally:
        service.close()
    assert _children() == []


def test_an_already_imported_bundle_is_queued_instead_of_the_next_one(
        branch, make_volunteer, valid_registration, tmp_path, every_bundle_large, monkeypatch):
    """FINDING 4 (prefetch picks stale files). A USB stick usually still holds last
    week's bundle: `import NEW OLD NEXT` (OLD already imported, NEXT new and large).
    _prefetch only checks OLD's signature, so while NEW merges the second process decrypts
    and validates OLD (refused moments later as already_imported) and NEXT, the file
    that will really be merged, is not queued: the two-core overlap is lost exactly in
    the common case, and a bundle that will be refused is decrypted before its workspace
    checks (unknown laptop, replay). Worked example: submits seen = [NEW, OLD, NEXT];
    expected [NEW, NEXT, ...] with OLD never decrypted."""
    from desa_peduli.sync import decoder
    old_path, new_path = _two_volunteers(make_volunteer, valid_registration, tmp_path)
    # OLD: RLW-001's bundle, imported last week; NEW: RLW-002's; NEXT: RLW-003's
    siti = make_volunteer("RLW-003", "Siti Rahma")
    siti.registrations.save(person(valid_registration, 300, full_name="Ahmad Dahlan"))
    out = tmp_path / "siti"
    out.mkdir()
    next_path = FieldSync(siti).export(out).path
    submitted: list[str] = []
    real_submit = decoder.DecoderProcess.submit

    def spy(self, opened, secret, spec):
        submitted.append(Path(opened.path).name)
        return real_submit(self, opened, secret, spec)

    monkeypatch.setattr(decoder.DecoderProcess, "submit", spy)
    service = BranchService(branch)
    try:
        service.import_bundle(old_path)
        submitted.clear()
        assert service.import_bundle(new_path, upcoming=[old_path, next_path]).new == 2
        assert old_path.name not in submitted, submitted
        assert submitted == [new_path.name, next_path.name]
    finally:
        service.close()


def test_cancel_mid_merge_with_a_file_queued(
        branch, make_volunteer, valid_registration, tmp_path, every_bundle_large):
    """Cancel (as the GUI's button) while the first bundle (250 rows, streamed by a
    child) merges and the second is queued: nothing of the first stays, the triggers
    and index are sound, the second still imports from its queued work, the first
    imports again afterwards, and close leaves no process."""
    import json as jsonlib

    from desa_peduli.errors import Cancelled
    from desa_peduli.progress import Progress
    from desa_peduli.services.adding import add_file
    from tests.storage.test_bulk_upkeep_hostile import _fts_ok
    from tests.storage.test_coverage_counts import counts, truth
    rina = make_volunteer("RLW-001")
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(jsonlib.dumps(person(valid_registration, i))
                              for i in range(1, 251)) + "\n")
    assert add_file(rina, rows).added == 250
    big = FieldSync(rina).export(tmp_path).path
    budi = make_volunteer("RLW-002", "Budi Santoso")
    for i in range(2):
        budi.registrations.save(person(valid_registration, 500 + i))
    (tmp_path / "budi").mkdir()
    other = FieldSync(budi).export(tmp_path / "budi").path
    progress = Progress()
    real_check = progress.check

    def check():
        progress.cancel()
        real_check()

    progress.check = check
    service = BranchService(branch)
    try:
        with pytest.raises(Cancelled):
            service.import_bundle(big, progress=progress, upcoming=[other])
        assert branch.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 0
        assert counts(branch.db) == truth(branch.db)
        _fts_ok(branch.db)
        assert len(_children()) <= 2
        assert service.import_bundle(other).new == 2
        assert service.import_bundle(big).new == 250
        assert counts(branch.db) == truth(branch.db)
        _fts_ok(branch.db)
    finally:
        service.close()
    assert _children() == []


def test_a_queued_decode_that_died_refuses_a_good_bundle(
        branch, make_volunteer, valid_registration, tmp_path, every_bundle_large):
    """FINDING 5 (prefetch robustness). X is queued in the second process while A
    merges; that process dies before X's turn (the OOM killer picks it: two decoding
    children + a 128 MB page cache; or a crash in the child). X's import takes the dead
    process's ticket without looking, reads EOF and refuses X as a damaged bundle
    ("payload"/"decoder stopped"), although X is fine and a fresh decode would work
    (retrying the same file does work). Worked example: import A with upcoming [X]; kill
    the queued child; import X (400 rows) -> BundleRejected; expected: 400 new."""
    import json as jsonlib
    import os
    import signal

    from desa_peduli.services.adding import add_file
    a, _c = _two_volunteers(make_volunteer, valid_registration, tmp_path)
    siti = make_volunteer("RLW-003", "Siti Rahma")
    rows = tmp_path / "rows.jsonl"  # more than a pipe holds (64 KB) once decoded
    rows.write_text("\n".join(jsonlib.dumps(person(valid_registration, 1000 + i))
                              for i in range(400)) + "\n")
    assert add_file(siti, rows).added == 400
    (tmp_path / "siti").mkdir()
    x = FieldSync(siti).export(tmp_path / "siti").path
    service = BranchService(branch)
    try:
        assert service.import_bundle(a, upcoming=[x]).new == 3
        queued = service._prefetched
        assert queued is not None and queued[0] == x
        process = queued[1]._process
        os.kill(process.pid, signal.SIGKILL)
        process.join(timeout=10)
        assert service.import_bundle(x).new == 400
    finally:
        service.close()
    assert _children() == []
