"""Kemendagri region codes: the Region record, the lookup protocol and code helpers.

Codes are dotted, one segment per level: ``15`` (province), ``15.04`` (regency),
``15.04.05`` (district/kecamatan), ``15.04.05.2003`` (village: desa or kelurahan).
Without the dots the first six digits are the issuing-region part of a NIK. These are
Kemendagri codes, never BPS statistics codes (they differ, e.g. 15.06/15.07 in Jambi).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

PROVINCE = "province"
REGENCY = "regency"
DISTRICT = "district"
VILLAGE = "village"
LEVELS: tuple[str, ...] = (PROVINCE, REGENCY, DISTRICT, VILLAGE)

# Digits per segment, level by level.
_SEGMENTS = (2, 2, 2, 4)
_DOTTED = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?", re.ASCII)
_UNDOTTED_LENGTHS = {2: PROVINCE, 4: REGENCY, 6: DISTRICT, 10: VILLAGE}


@dataclass(frozen=True, slots=True)
class Region:
    code: str  # dotted Kemendagri code
    name: str
    level: str  # one of LEVELS
    parent_code: str | None

    @property
    def nik_prefix(self) -> str:
        """The code without dots (a NIK starts with the district's six digits)."""
        return to_nik_prefix(self.code)


@runtime_checkable
class RegionLookup(Protocol):
    """What the domain needs from a region index (``reference.regions()`` provides one)."""

    def get(self, code: str) -> Region | None: ...

    def children(self, code: str) -> list[Region]: ...

    def path(self, code: str) -> list[Region]: ...


def level_of(code: str) -> str | None:
    """The level a well-formed dotted code belongs to, else None."""
    if not isinstance(code, str) or not _DOTTED.fullmatch(code):
        return None
    return LEVELS[code.count(".")]


def is_dotted_code(code: object) -> bool:
    return isinstance(code, str) and _DOTTED.fullmatch(code) is not None


def to_nik_prefix(code: str) -> str:
    """``"15.04.05"`` → ``"150405"``."""
    return code.replace(".", "")


def from_digits(digits: str) -> str | None:
    """``"1504052003"`` → ``"15.04.05.2003"`` (2, 4, 6 or 10 digits), else None."""
    if not isinstance(digits, str) or not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) not in _UNDOTTED_LENGTHS:
        return None
    parts, pos = [], 0
    for width in _SEGMENTS:
        if pos >= len(digits):
            break
        parts.append(digits[pos : pos + width])
        pos += width
    return ".".join(parts)


def parent_of(code: str) -> str | None:
    """The parent's dotted code (``"15.04.05"`` → ``"15.04"``), None for a province."""
    head, dot, _ = code.rpartition(".")
    return head if dot else None


def is_kelurahan(code: str) -> bool:
    """A village code whose last segment starts with 1 is a kelurahan (2: a desa)."""
    return level_of(code) == VILLAGE and code.rsplit(".", 1)[1].startswith("1")


def is_desa(code: str) -> bool:
    return level_of(code) == VILLAGE and code.rsplit(".", 1)[1].startswith("2")
