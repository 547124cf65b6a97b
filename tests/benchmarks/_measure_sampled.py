"""Like ``_measure.py``, and also samples the command's RSS and timestamps its output.

    python _measure_sampled.py REPORT.json TIMEOUT_S INTERVAL_S -- COMMAND [ARG...]

Same reason for being a separate small interpreter as ``_measure.py`` (the peak RSS from
``os.wait4`` is the command's own). In addition, every INTERVAL_S the command's current
resident set (``VmRSS`` in ``/proc/PID/status``) is sampled, and each line the command
writes to standard output is passed through and timestamped, so a long run shows how
memory and per-item time evolve (e.g. one ``import`` line per bundle). Run the command
with ``PYTHONUNBUFFERED=1`` so its lines arrive when they are written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time


def _rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def main() -> int:
    report_path, timeout, interval = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    if sys.argv[4] != "--":
        raise SystemExit("usage: _measure_sampled.py REPORT TIMEOUT INTERVAL -- COMMAND...")
    argv = sys.argv[5:]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE)  # stdin and stderr inherited
    samples: list[tuple[float, int]] = []
    lines: list[tuple[float, int | None, str]] = []

    def pump() -> None:
        out = sys.stdout.buffer
        for raw in proc.stdout:
            now = time.perf_counter() - start
            lines.append((round(now, 4), _rss_kb(proc.pid),
                          raw.decode("utf-8", "replace").rstrip("\n")))
            out.write(raw)
        out.flush()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    deadline = start + timeout
    timed_out = False
    next_sample = start
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        now = time.perf_counter()
        if now >= next_sample:
            rss = _rss_kb(proc.pid)
            if rss is not None:
                samples.append((round(now - start, 4), rss))
            next_sample = now + interval
        if now > deadline:
            timed_out = True
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    reader.join(timeout=30)
    proc.stdout.close()
    with open(report_path, "w", encoding="utf-8") as handle:
        json.dump({"returncode": proc.returncode, "wall_s": wall, "timed_out": timed_out,
                   "max_rss_kb": usage.ru_maxrss, "user_s": usage.ru_utime,
                   "sys_s": usage.ru_stime, "samples": samples, "lines": lines}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
