"""The window keeps breathing while the slow workspace actions run: backup, restore and a
bundle import leave no gap over 100 ms in the Qt event loop (ui/jobs.py runs them on a
worker thread with a connection of their own).

The branch holds tens of thousands of registrations (a backup of it takes well over
100 ms here, as a backup at a million registrations takes seconds); a 10 ms timer records
the longest interval between two of its ticks from the click to the end.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desa_peduli.services.adding import add_file
from desa_peduli.services.field import FieldSync
from desa_peduli.ui.workspace_dialogs import RestoreBackupDialog
from tests.services.desk_helpers import fill_branch

REGISTRATIONS = 25_000  # at the branch: a backup of them blocks a window for ~0.2 s
BUNDLE_ROWS = 1000
MAX_GAP_MS = 100
GENERATOR = Path(__file__).resolve().parents[2] / "tools" / "generate_registrations.py"


class GapMeter:
    """The longest interval between two ticks of a 10 ms timer while it runs."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0
        self.quiet = 0  # ticks in a row that came on time

    def _tick(self) -> None:
        now = time.perf_counter()
        gap, self._last = now - self._last, now
        self.longest = max(self.longest, gap)
        self.quiet = self.quiet + 1 if gap < 0.02 else 0

    def __enter__(self) -> GapMeter:
        self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._tick()
        self.timer.stop()

    @property
    def ms(self) -> float:
        return round(self.longest * 1000, 1)


def settle(qtbot) -> None:
    """Until the window has done what it does after opening or after an action (layout,
    first paint, its reading jobs): twenty ticks in a row on time."""
    with GapMeter() as meter:
        qtbot.waitUntil(lambda: meter.quiet >= 20, timeout=30_000)


def _yes(qtbot) -> None:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)


def test_backup_restore_and_import_leave_no_gap_over_100_ms(
        qtbot, branch, make_volunteer, tmp_path):
    from desa_peduli.ui.branch.window import BranchMainWindow

    fill_branch(branch.db, REGISTRATIONS)
    rina = make_volunteer("RLW-001")
    rows = tmp_path / "rows.jsonl"
    subprocess.run([sys.executable, str(GENERATOR), "-n", str(BUNDLE_ROWS), "--seed", "3",
                    "-o", str(rows)], check=True, timeout=120)
    assert add_file(rina, rows).added == BUNDLE_ROWS
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = FieldSync(rina).export(stick).path
    window = BranchMainWindow(branch)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    gaps: dict[str, list[float]] = {}

    def measure(action: str, run) -> None:
        """The longest gap while ``run()`` does ``action``; once more if it was over the
        limit: blocking work on the UI thread blocks every time, while another process on
        a busy machine (CI, a parallel build) may take the CPU from a single run."""
        for _attempt in range(2):
            with GapMeter() as meter:
                run()
            gaps.setdefault(action, []).append(meter.ms)
            settle(qtbot)
            if meter.ms < MAX_GAP_MS:
                return

    def backup() -> None:
        window.backup_action.trigger()
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Backup saved"),
                        timeout=60_000)
        window.statusBar().clearMessage()

    def restore() -> None:
        window.restore_action.trigger()
        qtbot.waitUntil(lambda: isinstance(window.dialog, RestoreBackupDialog)
                        and window.dialog.isVisible())
        qtbot.mouseClick(window.dialog.restore_button, Qt.MouseButton.LeftButton)
        yes = _yes(qtbot)
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Restored"),
                        timeout=60_000)
        window.statusBar().clearMessage()

    outcomes = []

    def import_bundle() -> None:
        with qtbot.waitSignal(window.import_view.finished, timeout=120_000) as done:
            window.import_view.import_files([bundle])
        outcomes.append([o.status for o in done.args[0]])

    measure("backup", backup)
    measure("restore", restore)
    measure("import", import_bundle)
    assert outcomes[0] == ["applied"]  # a second import is refused as already imported
    assert branch.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == (
        REGISTRATIONS + BUNDLE_ROWS)
    print("longest event-loop gaps (ms):", gaps)
    assert all(runs[-1] < MAX_GAP_MS for runs in gaps.values()), gaps
    window.close()
