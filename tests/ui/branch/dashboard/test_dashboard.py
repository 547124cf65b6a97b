"""The Coverage tab driven like a person: figures against the hand-counted branch, drill-down
by keyboard and mouse, sorting, the figures editor and importer, the report, the models."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desa_peduli.ui.branch.dashboard.charts import format_int, format_percent
from desa_peduli.ui.branch.dashboard.models import CodeRole, CoverageTableModel, VolunteerActivityTableModel
from desa_peduli.ui.branch.dashboard.targets import CoverageTargetDialog
from tests.cli.test_report_cli import pdf_pages_and_text
from tests.services.coverage_fixtures import *  # noqa: F403 - fixtures
from tests.services.coverage_fixtures import BATANGHARI, KOTA_JAMBI, PEMAYUNG, SERASAH
from tests.ui.sync_fixtures import click_button, open_message

LEFT = Qt.MouseButton.LeftButton
TIMEOUT = 15_000
C = CoverageTableModel


@pytest.fixture
def coverage_tab(qtbot, branch):
    """``coverage_tab()`` → (window, view): the branch window shown on its Coverage tab,
    reached with its Ctrl+number shortcut, figures counted."""
    from desa_peduli.ui.branch.window import BranchMainWindow

    def make():
        window = BranchMainWindow(branch)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        view = window.dashboard_view
        number = window.tabs.indexOf(view) + 1
        with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
            qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"),
                           Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is view
        return window, view

    return make


def cell(view, code: str, column: int) -> str:
    row = view.row_of(code)
    assert row >= 0, code
    return view.proxy.index(row, column).data()


def click_row(qtbot, view, code: str, *, double: bool = False) -> None:
    index = view.proxy.index(view.row_of(code), C.COLUMN_NAME)
    view.table.scrollTo(index)
    position = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), LEFT, pos=position)
    if double:  # a real double-click: press, release, then the double-click event
        qtbot.mouseDClick(view.table.viewport(), LEFT, pos=position)


def test_figures_and_drill_down_from_kabupaten_to_desa_and_back(qtbot, desk, coverage_tab):
    window, view = coverage_tab()
    assert view.proxy.rowCount() == 11 and view.scope == "15"
    assert cell(view, BATANGHARI, C.COLUMN_TOTAL) == "4"
    assert cell(view, BATANGHARI, C.COLUMN_REGISTERED) == "2"
    assert cell(view, BATANGHARI, C.COLUMN_COVERAGE) == format_percent(49_805 * 100 / 98_206)
    assert cell(view, BATANGHARI, C.COLUMN_TARGET) == "55%"
    assert cell(view, KOTA_JAMBI, C.COLUMN_TOTAL) == "1"
    # Kota Jambi: BPS's employed persons (262,974), no participant count: "at least"
    assert cell(view, KOTA_JAMBI, C.COLUMN_COVERAGE) == "≥ " + format_percent(0.0)
    assert cell(view, KOTA_JAMBI, C.COLUMN_GAP) == "?"
    assert "No participant count exists" in view.proxy.index(
        view.row_of(KOTA_JAMBI), C.COLUMN_COVERAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "5 registrations at the branch" in view.summary.text()
    assert view.coverage_panel.showing_chart and view.trend_panel.showing_chart
    assert not view.back_button.isEnabled() and not view.empty_label.isVisible()

    # Enter on a kabupaten shows its kecamatan
    click_row(qtbot, view, BATANGHARI)
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.scope == BATANGHARI and view.proxy.rowCount() == 8
    assert "Kabupaten Batanghari" in view.breadcrumb.text()
    assert cell(view, PEMAYUNG, C.COLUMN_TOTAL) == "4"
    # a double-click on a kecamatan shows its desa
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
        click_row(qtbot, view, PEMAYUNG, double=True)
    assert view.scope == PEMAYUNG and view.proxy.rowCount() == 19
    assert cell(view, SERASAH, C.COLUMN_TOTAL) == "3"
    assert cell(view, SERASAH, C.COLUMN_CORRECTION) == "1"
    assert not view.coverage_panel.showing_chart  # no desa has a potential-worker figure
    assert "Edit figures" in view.coverage_panel.message.text()
    # a desa is the lowest level: nothing to open
    click_row(qtbot, view, SERASAH, double=True)
    assert view.scope == PEMAYUNG and "lowest level" in window.statusBar().currentMessage()

    # back up: the region we came from stays selected
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
        qtbot.mouseClick(view.back_button, LEFT)
    assert view.scope == BATANGHARI and view.current_code() == PEMAYUNG
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
        qtbot.keyClick(view.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.scope == "15" and view.current_code() == BATANGHARI
    assert not view.back_button.isEnabled()


def test_the_table_sorts_by_coverage(qtbot, desk, coverage_tab):
    _window, view = coverage_tab()
    header = view.table.horizontalHeader()
    position = QPoint(header.sectionViewportPosition(C.COLUMN_COVERAGE) + 10,
                      header.height() // 2)
    qtbot.mouseClick(header.viewport(), LEFT, pos=position)
    qtbot.mouseClick(header.viewport(), LEFT, pos=position)
    assert header.sortIndicatorSection() == C.COLUMN_COVERAGE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert view.proxy.index(0, 0).data(CodeRole) == BATANGHARI  # the only one with figures
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(
        header.sectionViewportPosition(C.COLUMN_TOTAL) + 10, header.height() // 2))
    first, last = view.proxy.index(0, C.COLUMN_TOTAL), view.proxy.index(10, C.COLUMN_TOTAL)
    assert first.data() == "0" and last.data() == "4"


def test_figures_are_edited_in_a_dialog_and_the_dashboard_counts_again(qtbot, desk,
                                                                       coverage_tab):
    window, view = coverage_tab()
    click_row(qtbot, view, KOTA_JAMBI)
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, CoverageTargetDialog) and "Kota Jambi" in dialog.windowTitle()
    assert "55%" in dialog.target_edit.placeholderText()  # the province's, inherited
    qtbot.keyClicks(dialog.target_edit, "0,55")
    qtbot.keyClick(dialog.target_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.error_label.isHidden()
    assert "0,55" in dialog.error_label.text() or "0.55" in dialog.error_label.text()
    dialog.target_edit.clear()
    assert dialog.potential_edit.text()  # seeded: BPS's employed persons
    dialog.potential_edit.selectAll()
    qtbot.keyClicks(dialog.potential_edit, "120.000")
    qtbot.keyClicks(dialog.active_edit, "58368")
    assert "48.64" in dialog.source_edit.text()  # the seed's note: a percentage only
    dialog.source_edit.selectAll()
    qtbot.keyClicks(dialog.source_edit, "BPJS Cabang Jambi, Agustus 2024")
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
        qtbot.keyClick(dialog.source_edit, Qt.Key.Key_Return)
    assert cell(view, KOTA_JAMBI, C.COLUMN_COVERAGE) == format_percent(58_368 * 100 / 120_000)
    assert view.current_code() == KOTA_JAMBI
    assert "Figures saved" in window.statusBar().currentMessage()
    assert view.coverage.target(KOTA_JAMBI).source == "BPJS Cabang Jambi, Agustus 2024"


def test_figures_are_imported_from_a_file(qtbot, desk, coverage_tab, tmp_path, monkeypatch):
    _window, view = coverage_tab()
    good = tmp_path / "angka.csv"
    good.write_text(f"region_code,potential_workers\n{PEMAYUNG},8000\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    with qtbot.waitSignal(view.updated, timeout=TIMEOUT):
        qtbot.mouseClick(view.import_button, LEFT)
    box = open_message(qtbot, view)
    assert "1 region(s)" in box.text()
    click_button(qtbot, box, QMessageBox.ButtonRole.AcceptRole)
    assert view.coverage.target(PEMAYUNG).potential_workers == 8000

    bad = tmp_path / "salah.csv"
    bad.write_text("region_code,potential_workers\n99.99,10\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(view.import_button, LEFT)
    box = open_message(qtbot, view)
    assert box.icon() == QMessageBox.Icon.Warning and "salah.csv" in box.text()
    assert "99.99" in box.text()


@pytest.mark.parametrize("suffix", ["pdf", "xlsx"])
def test_the_report_is_saved_with_progress(qtbot, desk, coverage_tab, tmp_path, monkeypatch,
                                          suffix):
    window, view = coverage_tab()
    target = tmp_path / f"laporan.{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(view.report_saved, timeout=TIMEOUT) as saved:
        qtbot.mouseClick(view.report_button, LEFT)
        assert not view.report_button.isEnabled()  # one report at a time
    assert saved.args == [target] and target.exists()
    assert view.report_button.isEnabled()
    assert target.name in window.statusBar().currentMessage()
    if suffix == "pdf":
        pages, text = pdf_pages_and_text(target)
        assert pages == 5 and "Kantor Cabang Jambi" in text and "Kabupaten Batanghari" in text
    else:
        from openpyxl import load_workbook

        workbook = load_workbook(target, read_only=True)
        assert len(list(workbook.worksheets[0].iter_rows())) == 1 + 1 + 11 + 144 + 1585
        workbook.close()


def test_volunteer_activity_and_the_models(qtbot, qtmodeltester, desk, coverage_tab):
    _window, view = coverage_tab()
    view.pages.setCurrentIndex(1)
    model = view.volunteer_model
    assert model.rowCount() == 2 and "2 volunteer(s)" in view.volunteer_summary.text()
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    budi = rows["RLW-002"]
    assert model.index(budi, model.column_corrections).data() == "1"
    assert model.index(budi, model.column_last_bundle).data() != "never"
    assert model.index(rows["RLW-001"], model.column_last_bundle - 1).data() == "3"  # this week
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.volunteer_model)
    qtmodeltester.check(view.proxy)
    empty = CoverageTableModel()
    qtmodeltester.check(empty)
    qtmodeltester.check(VolunteerActivityTableModel())


def test_an_empty_branch_says_what_to_do(qtbot, coverage_tab):
    _window, view = coverage_tab()
    assert view.empty_label.isVisible() and "Import" in view.empty_label.text()
    assert view.coverage_panel.showing_chart  # Batanghari's published figures
    assert cell(view, BATANGHARI, C.COLUMN_COVERAGE) == format_percent(50.71)  # 49,803 / 98,206
    assert cell(view, BATANGHARI, C.COLUMN_GAP) == format_int(4_211)  # 54,014 − 49,803
    assert not view.trend_panel.showing_chart
    assert "first bundle" in view.trend_panel.message.text()
    assert "No volunteer is enrolled yet" in view.volunteer_summary.text()


def test_participants_are_split_by_funder_and_weeks_named_by_their_monday(qtbot, desk,
                                                                         coverage_tab):
    """The hand-counted branch: mandiri 4 registrations, 1 registered; dumisake 1, 1. The
    volunteers' weeks read "mg. 12 Okt"-style (never an ISO week number such as W42)."""
    from desa_peduli.domain.words import week_label
    from desa_peduli.services.coverage import monday_of
    from desa_peduli.ui.i18n import current_language

    window, view = coverage_tab()
    view.charts.setCurrentWidget(view.breakdown)
    table = view.funding_table
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert [row[1:] for row in rows] == [["1", "4"], ["1", "1"]]  # participants, registrations
    assert table.horizontalHeaderItem(1).text() == "Participants"
    model = view.volunteer_model
    header = model.headerData(model.FIRST_WEEK + len(model.weeks) - 1, Qt.Orientation.Horizontal)
    this_week = week_label(monday_of(dt.date.today()), current_language(), year=False)
    assert header == this_week.replace(" ", "\n", 1) and "W" not in header

