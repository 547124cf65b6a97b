"""Registrations on disk: revisions, change log, soft delete, search."""

from __future__ import annotations

from desa_peduli.storage.registrations import ListQuery, RegistrationStore, fts_match


def _store(session):
    return RegistrationStore(session.db, actor="relawan-1")


def test_every_change_is_logged_with_fields_and_kept(session):
    store = _store(session)
    first = store.save({"full_name": "Sutrisno", "nik": "1504050101900001"}, status="draft")
    second = store.save({"full_name": "Sutrisno Hadi", "nik": "1504050101900001"},
                        status="draft", reg_id=first.id)
    same = store.save({"full_name": "Sutrisno Hadi", "nik": "1504050101900001"},
                      status="draft", reg_id=first.id)
    assert (first.revision, second.revision, same.revision) == (1, 2, 2)
    assert same.change_seq is None and not same.changed
    assert second.changed_fields == ["full_name"]
    history = store.history(first.id)
    assert [h["action"] for h in history] == ["create", "update"]
    assert history[1]["fields"] == ["full_name"] and history[1]["actor"] == "relawan-1"
    assert [r["data"]["full_name"] for r in store.revisions(first.id)] == [
        "Sutrisno", "Sutrisno Hadi"]
    # the change sequence is the workspace's, strictly increasing
    assert history[0]["seq"] < history[1]["seq"] == store.max_change_seq()


def test_soft_delete_needs_reason_keeps_row_and_hides_it(session):
    store = _store(session)
    saved = store.save({"full_name": "Ani"}, status="draft")
    import pytest

    from desa_peduli.errors import InputRejected

    with pytest.raises(InputRejected):
        store.soft_delete(saved.id, "  ")
    store.soft_delete(saved.id, "data ganda")
    assert store.query_pks(ListQuery()) == []
    assert len(store.query_pks(ListQuery(include_deleted=True))) == 1
    record = store.get(saved.id)
    assert record["deleted_reason"] == "data ganda" and record["revision"] == 2
    assert store.history(saved.id)[-1]["reason"] == "data ganda"
    with pytest.raises(InputRejected):
        store.save({"full_name": "Ani B"}, status="draft", reg_id=saved.id)
    store.restore(saved.id)
    assert len(store.query_pks(ListQuery())) == 1


def test_attachments_change_revision_and_are_stored(session):
    store = _store(session)
    saved = store.save({"full_name": "Rahmat"}, status="draft",
                       attachments={"ktp_photo": ("image/jpeg", b"\xff\xd8photo")})
    assert store.attachment(saved.id, "ktp_photo") == ("image/jpeg", b"\xff\xd8photo")
    again = store.save({"full_name": "Rahmat"}, status="draft", reg_id=saved.id,
                       attachments={"ktp_photo": ("image/jpeg", b"\xff\xd8photo")})
    assert not again.changed
    removed = store.save({"full_name": "Rahmat"}, status="draft", reg_id=saved.id,
                         attachments={"ktp_photo": None})
    assert removed.changed_fields == ["attachment:ktp_photo"]
    assert store.attachment(saved.id, "ktp_photo") is None


def test_search_by_name_words_and_nik_prefix(session):
    store = _store(session)
    a = store.save({"full_name": "Siti Nur'aini", "nik": "1504054203880001"}, status="draft")
    b = store.save({"full_name": "Nuraini Lubis", "nik": "1571010101900002"}, status="draft")
    pk = {row["id"]: pk for pk, row in store.rows_for_pks(store.query_pks(ListQuery())).items()}
    assert store.query_pks(ListQuery(text="sit")) == [pk[a.id]]
    assert store.query_pks(ListQuery(text="aini")) == [pk[a.id]]
    assert set(store.query_pks(ListQuery(text="nur"))) == {pk[a.id], pk[b.id]}
    assert store.query_pks(ListQuery(text="1571")) == [pk[b.id]]
    assert store.query_pks(ListQuery(text="1504 05")) == [pk[a.id]]
    assert store.query_pks(ListQuery(text='"; DROP TABLE x --')) == []


def test_filters_and_counts(session):
    store = _store(session)
    store.save({"full_name": "A", "village_code": "15.04.05.2003", "occupation": "petani"},
               status="ready")
    store.save({"full_name": "B", "village_code": "15.04.05.2004", "occupation": "nelayan"},
               status="draft")
    assert len(store.query_pks(ListQuery(village_prefix="15.04.05"))) == 2
    assert len(store.query_pks(ListQuery(village_prefix="15.04.05.2003"))) == 1
    assert len(store.query_pks(ListQuery(village_prefix="15.04.0"))) == 0
    assert len(store.query_pks(ListQuery(occupation="nelayan"))) == 1
    assert len(store.query_pks(ListQuery(status="ready"))) == 1
    counts = store.counts()
    assert counts["total"] == counts["today"] == counts["week"] == 2
    assert counts["by_status"] == {"ready": 1, "draft": 1}


def test_sorting(session):
    store = _store(session)
    for name in ("budi", "Ani", "cici"):
        store.save({"full_name": name}, status="draft")
    pks = store.query_pks(ListQuery(sort="full_name", descending=False))
    names = [store.rows_for_pks([pk])[pk]["full_name"] for pk in pks]
    assert names == ["Ani", "budi", "cici"]


def test_fts_match_quotes_every_word():
    assert fts_match("Siti nur'aini") == '"Siti"* "nur"* "aini"*'
    assert fts_match("  ") == ""
