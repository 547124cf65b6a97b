"""The database key: 256 random bits, stored only wrapped with age (passphrase mode)."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desa_peduli.errors import WeakPassphrase, WorkspaceDamaged, WrongPassphrase
from desa_peduli.storage.files import atomic_write_bytes

MIN_PASSPHRASE = 8
KEY_BYTES = 32


def new_database_key() -> bytes:
    return os.urandom(KEY_BYTES)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise WeakPassphrase(MIN_PASSPHRASE)


# scrypt cost: N = 2**17, r = 8, p = 1 (OWASP's minimum for scrypt). pyrage calibrates
# its own factor to ~1 s on the machine at hand (2**19 here: 512 MiB of memory at every
# unlock), too much for a 4 GB laptop that unlocks after every idle lock.
SCRYPT_LOG_N = 17


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def wrap_with_passphrase(key: bytes, passphrase: str, *, log_n: int = SCRYPT_LOG_N) -> bytes:
    """An age v1 file (scrypt recipient stanza) holding ``key`` (up to 64 KiB).

    Written to the age specification (age-encryption.org/v1) with standard primitives
    from ``cryptography`` only because pyrage offers no work-factor setting; it is read
    back with pyrage (the rage implementation), and tests check that round trip.
    """
    check_passphrase(passphrase)
    file_key = os.urandom(16)
    salt = os.urandom(16)
    wrap_key = Scrypt(salt=b"age-encryption.org/v1/scrypt" + salt, length=32,
                      n=2**log_n, r=8, p=1).derive(passphrase.encode("utf-8"))
    body = ChaCha20Poly1305(wrap_key).encrypt(b"\x00" * 12, file_key, None)
    header = (f"age-encryption.org/v1\n-> scrypt {_b64(salt)} {log_n}\n{_b64(body)}\n---"
              ).encode("ascii")
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=b"header").derive(
        file_key)
    mac = hmac.HMAC(mac_key, hashes.SHA256())
    mac.update(header)
    nonce = os.urandom(16)
    payload_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce,
                       info=b"payload").derive(file_key)
    # one STREAM chunk (the key is far below 64 KiB): counter 0, last-chunk flag set
    chunk = ChaCha20Poly1305(payload_key).encrypt(b"\x00" * 11 + b"\x01", key, None)
    return header + b" " + _b64(mac.finalize()).encode("ascii") + b"\n" + nonce + chunk


def decrypt_with_passphrase(wrapped: bytes, passphrase: str) -> bytes:
    """What :func:`wrap_with_passphrase` wrapped (any length); WrongPassphrase if it fails."""
    try:
        data: bytes = pyrage.passphrase.decrypt(wrapped, passphrase)
    except pyrage.DecryptError as exc:
        raise WrongPassphrase() from exc
    return data


def unwrap_with_passphrase(wrapped: bytes, passphrase: str) -> bytes:
    key = decrypt_with_passphrase(wrapped, passphrase)
    if len(key) != KEY_BYTES:
        raise WorkspaceDamaged("kunci basis data tidak sah")
    return key


def write_wrapped(path: Path, wrapped: bytes, *, new: bool = False) -> None:
    """Write a wrapped key atomically and privately; ``new=True``: never over an existing file."""
    atomic_write_bytes(path, wrapped, private=True, new=new)


def sqlcipher_key_pragma(key: bytes) -> str:
    """The PRAGMA that opens a SQLCipher database with a raw key (no KDF at open)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""
