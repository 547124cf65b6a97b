"""The registration record: its fields, statuses and the plain-dict form shared by all layers.

A registration travels as a plain ``dict`` keyed by the field names below (the same
names as the CLI's JSON Lines format in CLI.md). ``domain.validation.validate`` turns a
raw dict (from the form, a CSV row, a JSON line) into a normalised dict plus problems.
"""

from __future__ import annotations

import secrets
import time
import uuid
from typing import Any

# Content fields, owned by the volunteer's device (CLI.md order).
FIELDS: tuple[str, ...] = (
    "nik",
    "full_name",
    "birth_place",
    "birth_date",
    "sex",
    "phone",
    "email",
    "village_code",
    "rt",
    "rw",
    "street",
    "occupation",
    "work_location",
    "declared_income",
    "programs",
    "payment_months",
    "funding_source",
    "heirs",
    "consent",
    # added later: a bundle or file from before them has none (read as WNI, no reason)
    "nationality",
    "no_phone_reason",
    "family_phone",
)
OPTIONAL_FIELDS = frozenset({"email", "street", "work_location", "id", "nationality",
                             "no_phone_reason", "family_phone"})

# Volunteer-side statuses; the branch-owned states arrive by receipt.
DRAFT = "draft"
READY = "ready"
ACCEPTED = "accepted"
CORRECTION = "correction"
REGISTERED = "registered"
DUPLICATE = "duplicate"
STATUSES = (DRAFT, READY, ACCEPTED, CORRECTION, REGISTERED, DUPLICATE)

STATUS_LABELS_ID = {
    DRAFT: "draf",
    READY: "siap kirim",
    ACCEPTED: "diterima",
    CORRECTION: "perlu diperbaiki",
    REGISTERED: "terdaftar di BPJS",
    DUPLICATE: "duplikat",
}


def new_id() -> str:
    """A UUIDv7 string (time-ordered, made on the device, globally unique)."""
    ms = int(time.time() * 1000)
    rand = int.from_bytes(secrets.token_bytes(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a (12 bits)
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return str(uuid.UUID(int=value))


def empty_registration() -> dict[str, Any]:
    """A blank registration with the defaults a new form starts from."""
    return {
        "nik": "",
        "full_name": "",
        "birth_place": "",
        "birth_date": None,
        "sex": None,
        "phone": "",
        "email": None,
        "village_code": None,
        "rt": "",
        "rw": "",
        "street": None,
        "occupation": None,
        "work_location": None,
        "declared_income": None,
        "programs": ["JKK", "JKM"],
        "payment_months": 1,
        "funding_source": "mandiri",
        "heirs": [],
        "consent": {"given": False},
        "nationality": "WNI",
        "no_phone_reason": None,
        "family_phone": None,
    }
