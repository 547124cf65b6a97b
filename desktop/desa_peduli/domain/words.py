"""One vocabulary for what people read: the branch's states and dates, in the app, the PDF and the files.

The GUI's labels (``ui/labels.py``), the coverage PDF and the CSV/XLSX files all take their
words from here, so "Diterima" means the same thing everywhere (an accepted registration),
and a date reads "3 Des 2026" in Indonesian and "3 Dec 2026" in English, never
``2026-12-03`` or an ISO week such as ``2026-W49``.
"""

from __future__ import annotations

import datetime as dt
import re

# a registration's state at the branch → (Indonesian, English), lower case
BRANCH_STATE_WORDS: dict[str, tuple[str, str]] = {
    "received": ("sudah masuk", "received"),
    "invalid": ("tidak sah: perlu diperiksa", "invalid: to check"),
    "accepted": ("diterima", "accepted"),
    "correction": ("perlu diperbaiki", "needs correction"),
    "registered": ("terdaftar", "registered"),
    "duplicate": ("duplikat", "duplicate"),
}

_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_MONTHS_LONG = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def word(pair: tuple[str, str], lang: str) -> str:
    """The pair's word in ``lang`` ("en" English, anything else Indonesian)."""
    return pair[1] if lang == "en" else pair[0]


def state_word(state: str | None, lang: str, *, capital: bool = False) -> str:
    """``accepted`` → "diterima" / "accepted" ("Diterima" with ``capital``)."""
    pair = BRANCH_STATE_WORDS.get(state or "")
    text = word(pair, lang) if pair else (state or "")
    return text[:1].upper() + text[1:] if capital else text


def state_header(state: str, lang: str) -> str:
    """A file's column for a state: ``tidak_sah_perlu_diperiksa`` / ``invalid_to_check``."""
    return re.sub(r"[^a-z0-9]+", "_", state_word(state, lang)).strip("_")


def parse_moment(value: str | dt.datetime | None) -> dt.datetime | None:
    """An aware datetime from a stored timestamp (a naive one is local time); None for
    nothing or text that is no timestamp."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return value if value.tzinfo is not None else value.astimezone()


def as_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A date from a stored ISO text, a date or a datetime (an aware one in local time)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    moment = parse_moment(value)
    return moment.astimezone().date() if moment is not None else None


def format_date(value: str | dt.date | dt.datetime | None, lang: str, *,
                year: bool = True, long: bool = False) -> str:
    """``"3 Des 2026"`` (Indonesian) / ``"3 Dec 2026"`` (English); ``long``: "3 Desember
    2026"; without ``year``: "3 Des". Empty for nothing; text that is no date stays as it is."""
    day = as_date(value)
    if day is None:
        return value if isinstance(value, str) else ""
    months = (_MONTHS_LONG if long else _MONTHS)["en" if lang == "en" else "id"]
    text = f"{day.day} {months[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_moment(value: str | dt.datetime | None, lang: str) -> str:
    """``"3 Des 2026 08:13"``: a date and the local time."""
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    elif value is None:
        return ""
    else:
        parsed = value
    moment = parsed.astimezone() if parsed.tzinfo else parsed
    return f"{format_date(moment, lang)} {moment:%H:%M}"


def week_label(monday: dt.date, lang: str, *, year: bool = True) -> str:
    """The week starting ``monday``: "mg. 13 Okt 2026" / "wk of 13 Oct 2026"."""
    prefix = "wk of" if lang == "en" else "mg."
    return f"{prefix} {format_date(monday, lang, year=year)}"
