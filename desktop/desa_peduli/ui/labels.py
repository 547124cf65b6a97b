"""Words people see for codes: statuses, occupations, villages, fields, history actions.

Labels that come with the data (occupations, validation messages) are picked by the
interface language; the rest go through ``QCoreApplication.translate``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from desa_peduli.domain import words
from desa_peduli.domain.registration import STATUS_LABELS_ID, STATUSES
from desa_peduli.ui.i18n import current_language
from desa_peduli.ui.problem_words import gui_message

_STATUS_LABELS_EN = {
    "draft": "Draft",
    "ready": "Ready to send",
    "accepted": "Accepted",
    "correction": "Needs correction",
    "registered": "Registered at BPJS",
    "duplicate": "Duplicate",
}


# the volunteer list's pseudo statuses (domain/listing.py), in Indonesian and English
_LIST_STATUS_LABELS = {
    "sent": ("Terkirim, menunggu tanda terima", "Sent, waiting for the receipt"),
    "sent_received": ("Terkirim, sudah diterima kantor cabang",
                      "Sent, received by the branch office"),
    "deleted": ("Dihapus", "Deleted"),
}


def status_label(status: str | None) -> str:
    if not status:
        return ""
    if status in _LIST_STATUS_LABELS:
        indonesian, english = _LIST_STATUS_LABELS[status]
        return english if current_language() == "en" else indonesian
    if current_language() == "en":
        return _STATUS_LABELS_EN.get(status, status)
    label = STATUS_LABELS_ID.get(status, status)
    return label[:1].upper() + label[1:]


def status_choices() -> list[tuple[str, str]]:
    return [(s, status_label(s)) for s in STATUSES]


BRANCH_STATES = ("received", "invalid", "accepted", "correction", "registered", "duplicate")


def branch_state_label(state: str | None) -> str:
    """The branch office's processing state of a registration (``branch_state``), in the
    words the PDF and the files use too (``domain/words.py``)."""
    return words.state_word(state, current_language(), capital=True)


def branch_state_choices() -> list[tuple[str, str]]:
    return [(s, branch_state_label(s)) for s in BRANCH_STATES]


def _occupations() -> dict:
    from desa_peduli import reference  # noqa: PLC0415 - start-up: not before the passphrase dialog

    return _occupations_of(reference.active())


@lru_cache(maxsize=2)
def _occupations_of(reference) -> dict:
    return {o.code: o for o in reference.occupations}


def occupation_label(code: str | None) -> str:
    if not code:
        return ""
    item = _occupations().get(code)
    if item is None:
        return code
    return item.label_en if current_language() == "en" else item.label_id


def occupation_choices() -> list[tuple[str, str]]:
    return [(code, occupation_label(code)) for code in _occupations()]


@lru_cache(maxsize=8192)
def village_name(code: str | None) -> str:
    """The desa/kelurahan name for a code (the code itself when unknown)."""
    if not code:
        return ""
    from desa_peduli import reference  # noqa: PLC0415 - start-up: not before the passphrase dialog

    region = reference.regions().get(code)
    return region.name if region else code


@lru_cache(maxsize=8192)
def village_path(code: str | None) -> str:
    """``"Serasah, Pemayung, Kabupaten Batanghari"``: desa up to kabupaten."""
    if not code:
        return ""
    from desa_peduli import reference  # noqa: PLC0415 - start-up: not before the passphrase dialog

    names = [r.name for r in reference.regions().path(code) if r.level != "province"]
    return ", ".join(reversed(names)) if names else code


def problem_message(problem: dict) -> str:
    """A stored problem's message in the interface language, in the GUI's words
    (``ui/problem_words.py``)."""
    return gui_message(problem.get("code"), problem.get("message") or "",
                       problem.get("message_en") or "")


def error_message(exc: Exception) -> str:
    """A user-facing message for a typed error (a generic one for bugs).

    SQLite's disk full, locked and read-only errors get their own message, not the
    generic one (storage/database.py's known_error).
    """
    # start-up: the services (SQLCipher, sqlite-utils, age) load after the passphrase dialog
    from desa_peduli.services.session import known_error  # noqa: PLC0415

    known = known_error(exc)
    if known is not None:
        return known.message(current_language())
    return QCoreApplication.translate(
        "Labels", "Something went wrong ({kind}). Nothing was changed; please try again."
    ).format(kind=type(exc).__name__)


def field_label(name: str) -> str:
    labels = {
        "nik": QCoreApplication.translate("Labels", "NIK"),
        "full_name": QCoreApplication.translate("Labels", "Full name"),
        "birth_place": QCoreApplication.translate("Labels", "Place of birth"),
        "birth_date": QCoreApplication.translate("Labels", "Date of birth"),
        "sex": QCoreApplication.translate("Labels", "Sex"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "village_code": QCoreApplication.translate("Labels", "Village"),
        "rt": QCoreApplication.translate("Labels", "RT"),
        "rw": QCoreApplication.translate("Labels", "RW"),
        "street": QCoreApplication.translate("Labels", "Street"),
        "occupation": QCoreApplication.translate("Labels", "Occupation"),
        "work_location": QCoreApplication.translate("Labels", "Work location"),
        "declared_income": QCoreApplication.translate("Labels", "Income"),
        "programs": QCoreApplication.translate("Labels", "Programmes"),
        "payment_months": QCoreApplication.translate("Labels", "Payment period"),
        "funding_source": QCoreApplication.translate("Labels", "Funding source"),
        "heirs": QCoreApplication.translate("Labels", "Heirs"),
        "consent": QCoreApplication.translate("Labels", "Consent"),
        "nationality": QCoreApplication.translate("Labels", "Nationality"),
        "no_phone_reason": QCoreApplication.translate("Labels", "Reason for no phone"),
        "family_phone": QCoreApplication.translate("Labels", "Family member's phone"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "deleted": QCoreApplication.translate("Labels", "Deleted"),
        "attachment:signature": QCoreApplication.translate("Labels", "Signature"),
        "attachment:ktp_photo": QCoreApplication.translate("Labels", "KTP photo"),
    }
    return labels.get(name, name)


def missing_fields(problems: list[dict]) -> list[str]:
    """The names of the fields a stored registration's errors are about, once each, in
    order (``heirs[0].name`` → "Heirs", ``consent.given`` → "Consent")."""
    names: list[str] = []
    for problem in problems:
        if problem.get("severity") == "warning":
            continue
        head = re.split(r"[.\[]", str(problem.get("field") or ""), maxsplit=1)[0]
        if head == "ktp_photo":
            head = "attachment:ktp_photo"
        name = field_label(head) if head else ""
        if name and name not in names:
            names.append(name)
    return names


def history_action_label(action: str) -> str:
    labels = {
        "create": QCoreApplication.translate("Labels", "Created"),
        "update": QCoreApplication.translate("Labels", "Changed"),
        "delete": QCoreApplication.translate("Labels", "Deleted"),
        "restore": QCoreApplication.translate("Labels", "Restored"),
    }
    return labels.get(action, action)


def actor_label(actor: str | None) -> str:
    """Who did it, in words: ``branch:siti`` → "siti (branch office)", a record made before
    clerks were recorded → "Branch office", the shipped figures → "Shipped figures", a
    volunteer's id as it is."""
    actor = actor or ""
    if actor == "branch":
        return QCoreApplication.translate("Labels", "Branch office")
    if actor.startswith("branch:"):
        return QCoreApplication.translate("Labels", "{clerk} (branch office)").format(
            clerk=actor[len("branch:"):])
    if actor == "seed":
        return QCoreApplication.translate("Labels", "Shipped figures")
    if actor == "import":
        return QCoreApplication.translate("Labels", "Bundle import")
    return actor


def backup_reason_label(reason: str) -> str:
    labels = {
        "scheduled": QCoreApplication.translate("Labels", "Scheduled"),
        "manual": QCoreApplication.translate("Labels", "Made by hand"),
        "pre-restore": QCoreApplication.translate("Labels", "Before a restore"),
        "pre-migration": QCoreApplication.translate("Labels", "Before an update"),
        "pre-import": QCoreApplication.translate("Labels", "Before importing bundles"),
        "pre-purge": QCoreApplication.translate("Labels", "Before removing personal data"),
        "post-purge": QCoreApplication.translate("Labels", "After removing personal data"),
        "pre-recovery": QCoreApplication.translate("Labels", "Before a recovery"),
    }
    return labels.get(reason, reason)


def format_timestamp(value: str | dt.datetime | None) -> str:
    """``"24 Nov 2026 08:13"`` in local time and the interface language, from an ISO
    string or a datetime."""
    if not value:
        return ""
    return words.format_moment(value, current_language())


def format_date(value: str | dt.date | dt.datetime | None, *, year: bool = True) -> str:
    """``"24 Nov 2026"`` in the interface language: every date a person reads."""
    return words.format_date(value, current_language(), year=year)


def week_label(monday: dt.date, *, year: bool = False) -> str:
    """``"mg. 13 Okt"`` / ``"wk of 13 Oct"``: a week by its Monday, never an ISO week number."""
    return words.week_label(monday, current_language(), year=year)


def format_size(size: int) -> str:
    if size < 1024 * 1024:
        kb = max(1, round(size / 1024))
        return QCoreApplication.translate("Labels", "{size} KB").format(size=kb)
    mb = f"{size / (1024 * 1024):.1f}"
    return QCoreApplication.translate("Labels", "{size} MB").format(size=mb)
