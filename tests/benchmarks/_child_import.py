"""Child process: import bundles into a branch workspace opened with its raw key.

    python _child_import.py BRANCH BUNDLE... [--profile OUT.prof]   (key, hex, on stdin)

No passphrase unwrap (scrypt) and no pre-import backup, so the parent's wait4 peak RSS
is the import path's own. ``BranchService.import_bundle`` per bundle, timed one by one,
with this process's current and peak RSS after each. With ``--profile`` the imports run
under cProfile and the stats are dumped to OUT.prof. Prints one JSON line.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    args = sys.argv[1:]
    profile_out = None
    if "--profile" in args:
        i = args.index("--profile")
        profile_out = args[i + 1]
        del args[i:i + 2]
    branch, bundles = Path(args[0]), [Path(a) for a in args[1:]]
    key = bytes.fromhex(sys.stdin.read().strip())
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    start = time.perf_counter()
    session = Session(Workspace.open_with_key(branch, key))
    open_s = time.perf_counter() - start
    profiler = None
    if profile_out:
        import cProfile

        profiler = cProfile.Profile()
    per_bundle = []
    totals = {"new": 0, "updated": 0, "unchanged": 0, "duplicates": 0, "rejected": 0}
    try:
        service = BranchService(session)
        rss_before = _rss_mb()
        for index, path in enumerate(bundles):
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            # as the CLI does: the next file is queued in the decoding process early
            report = service.import_bundle(path, upcoming=bundles[index + 1:])
            if profiler:
                profiler.disable()
            elapsed = time.perf_counter() - start
            for k in totals:
                totals[k] += len(report.rejected) if k == "rejected" else getattr(report, k)
            per_bundle.append({"file": path.name, "s": round(elapsed, 4), "new": report.new,
                               "rss_mb": round(_rss_mb(), 1),
                               "peak_mb": round(resource.getrusage(
                                   resource.RUSAGE_SELF).ru_maxrss / 1024, 1)})
        rows = session.db.execute("SELECT count(*) FROM registrations").fetchone()[0]
    finally:
        session.close()
    if profiler:
        profiler.dump_stats(profile_out)
    print(json.dumps({"open_s": open_s, "import_s": sum(b["s"] for b in per_bundle),
                      "rss_before_mb": round(rss_before, 1), "per_bundle": per_bundle,
                      "rows": rows, **totals}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