def test_the_summary_says_whose_target_it_is(coverage_tab):
    """Worked example: the 55 % for 2025 is given as 674,000, 722,000 or 782,000 depending
    on the source; the summary names the source the shown target uses."""
    _window, view = coverage_tab()
    expected = view.tr("target for {year} according to {source}").format(
        year=2025, source=view.coverage.dashboard().scope.target_source)
    assert expected in view.summary.text() and "17 Mar 2025" in expected


def test_sizing_the_volunteer_table_asks_only_for_what_it_shows(coverage_tab, monkeypatch):
    """After every import the dashboard shows the volunteers again on the UI thread: with
    200 volunteers, Qt's resizeColumnToContents asked the model for every role of every
    cell of five columns (8,000 data() calls, about 200 ms at a million registrations).
    The columns are sized from their display texts: one call per cell, and still wide
    enough for the widest name and the two-line titles."""
    from desa_peduli.services.coverage import VolunteerActivity

    _window, view = coverage_tab()
    today = dt.date.today()
    weeks = [(today - dt.timedelta(weeks=i), i) for i in range(26)][::-1]
    rows = [VolunteerActivity(f"RLW-{i:04d}", "Nur'aini binti Abdul Rahman" if i == 150
                              else f"Relawan {i}", [], 10, weeks, today,
                              "2026-11-20T10:00:00+07:00", 1, 0, []) for i in range(200)]
    model = view.volunteer_model
    calls = []
    original = type(model).data
    monkeypatch.setattr(type(model), "data",
                        lambda self, index, role=Qt.ItemDataRole.DisplayRole:
                        calls.append(role) or original(self, index, role))
    view._show_volunteers(rows)
    assert len(calls) <= 5 * 200 + 50, len(calls)  # five sized columns, one call per cell
    table, metrics = view.volunteer_table, view.volunteer_table.fontMetrics()
    assert table.columnWidth(model.COLUMN_NAME) > metrics.horizontalAdvance(
        "Nur'aini binti Abdul Rahman")
    header = table.horizontalHeader()
    assert table.columnWidth(model.column_corrections) >= header.sectionSizeHint(
        model.column_corrections)
