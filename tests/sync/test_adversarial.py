"""Hostile and broken bundles: every one is refused with a clear message, nothing changes.

Property-based (hypothesis): truncation, flipped bits anywhere, reordered or duplicated
parts, oversized fields; and crafted ones: unknown key, another volunteer's key, a valid
signature over a different payload, replays. The branch database's logical content is
compared before and after each attempt.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desa_peduli.errors import BundleRejected
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import container
from desa_peduli.sync.keystore import load_keys
from desa_peduli.sync.signing import AgeIdentity, SigningKey, age_recipient, b64
from tests.conftest import PASSPHRASE
from tests.sync.conftest import digest, person

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def world(branch, make_volunteer, tmp_path, valid_registration):
    """A branch that already imported one bundle of Rina's; a second one ready to send."""
    rina = make_volunteer("RLW-001")
    budi = make_volunteer("RLW-002", "Budi Santoso")
    out = tmp_path / "stick"
    out.mkdir()
    rina.registrations.save(person(valid_registration, 1))
    first = FieldSync(rina).export(out).path
    BranchService(branch).import_bundle(first)
    rina.registrations.save(person(valid_registration, 2))
    second = FieldSync(rina).export(out).path
    return {"branch": branch, "rina": rina, "budi": budi, "first": first, "second": second,
            "out": out, "raw": second.read_bytes(),
            "sample": person(valid_registration, 30)}


def _attempt(world, data: bytes, name="fuzzed.dpbundle") -> BundleRejected:
    path = world["out"] / name
    path.write_bytes(data)
    before = digest(world["branch"].db)
    with pytest.raises(BundleRejected) as info:
        BranchService(world["branch"]).import_bundle(path)
    assert digest(world["branch"].db) == before
    assert info.value.message("id") and info.value.message("en")
    return info.value


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10**6))
def test_truncated_bundles_are_refused(world, cut):
    raw = world["raw"]
    _attempt(world, raw[: cut % len(raw)])


@FUZZ
@given(position=st.integers(min_value=0, max_value=10**6), bit=st.integers(0, 7))
def test_a_flipped_bit_anywhere_is_refused(world, position, bit):
    raw = bytearray(world["raw"])
    raw[position % len(raw)] ^= 1 << bit
    _attempt(world, bytes(raw))


def _parts(raw: bytes) -> list[bytes]:
    header = bundles.HEADER
    payload_size, manifest_size, _ = container.FOOTER.unpack(raw[-container.FOOTER.size:])
    p = len(header)
    m = p + payload_size
    s = m + manifest_size
    f = s + container.SIGNATURE_SIZE
    return [raw[:p], raw[p:m], raw[m:s], raw[s:f], raw[f:]]


@FUZZ
@given(order=st.permutations(range(5)), repeat=st.lists(st.integers(0, 4), max_size=2))
def test_reordered_or_duplicated_parts_are_refused(world, order, repeat):
    parts = _parts(world["raw"])
    shuffled = [parts[i] for i in order] + [parts[i] for i in repeat]
    if shuffled == parts:
        shuffled = shuffled + [parts[1]]
    _attempt(world, b"".join(shuffled))


@FUZZ
@given(field=st.sampled_from(["volunteer_id", "bundle_id", "device_public_key", "app_version",
                              "created_at", "workspace_id"]),
       size=st.integers(min_value=2_001, max_value=3_000_000))
def test_oversized_manifest_fields_are_refused(world, field, size):
    """Even when correctly signed by the volunteer's own device."""
    rina = world["rina"]
    signing, _ = load_keys(rina.db)
    parts = _parts(world["raw"])
    manifest = json.loads(parts[2])
    manifest[field] = "x" * size
    _attempt(world, _resign(parts, manifest, signing))


def _resign(parts, manifest, signing: SigningKey) -> bytes:
    from desa_peduli.sync.signing import canonical_json

    manifest_bytes = canonical_json(manifest)
    footer = container.FOOTER.pack(len(parts[1]), len(manifest_bytes), container.FOOTER_MAGIC)
    return parts[0] + parts[1] + manifest_bytes + signing.sign(manifest_bytes) + footer


