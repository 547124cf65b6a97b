"""The volunteer list's pseudo statuses (domain/listing.py): "sent" and "deleted"."""

from __future__ import annotations

import pytest

from desa_peduli.domain.listing import DELETED, RECEIVED, SENT, ListQuery


def _ids(store, status):
    pks = store.query_pks(ListQuery(status=status))
    return {row["id"] for row in store.rows_for_pks(pks).values()}


def test_ready_in_a_saved_bundle_is_sent_until_changed_again(session, valid_registration):
    """Worked example: A and B ready, a bundle saved through B's change (last_export_seq =
    B's change_seq) → both "sent" (counted apart from "ready"); C ready after the bundle →
    "ready"; A changed again → "ready" (it goes with the next bundle)."""
    store = session.registrations.store
    a = session.registrations.save(dict(valid_registration, nik="1504054203880001")).id
    b = session.registrations.save(dict(valid_registration, nik="1504054203880002")).id
    session.settings.set("last_export_seq", store.get(b)["change_seq"])
    c = session.registrations.save(dict(valid_registration, nik="1504054203880003")).id
    assert _ids(store, SENT) == {a, b}
    assert _ids(store, "ready") == {c}
    counts = store.counts()["by_status"]
    assert counts[SENT] == 2 and counts["ready"] == 1
    rows = store.rows_for_pks(store.query_pks(ListQuery()))
    assert {r["id"]: bool(r["sent"]) for r in rows.values()} == {a: True, b: True, c: False}
    session.registrations.save(dict(valid_registration, nik="1504054203880001",
                                    street="Jalan Dua"), reg_id=a)
    assert _ids(store, SENT) == {b} and _ids(store, "ready") == {a, c}


def test_deleted_filter_lists_only_the_deleted(session, valid_registration):
    store = session.registrations.store
    a = session.registrations.save(dict(valid_registration, nik="1504054203880001")).id
    b = session.registrations.save(dict(valid_registration, nik="1504054203880002")).id
    session.registrations.delete(a, "salah orang")
    assert _ids(store, DELETED) == {a}
    assert _ids(store, None) == {b}
    session.registrations.restore(a)
    assert _ids(store, DELETED) == set()


def test_restore_refuses_a_purged_registration(session, valid_registration):
    """Worked example: A deleted, then purged (registered and acknowledged: its personal
    data removed for good) → "Restore" (a list shown before the purge, or the service)
    is refused and A stays deleted; it once came back as a nameless row in the list."""
    from desa_peduli.errors import InputRejected

    store = session.registrations.store
    a = session.registrations.save(dict(valid_registration, nik="1504054203880001")).id
    session.registrations.delete(a, "salah orang")
    with session.atomic():  # what FieldSync.purge does to the row
        session.db.execute("UPDATE registrations SET status = 'registered', full_name = NULL, "
                           "nik = NULL, purged_at = '2026-12-01T10:00:00+07:00' WHERE id = ?",
                           [a])
    before = store.get(a)
    with pytest.raises(InputRejected):
        session.registrations.restore(a)
    after = store.get(a)
    assert after["deleted_at"] and after["change_seq"] == before["change_seq"]
    assert _ids(store, None) == set()


def test_a_purged_registration_cannot_be_edited(session, valid_registration):
    """Worked example: A registered at BPJS, acknowledged and purged stays in the list (the
    progress view needs it); opened and "Change anyway", its form once saved the typed
    data into the purged row: status back to ready, but bundles skip purged rows, so the
    change never reached the branch office. Saving it is refused; the row is unchanged."""
    from desa_peduli.errors import InputRejected

    store = session.registrations.store
    a = session.registrations.save(dict(valid_registration, nik="1504054203880001")).id
    with session.atomic():  # what FieldSync.purge does to the row
        session.db.execute("UPDATE registrations SET status = 'registered', full_name = NULL, "
                           "nik = NULL, purged_at = '2026-12-01T10:00:00+07:00' WHERE id = ?",
                           [a])
    before = store.get(a)
    with pytest.raises(InputRejected):
        session.registrations.save(dict(valid_registration, nik="1504054203880001"), reg_id=a)
    after = store.get(a)
    assert (after["status"], after["change_seq"], after["full_name"]) == (
        "registered", before["change_seq"], None)


def test_a_receipt_ends_waiting_for_the_receipt(session, valid_registration):
    """Worked example: A and B ready and in a saved bundle; the branch's receipt
    acknowledges through B's change (state "received": status stays ready). Both read
    "Sent, received by the branch office" in the table, the filter and the summary
    card; none waits for the receipt any more. A third, C, saved after the bundle, is
    ready to send."""
    store = session.registrations.store
    session.registrations.save(dict(valid_registration, nik="1504054203880001"))
    b = session.registrations.save(dict(valid_registration, nik="1504054203880002")).id
    seq = store.get(b)["change_seq"]
    session.settings.update({"last_export_seq": seq, "acked_seq": seq})
    rows = store.rows_for_pks(store.query_pks(ListQuery()))
    assert all(r["sent"] and r["acknowledged"] for r in rows.values())
    assert _ids(store, SENT) == set()
    assert store.counts()["by_status"].get(SENT, 0) == 0
    assert len(_ids(store, RECEIVED)) == 2 and store.counts()["by_status"][RECEIVED] == 2
    c = session.registrations.save(dict(valid_registration, nik="1504054203880003")).id
    assert _ids(store, "ready") == {c} and store.counts()["by_status"]["ready"] == 1
