"""Child process: import a bundle the branch already holds, timed in-process.

    python _child_reimport.py BRANCH BUNDLE [REPEATS] [--backup]   (key, hex, on stdin)

``BranchService.import_bundle`` must raise BundleRejected(reason="already_imported");
the first call (cold caches) and REPEATS more are timed. With ``--backup`` it also times
``make_backup`` of the branch, which the CLI's ``import`` does before importing. Prints
one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> int:
    args = sys.argv[1:]
    backup = "--backup" in args
    args = [a for a in args if a != "--backup"]
    branch, bundle = Path(args[0]), Path(args[1])
    repeats = int(args[2]) if len(args) > 2 else 5
    key = bytes.fromhex(sys.stdin.read().strip())
    from desa_peduli.errors import BundleRejected
    from desa_peduli.services.branch import BranchService
    from desa_peduli.services.session import Session
    from desa_peduli.storage.workspace import Workspace

    start = time.perf_counter()
    session = Session(Workspace.open_with_key(branch, key))
    open_s = time.perf_counter() - start
    timings, reasons = [], []
    backup_s = backup_bytes = None
    try:
        service = BranchService(session)
        rows = session.db.execute("SELECT count(*) FROM registrations").fetchone()[0]
        for _ in range(1 + repeats):
            start = time.perf_counter()
            try:
                service.import_bundle(bundle)
                reasons.append("applied")
            except BundleRejected as exc:
                reasons.append(exc.reason)
            timings.append(time.perf_counter() - start)
        if backup:
            from desa_peduli.storage.backups import make_backup

            start = time.perf_counter()
            info = make_backup(session.workspace, reason="pre-import")
            backup_s = time.perf_counter() - start
            backup_bytes = info.size
            info.path.unlink()
    finally:
        session.close()
    print(json.dumps({"open_s": open_s, "first_s": timings[0], "repeat_s": timings[1:],
                      "reasons": reasons, "rows": rows, "backup_s": backup_s,
                      "backup_bytes": backup_bytes}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
