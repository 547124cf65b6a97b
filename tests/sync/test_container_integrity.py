"""What is decrypted is what was signed, a bundle holds what it counts, and a drive pulled
out mid-way is reported as that (not as a wrong key) — on both decoding paths."""

from __future__ import annotations

import errno
import json
import os
import struct
import zlib

import pyrage
import pytest

from desa_peduli.errors import BundleRejected, DriveRemoved
from desa_peduli.services import branch as branch_module
from desa_peduli.services.branch import BranchService
from desa_peduli.services.field import FieldSync
from desa_peduli.sync import bundle as bundles
from desa_peduli.sync import container
from desa_peduli.sync import receipt as receipts
from desa_peduli.sync.keystore import load_keys
from desa_peduli.sync.signing import age_recipient
from tests.sync.conftest import digest, forge_bundle, person

PATHS = pytest.mark.parametrize("in_child", [False, True], ids=["in-process", "child"])


@pytest.fixture
def rina(make_volunteer, valid_registration):
    volunteer = make_volunteer("RLW-001")
    for serial in (1, 2):
        volunteer.registrations.save(person(valid_registration, serial))
    return volunteer


def _decode_in(in_child: bool, monkeypatch) -> None:
    if in_child:
        monkeypatch.setattr(branch_module, "DECODER_MIN_RECORDS", 0)


def _import(branch, path):
    service = BranchService(branch)
    try:
        return service.import_bundle(path)
    finally:
        service.close()


def _refused(branch, path) -> BundleRejected:
    before = digest(branch.db)
    with pytest.raises(BundleRejected) as info:
        _import(branch, path)
    assert digest(branch.db) == before
    assert info.value.message("id") and info.value.message("en")
    return info.value


# -- the payload decrypted is the payload hashed ------------------------------------------
def _payload(path) -> tuple[int, int]:
    """(offset, size) of the payload inside a container file."""
    raw = path.read_bytes()
    size, _manifest_size, _magic = container.FOOTER.unpack(raw[-container.FOOTER.size:])
    header = raw.index(b"\n") + 1
    return header, size


def _same_size_ciphertext(records: list[dict], recipient: str, size: int) -> bytes:
    """age ciphertext of exactly ``size`` bytes over a gzip of ``records`` (padded with
    the gzip header's file name), as an attacker would swap in. rage adds a random
    "grease" stanza of 0-170 bytes to each header: encrypt until the size comes out
    right. The records are written compactly so that even a genuine payload whose own
    grease came out short leaves room for the forged one."""
    body = b"".join(json.dumps(r, separators=(",", ":")).encode() + b"\n" for r in records)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(body) + deflate.flush()
    trailer = struct.pack("<II", zlib.crc32(body), len(body))
    pad = 0
    for _attempt in range(5000):
        gz = b"\x1f\x8b\x08\x08\0\0\0\0\0\xff" + b"a" * pad + b"\0" + raw + trailer
        ciphertext = pyrage.encrypt(gz, [age_recipient(recipient)])
        if len(ciphertext) == size:
            return ciphertext
        pad = max(0, pad + size - len(ciphertext))
    raise AssertionError("no ciphertext of the genuine payload's size")


def _swap_after_check(monkeypatch, path, ciphertext: bytes) -> None:
    """The payload is replaced once the early hash check has passed (a shared folder, a
    hostile stick answering the second read differently)."""
    original = container.check_payload_hash
    offset, size = _payload(path)

    def check_then_swap(opened):
        original(opened)
        raw = bytearray(path.read_bytes())
        raw[offset:offset + size] = ciphertext
        path.write_bytes(bytes(raw))

    monkeypatch.setattr(container, "check_payload_hash", check_then_swap)


@PATHS
def test_a_payload_swapped_after_the_hash_check_is_refused(branch, rina, tmp_path,
                                                           monkeypatch, in_child):
    _decode_in(in_child, monkeypatch)
    path = FieldSync(rina).export(tmp_path).path
    seq_to = rina.db.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    records = list(bundles.export_records(rina.db, "RLW-001", 0, seq_to, {}))
    for record in records:  # the same counts, someone else's people
        if record["t"] == "registration":
            record["data"]["full_name"] = "Penipu"
            record["data"]["nik"] = record["data"]["nik"][:-4] + "9999"
    recipient = rina.settings.get("branch")["recipient"]
    _swap_after_check(monkeypatch, path,
                      _same_size_ciphertext(records, recipient, _payload(path)[1]))
    assert _refused(branch, path).reason == "payload_hash"
    assert branch.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 0


