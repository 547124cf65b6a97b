"""Enrolment files: the branch's signed statement binding a volunteer id to its keys.

    {"format": "desa-peduli-enrolment/1",
     "enrolment": {volunteer_id, volunteer_name, villages, branch: {name, province,
                   signing_key, recipient}, rate_table_version, issued_at, enrolment_id,
                   binding_secret},
     "signature": base64 Ed25519 over canonical_json(enrolment)}

The laptop trusts the branch key it finds inside on first use; staff and volunteer
compare the branch fingerprint aloud, which is what makes that trust safe.

``binding_secret`` (base64, 32 random bytes; files from before it have none) is known
only to the branch and the laptop given this file: each bundle manifest carries
``enrolment_proof``, an HMAC-SHA256 under it binding the volunteer to the device keys
that sign and receive, so the branch binds a volunteer's first laptop only when it holds
that file (:func:`proof_matches`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Any

from desa_peduli.errors import BundleRejected
from desa_peduli.storage.files import atomic_write_bytes
from desa_peduli.sync.signing import (
    SigningKey,
    age_recipient,
    b64,
    canonical_json,
    fingerprint,
    parse_json,
    unb64,
    verify,
)

FORMAT = "desa-peduli-enrolment/1"
MAX_SIZE = 64 * 1024
SECRET_SIZE = 32
PROOF_FIELDS = ("volunteer_id", "device_public_key", "device_recipient", "workspace_id")
VOLUNTEER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


def valid_volunteer_id(value: object) -> bool:
    return isinstance(value, str) and bool(VOLUNTEER_ID.match(value))


def sign_enrolment(enrolment: dict[str, Any], key: SigningKey) -> dict[str, Any]:
    return {"format": FORMAT, "enrolment": enrolment,
            "signature": b64(key.sign(canonical_json(enrolment)))}


def write_enrolment(path: Path, document: dict[str, Any]) -> None:
    atomic_write_bytes(path, json.dumps(document, ensure_ascii=False, indent=1).encode())


def _refuse(path: Path, reason: str, text_id: str, text_en: str) -> BundleRejected:
    return BundleRejected(Path(path).name, reason, text_id, text_en)


def read_enrolment(path: Path) -> dict[str, Any]:
    """The verified ``enrolment`` part of an enrolment file (raises BundleRejected)."""
    path = Path(path)
    try:
        # a regular file only, read up to the limit: a FIFO would block, /dev/zero (or
        # a link to it) would read without end, whatever its size says
        if not stat.S_ISREG(path.stat().st_mode):
            raise OSError(f"not a regular file: {path.name}")
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise OSError(f"not a regular file: {path.name}")
            data = handle.read(MAX_SIZE + 1)
        if len(data) > MAX_SIZE:
            raise _refuse(path, "too_large", "berkas terlalu besar untuk berkas penghubung.",
                          "file too large for an enrolment file.")
        document = parse_json(data)  # too deep: a ValueError
    except OSError as exc:
        raise _refuse(path, "unreadable", "berkas tidak terbaca.", "file cannot be read.") from exc
    except ValueError as exc:
        raise _refuse(path, "not_enrolment", "bukan berkas penghubung Desa Peduli.",
                      "not a Desa Peduli enrolment file.") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _refuse(path, "not_enrolment", "bukan berkas penghubung Desa Peduli.",
                      "not a Desa Peduli enrolment file.")
    # anything but a dict (None too) fails below as a TypeError or KeyError: "structure"
    enrolment: Any = document.get("enrolment")
    try:
        branch = enrolment["branch"]
        key = unb64(branch["signing_key"])
        age_recipient(branch["recipient"])
        signature = unb64(document["signature"])
        ok = (valid_volunteer_id(enrolment["volunteer_id"])
              and isinstance(enrolment["volunteer_name"], str)
              and isinstance(enrolment.get("villages", []), list)
              and _valid_secret(enrolment.get("binding_secret"))
              and verify(key, signature, canonical_json(enrolment)))
    except (KeyError, TypeError, ValueError, RecursionError) as exc:
        raise _refuse(path, "structure", "isi berkas penghubung tidak lengkap.",
                      "the enrolment file is incomplete.") from exc
    if not ok:
        raise _refuse(path, "signature",
                      "tanda tangan kantor cabang tidak cocok: berkas rusak atau diubah. "
                      "Minta berkas baru ke kantor cabang.",
                      "the branch signature does not match: the file is damaged or was changed. "
                      "Ask the branch for a new one.")
    verified: dict[str, Any] = enrolment  # a dict: anything else failed the checks
    return verified


def branch_fingerprint(enrolment: dict[str, Any]) -> str:
    return fingerprint(unb64(enrolment["branch"]["signing_key"]))


def new_binding_secret() -> bytes:
    return secrets.token_bytes(SECRET_SIZE)


def _valid_secret(value: object) -> bool:
    """Absent (a file from before binding secrets) or base64 of SECRET_SIZE bytes (else
    ValueError: the file is incomplete, not forged)."""
    if value is None:
        return True
    if not isinstance(value, str) or len(unb64(value)) != SECRET_SIZE:
        raise ValueError("binding_secret")
    return True


def binding_secret(enrolment: dict[str, Any]) -> bytes | None:
    """The one-time secret of a verified enrolment (None in a file from before it)."""
    value = enrolment.get("binding_secret")
    return unb64(value) if value else None


def enrolment_proof(secret: bytes, manifest: dict[str, Any]) -> str:
    """HMAC-SHA256 (hex) under the enrolment's secret over the volunteer id and the device
    keys a bundle ``manifest`` names. The device key signs the manifest, so the proof
    cannot be moved to another key, and only the holder of the enrolment file can make it."""
    message = canonical_json({name: manifest[name] for name in PROOF_FIELDS})
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def proof_matches(secret: bytes | None, manifest: dict[str, Any]) -> bool:
    """Whether ``manifest`` proves the enrolment holding ``secret`` (constant time)."""
    proof = manifest.get("enrolment_proof")
    if not secret or not isinstance(proof, str):
        return False
    return hmac.compare_digest(enrolment_proof(secret, manifest).encode(),
                               proof.encode("ascii", "replace"))
