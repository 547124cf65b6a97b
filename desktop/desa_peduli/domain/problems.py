"""A validation problem: which field, a stable code, and a message saying how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str  # e.g. "nik", "heirs[0].name", "consent.witness"
    code: str  # stable machine code, e.g. "nik.length"
    message: str  # Indonesian, says how to fix it
    severity: str = ERROR
    message_en: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def to_dict(self) -> dict[str, str]:
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "message_en": self.message_en or self.message,
        }
