"""The lazy registration table model: Qt's model contract, paging, sorting in SQL."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from desa_peduli.storage.registrations import ListQuery
from desa_peduli.ui.volunteer.table_model import (
    COLUMN_NAME,
    COLUMN_NIK,
    COLUMN_OCCUPATION,
    COLUMN_STATUS,
    COLUMN_VILLAGE,
    IdRole,
    RegistrationTableModel,
    SortRole,
)
from tests.ui.conftest import nik_for, person


def test_model_passes_qt_model_tester(qtmodeltester, session, add_people):
    add_people(50, drafts_every=7)
    model = RegistrationTableModel(session.registrations.store)
    assert model.rowCount() == 50
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_model_shows_names_villages_and_labels(session, add_people):
    ids = add_people(3)
    model = RegistrationTableModel(session.registrations.store, ListQuery(sort="nik",
                                                                          descending=False))
    assert model.data(model.index(0, COLUMN_NAME)) == "Siti Aminah"
    assert model.data(model.index(0, COLUMN_NIK)) == nik_for(1)
    assert model.data(model.index(0, COLUMN_VILLAGE)) == "Serasah"
    assert "Batanghari" in model.data(model.index(0, COLUMN_VILLAGE), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, COLUMN_OCCUPATION)) == "Petani"
    assert model.data(model.index(0, COLUMN_STATUS)) == "Siap kirim"
    assert model.data(model.index(2, COLUMN_NAME), IdRole) == ids[2]
    assert model.id_at(1) == ids[1]
    assert model.row_of_id(ids[2]) == 2
    assert model.id_at(99) is None


def test_status_tooltip_carries_branch_reason_and_kpj(session, add_people):
    (reg_id,) = add_people(1)
    session.db.execute(
        "UPDATE registrations SET status = 'correction', branch_reason = ?, kpj_number = ? "
        "WHERE id = ?", ["Foto KTP buram", "KPJ123", reg_id])
    model = RegistrationTableModel(session.registrations.store)
    tip = model.data(model.index(0, COLUMN_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert "Foto KTP buram" in tip and "KPJ123" in tip
    assert model.data(model.index(0, COLUMN_STATUS)) == "Perlu diperbaiki"


def test_draft_tooltip_lists_what_is_missing(session, valid_registration):
    session.registrations.save(person(valid_registration, 1, phone=""))
    model = RegistrationTableModel(session.registrations.store)
    tip = model.data(model.index(0, COLUMN_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, COLUMN_STATUS)) == "Draf"
    assert tip and tip.count("•") == 1


class CountingStore:
    """A RegistrationStore wrapper that counts the rows read."""

    def __init__(self, store):
        self._store = store
        self.rows_read = 0
        self.calls = 0

    def query_pks(self, query):
        return self._store.query_pks(query)

    def rows_for_pks(self, pks):
        self.calls += 1
        self.rows_read += len(pks)
        return self._store.rows_for_pks(pks)

    def get(self, reg_id):
        return self._store.get(reg_id)


def test_model_reads_rows_lazily_in_pages(qtbot, session, valid_registration):
    store = session.registrations.store
    with session.db.atomic():  # 2,000 rows straight into storage: fast
        for serial in range(1, 2001):
            store.save(person(valid_registration, serial), status="ready")
    counting = CountingStore(store)
    model = RegistrationTableModel(counting, page_size=200, max_cached_pages=4)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    with qtbot.waitExposed(view):
        view.show()
    assert model.rowCount() == 2000
    assert counting.rows_read <= 200  # only the first page for what is visible
    view.scrollToBottom()
    qtbot.waitUntil(lambda: counting.calls >= 2)
    assert model.data(model.index(1999, COLUMN_NAME))
    for row in range(0, 2000, 150):  # jump around: the cache stays bounded
        model.data(model.index(row, COLUMN_NAME))
    assert model.cached_row_count() <= 4 * 200
    assert counting.rows_read < 2000 * 2


def test_sort_happens_in_sql_and_selection_follows(session, add_people):
    ids = add_people(20)
    model = RegistrationTableModel(session.registrations.store)
    row = model.row_of_id(ids[5])
    keep = QPersistentModelIndex(model.index(row, COLUMN_NAME))
    model.sort(COLUMN_NAME, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "full_name" and not model.query.descending
    names = [model.data(model.index(r, COLUMN_NAME), SortRole) for r in range(20)]
    assert names == sorted(names)
    assert keep.isValid() and model.id_at(keep.row()) == ids[5]
    model.sort(COLUMN_NIK, Qt.SortOrder.DescendingOrder)
    niks = [model.data(model.index(r, COLUMN_NIK)) for r in range(20)]
    assert niks == sorted(niks, reverse=True)
    assert model.id_at(keep.row()) == ids[5]


def test_set_query_filters(session, add_people):
    add_people(12, drafts_every=4)
    model = RegistrationTableModel(session.registrations.store)
    model.set_query(ListQuery(status="draft"))
    assert model.rowCount() == 3
    model.set_query(ListQuery(text="Siti"))
    assert all(model.data(model.index(r, COLUMN_NAME)).startswith("Siti")
               for r in range(model.rowCount()))
    model.release()
    assert model.rowCount() == 0


def test_a_long_list_is_kept_for_its_query_until_the_data_changes(session, add_people,
                                                                  monkeypatch):
    from desa_peduli.storage.registrations import ListQuery
    from desa_peduli.ui.volunteer import table_model as rtm

    add_people(3)
    monkeypatch.setattr(rtm, "KEEP_LONG_LIST", 2)
    store = session.registrations.store
    reads = []
    real = store.query_pks
    monkeypatch.setattr(store, "query_pks", lambda q, **kw: reads.append(q) or real(q, **kw))
    model = rtm.RegistrationTableModel(store)
    model.set_query(ListQuery(status="nothing-has-this"))
    model.set_query(ListQuery())  # back to everything: nothing changed, no new read
    assert len(reads) == 2 and model.rowCount() == 3
    add_people(1, start=10)  # a change through this connection: read again
    model.set_query(ListQuery())
    assert len(reads) == 3 and model.rowCount() == 4


def test_a_long_list_is_read_again_off_the_ui_thread_after_a_job(qtbot, session, add_people,
                                                                monkeypatch):
    """After an import or a restore a long list's keys (a second at a million) are read
    by a reading job on its own connection; the UI thread's store reads none of them, and
    the new rows show once they arrive."""
    from desa_peduli.ui.jobs import registry
    from desa_peduli.ui.volunteer import table_model as rtm

    add_people(3)
    monkeypatch.setattr(rtm, "KEEP_LONG_LIST", 2)
    store = session.registrations.store
    model = rtm.RegistrationTableModel(store)
    assert model.rowCount() == 3
    add_people(2, start=10)  # what a job wrote
    reads = []
    real = store.query_pks
    monkeypatch.setattr(store, "query_pks", lambda q, **kw: reads.append(q) or real(q, **kw))
    done = []
    job = model.refresh_in_background(session, lambda: done.append(model.rowCount()))
    assert job is not None and model.rowCount() == 3  # the old rows stay meanwhile
    qtbot.waitUntil(lambda: done == [5] and not registry().busy)
    assert reads == []  # read by the job's own connection, not the UI thread's
    assert model.rowCount() == 5
