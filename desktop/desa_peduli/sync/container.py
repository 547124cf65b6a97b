"""The signed, encrypted container shared by sync bundles and receipts.

Layout of a file (all integers big-endian)::

    header     b"desa-peduli-bundle/1\\n"  (or "desa-peduli-receipt/1\\n")
    payload    age ciphertext (X25519 recipients), P bytes
    manifest   canonical JSON, M bytes (≤ 1 MiB)
    signature  64 bytes: Ed25519 over the manifest bytes
    footer     P (8 bytes) | M (4 bytes) | b"DPEND01\\n"

The manifest sits after the payload so a file is written in one streaming pass; it
carries the payload's SHA-256 and size, so a reader checks structure, signature and
hash *before* decrypting or parsing anything. A file cut short lacks its footer and is
refused at once. See docs/bundle-format.md.

That first hash is a cheap early refusal, not the guarantee: the file can change between
two reads (a shared folder, a hostile stick). :func:`iter_records` hashes exactly the
bytes it hands to age, in the same pass, and raises ``payload_hash`` at the end of the
stream when they differ from the signed manifest, so a caller merging in a transaction
never commits a payload the signature does not cover.

An I/O error while reading (the stick pulled out, the file shrinking) is ``removed``,
never ``decrypt``: only age refusing bytes that still hash right means a wrong key.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import io
import json
import queue
import stat
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final, Literal

import pyrage

from desa_peduli.errors import DriveRemoved
from desa_peduli.storage.files import atomic_writer
from desa_peduli.sync.signing import SigningKey, canonical_json, parse_json, verify

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

FOOTER_MAGIC = b"DPEND01\n"
FOOTER = struct.Struct(">QI8s")
SIGNATURE_SIZE = 64
MAX_MANIFEST = 1 << 20
CHUNK = 1 << 16
# errors of a write on a stick that went away (ENOENT: its folder vanished with it)
DRIVE_GONE = frozenset({errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT, errno.ESTALE})
# Windows says the same with its own codes (Python maps them to EINVAL or none):
# ERROR_NOT_READY, ERROR_BAD_NETPATH/DEV_NOT_EXIST, ERROR_IO_DEVICE, ERROR_NO_SUCH_DEVICE,
# ERROR_DEVICE_NOT_CONNECTED, ERROR_DEVICE_REMOVED
WINDOWS_DRIVE_GONE = frozenset({21, 55, 1117, 433, 1167, 1617})


def drive_gone(exc: OSError, gone: frozenset[int] = DRIVE_GONE) -> bool:
    """Whether ``exc`` says the drive went away (a pulled stick), on POSIX or Windows."""
    return exc.errno in gone or getattr(exc, "winerror", None) in WINDOWS_DRIVE_GONE


class ContainerError(Exception):
    """A container failed a structural or cryptographic check (code + details)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass
class OpenedContainer:
    path: Path
    header: bytes
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    payload_offset: int
    payload_size: int


class _HashingWriter(io.RawIOBase):
    def __init__(self, target: BinaryIO):
        self.target = target
        self.sha = hashlib.sha256()
        self.size = 0
        self.error: OSError | None = None  # age wraps what a write raised: kept here

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        data = bytes(data)
        try:
            self.target.write(data)
        except OSError as exc:
            self.error = exc
            raise
        self.sha.update(data)
        self.size += len(data)
        return len(data)


class _GeneratorReader(io.RawIOBase):
    """A file-like reader over an iterator of byte chunks (so age can stream from it)."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: WriteableBuffer) -> int:
        target = memoryview(target)
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def gzip_jsonl_chunks(records: Iterator[dict[str, Any]], level: int = 6) -> Iterator[bytes]:
    """Compress JSON Lines records as they come; yields compressed chunks."""
    sink = io.BytesIO()
    with gzip.GzipFile(fileobj=sink, mode="wb", compresslevel=level, mtime=0) as gz:
        for record in records:
            gz.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode())
            gz.write(b"\n")
            if sink.tell() >= CHUNK:
                yield sink.getvalue()
                sink.seek(0)
                sink.truncate()
    yield sink.getvalue()


def write_container(
    path: Path,
    *,
    header: bytes,
    manifest: dict[str, Any],
    records: Iterator[dict[str, Any]],
    recipients: list[pyrage.x25519.Recipient],
    signing_key: SigningKey,
    on_manifest: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Write the whole container atomically; returns the final manifest.

    ``manifest`` gets ``payload_sha256`` and ``payload_size`` added. ``on_manifest`` may
    add fields known only after the records were streamed (counts, ranges).

    Raises :class:`DriveRemoved` when the target drive goes away while writing (nothing
    is left behind but what the drive itself kept).
    """
    # ENOENT means the drive went away only when its folder was there to begin with
    gone = DRIVE_GONE if Path(path).parent.is_dir() else DRIVE_GONE - {errno.ENOENT}
    try:
        with atomic_writer(path) as handle:
            handle.write(header)
            hashing = _HashingWriter(handle)
            reader = io.BufferedReader(_GeneratorReader(gzip_jsonl_chunks(records)), CHUNK)
            try:
                pyrage.encrypt_io(reader, hashing, recipients)
            except Exception:  # age wraps the write's OSError: raise that one
                if hashing.error is not None:
                    raise hashing.error from None
                raise
            final = dict(manifest, payload_sha256=hashing.sha.hexdigest(),
                         payload_size=hashing.size)
            if on_manifest:
                on_manifest(final)
            manifest_bytes = canonical_json(final)
            handle.write(manifest_bytes)
            handle.write(signing_key.sign(manifest_bytes))
            handle.write(FOOTER.pack(hashing.size, len(manifest_bytes), FOOTER_MAGIC))
    except OSError as exc:
        if drive_gone(exc, gone):
            raise DriveRemoved(path) from exc
        raise
    return final


