"""The Funding tab with what a careless user types (outside review, issue 12): a batch
whose decree reference is a whole sentence, on a 1366x768 laptop screen."""

from __future__ import annotations

from desa_peduli.services import batches


def test_a_long_decree_keeps_cover_period_members_and_quota_in_view(qtbot, branch):
    """A 248-character decree reference (the SK's full title pasted in) made its column as
    wide as the text: Cover period, Members and Quota were pushed off a 1366-pixel screen
    behind a horizontal scroll bar. The long texts are cut with their full text as tip."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    reference_text = "SK Gubernur Jambi Nomor 1234/KEP.GUB/DINSOS-3.2/2027 tentang " * 4
    name = "DUMISAKE Tahap Satu Kabupaten Tanjung Jabung Timur " * 2
    batches.create(branch, funder="dumisake", name=name, reference_text=reference_text,
                   first_month="2027-01", last_month="2027-12", quota=500)
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    window.tabs.setCurrentWidget(window.funding_view)
    table = window.funding_view.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() == 1)
    header = table.horizontalHeader()
    last = table.columnCount() - 1  # Quota
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= \
        table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert table.item(0, 3).toolTip() == reference_text.strip()
    assert table.item(0, 2).toolTip() == name.strip()
