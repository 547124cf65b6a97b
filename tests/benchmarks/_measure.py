"""Tiny wrapper: run a command and report its own wall time and peak RSS as JSON.

    python _measure.py REPORT.json TIMEOUT_S -- COMMAND [ARG...]

Why a wrapper: on Linux a child's ``ru_maxrss`` starts from its parent's high-water RSS
at fork (the kernel folds the old memory map's peak into it at exec), so a child of the
test process (which has run scrypt: 500+ MB) would look as big as the test process. This
wrapper is a fresh small interpreter; the command it starts inherits only its few MB, and
``os.wait4`` gives that one command's usage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main() -> int:
    report_path, timeout = sys.argv[1], float(sys.argv[2])
    if sys.argv[3] != "--":
        raise SystemExit("usage: _measure.py REPORT TIMEOUT -- COMMAND...")
    argv = sys.argv[4:]
    start = time.perf_counter()
    proc = subprocess.Popen(argv)  # inherits stdin, stdout and stderr
    deadline = start + timeout
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            timed_out = True
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    with open(report_path, "w", encoding="utf-8") as handle:
        json.dump({"returncode": proc.returncode, "wall_s": wall, "timed_out": timed_out,
                   "max_rss_kb": usage.ru_maxrss, "user_s": usage.ru_utime,
                   "sys_s": usage.ru_stime}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
