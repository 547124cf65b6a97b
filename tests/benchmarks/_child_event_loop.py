"""Child process: the branch window over a large workspace while its slow actions run.

    QT_QPA_PLATFORM=offscreen python _child_event_loop.py WS ROWS.jsonl   (raw key on stdin)

WS is a private copy (the child writes to it). A 10 ms timer records the longest interval
between two of its ticks while (1) a backup, (2) a restore of that backup and (3) the
import of a bundle of ROWS (from a volunteer enrolled here and now) run from the window,
each from the action to its end, the window's own refresh afterwards included. Prints
one JSON line: the longest gap of each, in milliseconds, and how long each took.
"""

from __future__ import annotations

import collections
import json
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ACTIONS_ENV = "DESA_PEDULI_BENCH_EVENT_LOOP_ACTIONS"  # e.g. "import": only those


class GapMeter:
    """The longest interval between two ticks of a 10 ms timer while it runs, with the
    main thread's CPU time in it (``time.thread_time``: work on the UI thread, as opposed
    to waiting for the CPU on a busy machine or for the GIL), and what the UI thread was
    doing: a watchdog thread samples its Python stack every 10 ms while a tick is over
    50 ms late (:attr:`gaps`, the slow intervals, longest first, go to stderr)."""

    SLOW = 0.05

    def __init__(self, app):
        from PySide6.QtCore import QEventLoop, QTimer

        self.wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents  # sleep, not spin

        self.app = app
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = self.longest_cpu = self.cpu_of_longest = 0.0
        self.quiet = 0
        self.gaps: list[dict] = []
        self.phase = ""
        self._last = self._last_cpu = 0.0
        self._samples: list[tuple[str, ...]] = []
        self._main = threading.get_ident()
        self._measuring = False
        threading.Thread(target=self._watch, name="gap-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while True:
            time.sleep(0.01)
            if self._measuring and time.perf_counter() - self._last > self.SLOW:
                frame = sys._current_frames().get(self._main)
                if frame is not None:
                    self._samples.append(tuple(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}"
                        for f in traceback.extract_stack(frame)[-14:]))

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap, self._last = now - self._last, now
        gap_cpu, self._last_cpu = cpu - self._last_cpu, cpu
        samples, self._samples = self._samples, []
        if gap > self.longest:
            self.longest, self.cpu_of_longest = gap, gap_cpu
        self.longest_cpu = max(self.longest_cpu, gap_cpu)
        self.quiet = self.quiet + 1 if gap < 0.02 else 0
        if gap > self.SLOW:
            common = collections.Counter(samples).most_common(2)
            self.gaps.append({"phase": self.phase, "wall_ms": round(gap * 1000, 1),
                              "cpu_ms": round(gap_cpu * 1000, 1), "samples": len(samples),
                              "stacks": [[n, list(s)] for s, n in common]})

    def run_until(self, done, timeout: float = 2400.0, phase: str = "") -> tuple[float, float]:
        """Process events until ``done()``, then 20 ticks on time; (longest gap, seconds)."""
        self.phase = phase
        start = self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.longest = self.longest_cpu = self.cpu_of_longest = 0.0
        self.quiet = 0
        self._samples = []
        self._measuring = True
        self.timer.start()
        while not done():
            self.app.processEvents(self.wait)
            if time.perf_counter() - start > timeout:
                raise TimeoutError
        took = time.perf_counter() - start
        while self.quiet < 20:  # the window's own refresh after the job
            self.app.processEvents(self.wait)
        self._tick()
        self._measuring = False
        self.timer.stop()
        return round(self.longest * 1000, 1), round(took, 2)

    def report(self, out) -> None:
        """The slow intervals, longest first, with the UI thread's commonest stacks."""
        for gap in sorted(self.gaps, key=lambda g: -g["wall_ms"]):
            print(f"--- {gap['phase']}: {gap['wall_ms']} ms wall, {gap['cpu_ms']} ms UI-thread "
                  f"CPU, {gap['samples']} samples", file=out)
            for count, stack in gap["stacks"]:
                print(f"  [{count}x]", file=out)
                for line in stack:
                    print(f"    {line}", file=out)


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
    meter.run_until(lambda: model.rowCount() > 0, phase="open")  # opened and settled
    meter.gaps.clear()
    out = {}

    actions = os.environ.get(ACTIONS_ENV, "backup,restore,import").split(",")
    status = window.statusBar()
    if "backup" in actions or "restore" in actions:
        before = {info.path for info in backups.storage.list_backups(session.workspace)}
        window.backup_action.trigger()
        out["backup_gap_ms"], out["backup_s"] = meter.run_until(
            lambda: status.currentMessage().startswith("Backup saved"), phase="backup")
        out["backup_gap_cpu_ms"] = round(meter.cpu_of_longest * 1000, 1)  # CPU in the longest
        out["backup_max_cpu_ms"] = round(meter.longest_cpu * 1000, 1)  # most CPU in one interval
        made = [info for info in backups.storage.list_backups(session.workspace)
                if info.path not in before]
        assert len(made) == 1, made

        if "restore" in actions:
            window.workspace_actions.restore(made[0])
            out["restore_gap_ms"], out["restore_s"] = meter.run_until(
                lambda: status.currentMessage().startswith("Restored"), phase="restore")
            out["restore_gap_cpu_ms"] = round(meter.cpu_of_longest * 1000, 1)
            out["restore_max_cpu_ms"] = round(meter.longest_cpu * 1000, 1)

    finished = []
    shown_before = model.rowCount()
    window.import_view.finished.connect(finished.append)
    window.import_view.import_files([bundle])
    # to the end of the import and the list showing the new rows (read on a job of its own)
    out["import_gap_ms"], out["import_s"] = meter.run_until(
        lambda: bool(finished) and model.rowCount() > shown_before, phase="import")
    out["import_gap_cpu_ms"] = round(meter.cpu_of_longest * 1000, 1)  # CPU in the longest
    out["import_max_cpu_ms"] = round(meter.longest_cpu * 1000, 1)  # most CPU in one interval
    out["import_status"] = [o.status for o in finished[0]]
    out["registrations"] = session.db.execute("SELECT count(*) FROM registrations").fetchone()[0]
    window.close()
    session.close()
    meter.report(sys.stderr)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
