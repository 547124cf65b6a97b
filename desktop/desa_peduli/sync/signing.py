"""Keys for sync: Ed25519 signatures, age (X25519) identities, canonical JSON, fingerprints.

Standard primitives only (the ``cryptography`` package and age via ``pyrage``); nothing
here invents a cipher.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)


def canonical_json(value: object) -> bytes:
    """The exact bytes that get signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def parse_json(data: bytes | str) -> Any:
    """``json.loads`` for bytes from outside: nesting too deep for the parser (``[[[…``
    a hundred thousand deep) is a ``ValueError`` like any other malformed JSON."""
    try:
        return json.loads(data)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(public_key: bytes) -> str:
    """A short, readable fingerprint to compare aloud: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class SigningKey:
    """An Ed25519 private key. Its repr shows the public fingerprint only."""

    private: Ed25519PrivateKey = field(repr=False)

    def __repr__(self) -> str:
        return f"SigningKey(fingerprint={fingerprint(self.public_bytes)!r})"

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_bytes(cls, raw: bytes) -> SigningKey:
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def to_bytes(self) -> bytes:
        return self.private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )

    @property
    def public_bytes(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


@dataclass(frozen=True)
class AgeIdentity:
    """An age X25519 identity (secret) and its recipient string (public).

    Its repr and str show the recipient only: the secret never reaches a log or a message.
    """

    secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"AgeIdentity(recipient={self.recipient!r})"

    __str__ = __repr__

    @classmethod
    def generate(cls) -> AgeIdentity:
        return cls(str(pyrage.x25519.Identity.generate()))

    @property
    def identity(self) -> pyrage.x25519.Identity:
        return pyrage.x25519.Identity.from_str(self.secret)

    @property
    def recipient(self) -> str:
        return str(self.identity.to_public())


def age_recipient(text: str) -> pyrage.x25519.Recipient:
    """Parse an ``age1…`` recipient string (raises ValueError when malformed)."""
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except pyrage.RecipientError as exc:
        raise ValueError("bad age recipient") from exc
