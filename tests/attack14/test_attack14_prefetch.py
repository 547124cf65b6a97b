"""ATTACK14 (outside review of the speed branch): the prefetch of ``upcoming`` files.

Tests named ``test_attack14_finding_*`` FAIL on branch speed and prove a finding;
``test_attack14_held_*`` pass and record what was tried and held."""

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
def test_attack14_held_a_forged_file_in_upcoming_does_not_break_the_current_import(
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


def test_attack14_held_a_missing_or_garbage_upcoming_file_is_skipped(
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

