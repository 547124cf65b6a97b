"""After an import into a large workspace the branch window reads what changed on reading
jobs, never on the UI thread's connection (issue 11: at a million registrations those
reads held the event loop for 0.7 s: the open duplicate pairs and the volunteers for the
filters, the history, the volunteers tab, the last backup's time, the list's first page
and where the selected registration now is); the tabs then show what a refresh at once
shows, and the volunteers tab rewrites only the rows that changed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from desa_peduli.services.branch import BranchService
from desa_peduli.ui.branch.window import BranchMainWindow
from desa_peduli.ui.jobs import registry
from tests.ui.branch.test_window import click_row, export, import_through_ui
from tests.ui.sync_fixtures import *  # noqa: F403 - fixtures
from tests.ui.sync_fixtures import VOLUNTEER_ID

MARK = Qt.ItemDataRole.UserRole + 99
# what the refresh used to read on the UI thread's connection
HEAVY = re.compile(r"\bFROM\s+(registrations|duplicates|volunteers|bundles|settings)\b", re.I)


def test_after_an_import_into_a_long_list_the_ui_thread_reads_none_of_it(
        qtbot, branch, volunteer, other_volunteer, add_people, stick, file_dialogs,
        no_usb_sticks, monkeypatch):
    """Example: 3 registrations of RLW-0001 listed (a "long" list here), the second one
    selected; a bundle with 2 more is imported: the list shows 5 with the same one
    selected, RLW-0001's row says 5, the history 2 bundles, and RLW-0002's row, unchanged,
    keeps its cells."""
    from desa_peduli.ui.volunteer import table_model

    monkeypatch.setattr(table_model, "KEEP_LONG_LIST", 2)  # 3 keys: read on a job
    add_people(3)
    other_volunteer("RLW-0002")
    BranchService(branch).import_bundle(export(volunteer, stick / "first"))
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    regs, volunteers = window.registrations_view, window.volunteers_view
    assert regs.model.rowCount() == 3 and regs.model.reads_in_background()
    click_row(qtbot, regs.table, 1)
    selected = regs.current_id()
    rows = {volunteers.table.item(r, 0).text(): r for r in range(volunteers.table.rowCount())}
    for name, row in rows.items():
        volunteers.table.item(row, 0).setData(MARK, name)
    add_people(2, start=10)
    path = export(volunteer, stick / "second")

    statements: list[str] = []
    branch.db.conn.set_trace_callback(statements.append)
    try:
        [outcome] = import_through_ui(qtbot, window, file_dialogs, [path])
        qtbot.waitUntil(lambda: regs.model.rowCount() == 5 and not registry().busy,
                        timeout=15_000)
    finally:
        branch.db.conn.set_trace_callback(None)

    assert outcome.status == "applied"
    assert [s for s in statements if HEAVY.search(s)] == []
    assert regs.current_id() == selected
    assert regs.shown_label.text() == regs.tr("%n registration(s) shown", "", 5)
    assert regs.volunteer_filter.findData(VOLUNTEER_ID) > 0
    assert regs.volunteer_filter.findData("RLW-0002") > 0
    assert window.history_view.table.rowCount() == 2
    assert volunteers.table.item(rows[VOLUNTEER_ID], 4).text() == "5"
    assert volunteers.table.item(rows[VOLUNTEER_ID], 0).data(MARK) is None  # rewritten
    assert volunteers.table.item(rows["RLW-0002"], 0).data(MARK) == "RLW-0002"  # kept
    assert window.backup_label.text().startswith("Last backup: ")
