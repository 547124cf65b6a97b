"""Secret keys kept inside the encrypted workspace database (``secrets`` table)."""

from __future__ import annotations

from sqlite_utils import Database

from desa_peduli.sync.signing import AgeIdentity, SigningKey, b64, unb64

SIGNING = "signing_key"  # Ed25519: the branch's, or this laptop's device key
AGE = "age_identity"  # X25519: the branch's (bundles), or the device's (receipts)


def get_secret(db: Database, name: str) -> str | None:
    row = db.execute("SELECT value FROM secrets WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def set_secret(db: Database, name: str, value: str) -> None:
    db.execute(
        "INSERT INTO secrets(name, value) VALUES (?, ?) "
        "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        [name, value],
    )


def ensure_keys(db: Database) -> tuple[SigningKey, AgeIdentity]:
    """This workspace's signing key and age identity, made on first use."""
    signing, identity = load_keys(db)
    if signing is None:
        signing = SigningKey.generate()
        set_secret(db, SIGNING, b64(signing.to_bytes()))
    if identity is None:
        identity = AgeIdentity.generate()
        set_secret(db, AGE, identity.secret)
    return signing, identity


def load_keys(db: Database) -> tuple[SigningKey | None, AgeIdentity | None]:
    raw = get_secret(db, SIGNING)
    secret = get_secret(db, AGE)
    return (SigningKey.from_bytes(unb64(raw)) if raw else None,
            AgeIdentity(secret) if secret else None)
