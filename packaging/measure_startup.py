#!/usr/bin/env python3
"""Size of a built Desa Peduli folder and the start time of its GUI to the passphrase prompt.

    python packaging/measure_startup.py [PROGRAM] [--runs 5] [--cold]

PROGRAM defaults to packaging/dist/desa-peduli/desa-peduli(.exe). A volunteer workspace
is made in a temporary folder with the program's own command line, then the GUI is
started RUNS times on the offscreen platform with ``DESA_PEDULI_STARTUP_PROBE=1``: the
program prints the wall-clock time at which its first window (the passphrase dialog) is
exposed, then closes it. Start time = that moment minus the moment just before the
process was started (exec → window on screen, bootloader, Python, Qt and the dialog
included). ``--cold`` empties the Linux page cache before every run (root only: writes
``/proc/sys/vm/drop_caches``), so every file is read from disk again, as after a reboot.
Without it the first run is "first start after build" and the rest are warm.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXE = ".exe" if sys.platform == "win32" else ""
PASSPHRASE = "ukur-waktu-mulai-123"


def folder_size_mb(folder: Path) -> float:
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1024 / 1024


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def start_once(program: Path, workspace: Path, env: dict) -> tuple[float, dict, int]:
    started = time.time()
    run = subprocess.run([str(program), "--data-dir", str(workspace)], env=env,
                         capture_output=True, text=True, timeout=120)
    lines = [line for line in run.stderr.splitlines() if line.startswith('{"startup_probe"')]
    if not lines:
        raise SystemExit(f"no start-up report; stderr:\n{run.stderr[-3000:]}")
    report = json.loads(lines[0])
    return report["wall_time"] - started, report, run.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", nargs="?",
                        default=str(HERE / "dist" / "desa-peduli" / f"desa-peduli{EXE}"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each run")
    args = parser.parse_args()
    program = Path(args.program).resolve()
    if not program.is_file():
        parser.error(f"no program at {program}: build it first (packaging/README.md)")

    with tempfile.TemporaryDirectory(prefix="desa-peduli-start-") as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DESA_PEDULI_")}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
                   APPDATA=str(tmp / "appdata"), LOCALAPPDATA=str(tmp / "localappdata"))
        workspace = tmp / "ws"
        made = subprocess.run([str(program), "--data-dir", str(workspace), "init", "volunteer",
                               "--name", "Ukur", "--home-village", "15.04.05.2003"],
                              env={**env, "DESA_PEDULI_PASSPHRASE": PASSPHRASE},
                              capture_output=True, text=True, timeout=120)
        if made.returncode != 0:
            raise SystemExit(f"init failed: {made.stderr}")
        env["DESA_PEDULI_STARTUP_PROBE"] = "1"
        times = []
        for _ in range(args.runs):
            if args.cold:
                drop_caches()
            seconds, report, code = start_once(program, workspace, env)
            if code != 0:
                raise SystemExit(f"the program exited with {code}")
            times.append(seconds)
            print(f"  {report['startup_probe']}: {seconds:.3f} s "
                  f"(inside Python from the entry script: {report['since_main_s']:.3f} s)")

    print(f"folder: {program.parent} — {folder_size_mb(program.parent):.1f} MiB")
    kind = "cold (page cache dropped)" if args.cold else "first run, then warm"
    print(f"start to passphrase dialog, {kind}: first {times[0]:.3f} s, "
          f"median {statistics.median(times):.3f} s, max {max(times):.3f} s over {len(times)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