def test_signed_by_an_unknown_key(world):
    parts = _parts(world["raw"])
    manifest = json.loads(parts[2])
    stranger = SigningKey.generate()
    manifest["device_public_key"] = b64(stranger.public_bytes)
    refused = _attempt(world, _resign(parts, manifest, stranger))
    assert refused.reason == "device_changed"
    assert "laptop lain" in refused.message("id")


def test_signed_by_another_volunteers_key(world):
    """Budi's laptop signs a bundle claiming to be Rina's (Budi is bound already)."""
    budi = world["budi"]
    budi.registrations.save(world["sample"])
    budi_bundle = FieldSync(budi).export(world["out"]).path
    BranchService(world["branch"]).import_bundle(budi_bundle)  # binds Budi's device
    signing, _ = load_keys(budi.db)
    parts = _parts(world["raw"])
    manifest = json.loads(parts[2])
    manifest["device_public_key"] = b64(signing.public_bytes)
    assert _attempt(world, _resign(parts, manifest, signing)).reason == "device_changed"
    # and Budi's own bundle claiming Rina's id inside a Budi-signed manifest
    parts_b = _parts(budi_bundle.read_bytes())
    manifest_b = json.loads(parts_b[2])
    manifest_b["volunteer_id"] = "RLW-001"
    manifest_b["bundle_id"] = "00000000-0000-4000-8000-000000000001"
    assert _attempt(world, _resign(parts_b, manifest_b, signing)).reason == "device_changed"


def test_valid_signature_over_a_different_payload(world):
    """A real, signed manifest with the payload of another bundle swapped in."""
    parts = _parts(world["raw"])
    other = _parts(world["first"].read_bytes())
    forged = parts[0] + other[1] + parts[2] + parts[3] + container.FOOTER.pack(
        len(other[1]), len(parts[2]), container.FOOTER_MAGIC)
    assert _attempt(world, forged).reason in ("payload_hash", "structure")


def test_a_payload_not_for_this_branch(world):
    """Correctly signed by Rina's device, hash right, but encrypted to another recipient."""
    rina = world["rina"]
    signing, identity = load_keys(rina.db)
    parts = _parts(world["raw"])
    manifest = json.loads(parts[2])
    manifest.pop("payload_sha256")
    manifest.pop("payload_size")
    path = world["out"] / "elsewhere.dpbundle"
    container.write_container(
        path, header=bundles.HEADER, manifest=manifest,
        records=iter([{"t": "header"}]), recipients=[age_recipient(
            AgeIdentity.generate().recipient)], signing_key=signing)
    assert _attempt(world, path.read_bytes()).reason == "decrypt"


def test_replay_is_recognised_and_changes_nothing(world):
    assert _attempt(world, world["first"].read_bytes(), "again.dpbundle").reason == (
        "already_imported")


def test_cli_exit_code_1_for_a_refused_bundle(world, tmp_path):
    world["branch"].close()
    bad = tmp_path / "bad.dpbundle"
    bad.write_bytes(world["raw"][:-10])
    env = {**os.environ, "DESA_PEDULI_PASSPHRASE": PASSPHRASE}
    result = subprocess.run(
        [sys.executable, "-m", "desa_peduli", "--data-dir", str(world["branch"].workspace.path),
         "import", "--json", str(bad)], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "terpotong" in result.stderr
    assert json.loads(result.stdout)["status"] == "rejected"


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_the_age_tool_decrypts_the_payload(world, tmp_path):
    identity_file = BranchService(world["branch"]).export_identity(tmp_path / "id.txt")
    parts = _parts(world["raw"])
    (tmp_path / "payload.age").write_bytes(parts[1])
    result = subprocess.run(["age", "-d", "-i", str(identity_file), str(tmp_path / "payload.age")],
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    import gzip

    lines = gzip.decompress(result.stdout).decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert records[0]["t"] == "header" and records[-1]["t"] == "end"
    assert any(r["t"] == "registration" and r["data"]["nik"] == "1504054203880002"
               for r in records)
