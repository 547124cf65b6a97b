"""The database key: 256 random bits, stored only wrapped with age (passphrase mode)."""

from __future__ import annotations

import os
from pathlib import Path

import pyrage

from desa_peduli.errors import WeakPassphrase, WorkspaceDamaged, WrongPassphrase
from desa_peduli.storage.files import atomic_write_bytes

MIN_PASSPHRASE = 8
KEY_BYTES = 32


def new_database_key() -> bytes:
    return os.urandom(KEY_BYTES)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise WeakPassphrase(MIN_PASSPHRASE)


def wrap_with_passphrase(key: bytes, passphrase: str) -> bytes:
    """age (scrypt recipient) ciphertext of ``key``; the standard ``age -d`` opens it."""
    check_passphrase(passphrase)
    return pyrage.passphrase.encrypt(key, passphrase, armored=True)


def unwrap_with_passphrase(wrapped: bytes, passphrase: str) -> bytes:
    try:
        key = pyrage.passphrase.decrypt(wrapped, passphrase)
    except pyrage.DecryptError as exc:
        raise WrongPassphrase() from exc
    if len(key) != KEY_BYTES:
        raise WorkspaceDamaged("kunci basis data tidak sah")
    return key


def write_wrapped(path: Path, wrapped: bytes) -> None:
    atomic_write_bytes(path, wrapped)


def sqlcipher_key_pragma(key: bytes) -> str:
    """The PRAGMA that opens a SQLCipher database with a raw key (no KDF at open)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""
