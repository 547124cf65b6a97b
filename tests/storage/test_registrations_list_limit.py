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