def test_a_receipt_payload_swapped_after_the_hash_check_is_refused(branch, rina, tmp_path,
                                                                   monkeypatch):
    BranchService(branch).import_bundle(FieldSync(rina).export(tmp_path).path)
    ids = [row[0] for row in branch.db.execute("SELECT id FROM registrations ORDER BY id")]
    path = BranchService(branch).receipt("RLW-001", tmp_path)
    forged = [{"t": "header", "volunteer_id": "RLW-001", "receipt_seq": 1}]
    forged += [{"t": "state", "id": ids[0], "revision": 1, "state": "registered",
                "kpj_number": "99999999999"}]  # one worker's forged KPJ is enough
    forged.append({"t": "end", "counts": {"states": 1, "reference": 0}})
    _signing, identity = load_keys(rina.db)
    _swap_after_check(monkeypatch, path,
                      _same_size_ciphertext(forged, identity.recipient, _payload(path)[1]))
    before = digest(rina.db)
    with pytest.raises(BundleRejected) as info:
        FieldSync(rina).import_receipt(path)
    assert info.value.reason == "payload_hash"
    assert digest(rina.db) == before


# -- the counts ---------------------------------------------------------------------------
@pytest.fixture
def rina_with_everything(rina, branch, tmp_path, valid_registration):
    """Every kind of record in one bundle: registrations, an attachment, a revision."""
    saved = rina.registrations.save(person(valid_registration, 3),
                                    ktp_photo=("image/jpeg", b"\xff\xd8\xff" + b"k" * 200))
    rina.registrations.save(person(valid_registration, 3, rt="003"), reg_id=saved.id)
    return rina


@pytest.mark.parametrize("kind", ["registration", "revision", "change", "attachment"])
@PATHS
def test_a_bundle_holding_fewer_records_than_it_counts_is_refused(
        branch, rina_with_everything, tmp_path, monkeypatch, kind, in_child):
    """The end record and the manifest agree with each other, not with the content."""
    _decode_in(in_child, monkeypatch)

    def drop_one(records):
        index = next(i for i, r in enumerate(records) if r["t"] == kind)
        return records[:index] + records[index + 1:]

    path = forge_bundle(rina_with_everything, tmp_path, drop_one)
    assert _refused(branch, path).reason == "incomplete"


@PATHS
def test_a_bundle_holding_more_records_than_it_counts_is_refused(branch, rina, tmp_path,
                                                                 monkeypatch, in_child):
    _decode_in(in_child, monkeypatch)

    def one_more_change(records):
        change = next(r for r in records if r["t"] == "change")
        return [*records[:-1], dict(change, seq=99), records[-1]]

    path = forge_bundle(rina, tmp_path, one_more_change)
    assert _refused(branch, path).reason == "incomplete"


def test_a_receipt_holding_other_records_than_it_counts_is_refused(branch, rina, tmp_path):
    BranchService(branch).import_bundle(FieldSync(rina).export(tmp_path).path)
    volunteer = BranchService(branch).volunteer("RLW-001")
    signing, _identity = load_keys(branch.db)
    real = receipts.write_receipt  # its records, with the last state left out
    path = tmp_path / "short.dpreceipt"
    original = container.write_container

    def without_one_state(target, *, records, **kwargs):
        kept = list(records)
        states = [i for i, r in enumerate(kept) if r["t"] == "state"]
        del kept[states[-1]]
        return original(target, records=iter(kept), **kwargs)

    container.write_container = without_one_state
    try:
        real(branch.db, path, volunteer=volunteer, branch_key=signing, branch_name="KC")
    finally:
        container.write_container = original
    before = digest(rina.db)
    with pytest.raises(BundleRejected) as info:
        FieldSync(rina).import_receipt(path)
    assert info.value.reason == "payload"
    assert digest(rina.db) == before


# -- a drive pulled out -------------------------------------------------------------------
def _after_check(monkeypatch, action) -> None:
    original = container.check_payload_hash

    def check_then(opened):
        original(opened)
        action(opened.path)

    monkeypatch.setattr(container, "check_payload_hash", check_then)


