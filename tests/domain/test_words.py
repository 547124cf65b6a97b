"""One vocabulary: the branch's states and dates read the same in the app, the PDF and the
files, in the chosen language."""

from __future__ import annotations

import datetime as dt

from desa_peduli.domain.words import (
    BRANCH_STATE_WORDS,
    format_date,
    format_moment,
    state_header,
    state_word,
    week_label,
)


def test_accepted_is_diterima_everywhere_and_received_is_sudah_masuk():
    """The PDF said "diterima cabang 51 / disetujui 76" where the app says "Diterima" for
    accepted: now accepted → "diterima", received → "sudah masuk", in every front end."""
    assert state_word("accepted", "id", capital=True) == "Diterima"
    assert state_word("received", "id") == "sudah masuk"
    assert state_word("accepted", "en", capital=True) == "Accepted"
    assert state_header("invalid", "id") == "tidak_sah_perlu_diperiksa"
    assert state_header("correction", "en") == "needs_correction"
    words = [pair[0] for pair in BRANCH_STATE_WORDS.values()]
    assert len(set(words)) == len(words) and "disetujui" not in words


def test_dates_read_as_dates_never_iso():
    """2026-12-03 → "3 Des 2026" / "3 Dec 2026"; a stored ISO moment in local time."""
    day = dt.date(2026, 12, 3)
    assert format_date(day, "id") == "3 Des 2026"
    assert format_date(day, "en") == "3 Dec 2026"
    assert format_date("2026-08-17", "id", long=True) == "17 Agustus 2026"
    assert format_date(day, "id", year=False) == "3 Des"
    assert format_date(None, "id") == "" and format_date("bukan tanggal", "id") == "bukan tanggal"
    moment = dt.datetime(2026, 5, 4, 8, 13)
    assert format_moment(moment, "id") == "4 Mei 2026 08:13"
    assert format_moment(moment.isoformat(), "en") == "4 May 2026 08:13"
    aware = dt.datetime(2026, 5, 4, 1, 0, tzinfo=dt.UTC)
    assert format_moment(aware, "id") == format_moment(aware.astimezone(), "id")


def test_a_week_is_named_by_its_monday_not_an_iso_week_number():
    """The week 2026-W42 (Monday 12 Oct 2026) → "mg. 12 Okt 2026" / "wk of 12 Oct 2026"."""
    monday = dt.date(2026, 10, 12)
    assert week_label(monday, "id") == "mg. 12 Okt 2026"
    assert week_label(monday, "en", year=False) == "wk of 12 Oct"
