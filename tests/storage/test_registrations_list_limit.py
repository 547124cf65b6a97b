"""A search shows at most SEARCH_LIMIT matches (names: the newest) and says so."""

from __future__ import annotations

from desa_peduli.storage import registrations as regs
from desa_peduli.storage.registrations import ListQuery


def test_a_broad_search_is_capped_and_reported(session, valid_registration, monkeypatch):
    store = session.registrations.store
    for serial in range(12):
        record = dict(valid_registration, nik=f"150405420388{serial:04d}",
                      full_name=f"Siti Nomor {serial}")
        session.registrations.save(record)
    monkeypatch.setattr(regs, "SEARCH_LIMIT", 5)
    capped = store.query_pks(ListQuery(text="siti"), text_limit=5)
    assert len(capped) == 5
    newest = store.query_pks(ListQuery(text="siti"), text_limit=None)
    assert set(capped) == set(sorted(newest)[-5:])  # the five registered last
    assert store.search_truncated(ListQuery(text="siti"), limit=5)
    assert not store.search_truncated(ListQuery(text="siti"), limit=12)
    assert not store.search_truncated(ListQuery(text=""), limit=5)
    assert len(store.query_pks(ListQuery(text="1504054203"), text_limit=5)) == 5
    assert store.search_truncated(ListQuery(text="1504054203"), limit=5)
    assert len(store.query_pks(ListQuery(text="150405420388000"), text_limit=None)) == 10


def test_the_cap_counts_only_what_also_passes_the_filters(session, valid_registration):
    """Three older drafts among newer ready ones: a search for them with the status
    filter finds them although the newest matches of the name alone fill the cap."""
    store = session.registrations.store
    for serial in range(1, 13):
        record = dict(valid_registration, nik=f"150405420388{serial:04d}",
                      full_name="Siti " + "abcdefghijklm"[serial],
                      phone="" if serial <= 3 else valid_registration["phone"])
        assert session.registrations.save(record).status == ("draft" if serial <= 3
                                                             else "ready")
    drafts = store.query_pks(ListQuery(text="siti", status="draft"), text_limit=5)
    assert len(drafts) == 3
    assert not store.search_truncated(ListQuery(text="siti", status="draft"), limit=5)
    nik_drafts = store.query_pks(ListQuery(text="150405420388", status="draft"), text_limit=2)
    assert len(nik_drafts) == 2
    assert store.search_truncated(ListQuery(text="150405420388", status="draft"), limit=2)