def _cut_in_half(path):
    offset, size = _payload(path)
    with open(path, "r+b") as handle:
        handle.truncate(offset + size // 2)


@pytest.mark.parametrize("what", ["shrinks", "vanishes"])
@PATHS
def test_a_file_cut_short_or_gone_while_importing_says_so(branch, rina, tmp_path, monkeypatch,
                                                          what, in_child):
    _decode_in(in_child, monkeypatch)
    path = FieldSync(rina).export(tmp_path).path
    _after_check(monkeypatch, _cut_in_half if what == "shrinks" else lambda p: p.unlink())
    refused = _refused(branch, path)
    assert refused.reason == "removed"
    assert "flashdisk dicabut" in refused.message("id")
    assert "drive was removed" in refused.message("en")
    assert "kunci" not in refused.message("id")


def test_a_read_error_while_decrypting_is_not_a_wrong_key(branch, rina, tmp_path, monkeypatch):
    path = FieldSync(rina).export(tmp_path).path
    reads = []
    original = container._Window.readinto

    def failing(self, target):
        reads.append(1)
        if len(reads) > 1:
            raise OSError(errno.EIO, "Input/output error")
        return original(self, target[:64])

    monkeypatch.setattr(container._Window, "readinto", failing)
    monkeypatch.setattr(container, "check_payload_hash", lambda opened: None)
    assert _refused(branch, path).reason == "removed"


def test_a_read_error_while_opening_is_not_a_traceback(branch, rina, tmp_path, monkeypatch):
    path = FieldSync(rina).export(tmp_path).path
    real_open = open

    def failing_open(file, mode="r", *args, **kwargs):
        if str(file) == str(path):
            raise OSError(errno.ENODEV, "No such device")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    assert _refused(branch, path).reason == "removed"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_folder_or_a_fifo_given_as_a_bundle_is_unreadable_not_a_pulled_drive(branch, tmp_path):
    folder = tmp_path / "folder.dpbundle"
    folder.mkdir()
    fifo = tmp_path / "pipe.dpbundle"
    os.mkfifo(fifo)  # posix-only: ok
    for path in (folder, fifo):
        refused = _refused(branch, path)
        assert refused.reason == "unreadable", path


def test_a_receipt_cut_short_while_importing_says_so(branch, rina, tmp_path, monkeypatch):
    BranchService(branch).import_bundle(FieldSync(rina).export(tmp_path).path)
    path = BranchService(branch).receipt("RLW-001", tmp_path)
    _after_check(monkeypatch, _cut_in_half)
    before = digest(rina.db)
    with pytest.raises(BundleRejected) as info:
        FieldSync(rina).import_receipt(path)
    assert info.value.reason == "removed"
    assert "flashdisk dicabut" in info.value.message("id")
    assert digest(rina.db) == before


class _DyingStick:
    """A file on a stick that is pulled out after ``good`` bytes were written."""

    def __init__(self, handle, good: int):
        self.handle, self.left = handle, good

    def write(self, data) -> int:
        if len(data) > self.left:
            raise OSError(errno.EIO, "Input/output error")
        self.left -= len(data)
        return self.handle.write(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)


@pytest.mark.parametrize("good", [0, 300])
def test_a_drive_pulled_out_while_exporting_says_so(rina, tmp_path, monkeypatch, good):
    import contextlib

    original = container.atomic_writer

    @contextlib.contextmanager
    def dying(path):
        with original(path) as handle:
            yield _DyingStick(handle, good)

    monkeypatch.setattr(container, "atomic_writer", dying)
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(DriveRemoved) as info:
        FieldSync(rina).export(stick)
    assert "dicabut" in info.value.message("id") and "removed" in info.value.message("en")
    assert list(stick.iterdir()) == []
    assert rina.settings.get("last_export_seq") is None


class _Pipe:
    """The parent's end of the pipe to a decoding child, answering from a script."""

    def __init__(self, answers):
        self.answers = list(answers)

    def send(self, _request):
        pass

    def recv(self):
        return self.answers.pop(0)


@pytest.mark.parametrize("reported", [None, "0" * 64])
def test_the_parent_checks_the_digest_the_child_decrypted(branch, rina, tmp_path, reported):
    """Whatever the child did, the parent commits nothing unless the child reports the
    digest of the signed payload as what it decrypted."""
    from desa_peduli.sync import decoder

    path = FieldSync(rina).export(tmp_path).path
    opened = bundles.open_verified(path, branch.db)[0]
    child = decoder.DecoderProcess.__new__(decoder.DecoderProcess)  # no process: a fake pipe
    child._submitted, child._broken = [], False
    child._conn = _Pipe([("items", [{"t": "header"}]), ("done", reported)])
    items = child.decode(opened, "secret", None)
    assert next(items) == {"t": "header"}
    with pytest.raises(container.ContainerError) as info:
        next(items)
    assert info.value.code == "payload_hash"
    child._conn = _Pipe([("done", opened.manifest["payload_sha256"])])
    assert list(child.decode(opened, "secret", None)) == []


@pytest.mark.parametrize("error", [
    OSError(errno.EIO, "I/O error"),
    OSError(errno.ENODEV, "No such device"),
    # what Windows raises for a stick pulled out: its own codes, errno EINVAL
    type("WinError", (OSError,), {"winerror": 21})(errno.EINVAL, "The device is not ready"),
    type("WinError", (OSError,), {"winerror": 1167})(errno.EINVAL, "not connected"),
])
def test_a_pulled_drive_is_recognised_on_posix_and_windows(error):
    assert container.drive_gone(error)
    assert not container.drive_gone(OSError(errno.EACCES, "Permission denied"))