def open_container(path: Path, *, header: bytes, max_payload: int) -> OpenedContainer:
    """Check size and structure and parse the manifest (signature not yet checked)."""
    path = Path(path)
    try:
        status = path.stat()
    except OSError as exc:
        raise ContainerError("removed" if exc.errno in DRIVE_GONE - {errno.ENOENT}
                             else "unreadable", str(exc)) from exc
    if not stat.S_ISREG(status.st_mode):  # a folder, a FIFO, a device: not a file at all
        raise ContainerError("unreadable", "not a regular file")
    size = status.st_size
    minimum = len(header) + SIGNATURE_SIZE + FOOTER.size
    if size < minimum:
        raise ContainerError("truncated", f"{size} bytes")
    try:
        with open(path, "rb") as handle:
            if handle.read(len(header)) != header:
                raise ContainerError("not_a_bundle")
            handle.seek(size - FOOTER.size)
            footer = handle.read(FOOTER.size)
            if len(footer) != FOOTER.size:
                raise ContainerError("removed", "the file shrank while reading")
            payload_size, manifest_size, magic = FOOTER.unpack(footer)
            if magic != FOOTER_MAGIC:
                raise ContainerError("truncated", "footer missing")
            if manifest_size > MAX_MANIFEST or payload_size > max_payload:
                raise ContainerError("too_large")
            if len(header) + payload_size + manifest_size + SIGNATURE_SIZE + FOOTER.size != size:
                raise ContainerError("structure", "lengths do not add up")
            handle.seek(len(header) + payload_size)
            manifest_bytes = handle.read(manifest_size)
            signature = handle.read(SIGNATURE_SIZE)
    except OSError as exc:
        raise ContainerError("removed", str(exc)) from exc
    if len(manifest_bytes) != manifest_size or len(signature) != SIGNATURE_SIZE:
        raise ContainerError("removed", "the file shrank while reading")
    try:
        manifest = parse_json(manifest_bytes)
        canonical = isinstance(manifest, dict) and canonical_json(manifest) == manifest_bytes
    except (ValueError, RecursionError) as exc:
        raise ContainerError("manifest", "not JSON") from exc
    if not canonical:
        raise ContainerError("manifest", "not canonical")
    if manifest.get("payload_size") != payload_size:
        raise ContainerError("structure", "payload size differs from manifest")
    return OpenedContainer(path, header, manifest, manifest_bytes, signature, len(header),
                           payload_size)


def check_signature(opened: OpenedContainer, public_key: bytes) -> None:
    if not verify(public_key, opened.signature, opened.manifest_bytes):
        raise ContainerError("signature")


def check_payload_hash(opened: OpenedContainer) -> None:
    """An early refusal of a damaged payload, before decryption (not the guarantee:
    :func:`iter_records` hashes what it decrypts)."""
    try:
        with open(opened.path, "rb") as handle:
            handle.seek(opened.payload_offset)
            window = _Window(handle, opened.payload_size)
            window.drain()
    except OSError as exc:
        raise ContainerError("removed", str(exc)) from exc
    if window.sha.hexdigest() != opened.manifest.get("payload_sha256"):
        raise ContainerError("payload_hash")


class _Window(io.RawIOBase):
    """Read only ``size`` bytes of ``handle`` from its current position, hashing them.

    A read error, or the file ending early, is kept in ``error`` (age wraps whatever its
    reader raises into a decryption error) and raised as an ``OSError``.
    """

    def __init__(self, handle: BinaryIO, size: int):
        self.handle = handle
        self.left = size
        self.sha = hashlib.sha256()
        self.error: OSError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, target: WriteableBuffer) -> int:
        target = memoryview(target)
        if self.left <= 0:
            return 0
        try:
            data = self.handle.read(min(len(target), self.left))
            if not data:
                raise OSError(errno.EIO, "the file ended before its payload did")
        except OSError as exc:
            self.error = exc
            raise
        target[: len(data)] = data
        self.sha.update(data)
        self.left -= len(data)
        return len(data)

    def drain(self) -> None:
        """Read (and hash) the rest of the window."""
        buffer = bytearray(CHUNK * 4)
        while self.readinto(buffer):
            pass


