"""Bundle file names lose their middle, never their end (the part that tells two bundles
of one volunteer apart), wherever they are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desa_peduli.ui.widgets import MiddleElidingComboBox

NAME = "desa-peduli_RLW-001_2026-12-03_perubahan-0001-0034.dpbundle (imported 3 Dec 2026 08:13)"


def test_a_narrow_combo_keeps_both_ends_of_a_bundle_name(qtbot):
    combo = MiddleElidingComboBox()
    qtbot.addWidget(combo)
    combo.addItem(NAME)
    combo.setMinimumContentsLength(10)
    combo.resize(260, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    shown = combo.shown_text()
    assert "…" in shown and shown != NAME
    head, tail = shown.split("…")
    assert NAME.startswith(head) and NAME.endswith(tail) and tail.endswith("08:13)")
    view = combo.view()
    assert view is not None and view.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_every_list_of_bundles_elides_in_the_middle(qtbot, branch):
    """The History tab, the import dialog's table and the breach report's bundle list."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    assert window.history_view.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert window.import_view.table.textElideMode() == Qt.TextElideMode.ElideMiddle
