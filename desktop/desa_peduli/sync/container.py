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
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import queue
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyrage

from desa_peduli.storage.files import atomic_writer
from desa_peduli.sync.signing import SigningKey, canonical_json, verify

FOOTER_MAGIC = b"DPEND01\n"
FOOTER = struct.Struct(">QI8s")
SIGNATURE_SIZE = 64
MAX_MANIFEST = 1 << 20
CHUNK = 1 << 16


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
    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    payload_offset: int
    payload_size: int


class _HashingWriter(io.RawIOBase):
    def __init__(self, target: BinaryIO):
        self.target = target
        self.sha = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        self.target.write(data)
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

    def readinto(self, target) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def gzip_jsonl_chunks(records: Iterator[dict], level: int = 6) -> Iterator[bytes]:
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
    manifest: dict,
    records: Iterator[dict],
    recipients: list,
    signing_key: SigningKey,
    on_manifest: Callable[[dict], None] | None = None,
) -> dict:
    """Write the whole container atomically; returns the final manifest.

    ``manifest`` gets ``payload_sha256`` and ``payload_size`` added. ``on_manifest`` may
    add fields known only after the records were streamed (counts, ranges).
    """
    with atomic_writer(path) as handle:
        handle.write(header)
        hashing = _HashingWriter(handle)
        reader = io.BufferedReader(_GeneratorReader(gzip_jsonl_chunks(records)), CHUNK)
        pyrage.encrypt_io(reader, hashing, recipients)
        final = dict(manifest, payload_sha256=hashing.sha.hexdigest(), payload_size=hashing.size)
        if on_manifest:
            on_manifest(final)
        manifest_bytes = canonical_json(final)
        handle.write(manifest_bytes)
        handle.write(signing_key.sign(manifest_bytes))
        handle.write(FOOTER.pack(hashing.size, len(manifest_bytes), FOOTER_MAGIC))
    return final


def open_container(path: Path, *, header: bytes, max_payload: int) -> OpenedContainer:
    """Check size and structure and parse the manifest (signature not yet checked)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ContainerError("unreadable", str(exc)) from exc
    minimum = len(header) + SIGNATURE_SIZE + FOOTER.size
    if size < minimum:
        raise ContainerError("truncated", f"{size} bytes")
    with open(path, "rb") as handle:
        if handle.read(len(header)) != header:
            raise ContainerError("not_a_bundle")
        handle.seek(size - FOOTER.size)
        payload_size, manifest_size, magic = FOOTER.unpack(handle.read(FOOTER.size))
        if magic != FOOTER_MAGIC:
            raise ContainerError("truncated", "footer missing")
        if manifest_size > MAX_MANIFEST or payload_size > max_payload:
            raise ContainerError("too_large")
        if len(header) + payload_size + manifest_size + SIGNATURE_SIZE + FOOTER.size != size:
            raise ContainerError("structure", "lengths do not add up")
        handle.seek(len(header) + payload_size)
        manifest_bytes = handle.read(manifest_size)
        signature = handle.read(SIGNATURE_SIZE)
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise ContainerError("manifest", "not JSON") from exc
    if not isinstance(manifest, dict) or canonical_json(manifest) != manifest_bytes:
        raise ContainerError("manifest", "not canonical")
    if manifest.get("payload_size") != payload_size:
        raise ContainerError("structure", "payload size differs from manifest")
    return OpenedContainer(path, header, manifest, manifest_bytes, signature, len(header),
                           payload_size)


def check_signature(opened: OpenedContainer, public_key: bytes) -> None:
    if not verify(public_key, opened.signature, opened.manifest_bytes):
        raise ContainerError("signature")


def check_payload_hash(opened: OpenedContainer) -> None:
    sha = hashlib.sha256()
    with open(opened.path, "rb") as handle:
        handle.seek(opened.payload_offset)
        left = opened.payload_size
        while left:
            chunk = handle.read(min(CHUNK * 4, left))
            if not chunk:
                raise ContainerError("truncated")
            sha.update(chunk)
            left -= len(chunk)
    if sha.hexdigest() != opened.manifest.get("payload_sha256"):
        raise ContainerError("payload_hash")


class _Window(io.RawIOBase):
    """Read only ``size`` bytes of ``handle`` from its current position."""

    def __init__(self, handle: BinaryIO, size: int):
        self.handle = handle
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        if self.left <= 0:
            return 0
        data = self.handle.read(min(len(target), self.left))
        target[: len(data)] = data
        self.left -= len(data)
        return len(data)


class _QueueWriter(io.RawIOBase):
    """The writer age decrypts into: hands each plaintext chunk to the reading thread."""

    def __init__(self, chunks: queue.Queue):
        self.chunks = chunks
        self.stopped = threading.Event()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.stopped.is_set():
            raise OSError("reader stopped")
        self.chunks.put(bytes(data))
        return len(data)


class _QueueReader(io.RawIOBase):
    def __init__(self, chunks: queue.Queue):
        self.chunks = chunks
        self.buffer = b""
        self.done = False

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
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


_END = object()


def iter_records(opened: OpenedContainer, identity, *, max_line: int = 32 << 20,
                 max_small_line: int | None = None, large_kinds: tuple = ()) -> Iterator[dict]:
    """Decrypt and decompress the payload, yielding one record at a time.

    A line longer than ``max_line`` is refused; so is one longer than ``max_small_line``
    unless its kind (``"t"``) is in ``large_kinds`` (attachments carry images).

    Plaintext never touches the disk: age decrypts in a helper thread into a small
    bounded queue, and the records are parsed from it as they arrive, so memory stays
    bounded by one record (``max_line``) whatever the size of the bundle.
    """
    chunks: queue.Queue = queue.Queue(maxsize=8)
    writer = _QueueWriter(chunks)

    def decrypt() -> None:
        try:
            with open(opened.path, "rb") as handle:
                handle.seek(opened.payload_offset)
                window = io.BufferedReader(_Window(handle, opened.payload_size), CHUNK)
                pyrage.decrypt_io(window, writer, [identity])
            chunks.put(_END)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading side
            if not writer.stopped.is_set():
                chunks.put(ContainerError("decrypt", type(exc).__name__))

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
                    record = json.loads(line)
                except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep
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