class _QueueWriter(io.RawIOBase):
    """The writer age decrypts into: hands each plaintext chunk to the reading thread."""

    def __init__(self, chunks: _Chunks):
        self.chunks = chunks
        self.stopped = threading.Event()

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        if self.stopped.is_set():
            raise OSError("reader stopped")
        chunk = bytes(data)
        self.chunks.put(chunk)
        return len(chunk)


class _QueueReader(io.RawIOBase):
    def __init__(self, chunks: _Chunks):
        self.chunks = chunks
        self.buffer = b""
        self.done = False

    def readable(self) -> bool:
        return True

    def readinto(self, target: WriteableBuffer) -> int:
        target = memoryview(target)
        while not self.buffer and not self.done:
            item = self.chunks.get()
            if item is _END:
                self.done = True
            elif isinstance(item, BaseException):
                self.done = True
                raise item
            else:
                self.buffer = item
        size = min(len(target), len(self.buffer))
        target[:size] = self.buffer[:size]
        self.buffer = self.buffer[size:]
        return size


class _End(Enum):
    """The type of ``_END``, the queue's last item (an enum: ``is _END`` narrows)."""

    END = "end"


_END: Final = _End.END
# what the decrypting thread hands the reader: plaintext, its failure, or the end
_Chunks = queue.Queue[bytes | BaseException | Literal[_End.END]]


def _decrypt_verified(opened: OpenedContainer, identity: pyrage.x25519.Identity,
                      writer: _QueueWriter) -> str:
    """Decrypt the payload into ``writer`` from one read that is also hashed; returns
    the digest, raises ``payload_hash`` when it is not the signed one, ``removed`` on an
    I/O error and ``decrypt`` only when age refuses bytes that hash right."""
    expected = opened.manifest.get("payload_sha256")
    try:
        with open(opened.path, "rb") as handle:
            handle.seek(opened.payload_offset)
            window = _Window(handle, opened.payload_size)
            try:
                pyrage.decrypt_io(io.BufferedReader(window, CHUNK), writer, [identity])
                failure = None
            except Exception as exc:  # age's errors: DecryptError, OSError
                if window.error is not None:
                    raise window.error from exc
                if writer.stopped.is_set():
                    raise ContainerError("stopped") from exc
                failure = exc
            window.drain()  # what age left unread is covered too; damaged bytes are that
    except OSError as exc:
        raise ContainerError("removed", str(exc)) from exc
    digest = window.sha.hexdigest()
    if digest != expected:
        raise ContainerError("payload_hash")
    if failure is not None:
        raise ContainerError("decrypt", type(failure).__name__) from failure
    return digest


def iter_records(opened: OpenedContainer, identity: pyrage.x25519.Identity, *, max_line: int = 32 << 20,
                 max_small_line: int | None = None, large_kinds: tuple[str, ...] = (),
                 verified: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Decrypt and decompress the payload, yielding one record at a time.

    A line longer than ``max_line`` is refused; so is one longer than ``max_small_line``
    unless its kind (``"t"``) is in ``large_kinds`` (attachments carry images).

    Plaintext never touches the disk: age decrypts in a helper thread into a small
    bounded queue, and the records are parsed from it as they arrive, so memory stays
    bounded by one record (``max_line``) whatever the size of the bundle.

    The bytes age decrypts are hashed as they are read; after the last record, the
    iterator raises ``ContainerError("payload_hash")`` instead of ending when they are
    not the payload the manifest signs (consume it to the end before committing).
    ``verified["payload_sha256"]`` is then set to that digest.
    """
    chunks: _Chunks = queue.Queue(maxsize=8)
    writer = _QueueWriter(chunks)

    def decrypt() -> None:
        try:
            digest = _decrypt_verified(opened, identity, writer)
            if verified is not None:
                verified["payload_sha256"] = digest
            chunks.put(_END)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading side
            if not writer.stopped.is_set():
                chunks.put(exc if isinstance(exc, ContainerError)
                           else ContainerError("decrypt", type(exc).__name__))

    thread = threading.Thread(target=decrypt, name="age-decrypt", daemon=True)
    thread.start()
    try:
        reader = io.BufferedReader(_QueueReader(chunks), CHUNK)
        with gzip.GzipFile(fileobj=reader, mode="rb") as gz:
            while True:
                try:
                    line = gz.readline(max_line + 1)
                except (OSError, EOFError, zlib.error) as exc:
                    if isinstance(exc, ContainerError):
                        raise
                    raise ContainerError("payload", "bad compression") from exc
                if not line:
                    return
                if len(line) > max_line:
                    raise ContainerError("record_too_large")
                try:
                    record = parse_json(line)
                except ValueError as exc:
                    raise ContainerError("payload", "bad JSON line") from exc
                if not isinstance(record, dict):
                    raise ContainerError("payload", "record is not an object")
                if (max_small_line is not None and len(line) > max_small_line
                        and record.get("t") not in large_kinds):
                    raise ContainerError("record_too_large")
                yield record
    finally:
        writer.stopped.set()
        while thread.is_alive():
            try:
                chunks.get(timeout=0.05)
            except queue.Empty:
                pass
        thread.join()


def file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()

