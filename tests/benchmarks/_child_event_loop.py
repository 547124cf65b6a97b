"""Child process: the branch window over a large workspace while its slow actions run.

    QT_QPA_PLATFORM=offscreen python _child_event_loop.py WS ROWS.jsonl   (raw key on stdin)

WS is a private copy (the child writes to it). A 10 ms timer records the longest interval
between two of its ticks while (1) a backup, (2) a restore of that backup and (3) the
import of a bundle of ROWS (from a volunteer enrolled here and now) run from the window,
each from the action to its end, the window's own refresh afterwards included. Prints
one JSON line: the longest gap of each, in milliseconds, and how long each took.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


class GapMeter:
    """The longest interval between two ticks of a 10 ms timer while it runs."""

    def __init__(self, app):
        from PySide6.QtCore import QEventLoop, QTimer

        self.wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents  # sleep, not spin

        self.app = app
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self.quiet = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        gap, self._last = now - self._last, now
        self.longest = max(self.longest, gap)
        self.quiet = self.quiet + 1 if gap < 0.02 else 0

    def run_until(self, done, timeout: float = 900.0) -> tuple[float, float]:
        """Process events until ``done()``, then 20 ticks on time; (longest gap, seconds)."""
        start = self._last = time.perf_counter()
        self.longest, self.quiet = 0.0, 0
        self.timer.start()
        while not done():
            self.app.processEvents(self.wait)
            if time.perf_counter() - start > timeout:
                raise TimeoutError
        took = time.perf_counter() - start
        while self.quiet < 20:  # the window's own refresh after the job
            self.app.processEvents(self.wait)
        self._tick()
        self.timer.stop()
        return round(self.longest * 1000, 1), round(took, 2)


def volunteer_bundle(branch, rows: Path, folder: Path) -> Path:
    """A bundle of ``rows`` from a volunteer this branch enrols now."""
    from desa_peduli.services.adding import add_file
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.field import FieldSync
    from desa_peduli.services.session import Session

    enrolment = BranchService(branch).enrol(volunteer_id="RLW-9001", name="Relawan Uji",
                                            villages=["15.04.05.2003"], target=folder)
    volunteer = Session.create_volunteer(folder / "laptop", name="Relawan Uji",
                                         passphrase="kata sandi uji yang panjang sekali")
    try:
        FieldSync(volunteer).enrol(enrolment)
        add_file(volunteer, rows)
        return FieldSync(volunteer).export(folder).path
    finally:
        volunteer.close()


def main() -> int:
    path, rows = Path(sys.argv[1]), Path(sys.argv[2])
    key = bytes.fromhex(sys.stdin.read().strip())
    from PySide6.QtWidgets import QApplication

    app = QApplication(["desa-peduli"])
    from desa_peduli.services import backups
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace
    from desa_peduli.ui.branch.window import BranchMainWindow

    session = Session(Workspace.open_with_key(path, key))
    folder = Path(tempfile.mkdtemp(prefix="event-loop-"))
    bundle = volunteer_bundle(session, rows, folder)
    window = BranchMainWindow(session)
    window.resize(1366, 768)
    window.show()
    meter = GapMeter(app)
    model = window.registrations_view.model
    meter.run_until(lambda: model.rowCount() > 0)  # opened and settled
    out = {}

    before = {info.path for info in backups.storage.list_backups(session.workspace)}
    status = window.statusBar()
    window.backup_action.trigger()
    out["backup_gap_ms"], out["backup_s"] = meter.run_until(
        lambda: status.currentMessage().startswith("Backup saved"))
    made = [info for info in backups.storage.list_backups(session.workspace)
            if info.path not in before]
    assert len(made) == 1, made

    window.workspace_actions.restore(made[0])
    out["restore_gap_ms"], out["restore_s"] = meter.run_until(
        lambda: status.currentMessage().startswith("Restored"))

    finished = []
    window.import_view.finished.connect(finished.append)
    window.import_view.import_files([bundle])
    out["import_gap_ms"], out["import_s"] = meter.run_until(lambda: bool(finished))
    out["import_status"] = [o.status for o in finished[0]]
    out["registrations"] = session.db.execute("SELECT count(*) FROM registrations").fetchone()[0]
    window.close()
    session.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
